/**
 * The sender: one step of one outbox row on one channel. Both modes call exactly this (BullMQ workers with Redis,
 * the in-process dispatcher without). Exactly once as the citizen sees it rests on the database, not on the queue:
 * a send is claimed under the unique (outbox row, channel) key before Zalo is called, a success keeps the key for
 * ever, and a claim whose worker died is checked with Zalo before any resend.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  chooseChannels,
  WEBHOOK_KIND,
  type DeliveryChannel,
  type NotifyChannel,
} from "../../../shared/notify/channels.js";
import { MINIAPP_TITLE_VI } from "../../../shared/notify/message-templates.js";
import { MINIAPP_LIMITS, miniAppAllowedFor, waitForHoursMs } from "../../../shared/notify/miniapp-rules.js";
import type { NotifyKind } from "../../../shared/notify/notification-kinds.js";
import { renderNotification, type RenderedNotification } from "../../../shared/notify/render-notification.js";
import { sendActionFor, type SendAction } from "../../../shared/notify/send-policy.js";
import { nextLocalTimeMs, retryDelayMs } from "../../../shared/notify/send-schedule.js";
import type { Clock } from "../clock.js";
import type { Log } from "../log.js";
import type { Database } from "../store/database.js";
import { hasZnsReceipt } from "../store/zns-receipts.js";
import {
  FINAL_OUTBOX_STATUSES,
  finalizeOutbox,
  idempotencyKey,
  noteInDoubt,
  scheduleOutbox,
  settleDelivery,
  type DeliveryClaim,
  type OutboxRow,
} from "../store/outbox.js";
import type { DeliveryBrief, NotifyTarget, TargetOptions } from "./notify-target.js";
import type { NotifySettings } from "./notify-settings.js";
import type { NotifySendResult, NotifyZalo } from "./notify-zalo.js";
import type { SendStore } from "./send-store.js";
import { CHAT_REPLY_KIND, chatReplyStep } from "./chat-reply-step.js";
import { webhookStep } from "./webhook-step.js";
import { miniAppHeld, miniAppRetryAtMs, releaseMiniAppSlot, takeMiniAppSlot, waitForMiniApp } from "./miniapp-gate.js";

export interface SenderContext {
  db: Kysely<Database>;
  clock: Clock;
  log: Log;
  zalo: NotifyZalo;
  settings: NotifySettings;
  target: TargetOptions;
  random?: () => number;
  /** Waits for the channel's rate limit (embedded mode; BullMQ's limiter does this with Redis). */
  beforeSend?: (channel: NotifyChannel) => Promise<void>;
  /** The read and the two writes of every send, batched across concurrent sends (send-store.ts). */
  store: SendStore;
}

export type StepOutcome =
  | { kind: "done"; status: "sent" | "not_notified" | "dead" | "gone"; channel?: NotifyChannel }
  /** Try `channel` next (its own queue and rate limit), now. */
  | { kind: "forward"; channel: NotifyChannel }
  /** Try again after `delayMs` (the outbox row's available_at says the same). */
  | { kind: "retry"; delayMs: number; reason: string }
  /** Zalo said -32: pause this channel for `delayMs`, then try again. */
  | { kind: "rate_limited"; channel: NotifyChannel; delayMs: number };

/** While another worker's claim is younger than the lease, wait this much more before looking again. */
const CLAIM_POLL_MS = 250;

