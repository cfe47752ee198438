import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../../../bot-server/src/store/database.js";

/** Outbox rows by status. */
export async function outboxCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("outbox")
    .select(["status", sql<number>`count(*)`.as("n")])
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** True when no row is waiting any more (pending or queued). */
export async function outboxSettled(db: Kysely<Database>): Promise<boolean> {
  const c = await outboxCounts(db);
  return (c.pending ?? 0) + (c.queued ?? 0) === 0;
}
