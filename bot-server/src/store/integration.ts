/**
 * Storage of the exchange with the province's TTHC information system (migration 0016): webhook targets, the
 * feeder that turns dossier events into outbox rows of kind tthc_webhook (one row per event and target, so an event
 * is sent once per target even when the feeder reads it twice; the notification outbox then carries them), the read
 * API's tokens and its pages of dossiers and events in order of change.
 */
import { createHash, randomUUID } from "node:crypto";
import { WEBHOOK_KIND } from "../../../shared/notify/channels.js";
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export interface IntegrationTarget {
  id: string;
  unitId: string | null;
  url: string;
  secret: string;
}

export async function insertIntegrationTarget(
  db: Db,
  t: { unitId: string | null; url: string; secret: string; now: string },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("integration_targets")
    .values({ id, unit_id: t.unitId, url: t.url, secret: t.secret, active: 1, created_at: t.now, updated_at: t.now })
    .execute();
  return id;
}

export async function listActiveTargets(db: Db): Promise<IntegrationTarget[]> {
  const rows = await db.selectFrom("integration_targets").selectAll().where("active", "=", 1).execute();
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, url: r.url, secret: r.secret }));
}

export interface FeedEvent {
  id: string;
  dossierId: string;
  seq: number;
  type: string;
  fromState: string | null;
  toState: string;
  at: string;
  code: string;
  procedureCode: string;
  receivingUnitId: string;
  competentUnitId: string;
  track: string;
  receivedAt: string;
  dueDate: string;
}

const CURSOR_ID = "webhooks";

/** One webhook delivery as an outbox row's payload: no personal data (ids, codes, states, dates, the unit). */
export interface WebhookPayload {
  targetId: string;
  /** The target's unit (dead letters are shown to that unit's administrator); null: the province's target. */
  unitId: string | null;
  eventId: string;
  /** The exact JSON posted and signed. */
  body: string;
}