export async function deliverStep(
  ctx: SenderContext,
  outboxId: string,
  requested?: DeliveryChannel,
): Promise<StepOutcome> {
  const loaded = await ctx.store.load(outboxId);
  if (!loaded) return { kind: "done", status: "gone" };
  const { row, target, deliveries } = loaded;
  if (FINAL_OUTBOX_STATUSES.has(row.status))
    return { kind: "done", status: row.status as "sent" | "not_notified" | "dead" };
  const now = ctx.clock.now().getTime();
  const dueInMs = Date.parse(row.available_at) - now;
  if (dueInMs > 0) return { kind: "retry", delayMs: dueInMs, reason: "not_due" };
  if (row.kind === CHAT_REPLY_KIND) return chatReplyStep(ctx, row, deliveries);
  if (row.kind === WEBHOOK_KIND) return webhookStep(ctx, row, deliveries);

  if (!target) return finish(ctx, row, "not_notified", `unknown kind ${row.kind}`);
  if (deliveries.some((d) => d.status === "sent")) return finish(ctx, row, "sent", null);

  const rejected = new Set(deliveries.filter((d) => d.status === "rejected").map((d) => d.channel));
  const reachable = chooseChannels(target.recipient, now, channelsFor(ctx.settings, target.kind))
    .filter((c) => !rejected.has(c))
    .filter((c) => c !== "miniapp" || miniAppAllowedFor(target.kind, target.facts.track));
  // Zalo's one-a-day Mini App slot (or the app's daily quota) spent: another channel, or tomorrow's sending hours.
  const held = reachable.includes("miniapp")
    ? await miniAppHeld(ctx.db, ctx.settings, row, target.recipient.zaloUserId!, now)
    : undefined;
  const plan = held ? reachable.filter((c) => c !== "miniapp") : reachable;
  const channel = plan[0];
  if (!channel && held)
    return waitForMiniApp(ctx.db, row, miniAppRetryAtMs(ctx.settings, now, held), held, nowIso(ctx));
  if (!channel) {
    const reason =
      rejected.size > 0 ? `no channel left: ${[...rejected].join(", ")} refused` : "no channel reaches the applicant";
    return finish(ctx, row, "not_notified", reason);
  }
  if (requested !== undefined && requested !== channel) return { kind: "forward", channel };
  return attempt(ctx, row, target, plan, channel, deliveries);
}

/** ZNS needs an approved template for the kind, the mini app a template id; the order is the configured one. */
export function channelsFor(settings: NotifySettings, kind: NotifyKind): NotifyChannel[] {
  return settings.channels.filter((c) =>
    c === "zns"
      ? settings.znsTemplates[kind] !== undefined
      : c === "miniapp"
        ? settings.miniAppTemplateId !== undefined
        : true,
  );
}

async function attempt(
  ctx: SenderContext,
  row: OutboxRow,
  target: NotifyTarget,
  plan: NotifyChannel[],
  channel: NotifyChannel,
  deliveries: DeliveryBrief[],
): Promise<StepOutcome> {
  const rendered = renderNotification(target.facts);
  const inFlight = deliveries.find((d) => d.channel === channel && d.status === "sending");
  if (inFlight) {
    const waitMs = Date.parse(inFlight.at) + ctx.settings.sendLeaseMs - ctx.clock.now().getTime();
    if (waitMs > 0) return { kind: "retry", delayMs: waitMs + CLAIM_POLL_MS, reason: "in_flight" };
    const resolved = await resolveInDoubt(ctx, channel, target, rendered, inFlight, row.id);
    if (resolved === "unknown") return failed(ctx, row, "retry", "in doubt: Zalo could not be asked");
    const settled = await settleDelivery(
      ctx.db,
      { id: inFlight.id, outboxId: row.id, channel },
      {
        status: resolved === "sent" ? "sent" : "failed",
        errorCode: resolved === "sent" ? null : IN_DOUBT[channel].code,
        errorMessage: resolved === "sent" ? IN_DOUBT[channel].confirmed : IN_DOUBT[channel].resent,
        at: nowIso(ctx),
      },
    );
    if (!settled) return { kind: "retry", delayMs: CLAIM_POLL_MS, reason: "resolved_elsewhere" };
    if (resolved === "sent") return finish(ctx, row, "sent", null, channel);
  }

  const nowMs = ctx.clock.now().getTime();
  if (channel === "miniapp") {
    // Outside Zalo's sending hours the notification waits for them; it is not the wrong channel.
    if (waitForHoursMs(nowMs, ctx.settings.miniAppHours) > 0) {
      return waitForMiniApp(
        ctx.db,
        row,
        miniAppRetryAtMs(ctx.settings, nowMs, "miniapp_hours"),
        "miniapp_hours",
        nowIso(ctx),
      );
    }
    if (!(await takeMiniAppSlot(ctx.db, row, target.recipient.zaloUserId!, nowMs)))
      return { kind: "retry", delayMs: CLAIM_POLL_MS, reason: "miniapp_slot_taken" };
  }
  const number = 1 + Math.max(0, ...deliveries.filter((d) => d.channel === channel).map((d) => d.attempt));
  const trackingId = idempotencyKey(row.id, channel);
  await ctx.beforeSend?.(channel);
  const claim: DeliveryClaim = {
    id: randomUUID(),
    outboxId: row.id,
    channel,
    attempt: number,
    at: nowIso(ctx),
    trackingId: channel === "zns" ? trackingId : null,
  };
  if (!(await ctx.store.claim(claim))) return { kind: "retry", delayMs: CLAIM_POLL_MS, reason: "claimed_elsewhere" };
  const result = await sendOn(ctx, channel, target, rendered, trackingId);
  if (result.ok) {
    await ctx.store.recordSent({
      claim,
      row,
      trackingId: channel === "zns" ? trackingId : result.messageId,
      at: nowIso(ctx),
    });
    return { kind: "done", status: "sent", channel };
  }
  const action = sendActionFor(result.failure.kind);
  const code = errorCodeOf(result);
  if (channel === "miniapp") await releaseMiniAppSlot(ctx.db, row, target.recipient.zaloUserId!, nowMs);
  if (channel === "oa_cs" && noAnswer(result)) {
    // A timeout or reset may come after Zalo sent the message: the claim stays, and once the lease is over the OA
    // conversation tells whether it went out, before any resend.
    await noteInDoubt(ctx.db, claim.id, result.failure.message.slice(0, 500));
    return failed(
      ctx,
      row,
      "retry",
      `${channel} no answer: ${result.failure.message}`.slice(0, 500),
      channel,
      ctx.settings.sendLeaseMs + CLAIM_POLL_MS,
    );
  }
  await settleDelivery(ctx.db, claim, {
    status: action === "next_channel" ? "rejected" : "failed",
    errorCode: code,
    errorMessage: result.failure.message.slice(0, 500),
    at: nowIso(ctx),
  });
  if (result.failure.kind === "configuration")
    ctx.log.error({ channel, code, reason: result.failure.message }, "notification channel not usable: configuration");
  if (action === "next_channel") {
    const next = plan[plan.indexOf(channel) + 1];
    if (next) return { kind: "forward", channel: next };
    return finish(ctx, row, "not_notified", `no channel left: ${channel} answered ${code}`);
  }
  return failed(ctx, row, action, `${channel} ${code}: ${result.failure.message}`.slice(0, 500), channel);
}

