/**
 * Signed outbound webhooks of dossier events to the province's TTHC information system. Durable like the
 * notification outbox: the append-only dossier_events are the log, a feeder turns each event into one delivery
 * row per matching target (store/integration.ts, unique per event and target), and a sender posts due rows, retried
 * with exponential backoff until MAX_ATTEMPTS, then left "dead" for the administrator. Runs in the embedded loop
 * below, in the server or the worker process; several processes may run it (a claim takes each row once).
 *
 * Each POST carries the JSON body (shared/reports/exports.ts WebhookEventBody) and the headers
 *   x-khonghen-timestamp: Unix seconds;  x-khonghen-event-id: the event id (the receiver de-duplicates on it);
 *   x-khonghen-signature: "sha256=" + hex HMAC-SHA256(secret, `${timestamp}.${body}`)
 * the scheme of Stripe's and GitHub's webhook signatures: the receiver recomputes it with the shared secret,
 * compares in constant time and refuses a timestamp older than a few minutes (replay).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import {
  WEBHOOK_EVENT_ID_HEADER,
  WEBHOOK_EVENT_VERSION,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  type WebhookEventBody,
} from "../../../shared/reports/exports.js";
import type { Clock } from "../clock.js";
import type { Deps } from "../deps.js";
import type { Log } from "../log.js";
import type { Database } from "../store/database.js";
import {
  claimDelivery,
  feedDeliveries,
  listActiveTargets,
  recordAttempt,
  selectDueDeliveries,
  type FeedEvent,
  type IntegrationTarget,
} from "../store/integration.js";
import type { Kysely } from "kysely";
import { unitsCountedIn } from "../use-cases/report-exports.js";

export const MAX_ATTEMPTS = 10;
/** 30 s, 1 min, 2 min … capped at 1 h between attempts. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 3_600_000;
const TIMEOUT_MS = 10_000;
/** Events written up to this long before the cursor are read again (a transaction that committed late). */
const OVERLAP_MS = 120_000;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** The receiver's check (also for the province's adapter): signature matches and the timestamp is fresh. */
export function verifyWebhook(
  secret: string,
  headers: { signature?: string; timestamp?: string },
  body: string,
  nowMs: number,
  toleranceS = 300,
): boolean {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowMs / 1000 - ts) > toleranceS || !headers.signature) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export function eventBody(e: FeedEvent): WebhookEventBody {
  return {
    version: WEBHOOK_EVENT_VERSION,
    eventId: e.id,
    type: e.type,
    at: e.at,
    dossier: {
      code: e.code,
      procedureCode: e.procedureCode,
      receivingUnitId: e.receivingUnitId,
      competentUnitId: e.competentUnitId,
      track: e.track,
      fromState: e.fromState,
      state: e.toState,
      receivedAt: e.receivedAt,
      dueDate: e.dueDate,
    },
  };
}

export interface WebhookContext {
  db: Kysely<Database>;
  clock: Clock;
  log: Log;
  /** The units a target of `unitId` covers (the unit, its predecessors, its communes). */
  unitsOf(unitId: string): readonly string[];
  fetch?: typeof fetch;
}

function targetCovers(ctx: WebhookContext, target: IntegrationTarget, e: FeedEvent): boolean {
  if (target.unitId === null) return true;
  const units = ctx.unitsOf(target.unitId);
  return units.includes(e.receivingUnitId) || units.includes(e.competentUnitId);
}

/** Turns new dossier events into deliveries; returns the events read. */
export async function feedWebhooks(ctx: WebhookContext): Promise<number> {
  const targets = await listActiveTargets(ctx.db);
  if (targets.length === 0) return 0;
  return feedDeliveries(ctx.db, {
    now: ctx.clock.now().toISOString(),
    overlapMs: OVERLAP_MS,
    limit: 1000,
    plan: (e) =>
      targets
        .filter((t) => targetCovers(ctx, t, e))
        .map((t) => ({ targetId: t.id, body: JSON.stringify(eventBody(e)) })),
  });
}

/** Posts the due deliveries once each; returns how many were delivered. */
export async function sendDueWebhooks(ctx: WebhookContext, limit = 100): Promise<number> {
  const doFetch = ctx.fetch ?? fetch;
  const now = ctx.clock.now();
  let sent = 0;
  for (const d of await selectDueDeliveries(ctx.db, now.toISOString(), limit)) {
    if (!(await claimDelivery(ctx.db, d.id, d.availableAt, new Date(now.getTime() + TIMEOUT_MS * 3).toISOString())))
      continue;
    const timestamp = Math.floor(ctx.clock.now().getTime() / 1000);
    let error: string | null = null;
    try {
      const res = await doFetch(d.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
          [WEBHOOK_EVENT_ID_HEADER]: d.eventId,
          [WEBHOOK_SIGNATURE_HEADER]: signWebhook(d.secret, timestamp, d.body),
        },
        body: d.body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: "error",
      });
      await res.body?.cancel();
      if (!res.ok) error = `http_${res.status}`;
    } catch (e) {
      error = e instanceof Error ? e.name : "network_error";
    }
    const at = ctx.clock.now();
    const attempts = d.attempts + 1;
    if (error === null) {
      await recordAttempt(ctx.db, d.id, { status: "sent", error: null, now: at.toISOString() });
      sent += 1;
    } else if (attempts >= MAX_ATTEMPTS) {
      await recordAttempt(ctx.db, d.id, { status: "dead", error, now: at.toISOString() });
      ctx.log.warn({ deliveryId: d.id, error }, "webhook delivery given up");
    } else {
      await recordAttempt(ctx.db, d.id, {
        status: "pending",
        error,
        retryAt: new Date(at.getTime() + backoffMs(attempts)).toISOString(),
        now: at.toISOString(),
      });
    }
  }
  return sent;
}

export interface WebhookLoop {
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** Feeds and sends every `intervalMs` until stopped; a failing pass is logged and the next one tries again. */
export function startWebhookLoop(ctx: WebhookContext, intervalMs = 5_000): WebhookLoop {
  let stopped = false;
  let running: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const runOnce = async () => {
    await feedWebhooks(ctx);
    return sendDueWebhooks(ctx);
  };
  const tick = () => {
    running = runOnce()
      .catch((e: unknown) => {
        ctx.log.error({ err: { message: e instanceof Error ? e.message : String(e) } }, "webhook pass failed");
        return 0;
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, intervalMs);
  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** The loop of a running server: targets covering a unit get the events of the units counted in it. */
export function startIntegrationWebhooks(deps: Deps): WebhookLoop {
  return startWebhookLoop({
    db: deps.db,
    clock: deps.clock,
    log: deps.log,
    unitsOf: (unitId) => unitsCountedIn(deps, unitId),
  });
}
