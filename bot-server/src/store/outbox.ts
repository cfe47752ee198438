/**
 * The outbox and its delivery attempts (tables outbox and deliveries, and the dossier's notify_status they move):
 * every query of them is here.
 * - Writing: always with the transaction that records the state change, so the notification exists if and only if
 *   the change committed; a chatbot reply is written claimed ("queued") for its first try.
 * - Sending: the outbox is the truth. Redis only carries ids, and every decision (already sent? which channel next?
 *   dead?) is made from these rows. Outbox status: pending (to relay or dispatch) → queued (handed to a queue or the
 *   dispatcher) → sent | not_notified | dead. Delivery status: sending (claimed, outcome unknown) → sent | failed |
 *   rejected.
 * - What a send reads (the row, its dossier and applicant, earlier attempts), dead letters and their re-drive,
 *   counts for /metrics.
 */
import { randomUUID } from "node:crypto";
import { sql, type Insertable, type Kysely, type Selectable } from "kysely";
import type { DeliveryChannel } from "../../../shared/notify/channels.js";
import { parseOutboxPayload } from "../../../shared/notify/notification-kinds.js";
import type { CitizenTable, Database, DeliveryTable, DossierTable, OutboxTable, UserTable } from "./database.js";

type Db = Kysely<Database>;
export type OutboxRow = Selectable<OutboxTable>;

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

/**
 * The row to insert, or undefined for a training dossier (docs/admin/training.md): its notifications are never
 * written, so no relay, worker or dead-letter list can see them. For callers that hold the dossier's training flag.
 */
export function outboxRow(
  row: NewOutboxRow,
  training: boolean,
  id: string = randomUUID(),
): Insertable<OutboxTable> | undefined {
  if (training) return undefined;
  return {
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
  };
}

/**
 * Writes the row, except for a training dossier (its flag read here; see outboxRow). Returns the row's id, or
 * undefined when nothing was written.
 */
export async function insertOutbox(db: Db, row: NewOutboxRow): Promise<string | undefined> {
  let training = false;
  if (row.dossierId !== null) {
    const d = await db.selectFrom("dossiers").select("training").where("id", "=", row.dossierId).executeTakeFirst();
    training = d !== undefined && Number(d.training) === 1;
  }
  const values = outboxRow(row, training);
  if (!values) return undefined;
  await db.insertInto("outbox").values(values).execute();
  return values.id;
}

export interface OutboxView {
  id: string;
  kind: string;
  status: string;
  createdAt: string;
  payload: Record<string, unknown>;
}

export async function listOutboxOfDossier(db: Db, dossierId: string): Promise<OutboxView[]> {
  const rows = await db
    .selectFrom("outbox")
    .selectAll()
    .where("dossier_id", "=", dossierId)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    createdAt: r.created_at,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
  }));
}

export const FINAL_OUTBOX_STATUSES = new Set(["sent", "not_notified", "dead"]);

/** The per-(outbox row, channel) key: held by the attempt that may deliver, so a second send cannot be claimed. */
export function idempotencyKey(outboxId: string, channel: DeliveryChannel): string {
  return `${outboxId}:${channel}`;
}

export interface DeliveryClaim {
  id: string;
  outboxId: string;
  channel: DeliveryChannel;
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
export async function settleDelivery(
  db: Db,
  claim: Pick<DeliveryClaim, "id" | "outboxId" | "channel">,
  outcome: DeliveryOutcome,
): Promise<boolean> {
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
  await db
    .updateTable("deliveries")
    .set({ error_code: "no_answer", error_message: message })
    .where("id", "=", deliveryId)
    .where("status", "=", "sending")
    .execute();
}

/** A citizen-facing row moves the dossier's notify_status with it (the officer sees "not notified"). */
const NOTIFY_STATUS_BY_OUTBOX: Record<string, string> = {
  sent: "notified",
  not_notified: "not_notified",
  dead: "not_notified",
};

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
    await db
      .updateTable("dossiers")
      .set({ notify_status: NOTIFY_STATUS_BY_OUTBOX[status]! })
      .where("id", "=", row.dossier_id)
      .execute();
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
        tracking_id: sql<string | null>`case ${sql.join(
          records.map((r) => sql`when id = ${r.claim.id} then cast(${r.trackingId} as text)`),
          sql` `,
        )} else null end`,
      })
      .where(
        "id",
        "in",
        records.map((r) => r.claim.id),
      )
      .where("status", "=", "sending")
      .execute();
    const dossierIds = records
      .filter((r) => r.row.dossier_id && r.row.kind !== "leader_alert")
      .map((r) => r.row.dossier_id!);
    if (dossierIds.length > 0)
      await tx.updateTable("dossiers").set({ notify_status: "notified" }).where("id", "in", dossierIds).execute();
    await tx
      .updateTable("outbox")
      .set({ status: "sent", updated_at: at, last_error: null })
      .where(
        "id",
        "in",
        records.map((r) => r.row.id),
      )
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
export async function selectDuePending(
  db: Db,
  nowIso: string,
  limit: number,
  kinds?: readonly string[],
): Promise<OutboxRow[]> {
  let q = db.selectFrom("outbox").selectAll().where("status", "=", "pending").where("available_at", "<=", nowIso);
  if (kinds) q = q.where("kind", "in", [...kinds]);
  return q.orderBy("available_at").limit(limit).execute();
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
  await db
    .updateTable("outbox")
    .set({ status: "pending", updated_at: nowIso })
    .where("id", "=", id)
    .where("status", "=", "queued")
    .execute();
}