async function sendOn(
  ctx: SenderContext,
  channel: NotifyChannel,
  target: NotifyTarget,
  rendered: RenderedNotification,
  trackingId: string,
): Promise<NotifySendResult> {
  const { recipient, facts } = target;
  if (channel === "oa_cs") {
    const button = facts.link ? { title: rendered.buttonText, url: facts.link } : undefined;
    return ctx.zalo.sendCs({ oaUserId: recipient.oaUserId!, text: rendered.text, ...(button ? { button } : {}) });
  }
  if (channel === "miniapp") {
    return ctx.zalo.sendMiniApp({
      zaloUserId: recipient.zaloUserId!,
      templateId: ctx.settings.miniAppTemplateId!,
      templateData: {
        title: MINIAPP_TITLE_VI.slice(0, MINIAPP_LIMITS.titleMax),
        contentTitle: rendered.title,
        contentDescription: rendered.text,
        buttonText: rendered.buttonText,
        buttonUrl: facts.link ?? "",
      },
    });
  }
  return ctx.zalo.sendZns({
    phone: recipient.phone!,
    templateId: ctx.settings.znsTemplates[target.kind]!,
    params: rendered.znsParams,
    trackingId,
  });
}

/**
 * What a send whose worker died (claimed, no answer recorded) becomes, per channel, told truthfully in the
 * delivery history:
 * - oa_cs: looked up in the OA conversation; sent again only when Zalo has no such message (exactly once);
 * - zns: looked up among Zalo's delivery receipts (user_received_message carries our tracking_id); without a
 *   receipt it is sent again with the same tracking_id. A receipt can come late and Zalo does not document a
 *   de-duplication by tracking_id: at least once;
 * - miniapp: the Mini App notification API has neither a lookup nor an idempotency key: sent again, at least once.
 */
const IN_DOUBT: Record<NotifyChannel, { code: string; confirmed: string; resent: string }> = {
  oa_cs: {
    code: "in_doubt",
    confirmed: "confirmed by Zalo after the sender stopped",
    resent: "sender stopped; Zalo has no such message",
  },
  zns: {
    code: "zns_no_receipt",
    confirmed: "sender stopped; Zalo's delivery receipt for this tracking_id confirms it",
    resent:
      "sender stopped; no delivery receipt from Zalo for this tracking_id yet: sent again with the same tracking_id (at least once)",
  },
  miniapp: {
    code: "resent_at_least_once",
    confirmed: "confirmed after the sender stopped",
    resent:
      "sender stopped; the Mini App API cannot tell whether it was delivered: sent again (at least once, the citizen may get it twice)",
  },
};

