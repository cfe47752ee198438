/**
 * The chatbot's reply as an outbox row (kind "chat_reply"): sent by the same sender as the notifications, in both
 * modes (the in-process dispatcher, or BullMQ workers with Redis), with the same exactly-once claim under the
 * (row, channel) key and the same in-doubt check after a lost answer. What differs: the text and buttons are the
 * payload itself, the only channel is the OA customer-service message (the citizen just wrote to the OA), a reply is
 * retried quickly and only while it is still useful (CHAT_REPLY_TTL_MS, its facts say "now"), and a reply Zalo refuses
 * because of its buttons is sent again as text alone.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { sendActionFor } from "../../../shared/notify/send-policy.js";
import { retryDelayMs } from "../../../shared/notify/send-schedule.js";
import type { Database } from "../store/database.js";
import type { CsButton } from "../zalo/oa-requests.js";
import type { StepOutcome, SenderContext } from "./deliver-step.js";
import {
  finalizeOutbox,
  insertClaimedOutbox,
  noteInDoubt,
  scheduleOutbox,
  settleDelivery,
  type DeliveryClaim,
  type OutboxRow,
} from "../store/outbox.js";
import type { DeliveryBrief } from "./notify-target.js";
import type { NotifySendResult } from "./notify-zalo.js";

export const CHAT_REPLY_KIND = "chat_reply";
/** After this long an unsent reply is dropped: it speaks of "now" (open now, due date if submitted now). */
export const CHAT_REPLY_TTL_MS = 60 * 60_000;
/** Retries of a reply: the citizen is waiting, so faster than notifications (never slower than their policy). */
const CHAT_BACKOFF = { baseMs: 2_000, maxMs: 60_000 };
const CLAIM_POLL_MS = 250;
/**
 * Zalo's answers to a request it finds malformed (developers.zalo.me error codes: -201 a parameter is invalid,
 * -210 a parameter exceeds its limit, -233 the message type is invalid): with buttons, the buttons are the likely
 * cause (the v3 customer-service API's button support is not in Zalo's own SDKs), so the text goes alone.
 */
export const BUTTON_REFUSAL_CODES: ReadonlySet<number> = new Set([-201, -210, -233]);

export interface ChatReplyPayload {
  oaUserId: string;
  text: string;
  buttons: CsButton[];
  /** ISO instant after which the reply is no longer sent. */
  expiresAt: string;
}

export function parseChatReply(json: string): ChatReplyPayload | undefined {
  try {
    const p = JSON.parse(json) as Partial<ChatReplyPayload>;
    if (typeof p.oaUserId !== "string" || typeof p.text !== "string" || typeof p.expiresAt !== "string")
      return undefined;
    return {
      oaUserId: p.oaUserId,
      text: p.text,
      buttons: Array.isArray(p.buttons) ? p.buttons : [],
      expiresAt: p.expiresAt,
    };
  } catch {
    return undefined;
  }
}

/** A new outbox row for a reply, claimed by the caller (status "queued") so no other sender starts it before the first try. */
export async function insertChatReply(
  db: Kysely<Database>,
  id: string,
  payload: ChatReplyPayload,
  now: string,
): Promise<boolean> {
  return insertClaimedOutbox(db, { id, kind: CHAT_REPLY_KIND, payload: JSON.stringify(payload), now });
}

