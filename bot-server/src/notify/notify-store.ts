/**
 * The outbox and delivery rows as the notification module reads and writes them. The outbox is the truth:
 * Redis only carries ids, and every decision (already sent? which channel next? dead?) is made from these rows.
 * Outbox status: pending (to relay or dispatch) → queued (handed to a queue or the dispatcher) → sent |
 * not_notified | dead. Delivery status: sending (claimed, outcome unknown) → sent | failed | rejected.
 */
import { sql, type Kysely, type Selectable } from "kysely";
import type { Database, OutboxTable } from "../store/database.js";
import type { NotifyChannel } from "../../../shared/notify/channels.js";

type Db = Kysely<Database>;
export type OutboxRow = Selectable<OutboxTable>;

export const FINAL_OUTBOX_STATUSES = new Set(["sent", "not_notified", "dead"]);

/** The per-(outbox row, channel) key: held by the attempt that may deliver, so a second send cannot be claimed. */
export function idempotencyKey(outboxId: string, channel: NotifyChannel): string {
  return `${outboxId}:${channel}`;
}

export interface DeliveryClaim {
  id: string;
  outboxId: string;
  channel: NotifyChannel;
  attempt: number;
  at: string;
  trackingId: string | null;
}

function claimRow(claim: DeliveryClaim) {
  return {
    id: claim.id,
    outbox_id: claim.outboxId,
    channel: claim.channel,
    idempotency_key: idempotencyKey(claim.outboxId, claim.channel),
    attempt: claim.attempt,
    status: "sending",
    error_code: null,
    error_message: null,
    tracking_id: claim.trackingId,
    at: claim.at,
  };
}

/** Many claims in one statement (one commit); returns, per claim, whether it got the key. */
export async function claimDeliveries(db: Db, claims: readonly DeliveryClaim[]): Promise<boolean[]> {
  const inserted = await db
    .insertInto("deliveries")
    .values(claims.map(claimRow))
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .returning("id")
    .execute();
  const ids = new Set(inserted.map((r) => r.id));
  return claims.map((c) => ids.has(c.id));
}

/**
 * Inserts the "sending" record under the unique idempotency key before calling Zalo. Returns false when another
 * attempt holds the key (in flight elsewhere, in doubt, or already delivered): the caller must not send.
 */
export async function claimDelivery(db: Db, claim: DeliveryClaim): Promise<boolean> {
  const inserted = await db
    .insertInto("deliveries")
    .values(claimRow(claim))
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}

export interface DeliveryOutcome {
  status: "sent" | "failed" | "rejected";
  errorCode?: string | null;
  errorMessage?: string | null;
  trackingId?: string | null;
  at: string;
}

/**
 * Records the outcome of a claimed attempt. A failed or rejected attempt gives up the idempotency key
 * (renamed `<key>#<delivery id>`) so the next attempt can claim it; a sent one keeps it for ever.
 * Conditional on the record still being "sending": false when someone else resolved it first.
 */