/** Queued rows nobody has touched since `beforeIso`: their job may have been lost (Redis restart, crash). */
export async function selectStaleQueued(
  db: Db,
  beforeIso: string,
  limit: number,
  kinds?: readonly string[],
): Promise<OutboxRow[]> {
  let q = db.selectFrom("outbox").selectAll().where("status", "=", "queued").where("updated_at", "<", beforeIso);
  if (kinds) q = q.where("kind", "in", [...kinds]);
  return q.orderBy("updated_at").limit(limit).execute();
}

export async function touchOutbox(db: Db, ids: readonly string[], nowIso: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("outbox")
    .set({ updated_at: nowIso })
    .where("id", "in", ids)
    .where("status", "=", "queued")
    .execute();
}

/** A new outbox row already claimed by the caller (status "queued"), so no other sender starts it before the first try; false if the id exists. */
export async function insertClaimedOutbox(
  db: Db,
  row: { id: string; kind: string; payload: string; now: string },
): Promise<boolean> {
  const r = await db
    .insertInto("outbox")
    .values({
      id: row.id,
      dossier_id: null,
      event_id: null,
      kind: row.kind,
      payload: row.payload,
      status: "queued",
      attempts: 0,
      available_at: row.now,
      created_at: row.now,
      updated_at: row.now,
      last_error: null,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Finished rows of one kind (sent or given up) created before `before`, with their attempts. */
export async function deleteFinishedOutbox(db: Db, kind: string, before: string): Promise<number> {
  const r = await db
    .deleteFrom("outbox")
    .where("kind", "=", kind)
    .where("status", "in", ["sent", "not_notified", "dead"])
    .where("created_at", "<", before)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** For /metrics: outbox rows by status, the oldest not yet sent, delivery attempts by channel and outcome. */
export async function outboxCounts(db: Db) {
  const [byStatus, oldest, deliveries] = await Promise.all([
    db
      .selectFrom("outbox")
      .select(["status", sql<number>`count(*)`.as("n")])
      .groupBy("status")
      .execute(),
    db
      .selectFrom("outbox")
      .select(sql<string | null>`min(created_at)`.as("oldest"))
      .where("status", "in", ["pending", "queued"])
      .executeTakeFirst(),
    db
      .selectFrom("deliveries")
      .select(["channel", "status", sql<number>`count(*)`.as("n")])
      .groupBy(["channel", "status"])
      .execute(),
  ]);
  return { byStatus, oldest: oldest?.oldest ?? null, deliveries };
}

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
    // A webhook to the province's system belongs to no dossier's notifications, but tells of one dossier's event.
    .leftJoin("dossier_events as ev", "ev.id", "outbox.event_id")
    .leftJoin("dossiers as evd", "evd.id", "ev.dossier_id")
    .select([
      "outbox.id",
      "outbox.kind",
      "outbox.dossier_id",
      "outbox.payload",
      "outbox.attempts",
      "outbox.last_error",
      "outbox.created_at",
      "outbox.updated_at",
      "dossiers.code",
      "dossiers.receiving_unit_id",
      "evd.id as event_dossier_id",
      "evd.code as event_dossier_code",
    ])
    .where("outbox.status", "=", "dead")
    .orderBy("outbox.updated_at", "desc")
    .execute();
  const withUnit = rows.map((r) => ({
    ...r,
    unitId: r.receiving_unit_id ?? parseOutboxPayload(r.payload).unitId ?? null,
  }));
  const mine = unitId === undefined ? withUnit : withUnit.filter((r) => r.unitId === unitId);
  const history = await deliveriesOf(
    db,
    mine.map((r) => r.id),
  );
  return mine.map((r) => ({
    outboxId: r.id,
    kind: r.kind,
    dossierId: r.dossier_id ?? r.event_dossier_id,
    dossierCode: r.code ?? r.event_dossier_code,
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
export async function redrive(
  db: Db,
  outboxId: string,
  now: string,
  unitId?: string,
  alongside?: (tx: Db) => Promise<void>,
): Promise<RedriveResult> {
  const row = await db
    .selectFrom("outbox")
    .leftJoin("dossiers", "dossiers.id", "outbox.dossier_id")
    .select(["outbox.status", "outbox.payload", "outbox.dossier_id", "outbox.kind", "dossiers.receiving_unit_id"])
    .where("outbox.id", "=", outboxId)
    .executeTakeFirst();
  if (!row || (unitId !== undefined && (row.receiving_unit_id ?? parseOutboxPayload(row.payload).unitId) !== unitId))
    return { ok: false, error: "not_found" };
  if (row.status !== "dead") return { ok: false, error: "not_dead" };
  const moved = await db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable("outbox")
      .set({ status: "pending", attempts: 0, available_at: now, updated_at: now, last_error: null })
      .where("id", "=", outboxId)
      .where("status", "=", "dead")
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    if (row.dossier_id && row.kind !== "leader_alert")
      await tx.updateTable("dossiers").set({ notify_status: "pending" }).where("id", "=", row.dossier_id).execute();
    await alongside?.(tx);
    return true;
  });
  return moved ? { ok: true } : { ok: false, error: "not_dead" };
}

/** Every attempt of every notification of a dossier, oldest first (the dossier page). */
export async function listDeliveriesOfDossier(
  db: Db,
  dossierId: string,
): Promise<(DeliveryAttempt & { outboxId: string; kind: string })[]> {
  const rows = await db
    .selectFrom("deliveries")
    .innerJoin("outbox", "outbox.id", "deliveries.outbox_id")
    .select([
      "deliveries.outbox_id",
      "outbox.kind",
      "deliveries.channel",
      "deliveries.attempt",
      "deliveries.status",
      "deliveries.error_code",
      "deliveries.at",
    ])
    .where("outbox.dossier_id", "=", dossierId)
    .orderBy("deliveries.at")
    .execute();
  return rows.map((r) => ({
    outboxId: r.outbox_id,
    kind: r.kind,
    channel: r.channel,
    attempt: r.attempt,
    status: r.status,
    errorCode: r.error_code,
    at: r.at,
  }));
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

/** Only what a notification needs: never the applicant's name, ID number or form data. */
const DOSSIER_COLUMNS = [
  "id",
  "code",
  "citizen_id",
  "receiving_unit_id",
  "procedure_version_id",
  "track",
  "state",
  "received_at",
  "due_date",
  "original_due_date",
  "missing_documents",
] as const;
const CITIZEN_COLUMNS = [
  "id",
  "zalo_oa_user_id",
  "oa_last_interaction_at",
  "zalo_user_id",
  "notify_opt_in_at",
  "phone",
  "phone_consent_at",
  "miniapp_opened_at",
] as const;
export type NotifyDossier = Pick<Selectable<DossierTable>, (typeof DOSSIER_COLUMNS)[number]>;
export type NotifyCitizen = Pick<Selectable<CitizenTable>, (typeof CITIZEN_COLUMNS)[number]>;
export type NotifyOfficer = Pick<Selectable<UserTable>, "id" | "zalo_user_id" | "phone" | "created_at" | "active">;
export type DeliveryBrief = Pick<Selectable<DeliveryTable>, "id" | "channel" | "attempt" | "status" | "at">;

export async function readNotifyDossiers(db: Db, ids: readonly string[]): Promise<NotifyDossier[]> {
  return ids.length ? await db.selectFrom("dossiers").select(DOSSIER_COLUMNS).where("id", "in", ids).execute() : [];
}

export async function readNotifyCitizens(db: Db, ids: readonly string[]): Promise<NotifyCitizen[]> {
  return ids.length ? await db.selectFrom("citizens").select(CITIZEN_COLUMNS).where("id", "in", ids).execute() : [];
}

export interface SendRow {
  row: OutboxRow;
  dossier: NotifyDossier | undefined;
  citizen: NotifyCitizen | undefined;
  deliveries: DeliveryBrief[];
}

/** Everything the send steps of these rows read, in one query (outbox rows, dossiers, citizens, earlier attempts). */
export async function readSendRows(db: Db, outboxIds: readonly string[]): Promise<SendRow[]> {
  const rows = await db
    .selectFrom("outbox")
    .leftJoin("dossiers", "dossiers.id", "outbox.dossier_id")
    .leftJoin("citizens", "citizens.id", "dossiers.citizen_id")
    .leftJoin("deliveries", "deliveries.outbox_id", "outbox.id")
    .selectAll("outbox")
    .select([
      "dossiers.id as d_id",
      "dossiers.code as d_code",
      "dossiers.citizen_id as d_citizen_id",
      "dossiers.receiving_unit_id as d_receiving_unit_id",
      "dossiers.procedure_version_id as d_procedure_version_id",
      "dossiers.track as d_track",
      "dossiers.state as d_state",
      "dossiers.received_at as d_received_at",
      "dossiers.due_date as d_due_date",
      "dossiers.original_due_date as d_original_due_date",
      "dossiers.missing_documents as d_missing_documents",
      "citizens.id as c_id",
      "citizens.zalo_oa_user_id as c_zalo_oa_user_id",
      "citizens.oa_last_interaction_at as c_oa_last_interaction_at",
      "citizens.zalo_user_id as c_zalo_user_id",
      "citizens.notify_opt_in_at as c_notify_opt_in_at",
      "citizens.phone as c_phone",
      "citizens.phone_consent_at as c_phone_consent_at",
      "citizens.miniapp_opened_at as c_miniapp_opened_at",
      "deliveries.id as dl_id",
      "deliveries.channel as dl_channel",
      "deliveries.attempt as dl_attempt",
      "deliveries.status as dl_status",
      "deliveries.at as dl_at",
    ])
    .where("outbox.id", "in", [...outboxIds])
    .execute();
  const byOutbox = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byOutbox.get(r.id) ?? [];
    list.push(r);
    byOutbox.set(r.id, list);
  }
  return [...byOutbox.values()].map((group) => {
    const first = group[0]!;
    const row: OutboxRow = {
      id: first.id,
      dossier_id: first.dossier_id,
      event_id: first.event_id,
      kind: first.kind,
      payload: first.payload,
      status: first.status,
      attempts: first.attempts,
      available_at: first.available_at,
      created_at: first.created_at,
      updated_at: first.updated_at,
      last_error: first.last_error,
    };
    const dossier: NotifyDossier | undefined =
      first.d_id === null
        ? undefined
        : {
            id: first.d_id,
            code: first.d_code!,
            citizen_id: first.d_citizen_id,
            receiving_unit_id: first.d_receiving_unit_id!,
            procedure_version_id: first.d_procedure_version_id!,
            track: first.d_track!,
            state: first.d_state!,
            received_at: first.d_received_at!,
            due_date: first.d_due_date!,
            original_due_date: first.d_original_due_date!,
            missing_documents: first.d_missing_documents!,
          };
    const citizen: NotifyCitizen | undefined =
      first.c_id === null
        ? undefined
        : {
            id: first.c_id,
            zalo_oa_user_id: first.c_zalo_oa_user_id,
            oa_last_interaction_at: first.c_oa_last_interaction_at,
            zalo_user_id: first.c_zalo_user_id,
            notify_opt_in_at: first.c_notify_opt_in_at,
            phone: first.c_phone,
            phone_consent_at: first.c_phone_consent_at,
            miniapp_opened_at: first.c_miniapp_opened_at,
          };
    const deliveries = group
      .filter((r) => r.dl_id !== null)
      .map((r) => ({
        id: r.dl_id!,
        channel: r.dl_channel!,
        attempt: r.dl_attempt!,
        status: r.dl_status!,
        at: r.dl_at!,
      }))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.attempt - b.attempt));
    return { row, dossier, citizen, deliveries };
  });
}

/** The citizen who wrote each feedback (by feedback id). */
export async function readFeedbackAuthors(db: Db, feedbackIds: readonly string[]): Promise<Map<string, NotifyCitizen>> {
  if (feedbackIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("feedback")
    .innerJoin("citizens", "citizens.id", "feedback.citizen_id")
    .select([
      "feedback.id as feedback_id",
      "citizens.id",
      "citizens.zalo_oa_user_id",
      "citizens.oa_last_interaction_at",
      "citizens.zalo_user_id",
      "citizens.notify_opt_in_at",
      "citizens.phone",
      "citizens.phone_consent_at",
      "citizens.miniapp_opened_at",
    ])
    .where("feedback.id", "in", feedbackIds)
    .execute();
  return new Map(rows.map(({ feedback_id, ...citizen }) => [feedback_id, citizen]));
}

/** The officers an alert goes to (by user id). */
export async function readNotifyOfficers(db: Db, userIds: readonly string[]): Promise<Map<string, NotifyOfficer>> {
  if (userIds.length === 0) return new Map();
  const users = await db
    .selectFrom("users")
    .select(["id", "zalo_user_id", "phone", "created_at", "active"])
    .where("id", "in", userIds)
    .execute();
  return new Map(users.map((u) => [u.id, u]));
}
