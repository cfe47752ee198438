/**
 * Signed outbound webhooks of dossier events to the province's TTHC information system, carried by the notification
 * outbox (docs/architecture.md). The append-only dossier_events are the log; the feeder below turns each event into
 * one outbox row of kind tthc_webhook per matching target (store/integration.ts, id derived from event and target, so
 * reading an event twice adds nothing). From there the rows travel exactly like notifications: the relay puts them on
 * the BullMQ queue "notify-tthc_webhook" (Redis mode) or the embedded dispatcher takes them (no Redis), and the sender
 * step (notify/webhook-step.ts) posts each one signed, retried with the outbox's backoff, dead-lettered after
 * NOTIFY_MAX_ATTEMPTS for the administrator's "Thông báo chưa gửi được" list.
 *
 * Each POST carries the JSON body (shared/reports/exports.ts WebhookEventBody) and the headers
 *   x-khonghen-timestamp: Unix seconds;  x-khonghen-event-id: the event id (the receiver de-duplicates on it);
 *   x-khonghen-signature: "sha256=" + hex HMAC-SHA256(secret, `${timestamp}.${body}`) (webhook-signature.ts).
 */
import { WEBHOOK_EVENT_VERSION, type WebhookEventBody } from "../../../shared/reports/exports.js";
import type { Clock } from "../clock.js";
import type { Deps } from "../deps.js";
import type { Log } from "../log.js";
import type { Database } from "../store/database.js";
import { feedDeliveries, listActiveTargets, type FeedEvent, type IntegrationTarget } from "../store/integration.js";
import type { Kysely } from "kysely";
import { unitsCountedIn } from "../use-cases/report-exports.js";

export { signWebhook, verifyWebhook } from "./webhook-signature.js";

/** Events written up to this long before the cursor are read again (a transaction that committed late). */
const OVERLAP_MS = 120_000;

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
}

function targetCovers(ctx: WebhookContext, target: IntegrationTarget, e: FeedEvent): boolean {
  if (target.unitId === null) return true;
  const units = ctx.unitsOf(target.unitId);
  return units.includes(e.receivingUnitId) || units.includes(e.competentUnitId);
}

/** Turns new dossier events into outbox rows (one per covering target); returns the events read. */
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
        .map((t) => ({ targetId: t.id, unitId: t.unitId, body: JSON.stringify(eventBody(e)) })),
  });
}

export interface WebhookFeeder {
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** Feeds every `intervalMs` until stopped (a full batch: again at once); a failing pass is logged and retried. */
export function startWebhookFeeder(ctx: WebhookContext, intervalMs = 5_000): WebhookFeeder {
  let stopped = false;
  let running: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const runOnce = () => feedWebhooks(ctx);
  const tick = () => {
    running = runOnce()
      .catch((e: unknown) => {
        ctx.log.error({ err: { message: e instanceof Error ? e.message : String(e) } }, "webhook feeder pass failed");
        return 0;
      })
      .then((read) => {
        if (!stopped) timer = setTimeout(tick, read >= 1000 ? 0 : intervalMs);
        return read;
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

/** The feeder of a running server: targets covering a unit get the events of the units counted in it. */
export function startIntegrationWebhooks(deps: Deps): WebhookFeeder {
  return startWebhookFeeder(integrationWebhookContext(deps));
}

export function integrationWebhookContext(deps: Deps): WebhookContext {
  return { db: deps.db, clock: deps.clock, log: deps.log, unitsOf: (unitId) => unitsCountedIn(deps, unitId) };
}