export async function settleDelivery(db: Db, claim: Pick<DeliveryClaim, "id" | "outboxId" | "channel">, outcome: DeliveryOutcome): Promise<boolean> {
  const key = idempotencyKey(claim.outboxId, claim.channel);
  const r = await db
    .updateTable("deliveries")
    .set({
      status: outcome.status,
      idempotency_key: outcome.status === "sent" ? key : `${key}#${claim.id}`,
      error_code: outcome.errorCode ?? null,
      error_message: outcome.errorMessage ?? null,
      ...(outcome.trackingId !== undefined ? { tracking_id: outcome.trackingId } : {}),
      at: outcome.at,
    })
    .where("id", "=", claim.id)
    .where("status", "=", "sending")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A claimed send that got no answer stays "sending" (in doubt); the note says why, for the delivery history. */
export async function noteInDoubt(db: Db, deliveryId: string, message: string): Promise<void> {
  await db.updateTable("deliveries").set({ error_code: "no_answer", error_message: message }).where("id", "=", deliveryId).where("status", "=", "sending").execute();
}

/** A citizen-facing row moves the dossier's notify_status with it (the officer sees "not notified"). */
const NOTIFY_STATUS_BY_OUTBOX: Record<string, string> = { sent: "notified", not_notified: "not_notified", dead: "not_notified" };

/**
 * The row's final status, and the dossier's notify_status with it. The dossier is written first, so even outside a
 * transaction a crash in between leaves the row open and the next step finishes both.
 */
export async function finalizeOutbox(
  db: Db,
  row: Pick<OutboxRow, "id" | "dossier_id" | "kind">,
  status: "sent" | "not_notified" | "dead",
  at: string,
  lastError: string | null,
): Promise<void> {
  if (row.dossier_id && row.kind !== "leader_alert") {
    await db.updateTable("dossiers").set({ notify_status: NOTIFY_STATUS_BY_OUTBOX[status]! }).where("id", "=", row.dossier_id).execute();
  }
  await db
    .updateTable("outbox")
    .set({ status, updated_at: at, last_error: lastError })
    .where("id", "=", row.id)
    .where("status", "not in", [...FINAL_OUTBOX_STATUSES])
    .execute();
}

export interface SentRecord {
  claim: Pick<DeliveryClaim, "id" | "outboxId" | "channel">;
  row: Pick<OutboxRow, "id" | "dossier_id" | "kind">;
  trackingId: string | null;
  at: string;
}

/** Delivered messages: each attempt, its outbox row and its dossier, all in one commit. */
export async function recordSent(db: Db, records: readonly SentRecord[]): Promise<void> {
  const at = records[records.length - 1]!.at;
  await db.transaction().execute(async (tx) => {
    // One statement for the whole batch: Zalo's message id differs per attempt.
    await tx
      .updateTable("deliveries")
      .set({
        status: "sent",
        error_code: null,
        error_message: null,
        at,
        tracking_id: sql<string | null>`case ${sql.join(records.map((r) => sql`when id = ${r.claim.id} then cast(${r.trackingId} as text)`), sql` `)} else null end`,
      })
      .where("id", "in", records.map((r) => r.claim.id))
      .where("status", "=", "sending")
      .execute();
    const dossierIds = records.filter((r) => r.row.dossier_id && r.row.kind !== "leader_alert").map((r) => r.row.dossier_id!);
    if (dossierIds.length > 0) await tx.updateTable("dossiers").set({ notify_status: "notified" }).where("id", "in", dossierIds).execute();
    await tx
      .updateTable("outbox")
      .set({ status: "sent", updated_at: at, last_error: null })
      .where("id", "in", records.map((r) => r.row.id))
      .where("status", "not in", [...FINAL_OUTBOX_STATUSES])
      .execute();
  });
}

/** Schedules the next try; `countAttempt` for real failures (not night windows, rate limits or in-flight waits). */
export async function scheduleOutbox(
  db: Db,
  id: string,
  next: { availableAt: string; countAttempt: boolean; lastError: string | null; at: string },
): Promise<number> {
  const r = await db
    .updateTable("outbox")
    .set((eb) => ({
      available_at: next.availableAt,
      attempts: next.countAttempt ? eb("attempts", "+", 1) : eb.ref("attempts"),
      last_error: next.lastError,
      updated_at: next.at,
    }))
    .where("id", "=", id)
    .returning("attempts")
    .executeTakeFirst();
  return r?.attempts ?? 0;
}

/** Rows due for relay or dispatch, oldest first. */
export async function selectDuePending(db: Db, nowIso: string, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom("outbox")
    .selectAll()
    .where("status", "=", "pending")
    .where("available_at", "<=", nowIso)
    .orderBy("available_at")
    .limit(limit)
    .execute();
}

/** pending → queued for the given rows; returns the ids this call moved (another relay may have moved some). */
export async function markQueued(db: Db, ids: readonly string[], nowIso: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable("outbox")
    .set({ status: "queued", updated_at: nowIso })
    .where("id", "in", ids)
    .where("status", "=", "pending")
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

/** queued → pending (embedded dispatcher: a retry waits in the outbox, not in memory). */
export async function releaseToPending(db: Db, id: string, nowIso: string): Promise<void> {
  await db.updateTable("outbox").set({ status: "pending", updated_at: nowIso }).where("id", "=", id).where("status", "=", "queued").execute();
}

/** Queued rows nobody has touched since `beforeIso`: their job may have been lost (Redis restart, crash). */
export async function selectStaleQueued(db: Db, beforeIso: string, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom("outbox")
    .selectAll()
    .where("status", "=", "queued")
    .where("updated_at", "<", beforeIso)
    .orderBy("updated_at")
    .limit(limit)
    .execute();
}

export async function touchOutbox(db: Db, ids: readonly string[], nowIso: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("outbox").set({ updated_at: nowIso }).where("id", "in", ids).where("status", "=", "queued").execute();
}