async function resolveInDoubt(
  ctx: SenderContext,
  channel: NotifyChannel,
  target: NotifyTarget,
  rendered: RenderedNotification,
  claim: DeliveryBrief,
  outboxId: string,
): Promise<"sent" | "not_sent" | "unknown"> {
  if (channel === "zns") {
    try {
      return (await hasZnsReceipt(ctx.db, idempotencyKey(outboxId, "zns"))) ? "sent" : "not_sent";
    } catch {
      return "unknown";
    }
  }
  if (channel !== "oa_cs") return "not_sent";
  try {
    const r = await ctx.zalo.findCsMessage({
      oaUserId: target.recipient.oaUserId!,
      text: rendered.text,
      sinceMs: Date.parse(claim.at),
    });
    if (!r.ok) return "unknown";
    return r.found ? "sent" : "not_sent";
  } catch {
    return "unknown";
  }
}

async function failed(
  ctx: SenderContext,
  row: OutboxRow,
  action: Exclude<SendAction, "next_channel">,
  lastError: string,
  channel?: NotifyChannel,
  minDelayMs = 0,
): Promise<StepOutcome> {
  const now = ctx.clock.now().getTime();
  if (action === "night_window" || action === "next_day") {
    const at = nextLocalTimeMs(now, ctx.settings.nightResumeAt);
    await scheduleOutbox(ctx.db, row.id, {
      availableAt: new Date(at).toISOString(),
      countAttempt: false,
      lastError,
      at: nowIso(ctx),
    });
    return { kind: "retry", delayMs: at - now, reason: action };
  }
  if (action === "rate_limited" && channel) {
    const delayMs = retryDelayMs(1, ctx.settings.rateLimitBackoff, ctx.random);
    await scheduleOutbox(ctx.db, row.id, {
      availableAt: new Date(now + delayMs).toISOString(),
      countAttempt: false,
      lastError,
      at: nowIso(ctx),
    });
    return { kind: "rate_limited", channel, delayMs };
  }
  const attempts = row.attempts + 1;
  if (attempts >= ctx.settings.maxAttempts) {
    await scheduleOutbox(ctx.db, row.id, {
      availableAt: row.available_at,
      countAttempt: true,
      lastError,
      at: nowIso(ctx),
    });
    ctx.log.warn({ outboxId: row.id, kind: row.kind, attempts }, "notification dead-lettered");
    return finish(ctx, row, "dead", lastError);
  }
  const delayMs = Math.max(minDelayMs, retryDelayMs(attempts, ctx.settings.backoff, ctx.random));
  await scheduleOutbox(ctx.db, row.id, {
    availableAt: new Date(now + delayMs).toISOString(),
    countAttempt: true,
    lastError,
    at: nowIso(ctx),
  });
  return { kind: "retry", delayMs, reason: action };
}

async function finish(
  ctx: SenderContext,
  row: OutboxRow,
  status: "sent" | "not_notified" | "dead",
  lastError: string | null,
  channel?: NotifyChannel,
): Promise<StepOutcome> {
  await finalizeOutbox(ctx.db, row, status, nowIso(ctx), lastError);
  if (status === "not_notified")
    ctx.log.info({ outboxId: row.id, kind: row.kind, reason: lastError }, "notification not sent: no channel");
  return { kind: "done", status, ...(channel ? { channel } : {}) };
}

/** The request got no answer at all (timeout, reset, refused): unlike an error answer, it may have been delivered. */
function noAnswer(r: Extract<NotifySendResult, { ok: false }>): boolean {
  return r.failure.kind === "transient" && r.failure.code === undefined && r.failure.httpStatus === undefined;
}

/** Zalo's code, else the HTTP status, else "network" (no answer). */
function errorCodeOf(r: Extract<NotifySendResult, { ok: false }>): string {
  const f = r.failure;
  return f.code !== undefined
    ? String(f.code)
    : f.httpStatus !== undefined
      ? `http_${f.httpStatus}`
      : f.kind === "transient"
        ? "network"
        : f.kind;
}

function nowIso(ctx: SenderContext): string {
  return ctx.clock.now().toISOString();
}
