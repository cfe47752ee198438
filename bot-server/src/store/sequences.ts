/**
 * Per-agency, per-day numbers for dossier codes (<agency>-<yyMMdd>-<NNNN>).
 * One upsert … RETURNING statement is atomic on PostgreSQL and on SQLite (≥ 3.35), so concurrent intakes never
 * share a number. Inside a transaction the number is only consumed if the transaction commits, so a
 * rolled-back intake leaves no gap; on PostgreSQL concurrent intakes of one agency queue on that row until commit.
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "./database.js";

const DAY_PATTERN = /^\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

/**
 * Allocates the next number (1, 2, …) for `agencyCode` on `day` ("yyMMdd", Asia/Ho_Chi_Minh); with `count`, the
 * next `count` numbers at once and returns the last of them (the first is `last - count + 1`).
 * Pass the caller's Transaction when there is one: on SQLite a statement on the outer Kysely waits for the
 * open transaction to finish, so calling this with `db` inside `db.transaction()` would never return.
 */
export async function nextDossierSequence(
  db: Kysely<Database>,
  agencyCode: string,
  day: string,
  count = 1,
): Promise<number> {
  if (agencyCode.trim() === "") throw new Error("nextDossierSequence: agencyCode is empty");
  if (!DAY_PATTERN.test(day)) throw new Error(`nextDossierSequence: day must be yyMMdd, got "${day}"`);
  if (!Number.isSafeInteger(count) || count < 1)
    throw new Error(`nextDossierSequence: count must be ≥ 1, got ${count}`);
  const row = await db
    .insertInto("dossier_sequences")
    .values({ agency_code: agencyCode, day, last_value: count })
    .onConflict((oc) =>
      oc
        .columns(["agency_code", "day"])
        .doUpdateSet({ last_value: sql<number>`dossier_sequences.last_value + ${count}` }),
    )
    .returning("last_value")
    .executeTakeFirstOrThrow();
  return Number(row.last_value);
}
