/**
 * What happens after a webhook event was acknowledged: dedupe (Zalo delivers at least once), remember the citizen's
 * interaction, understand the message, answer from the catalogue and the plans in force, send through the OA
 * customer-service API. follow → welcome; unfollow → remember and stay silent; text → answer; images, stickers,
 * locations → a polite word and what the bot can do.
 */
import type { Kysely } from "kysely";
import {
  composeReply,
  mediaReply,
  welcomeReply,
  type ChatReply,
  type DossierForChat,
  type ReplyContext,
} from "../../../shared/chatbot/compose-reply.js";
import type { LinkSettings } from "../../../shared/chatbot/mini-app-links.js";
import type { Understand } from "../../../shared/chatbot/understand.js";
import type { Clock } from "../clock.js";
import type { Domain } from "../domain.js";
import type { Log } from "../log.js";
import type { UnitContact } from "../../../shared/data/chatbot-unit-contacts.js";
import type { Database } from "../store/database.js";
import { readChatbotArea } from "../store/chatbot-area.js";
import { writeAudit } from "../store/audit.js";
import { insertFeedback } from "../store/feedback.js";
import { listOfficeContacts } from "../store/unit-contacts.js";
import {
  forgetEvent,
  forgetEventsBefore,
  recordInteraction,
  rememberEventOnce,
  updateConversation,
} from "../store/conversations.js";
import { deleteFinishedOutbox } from "../store/outbox.js";
import type { ZaloEvent } from "./events.js";
import { CHAT_REPLY_KIND } from "../notify/chat-reply-step.js";
import type { ChatReplies } from "./chat-replies.js";
import { officerLinkReply } from "./officer-link.js";

export interface ChatbotEnv {
  db: Kysely<Database>;
  domain: Domain;
  clock: Clock;
  log: Log;
  links: LinkSettings;
  understand: Understand;
  /** Absent when sending is not configured: events are still recorded. */
  replies?: ChatReplies;
  lookupDossier(code: string): Promise<DossierForChat | null>;
  /** The OA's area (console setting), read at most every AREA_CACHE_MS. */
  area?: () => Promise<string | null>;
}

const AREA_CACHE_MS = 5_000;

/** The area setting, cached briefly: it changes rarely and every message needs it. */
export function cachedArea(db: Kysely<Database>, clock: Clock): () => Promise<string | null> {
  let cached: { at: number; unitId: string | null } | undefined;
  return async () => {
    const now = clock.now().getTime();
    if (cached && now - cached.at >= 0 && now - cached.at < AREA_CACHE_MS) return cached.unitId;
    const { unitId } = await readChatbotArea(db);
    cached = { at: now, unitId };
    return unitId;
  };
}

/** Answers that give the office's telephone and address, as the unit entered them in the console. */
const CONTACT_INTENTS = new Set(["human", "unit_info"]);

export type HandleOutcome =
  "duplicate" | "ignored" | "recorded" | "replied" | "reply_queued" | "reply_failed" | "reply_not_configured";

export async function handleZaloEvent(env: ChatbotEnv, event: ZaloEvent): Promise<HandleOutcome> {
  if (event.kind === "echo" || event.kind === "ignored" || event.userId === "") return "ignored";
  const now = env.clock.now();
  if (!(await rememberEventOnce(env.db, event.eventId, now.toISOString()))) return "duplicate";
  try {
    return await respond(env, event, now);
  } catch (e) {
    // Let a retry of the job handle it from scratch.
    await forgetEvent(env.db, event.eventId).catch(() => undefined);
    throw e;
  }
}

