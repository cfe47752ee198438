/**
 * What happens after a webhook event was acknowledged: dedupe (Zalo delivers at least once), remember the citizen's
 * interaction, understand the message, answer from the catalogue and the plans in force, send through the OA
 * customer-service API. follow → welcome; unfollow → remember and stay silent; text → answer; images, stickers,
 * locations → a polite word and what the bot can do.
 */
import type { Kysely } from "kysely";
import { composeReply, mediaReply, welcomeReply, type ChatReply, type DossierForChat, type ReplyContext } from "../../../shared/chatbot/compose-reply.js";
import type { LinkSettings } from "../../../shared/chatbot/mini-app-links.js";
import type { Understand } from "../../../shared/chatbot/understand.js";
import type { Clock } from "../clock.js";
import type { Domain } from "../domain.js";
import type { Log } from "../log.js";
import type { UnitContact } from "../../../shared/data/chatbot-unit-contacts.js";
import type { Database } from "../store/database.js";
import { listOfficeContacts } from "../store/unit-contacts.js";
import { forgetEventsBefore, recordInteraction, rememberEventOnce, updateConversation } from "./conversation-store.js";
import type { ZaloEvent } from "./events.js";
import type { OaClient } from "./oa-client.js";
import { handleOfficerLinkText } from "./officer-link.js";

export interface ChatbotEnv {
  db: Kysely<Database>;
  domain: Domain;
  clock: Clock;
  log: Log;
  links: LinkSettings;
  understand: Understand;
  /** Absent when sending is not configured: events are still recorded. */
  oa?: OaClient;
  lookupDossier(code: string): Promise<DossierForChat | null>;
}

/** Answers that give the office's telephone and address, as the unit entered them in the console. */
const CONTACT_INTENTS = new Set(["human", "unit_info"]);

export type HandleOutcome = "duplicate" | "ignored" | "recorded" | "replied" | "reply_failed" | "reply_not_configured";

export async function handleZaloEvent(env: ChatbotEnv, event: ZaloEvent): Promise<HandleOutcome> {
  if (event.kind === "echo" || event.kind === "ignored" || event.userId === "") return "ignored";
  const now = env.clock.now();
  if (!(await rememberEventOnce(env.db, event.eventId, now.toISOString()))) return "duplicate";
  try {
    return await respond(env, event, now);
  } catch (e) {
    // Let a retry of the job handle it from scratch.
    await env.db.deleteFrom("webhook_events").where("event_id", "=", event.eventId).execute().catch(() => undefined);
    throw e;
  }
}

async function respond(env: ChatbotEnv, event: ZaloEvent, now: Date): Promise<HandleOutcome> {
  const at = new Date(Math.min(event.at, now.getTime())).toISOString();
  const interaction = { oaUserId: event.userId, at, now: now.toISOString(), ...(event.appUserId ? { appUserId: event.appUserId } : {}) };
  const context = (conversationUnitId?: string | null, dossier?: DossierForChat | null, contacts?: readonly UnitContact[]): ReplyContext => ({
    at: now.toISOString(),
    units: env.domain.units,
    catalog: env.domain.catalog,
    scheme: env.domain.scheme,
    links: env.links,
    ...(conversationUnitId ? { conversationUnitId } : {}),
    ...(dossier === undefined ? {} : { dossier }),
    ...(contacts ? { contacts } : {}),
  });

  switch (event.kind) {
    case "unfollow":
      await recordInteraction(env.db, { ...interaction, followed: false, interacted: false });
      return "recorded";
    case "chat_opened":
      await recordInteraction(env.db, { ...interaction, interacted: true });
      return "recorded";
    case "follow":
      await recordInteraction(env.db, { ...interaction, followed: true, interacted: true });
      return send(env, event.userId, welcomeReply(context()));
    case "media":
      await recordInteraction(env.db, { ...interaction, interacted: true });
      return send(env, event.userId, mediaReply(context()));
    case "text": {
      const conversation = await recordInteraction(env.db, { ...interaction, interacted: true });
      const officerLink = await handleOfficerLinkText(env, event.userId, event.text ?? "", now);
      if (officerLink) return officerLink;
      const understood = env.understand(event.text ?? "");
      const dossier = understood.dossierCode ? await env.lookupDossier(understood.dossierCode) : undefined;
      const contacts = CONTACT_INTENTS.has(understood.intent) ? await listOfficeContacts(env.db) : undefined;
      const reply = composeReply(understood, context(conversation.unitId, dossier, contacts));
      await updateConversation(env.db, event.userId, {
        ...(reply.unitId ? { unitId: reply.unitId } : {}),
        ...(reply.needsHuman ? { needsHuman: true, at } : {}),
      });
      env.log.info({ intent: understood.intent, procedureCode: understood.procedureCode, unitCode: understood.unitCode }, "chatbot answered");
      return send(env, event.userId, reply);
    }
    default:
      return "ignored";
  }
}

async function send(env: ChatbotEnv, userId: string, reply: ChatReply): Promise<HandleOutcome> {
  if (!env.oa) {
    env.log.warn("Zalo reply not sent: sending is not configured (ZALO_APP_SECRET and an OA refresh token are needed)");
    return "reply_not_configured";
  }
  const r = await env.oa.sendCsMessage(userId, { text: reply.text, buttons: reply.buttons });
  if (r.ok) return "replied";
  env.log.warn({ kind: r.error.kind, code: r.error.code, attempts: r.attempts }, "Zalo reply failed");
  return "reply_failed";
}

/** Dedupe rows older than this are deleted: Zalo's redeliveries stop within hours. */
export const DEDUPE_KEEP_MS = 7 * 86_400_000;

export function purgeOldEvents(env: Pick<ChatbotEnv, "db" | "clock">): Promise<number> {
  return forgetEventsBefore(env.db, new Date(env.clock.now().getTime() - DEDUPE_KEEP_MS).toISOString());
}
