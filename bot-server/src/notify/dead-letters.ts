/**
 * What the unit admin sees and does about notifications that could not be delivered: dead letters (every attempt
 * failed: Zalo down, token refused) of the unit's dossiers and leader alerts, with their delivery history, and
 * re-drive, which puts the row back in the outbox for the relay or the dispatcher. Channels that refused the
 * applicant for good (-230, -108…) stay skipped; a re-drive never sends a notification that was already delivered.
 */
import type { Kysely } from "kysely";
import { parseOutboxPayload } from "../../../shared/notify/notification-kinds.js";
import type { Database } from "../store/database.js";

type Db = Kysely<Database>;

export interface DeliveryAttempt {
  channel: string;
  attempt: number;
  status: string;
  errorCode: string | null;
  at: string;
}

export interface DeadLetter {
  outboxId: string;
  kind: string;
  dossierId: string | null;
  dossierCode: string | null;
  /** The unit the notification belongs to (the dossier's receiving unit, else the payload's). */
  unitId: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  deadAt: string;
  deliveries: DeliveryAttempt[];
}

/** `unitId` undefined: every unit (the province viewer). */
export async function listDeadLetters(db: Db, unitId: string | undefined): Promise<DeadLetter[]> {
  const rows = await db
    .selectFrom("outbox")
    .leftJoin("dossiers", "dossiers.id", "outbox.dossier_id")
    .select([
      "outbox.id", "outbox.kind", "outbox.dossier_id", "outbox.payload", "outbox.attempts", "outbox.last_error", "outbox.created_at",
      "outbox.updated_at", "dossiers.code", "dossiers.receiving_unit_id",
    ])
    .where("outbox.status", "=", "dead")
    .orderBy("outbox.updated_at", "desc")
    .execute();
  const withUnit = rows.map((r) => ({ ...r, unitId: r.receiving_unit_id ?? parseOutboxPayload(r.payload).unitId ?? null }));
  const mine = unitId === undefined ? withUnit : withUnit.filter((r) => r.unitId === unitId);
  const history = await deliveriesOf(db, mine.map((r) => r.id));
  return mine.map((r) => ({
    outboxId: r.id,
    kind: r.kind,
    dossierId: r.dossier_id,
    dossierCode: r.code,
    unitId: r.unitId,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at,
    deadAt: r.updated_at,
    deliveries: history.get(r.id) ?? [],
  }));
}

export type RedriveResult = { ok: true } | { ok: false; error: "not_found" | "not_dead" };

/**
 * Dead → pending, attempts from zero; `unitId` restricts it to the unit admin's own letters. `alongside` runs in the
 * same transaction when the row moves (the audit entry of who re-drove it).
 */
export async function redrive(db: Db, outboxId: string, now: string, unitId?: string, alongside?: (tx: Db) => Promise<void>): Promise<RedriveResult> {
  const row = await db
    .selectFrom("outbox")
    .leftJoin("dossiers", "dossiers.id", "outbox.dossier_id")
    .select(["outbox.status", "outbox.payload", "outbox.dossier_id", "outbox.kind", "dossiers.receiving_unit_id"])
    .where("outbox.id", "=", outboxId)
    .executeTakeFirst();
  if (!row || (unitId !== undefined && (row.receiving_unit_id ?? parseOutboxPayload(row.payload).unitId) !== unitId)) return { ok: false, error: "not_found" };
  if (row.status !== "dead") return { ok: false, error: "not_dead" };
  const moved = await db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable("outbox")
      .set({ status: "pending", attempts: 0, available_at: now, updated_at: now, last_error: null })
      .where("id", "=", outboxId)
      .where("status", "=", "dead")
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    if (row.dossier_id && row.kind !== "leader_alert") await tx.updateTable("dossiers").set({ notify_status: "pending" }).where("id", "=", row.dossier_id).execute();
    await alongside?.(tx);
    return true;
  });
  return moved ? { ok: true } : { ok: false, error: "not_dead" };
}

/** Every attempt of every notification of a dossier, oldest first (the dossier page). */
export async function listDeliveriesOfDossier(db: Db, dossierId: string): Promise<(DeliveryAttempt & { outboxId: string; kind: string })[]> {
  const rows = await db
    .selectFrom("deliveries")
    .innerJoin("outbox", "outbox.id", "deliveries.outbox_id")
    .select(["deliveries.outbox_id", "outbox.kind", "deliveries.channel", "deliveries.attempt", "deliveries.status", "deliveries.error_code", "deliveries.at"])
    .where("outbox.dossier_id", "=", dossierId)
    .orderBy("deliveries.at")
    .execute();
  return rows.map((r) => ({ outboxId: r.outbox_id, kind: r.kind, channel: r.channel, attempt: r.attempt, status: r.status, errorCode: r.error_code, at: r.at }));
}

async function deliveriesOf(db: Db, outboxIds: readonly string[]): Promise<Map<string, DeliveryAttempt[]>> {
  const out = new Map<string, DeliveryAttempt[]>();
  if (outboxIds.length === 0) return out;
  const rows = await db
    .selectFrom("deliveries")
    .select(["outbox_id", "channel", "attempt", "status", "error_code", "at"])
    .where("outbox_id", "in", outboxIds)
    .orderBy("at")
    .execute();
  for (const r of rows) {
    const list = out.get(r.outbox_id) ?? [];
    list.push({ channel: r.channel, attempt: r.attempt, status: r.status, errorCode: r.error_code, at: r.at });
    out.set(r.outbox_id, list);
  }
  return out;
}