/** The outbox id of (event, target): the same pair always gives the same row, so a second read adds nothing. */
export function webhookOutboxId(eventId: string, targetId: string): string {
  const h = createHash("sha256").update(`${WEBHOOK_KIND}:${eventId}:${targetId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Reads the dossier events since the cursor (minus `overlapMs`, so an event committed late with an earlier time is
 * still seen), lets `plan` choose the deliveries, inserts each as an outbox row of kind tthc_webhook (an (event,
 * target) pair already there is skipped: its id is derived from the pair) and moves the cursor, in one transaction.
 * Returns the number of events read.
 */
export async function feedDeliveries(
  db: Db,
  opts: {
    now: string;
    overlapMs: number;
    limit: number;
    plan: (e: FeedEvent) => { targetId: string; unitId: string | null; body: string }[];
  },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const cursor = await trx
      .selectFrom("integration_cursor")
      .select("last_at")
      .where("id", "=", CURSOR_ID)
      .executeTakeFirst();
    const since = cursor ? new Date(Date.parse(cursor.last_at) - opts.overlapMs).toISOString() : "";
    const rows = await trx
      .selectFrom("dossier_events as e")
      .innerJoin("dossiers as d", "d.id", "e.dossier_id")
      .select([
        "e.id",
        "e.dossier_id",
        "e.seq",
        "e.type",
        "e.from_state",
        "e.to_state",
        "e.at",
        "d.code",
        "d.procedure_code",
        "d.receiving_unit_id",
        "d.competent_unit_id",
        "d.track",
        "d.received_at",
        "d.due_date",
      ])
      .where("e.at", ">=", since)
      .where("e.at", "<=", opts.now)
      // Training dossiers (docs/admin/training.md) never reach the province's TTHC system.
      .where("d.training", "=", 0)
      .orderBy("e.at")
      .orderBy("e.id")
      .limit(opts.limit)
      .execute();
    const deliveries = rows.flatMap((r) =>
      opts
        .plan({
          id: r.id,
          dossierId: r.dossier_id,
          seq: Number(r.seq),
          type: r.type,
          fromState: r.from_state,
          toState: r.to_state,
          at: r.at,
          code: r.code,
          procedureCode: r.procedure_code,
          receivingUnitId: r.receiving_unit_id,
          competentUnitId: r.competent_unit_id,
          track: r.track,
          receivedAt: r.received_at,
          dueDate: r.due_date,
        })
        .map((p) => ({ eventId: r.id, ...p })),
    );
    for (let i = 0; i < deliveries.length; i += 200) {
      await trx
        .insertInto("outbox")
        .values(
          deliveries.slice(i, i + 200).map((d) => {
            const payload: WebhookPayload = {
              targetId: d.targetId,
              unitId: d.unitId,
              eventId: d.eventId,
              body: d.body,
            };
            return {
              id: webhookOutboxId(d.eventId, d.targetId),
              // Not tied to the dossier: the dossier's notify_status, its notification lines and the reports' "citizens
              // notified" read outbox rows through dossier_id, and this is no citizen notification.
              dossier_id: null,
              event_id: d.eventId,
              kind: WEBHOOK_KIND,
              payload: JSON.stringify(payload),
              status: "pending",
              attempts: 0,
              available_at: opts.now,
              created_at: opts.now,
              updated_at: opts.now,
              last_error: null,
            };
          }),
        )
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
    }
    const last = rows.at(-1)?.at;
    if (last && (!cursor || last > cursor.last_at)) {
      if (cursor)
        await trx.updateTable("integration_cursor").set({ last_at: last }).where("id", "=", CURSOR_ID).execute();
      else await trx.insertInto("integration_cursor").values({ id: CURSOR_ID, last_at: last }).execute();
    }
    return rows.length;
  });
}

/** The target a delivery goes to, while it is active. */
export async function readActiveTarget(db: Db, id: string): Promise<IntegrationTarget | undefined> {
  const r = await db
    .selectFrom("integration_targets")
    .selectAll()
    .where("id", "=", id)
    .where("active", "=", 1)
    .executeTakeFirst();
  return r ? { id: r.id, unitId: r.unit_id, url: r.url, secret: r.secret } : undefined;
}

export function parseWebhookPayload(json: string): WebhookPayload | undefined {
  try {
    const p = JSON.parse(json) as Partial<WebhookPayload>;
    if (typeof p.targetId !== "string" || typeof p.eventId !== "string" || typeof p.body !== "string") return undefined;
    return {
      targetId: p.targetId,
      unitId: typeof p.unitId === "string" ? p.unitId : null,
      eventId: p.eventId,
      body: p.body,
    };
  } catch {
    return undefined;
  }
}

/** The webhook deliveries (outbox rows of kind tthc_webhook), oldest first. */
export async function listDeliveries(
  db: Db,
): Promise<{ eventId: string; targetId: string; status: string; attempts: number; lastError: string | null }[]> {
  const rows = await db
    .selectFrom("outbox")
    .selectAll()
    .where("kind", "=", WEBHOOK_KIND)
    .orderBy("created_at")
    .orderBy("event_id")
    .execute();
  return rows.map((r) => ({
    eventId: r.event_id ?? "",
    targetId: parseWebhookPayload(r.payload)?.targetId ?? "",
    status: r.status,
    attempts: Number(r.attempts),
    lastError: r.last_error,
  }));
}

// ---------------------------------------------------------------- read API

export async function insertIntegrationToken(
  db: Db,
  t: { tokenHash: string; name: string; unitId: string | null; now: string },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("integration_tokens")
    .values({ id, token_hash: t.tokenHash, name: t.name, unit_id: t.unitId, created_at: t.now, revoked_at: null })
    .execute();
  return id;
}

export async function findIntegrationToken(
  db: Db,
  tokenHash: string,
): Promise<{ id: string; unitId: string | null } | undefined> {
  const r = await db
    .selectFrom("integration_tokens")
    .select(["id", "unit_id"])
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return r ? { id: r.id, unitId: r.unit_id } : undefined;
}

/** A page position: the (time, id) of the last item read. */
export interface PageKey {
  at: string;
  id: string;
}

export async function pageOfDossiers(
  db: Db,
  q: { unitIds?: readonly string[]; since?: string; after?: PageKey; limit: number },
) {
  if (q.unitIds && q.unitIds.length === 0) return [];
  let query = db
    .selectFrom("dossiers")
    .select([
      "id",
      "code",
      "procedure_code",
      "receiving_unit_id",
      "competent_unit_id",
      "track",
      "state",
      "received_at",
      "due_date",
      "result_ready_at",
      "returned_at",
      "updated_at",
    ])
    .where("training", "=", 0);
  if (q.unitIds) query = query.where("receiving_unit_id", "in", [...q.unitIds]);
  if (q.since) query = query.where("updated_at", ">=", q.since);
  if (q.after) {
    const a = q.after;
    query = query.where((eb) =>
      eb.or([eb("updated_at", ">", a.at), eb.and([eb("updated_at", "=", a.at), eb("id", ">", a.id)])]),
    );
  }
  return query.orderBy("updated_at").orderBy("id").limit(q.limit).execute();
}

export async function pageOfEvents(
  db: Db,
  q: { unitIds?: readonly string[]; since?: string; after?: PageKey; limit: number },
) {
  if (q.unitIds && q.unitIds.length === 0) return [];
  let query = db
    .selectFrom("dossier_events as e")
    .innerJoin("dossiers as d", "d.id", "e.dossier_id")
    .select(["e.id", "d.code", "e.seq", "e.type", "e.from_state", "e.to_state", "e.at"])
    .where("d.training", "=", 0);
  if (q.unitIds) query = query.where("d.receiving_unit_id", "in", [...q.unitIds]);
  if (q.since) query = query.where("e.at", ">=", q.since);
  if (q.after) {
    const a = q.after;
    query = query.where((eb) => eb.or([eb("e.at", ">", a.at), eb.and([eb("e.at", "=", a.at), eb("e.id", ">", a.id)])]));
  }
  return query.orderBy("e.at").orderBy("e.id").limit(q.limit).execute();
}
