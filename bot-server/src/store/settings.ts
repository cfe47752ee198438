/** Server settings kept as catalog_documents of kind "setting" (a JSON value per id). */
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

const KIND = "setting";

export async function readSetting(db: Kysely<Database>, id: string): Promise<unknown> {
  const row = await db
    .selectFrom("catalog_documents")
    .select("body")
    .where("kind", "=", KIND)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? (JSON.parse(row.body) as unknown) : undefined;
}

export async function writeSettingIfAbsent(
  db: Kysely<Database>,
  id: string,
  value: unknown,
  now: string,
): Promise<void> {
  await db
    .insertInto("catalog_documents")
    .values({
      kind: KIND,
      id,
      valid_from: null,
      valid_to: null,
      body: JSON.stringify(value),
      origin: "generated",
      updated_at: now,
      updated_by: null,
    })
    .onConflict((oc) => oc.columns(["kind", "id"]).doNothing())
    .execute();
}
