/**
 * Console settings per unit (leader away, alert lead time) and once-only markers (the daily leader alert), kept
 * as catalog_documents of kind "console_setting". A marker is inserted with ON CONFLICT DO NOTHING, so of two
 * processes racing to send the same alert exactly one wins.
 */
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;
const KIND = "console_setting";

export async function readConsoleSetting<T>(db: Db, id: string): Promise<T | undefined> {
  const row = await db
    .selectFrom("catalog_documents")
    .select("body")
    .where("kind", "=", KIND)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? (JSON.parse(row.body) as T) : undefined;
}

export async function writeConsoleSetting(
  db: Db,
  id: string,
  value: unknown,
  now: string,
  by: string | null,
): Promise<void> {
  const body = JSON.stringify(value);
  await db
    .insertInto("catalog_documents")
    .values({
      kind: KIND,
      id,
      valid_from: null,
      valid_to: null,
      body,
      origin: "admin",
      updated_at: now,
      updated_by: by,
    })
    .onConflict((oc) => oc.columns(["kind", "id"]).doUpdateSet({ body, updated_at: now, updated_by: by }))
    .execute();
}

/** True when this call created the marker (the first to claim it). */
export async function claimOnce(db: Db, id: string, now: string): Promise<boolean> {
  const r = await db
    .insertInto("catalog_documents")
    .values({
      kind: KIND,
      id,
      valid_from: null,
      valid_to: null,
      body: "true",
      origin: "generated",
      updated_at: now,
      updated_by: null,
    })
    .onConflict((oc) => oc.columns(["kind", "id"]).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}
