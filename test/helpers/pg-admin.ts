/** One PostgreSQL statement on its own connection (create or drop a schema or database); no Jest import, benches use it too. */
import pg from "pg";

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
