/**
 * Writing the transactional outbox: always called with the transaction that records the state change, so the
 * notification exists if and only if the change committed. The notification module reads and relays the rows.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

/** Lifecycle notifications plus the leader's same-day alert. */
export type OutboxKind =
  | "receipt_issued"
  | "supplement_requested"
  | "result_ready"
  | "late_apology"
  | "returned"
  | "refused"
  | "feedback_answer"
  | "leader_alert";

/** Never personal data: ids, codes, procedure, state, dates, unit. */
export interface OutboxPayload {
  [key: string]: string | number | boolean | null | readonly string[] | undefined;
}

export interface NewOutboxRow {
  dossierId: string | null;
  eventId: string | null;
  kind: OutboxKind;
  payload: OutboxPayload;
  now: string;
}

export async function insertOutbox(db: Db, row: NewOutboxRow): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("outbox")
    .values({
      id,
      dossier_id: row.dossierId,
      event_id: row.eventId,
      kind: row.kind,
      payload: JSON.stringify(row.payload),
      status: "pending",
      attempts: 0,
      available_at: row.now,
      created_at: row.now,
      updated_at: row.now,
      last_error: null,
    })
    .execute();
  return id;
}

export interface OutboxView {
  id: string;
  kind: string;
  status: string;
  createdAt: string;
  payload: Record<string, unknown>;
}

export async function listOutboxOfDossier(db: Db, dossierId: string): Promise<OutboxView[]> {
  const rows = await db.selectFrom("outbox").selectAll().where("dossier_id", "=", dossierId).orderBy("created_at").execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, status: r.status, createdAt: r.created_at, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}