async function respond(env: ChatbotEnv, event: ZaloEvent, now: Date): Promise<HandleOutcome> {
  const at = new Date(Math.min(event.at, now.getTime())).toISOString();
  const interaction = {
    oaUserId: event.userId,
    at,
    now: now.toISOString(),
    ...(event.appUserId ? { appUserId: event.appUserId } : {}),
  };
  const areaUnitId = (await env.area?.()) ?? null;
  const context = (
    conversationUnitId?: string | null,
    dossier?: DossierForChat | null,
    contacts?: readonly UnitContact[],
    demoNoted?: boolean,
  ): ReplyContext => ({
    at: now.toISOString(),
    units: env.domain.units,
    catalog: env.domain.catalog,
    scheme: env.domain.scheme,
    calendar: env.domain.calendar,
    links: env.links,
    areaUnitId,
    ...(demoNoted ? { demoNoted } : {}),
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
      return send(env, event, welcomeReply(context()));
    case "media":
      await recordInteraction(env.db, { ...interaction, interacted: true });
      return send(env, event, mediaReply(context()));
    case "text": {
      const conversation = await recordInteraction(env.db, { ...interaction, interacted: true });
      const officerLink = await officerLinkReply(env, event.userId, event.text ?? "", now);
      if (officerLink) return send(env, event, officerLink);
      const understood = env.understand(event.text ?? "");
      const dossier = understood.dossierCode ? await env.lookupDossier(understood.dossierCode) : undefined;
      const contacts = CONTACT_INTENTS.has(understood.intent) ? await listOfficeContacts(env.db) : undefined;
      const reply = composeReply(
        understood,
        context(conversation.unitId, dossier, contacts, conversation.demoNotedAt !== null),
      );
      await updateConversation(env.db, event.userId, {
        ...(reply.unitId ? { unitId: reply.unitId } : {}),
        ...(reply.needsHuman ? { needsHuman: true } : {}),
        ...(reply.notedDemo ? { demoNoted: true } : {}),
        at,
      });
      if (reply.feedback && conversation.citizenId)
        await recordComplaint(env, conversation.citizenId, reply.feedback.unitId, event.text ?? "", now);
      env.log.info(
        { intent: understood.intent, procedureCode: understood.procedureCode, unitCode: understood.unitCode },
        "chatbot answered",
      );
      return send(env, event, reply);
    }
    default:
      return "ignored";
  }
}

async function send(env: ChatbotEnv, event: ZaloEvent, reply: ChatReply): Promise<HandleOutcome> {
  if (!env.replies) {
    env.log.warn("Zalo reply not sent: sending is not configured (ZALO_APP_SECRET and an OA refresh token are needed)");
    return "reply_not_configured";
  }
  return env.replies.send(event.eventId, event.userId, reply);
}

/** The citizen's complaint, as feedback of the unit: officers answer it in the console and the answer reaches the citizen on Zalo. */
async function recordComplaint(
  env: ChatbotEnv,
  citizenId: string,
  unitId: string,
  text: string,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const id = await insertFeedback(env.db, {
    dossierId: null,
    unitId,
    citizenId,
    kind: "complaint",
    rating: null,
    text: text.slice(0, 2000),
    status: "open",
    now: at,
  });
  await writeAudit(env.db, {
    at,
    actorKind: "citizen",
    actorId: citizenId,
    action: "create",
    subjectKind: "feedback",
    subjectId: id,
    fields: ["text"],
    reason: "Phản ánh về cán bộ qua chatbot Zalo",
  });
}

/** Dedupe rows older than this are deleted: Zalo's redeliveries stop within hours. */
export const DEDUPE_KEEP_MS = 7 * 86_400_000;

/** Dedupe rows, and the replies finished (sent or given up) over DEDUPE_KEEP_MS ago with their attempts. */
export async function purgeOldEvents(env: Pick<ChatbotEnv, "db" | "clock">): Promise<number> {
  const before = new Date(env.clock.now().getTime() - DEDUPE_KEEP_MS).toISOString();
  const replies = await deleteFinishedOutbox(env.db, CHAT_REPLY_KIND, before);
  return (await forgetEventsBefore(env.db, before)) + replies;
}
