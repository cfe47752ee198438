/**
 * Citizens the chatbot handed over to an officer (conversations.needs_human). The officer answers in Zalo OA
 * Manager, then marks the conversation handled. Which unit sees what: a conversation about the officer's unit
 * (conversations.unit_id) and every conversation about no unit, which every unit sees until one of them marks it
 * handled; a province viewer sees all and changes nothing. No message text is stored, so none is shown; the OA user
 * id is masked and never leaves the server whole: a conversation is named by an opaque reference (HMAC of the OA
 * user id under the server's secret).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { ConversationsReply, HandledReply, WaitingConversation } from "../../../shared/console/conversations.js";
import { isProvinceWide, unitScope, type Officer } from "../../../shared/officers/officer.js";
import { may } from "../../../shared/officers/permissions.js";
import { fail, type Outcome } from "../../../shared/outcomes.js";
import type { Deps } from "../deps.js";
import { writeAudit } from "../store/audit.js";
import { listWaitingConversations, markConversationHandled, type Conversation } from "../store/conversations.js";

export const OA_MANAGER_HINT =
  "Cán bộ trả lời người dân trong Zalo OA Manager (oa.zalo.me), rồi bấm “Đã xử lý” tại đây.";

/** "71••••0801": enough to tell two conversations apart, not enough to message the citizen. */
export function maskOaUserId(id: string): string {
  return id.length <= 6 ? "••••" : `${id.slice(0, 2)}••••${id.slice(-4)}`;
}

function referenceOf(deps: Deps, oaUserId: string): string {
  return createHmac("sha256", deps.statusTokenSecret)
    .update(`conversation:${oaUserId}`)
    .digest("base64url")
    .slice(0, 22);
}

function sameReference(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function view(deps: Deps, c: Conversation): WaitingConversation {
  const unit = c.unitId ? deps.domain.units.byId(c.unitId) : undefined;
  return {
    id: referenceOf(deps, c.oaUserId),
    oaUser: maskOaUserId(c.oaUserId),
    waitingSince: c.needsHumanSince ?? c.lastInteractionAt,
    unitName: unit ? deps.domain.units.displayName(unit) : null,
  };
}

/** An officer without a unit (other than the province viewer) has no conversations. */
function waitingFor(deps: Deps, officer: Officer, limit?: number): Promise<Conversation[]> {
  if (!isProvinceWide(officer) && officer.unitId === null) return Promise.resolve([]);
  return listWaitingConversations(deps.db, unitScope(officer), limit);
}

export async function waitingConversations(deps: Deps, officer: Officer): Promise<ConversationsReply> {
  const items = await waitingFor(deps, officer);
  return {
    canHandle: may(officer, "conversations.handle"),
    hint: OA_MANAGER_HINT,
    count: items.length,
    items: items.map((c) => view(deps, c)),
  };
}

/** Another unit's conversation, one already handled and a made-up reference look the same: not found. */
export async function markHandled(deps: Deps, officer: Officer, ref: string): Promise<Outcome<HandledReply>> {
  const found = (await waitingFor(deps, officer, 10_000)).find((c) =>
    sameReference(referenceOf(deps, c.oaUserId), ref),
  );
  if (!found) return fail("conversation_not_found");
  const now = deps.clock.now().toISOString();
  const done = await markConversationHandled(deps.db, found.oaUserId, (tx) =>
    writeAudit(tx, {
      at: now,
      actorKind: "officer",
      actorId: officer.id,
      action: "update",
      subjectKind: "conversation",
      subjectId: found.oaUserId,
      fields: ["needs_human"],
      reason: "Cán bộ đã hỗ trợ người dân qua Zalo OA",
    }),
  );
  if (!done) return fail("conversation_not_found");
  return { ok: true, value: { id: ref, handled: true } };
}
