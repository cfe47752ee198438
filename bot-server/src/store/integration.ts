/**
 * Storage of the exchange with the province's TTHC information system (migration 0016): webhook targets, the
 * durable deliveries of dossier events (one row per event and target, so an event is sent once per target even
 * when the feeder reads it twice), the read API's tokens and its pages of dossiers and events in order of change.
 */
import { randomUUID } from "node:crypto";
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

/**
 * Reads the dossier events since the cursor (minus `overlapMs`, so an event committed late with an earlier time is
 * still seen), lets `plan` choose the deliveries, inserts them (an (event, target) pair already there is skipped)
 * and moves the cursor, in one transaction. Returns the number of events read.
 */
export async function feedDeliveries(
  db: Db,
  opts: { now: string; overlapMs: number; limit: number; plan: (e: FeedEvent) => { targetId: string; body: string }[] },
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
        .insertInto("webhook_deliveries")
        .values(
          deliveries.slice(i, i + 200).map((d) => ({
            id: randomUUID(),
            event_id: d.eventId,
            target_id: d.targetId,
            body: d.body,
            status: "pending",
            attempts: 0,
            available_at: opts.now,
            last_error: null,
            created_at: opts.now,
            updated_at: opts.now,
          })),
        )
        .onConflict((oc) => oc.columns(["event_id", "target_id"]).doNothing())
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

export interface DueDelivery {
  id: string;
  availableAt: string;
  eventId: string;
  attempts: number;
  body: string;
  url: string;
  secret: string;
}

export async function selectDueDeliveries(db: Db, now: string, limit: number): Promise<DueDelivery[]> {
  const rows = await db
    .selectFrom("webhook_deliveries as w")
    .innerJoin("integration_targets as t", "t.id", "w.target_id")
    .select(["w.id", "w.available_at", "w.event_id", "w.attempts", "w.body", "t.url", "t.secret"])
    .where("w.status", "=", "pending")
    .where("w.available_at", "<=", now)
    .where("t.active", "=", 1)
    .orderBy("w.available_at")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    availableAt: r.available_at,
    eventId: r.event_id,
    attempts: Number(r.attempts),
    body: r.body,
    url: r.url,
    secret: r.secret,
  }));
}

/**
 * Takes a due delivery for one sender: moves its time to `leaseUntil` if it is still pending at `availableAt`.
 * False when another process took it first, so two instances never send the same delivery at once.
 */
export async function claimDelivery(db: Db, id: string, availableAt: string, leaseUntil: string): Promise<boolean> {
  const r = await db
    .updateTable("webhook_deliveries")
    .set({ available_at: leaseUntil })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("available_at", "=", availableAt)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records one attempt: sent, retried at `retryAt`, or given up (dead). Only a pending row changes. */
export async function recordAttempt(
  db: Db,
  id: string,
  outcome: { status: "sent" | "pending" | "dead"; retryAt?: string; error: string | null; now: string },
): Promise<void> {
  await db
    .updateTable("webhook_deliveries")
    .set((eb) => ({
      status: outcome.status,
      attempts: eb("attempts", "+", 1),
      last_error: outcome.error,
      updated_at: outcome.now,
      ...(outcome.retryAt ? { available_at: outcome.retryAt } : {}),
    }))
    .where("id", "=", id)
    .where("status", "=", "pending")
    .execute();
}

export async function listDeliveries(
  db: Db,
): Promise<{ eventId: string; targetId: string; status: string; attempts: number; lastError: string | null }[]> {
  const rows = await db.selectFrom("webhook_deliveries").selectAll().orderBy("created_at").execute();
  return rows.map((r) => ({
    eventId: r.event_id,
    targetId: r.target_id,
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
    ]);
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
    .select(["e.id", "d.code", "e.seq", "e.type", "e.from_state", "e.to_state", "e.at"]);
  if (q.unitIds) query = query.where("d.receiving_unit_id", "in", [...q.unitIds]);
  if (q.since) query = query.where("e.at", ">=", q.since);
  if (q.after) {
    const a = q.after;
    query = query.where((eb) => eb.or([eb("e.at", ">", a.at), eb.and([eb("e.at", "=", a.at), eb("e.id", ">", a.id)])]));
  }
  return query.orderBy("e.at").orderBy("e.id").limit(q.limit).execute();
}
