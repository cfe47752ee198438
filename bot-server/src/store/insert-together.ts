/**
 * New rows of several tables written together. On PostgreSQL they are one statement, each table's INSERT but the
 * last in a data-modifying WITH (https://www.postgresql.org/docs/current/queries-with.html#QUERIES-WITH-MODIFYING):
 * one round trip instead of one per table, and atomic on its own (outside a transaction the statement commits
 * everything or nothing; constraints, foreign keys included, are checked at its end). On SQLite, which has no
 * data-modifying WITH and no round trips (the database is in the process), one INSERT per table in the order given
 * (referenced rows first), inside a transaction unless the caller's is open.
 */
import type { InsertObject, Kysely } from "kysely";
import { dialectOf } from "./connect.js";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export type TableRows = {
  [T in keyof Database & string]: { table: T; rows: readonly InsertObject<Database, T>[] };
}[keyof Database & string];

/** Loosely typed view of the query builder for a list of tables only known at run time (each entry is typed). */
interface AnyInserts {
  insertInto(table: string): { values(rows: readonly unknown[]): { execute(): Promise<unknown> } };
  with(name: string, cte: (creator: AnyInserts) => unknown): AnyInserts;
}

export async function insertTogether(db: Db, inserts: readonly TableRows[]): Promise<void> {
  const parts = inserts.filter((i) => i.rows.length > 0);
  const last = parts.at(-1);
  if (!last) return;
  if (dialectOf(db) === "postgres") {
    let q = db as unknown as AnyInserts;
    parts.slice(0, -1).forEach((p, i) => {
      q = q.with(`w${i}`, (c) => c.insertInto(p.table).values(p.rows));
    });
    await q.insertInto(last.table).values(last.rows).execute();
    return;
  }
  const run = async (trx: Db) => {
    for (const p of parts) await (trx as unknown as AnyInserts).insertInto(p.table).values(p.rows).execute();
  };
  if (parts.length === 1 || db.isTransaction) await run(db);
  else await db.transaction().execute(run);
}
