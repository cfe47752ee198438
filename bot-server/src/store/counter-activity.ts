/**
 * Today's counter activity at a unit, for the wait estimate ("Kịp 15:00 không?"): only when dossiers were received
 * and by which officer, and when open console drafts were started. No personal column is read.
 */
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

export interface CounterActivity {
  receptions: { at: string; officer: string | null }[];
  draftsStarted: string[];
}

/** Between two instants (ISO, UTC as stored). */
export async function counterActivity(
  db: Kysely<Database>,
  unitId: string,
  fromIso: string,
  toIso: string,
): Promise<CounterActivity> {
  const received = await db
    .selectFrom("dossiers")
    .select(["received_at", "typed_by"])
    .where("receiving_unit_id", "=", unitId)
    .where("training", "=", 0)
    .where("state", "!=", "draft")
    .where("received_at", ">=", fromIso)
    .where("received_at", "<", toIso)
    .execute();
  const drafts = await db
    .selectFrom("dossiers")
    .select(["created_at"])
    .where("receiving_unit_id", "=", unitId)
    .where("training", "=", 0)
    .where("state", "=", "draft")
    .where("created_at", ">=", fromIso)
    .where("created_at", "<", toIso)
    .execute();
  return {
    receptions: received.map((r) => ({ at: r.received_at, officer: r.typed_by })),
    draftsStarted: drafts.map((d) => d.created_at),
  };
}
