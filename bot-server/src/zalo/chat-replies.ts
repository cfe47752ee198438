/**
 * How the chatbot sends a reply: written to the outbox first (one row per answered event, so a redelivered or
 * retried event cannot answer twice), then tried at once by the notification sender step; a reply Zalo did not take
 * (5xx, time-out, rate limit) waits in the outbox and the notification pipeline retries it while it is still useful,
 * with or without Redis. Nothing here keeps a reply in memory only.
 */
import { createHash } from "node:crypto";
import type { ChatReply } from "../../../shared/chatbot/compose-reply.js";
import type { Deps } from "../deps.js";
import { CHAT_REPLY_KIND, CHAT_REPLY_TTL_MS, chatReplyStep, insertChatReply } from "../notify/chat-reply-step.js";
import type { SenderContext } from "../notify/deliver-step.js";
import { releaseToPending, type OutboxRow } from "../store/outbox.js";
import { notifySettingsFrom } from "../notify/notify-settings.js";
import type { NotifyZalo } from "../notify/notify-zalo.js";
import { createSendStore } from "../notify/send-store.js";
import type { TargetOptions } from "../notify/notify-target.js";
import type { Log } from "../log.js";

export type ReplyOutcome = "replied" | "reply_queued" | "reply_failed" | "duplicate";

export interface ChatReplies {
  send(eventId: string, oaUserId: string, reply: ChatReply): Promise<ReplyOutcome>;
}

/** Outbox ids double as BullMQ job ids: no ":" allowed, so the event id is hashed. */
export const chatReplyId = (eventId: string) =>
  `chat-${createHash("sha256").update(eventId).digest("hex").slice(0, 40)}`;

/** `zalo`: the runtime's one sender (zalo-runtime.ts), the notifications' too. */
export function createChatReplies(deps: Omit<Deps, "zalo">, zalo: NotifyZalo, log: Log): ChatReplies {
  const c = deps.config;
  const settings = notifySettingsFrom(c);
  // Chat replies carry their own text: no dossier, no link to build.
  const target: TargetOptions = { domain: deps.domain, linkFor: () => `${c.PUBLIC_BASE_URL}/m/` };
  const ctx: SenderContext = {
    db: deps.db,
    clock: deps.clock,
    log,
    zalo,
    settings,
    target,
    store: createSendStore(deps.db, target),
  };

  return {
    async send(eventId, oaUserId, reply) {
      const id = chatReplyId(eventId);
      const now = deps.clock.now();
      const payload = {
        oaUserId,
        text: reply.text,
        buttons: reply.buttons,
        expiresAt: new Date(now.getTime() + CHAT_REPLY_TTL_MS).toISOString(),
      };
      const at = now.toISOString();
      if (!(await insertChatReply(deps.db, id, payload, at))) return "duplicate";
      // The row just written, with no attempt yet: the first try needs no read.
      const row: OutboxRow = {
        id,
        dossier_id: null,
        event_id: null,
        kind: CHAT_REPLY_KIND,
        payload: JSON.stringify(payload),
        status: "queued",
        attempts: 0,
        available_at: at,
        created_at: at,
        updated_at: at,
        last_error: null,
      };
      const outcome = await chatReplyStep(ctx, row, []).catch((e: unknown) => {
        log.warn({ err: (e as Error).message }, "chatbot reply: first try failed; the outbox keeps it");
        return undefined;
      });
      if (outcome?.kind === "done") return outcome.status === "sent" ? "replied" : "reply_failed";
      // Not sent yet: the notification pipeline takes it from the outbox when due.
      await releaseToPending(deps.db, id, deps.clock.now().toISOString());
      return "reply_queued";
    },
  };
}
