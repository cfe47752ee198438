/**
 * The sender step of a webhook to the province's TTHC system (outbox kind and delivery channel "tthc_webhook"), run
 * by the same dispatcher and BullMQ workers as the notifications. Like them: the attempt is claimed under the
 * (row, channel) key before the POST, a success keeps the key for ever, a failure schedules the next try with the
 * outbox's backoff (NOTIFY_BACKOFF_*) and after NOTIFY_MAX_ATTEMPTS the row is dead, listed for the administrator.
 * Unlike them: there is no second channel, and a claim whose sender stopped without an answer is sent again (at
 * least once; the receiver de-duplicates on x-khonghen-event-id).
 */
import { randomUUID } from "node:crypto";
import { WEBHOOK_CHANNEL } from "../../../shared/notify/channels.js";
import { retryDelayMs } from "../../../shared/notify/send-schedule.js";
import {
  WEBHOOK_EVENT_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
} from "../../../shared/reports/exports.js";
import { signWebhook } from "../integration/webhook-signature.js";
import { parseWebhookPayload, readActiveTarget } from "../store/integration.js";
import { finalizeOutbox, scheduleOutbox, settleDelivery, type DeliveryClaim, type OutboxRow } from "../store/outbox.js";
import type { SenderContext, StepOutcome } from "./deliver-step.js";
import type { DeliveryBrief } from "./notify-target.js";

const CLAIM_POLL_MS = 250;

export async function webhookStep(
  ctx: SenderContext,
  row: OutboxRow,
  deliveries: readonly DeliveryBrief[],
): Promise<StepOutcome> {
  const p = parseWebhookPayload(row.payload);
  if (!p) return finish(ctx, row, "not_notified", "webhook payload unreadable");
  if (deliveries.some((d) => d.status === "sent")) return finish(ctx, row, "sent", null);
  const target = await readActiveTarget(ctx.db, p.targetId);
  if (!target) return finish(ctx, row, "not_notified", "integration target removed or deactivated");

  const inFlight = deliveries.find((d) => d.channel === WEBHOOK_CHANNEL && d.status === "sending");
  if (inFlight) {
    const waitMs = Date.parse(inFlight.at) + ctx.settings.sendLeaseMs - ctx.clock.now().getTime();
    if (waitMs > 0) return { kind: "retry", delayMs: waitMs + CLAIM_POLL_MS, reason: "in_flight" };
    const settled = await settleDelivery(
      ctx.db,
      { id: inFlight.id, outboxId: row.id, channel: WEBHOOK_CHANNEL },
      {
        status: "failed",
        errorCode: "in_doubt",
        errorMessage: "sender stopped without an answer: sent again (the receiver de-duplicates on the event id)",
        at: nowIso(ctx),
      },
    );
    if (!settled) return { kind: "retry", delayMs: CLAIM_POLL_MS, reason: "resolved_elsewhere" };
  }

  const claim: DeliveryClaim = {
    id: randomUUID(),
    outboxId: row.id,
    channel: WEBHOOK_CHANNEL,
    attempt: 1 + Math.max(0, ...deliveries.filter((d) => d.channel === WEBHOOK_CHANNEL).map((d) => d.attempt)),
    at: nowIso(ctx),
    trackingId: null,
  };
  if (!(await ctx.store.claim(claim))) return { kind: "retry", delayMs: CLAIM_POLL_MS, reason: "claimed_elsewhere" };
  const timestamp = Math.floor(ctx.clock.now().getTime() / 1000);
  let error: string | null = null;
  let message = "";
  try {
    const res = await fetch(target.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
        [WEBHOOK_EVENT_ID_HEADER]: p.eventId,
        [WEBHOOK_SIGNATURE_HEADER]: signWebhook(target.secret, timestamp, p.body),
      },
      body: p.body,
      signal: AbortSignal.timeout(ctx.settings.httpTimeoutMs),
      redirect: "error",
    });
    await res.body?.cancel();
    if (!res.ok) {
      error = `http_${res.status}`;
      message = `the province's system answered HTTP ${res.status}`;
    }
  } catch (e) {
    error = "network";
    message = e instanceof Error ? `${e.name}: ${e.message}` : "network error";
  }
  if (error === null) {
    await ctx.store.recordSent({ claim, row, trackingId: null, at: nowIso(ctx) });
    return { kind: "done", status: "sent" };
  }
  await settleDelivery(ctx.db, claim, {
    status: "failed",
    errorCode: error,
    errorMessage: message.slice(0, 500),
    at: nowIso(ctx),
  });
  // The code alone, as the receiver's answer; the attempt's record keeps the sentence.
  const lastError = error;
  const attempts = row.attempts + 1;
  const now = ctx.clock.now().getTime();
  if (attempts >= ctx.settings.maxAttempts) {
    await scheduleOutbox(ctx.db, row.id, {
      availableAt: row.available_at,
      countAttempt: true,
      lastError,
      at: nowIso(ctx),
    });
    ctx.log.warn({ outboxId: row.id, kind: row.kind, attempts }, "webhook delivery dead-lettered");
    return finish(ctx, row, "dead", lastError);
  }
  const delayMs = retryDelayMs(attempts, ctx.settings.backoff, ctx.random);
  await scheduleOutbox(ctx.db, row.id, {
    availableAt: new Date(now + delayMs).toISOString(),
    countAttempt: true,
    lastError,
    at: nowIso(ctx),
  });
  return { kind: "retry", delayMs, reason: "retry" };
}

async function finish(
  ctx: SenderContext,
  row: OutboxRow,
  status: "sent" | "not_notified" | "dead",
  lastError: string | null,
): Promise<StepOutcome> {
  await finalizeOutbox(ctx.db, row, status, nowIso(ctx), lastError);
  if (status === "not_notified") ctx.log.warn({ outboxId: row.id, reason: lastError }, "webhook not sent");
  return { kind: "done", status };
}

function nowIso(ctx: SenderContext): string {
  return ctx.clock.now().toISOString();
}