export async function chatReplyStep(
  ctx: SenderContext,
  row: OutboxRow,
  deliveries: readonly DeliveryBrief[],
): Promise<StepOutcome> {
  const p = parseChatReply(row.payload);
  if (!p) return finish(ctx, row, "not_notified", "chat reply payload unreadable");
  if (deliveries.some((d) => d.status === "sent")) return finish(ctx, row, "sent", null);
  const now = ctx.clock.now().getTime();
  if (now > Date.parse(p.expiresAt))
    return finish(ctx, row, "not_notified", "reply no longer useful: not sent in time");

  const inFlight = deliveries.find((d) => d.channel === "oa_cs" && d.status === "sending");
  if (inFlight) {
    const waitMs = Date.parse(inFlight.at) + ctx.settings.sendLeaseMs - now;
    if (waitMs > 0) return { kind: "retry", delayMs: waitMs + CLAIM_POLL_MS, reason: "in_flight" };
    const found = await ctx.zalo
      .findCsMessage({ oaUserId: p.oaUserId, text: p.text, sinceMs: Date.parse(inFlight.at) })
      .catch(() => undefined);
    if (!found?.ok) return retry(ctx, row, p, "in doubt: Zalo could not be asked");
    const settled = await settleDelivery(
      ctx.db,
      { id: inFlight.id, outboxId: row.id, channel: "oa_cs" },
      {
        status: found.found ? "sent" : "failed",
        errorCode: found.found ? null : "in_doubt",
        errorMessage: found.found
          ? "confirmed by Zalo after the sender stopped"
          : "sender stopped; Zalo has no such message",
        at: ctx.clock.now().toISOString(),
      },
    );
    if (!settled) return { kind: "retry", delayMs: CLAIM_POLL_MS, reason: "resolved_elsewhere" };
    if (found.found) return finish(ctx, row, "sent", null);
  }

  await ctx.beforeSend?.("oa_cs");
  const claim: DeliveryClaim = {
    id: randomUUID(),
    outboxId: row.id,
    channel: "oa_cs",
    at: ctx.clock.now().toISOString(),
    trackingId: null,
    attempt: 1 + Math.max(0, ...deliveries.filter((d) => d.channel === "oa_cs").map((d) => d.attempt)),
  };
  if (!(await ctx.store.claim(claim))) return { kind: "retry", delayMs: CLAIM_POLL_MS, reason: "claimed_elsewhere" };
  let result = await send(ctx, p, p.buttons);
  if (
    !result.ok &&
    p.buttons.length > 0 &&
    result.failure.code !== undefined &&
    BUTTON_REFUSAL_CODES.has(result.failure.code)
  ) {
    ctx.log.warn({ code: result.failure.code }, "Zalo refused the reply's buttons: sending the text alone");
    result = await send(ctx, p, []);
  }
  if (result.ok) {
    await ctx.store.recordSent({ claim, row, trackingId: result.messageId, at: ctx.clock.now().toISOString() });
    return { kind: "done", status: "sent", channel: "oa_cs" };
  }
  const f = result.failure;
  const message = `oa_cs ${f.code ?? f.httpStatus ?? f.kind}: ${f.message}`.slice(0, 500);
  if (f.kind === "transient" && f.code === undefined && f.httpStatus === undefined) {
    // No answer at all: Zalo may have sent it. The claim stays; after the lease the conversation tells.
    await noteInDoubt(ctx.db, claim.id, f.message.slice(0, 500));
    return retry(ctx, row, p, message, ctx.settings.sendLeaseMs + CLAIM_POLL_MS);
  }
  await settleDelivery(ctx.db, claim, {
    status: "failed",
    errorCode: String(f.code ?? f.httpStatus ?? f.kind),
    errorMessage: f.message.slice(0, 500),
    at: ctx.clock.now().toISOString(),
  });
  const action = sendActionFor(f.kind);
  if (action === "rate_limited") {
    const delayMs = retryDelayMs(1, ctx.settings.rateLimitBackoff, ctx.random);
    if (now + delayMs > Date.parse(p.expiresAt))
      return finish(ctx, row, "not_notified", `${message}; no longer useful after the pause`);
    await scheduleOutbox(ctx.db, row.id, {
      availableAt: new Date(now + delayMs).toISOString(),
      countAttempt: false,
      lastError: message,
      at: ctx.clock.now().toISOString(),
    });
    return { kind: "rate_limited", channel: "oa_cs", delayMs };
  }
  if (action === "retry") return retry(ctx, row, p, message);
  // Permanent for this citizen (no interaction in 7 days, blocked…) or a configuration error: retrying cannot help.
  return finish(ctx, row, "not_notified", message);
}

function send(ctx: SenderContext, p: ChatReplyPayload, buttons: readonly CsButton[]): Promise<NotifySendResult> {
  if (ctx.zalo.sendChat) return ctx.zalo.sendChat({ oaUserId: p.oaUserId, text: p.text, buttons });
  const url = buttons.find((b): b is { title: string; url: string } => "url" in b);
  return ctx.zalo.sendCs({ oaUserId: p.oaUserId, text: p.text, ...(url ? { button: url } : {}) });
}

async function retry(
  ctx: SenderContext,
  row: OutboxRow,
  p: ChatReplyPayload,
  lastError: string,
  minDelayMs = 0,
): Promise<StepOutcome> {
  const now = ctx.clock.now().getTime();
  const policy = {
    baseMs: Math.min(CHAT_BACKOFF.baseMs, ctx.settings.backoff.baseMs),
    maxMs: Math.min(CHAT_BACKOFF.maxMs, ctx.settings.backoff.maxMs),
  };
  const delayMs = Math.max(minDelayMs, retryDelayMs(row.attempts + 1, policy, ctx.random));
  if (now + delayMs > Date.parse(p.expiresAt))
    return finish(ctx, row, "not_notified", `${lastError}; no longer useful`);
  await scheduleOutbox(ctx.db, row.id, {
    availableAt: new Date(now + delayMs).toISOString(),
    countAttempt: true,
    lastError,
    at: ctx.clock.now().toISOString(),
  });
  return { kind: "retry", delayMs, reason: "retry" };
}

async function finish(
  ctx: SenderContext,
  row: OutboxRow,
  status: "sent" | "not_notified",
  lastError: string | null,
): Promise<StepOutcome> {
  await finalizeOutbox(ctx.db, row, status, ctx.clock.now().toISOString(), lastError);
  if (status === "not_notified") ctx.log.warn({ outboxId: row.id, reason: lastError }, "chatbot reply not sent");
  return { kind: "done", status, channel: "oa_cs" };
}
