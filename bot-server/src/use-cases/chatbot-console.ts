/**
 * The chatbot as the console sees it.
 * - The OA's area (the province, or one unit) the chatbot answers from when a citizen names no commune. Every
 *   officer reads it; a unit administrator sets it to their unit or its province (audited).
 * - "Thử chatbot": an officer types a message, picks a unit, and sees exactly the reply a citizen would get (text
 *   and buttons) with what was understood. Nothing is sent and nothing about a citizen is read.
 */
import { composeReply, welcomeReply, type ChatReply } from "../../../shared/chatbot/compose-reply.js";
import { understandOf } from "../domain.js";
import type {
  ChatbotAreaReply,
  ChatbotTryBody,
  ChatbotTryReply,
  ChatbotUnitChoice,
  ChatbotUnitsReply,
} from "../../../shared/console/chatbot.js";
import type { AdminUnit } from "../../../shared/model.js";
import { isProvinceWide, type Officer } from "../../../shared/officers/officer.js";
import { may } from "../../../shared/officers/permissions.js";
import { fail, type Outcome } from "../../../shared/outcomes.js";
import { toVnMoment } from "../../../shared/time/vn-time.js";
import type { Deps } from "../deps.js";
import { writeAudit } from "../store/audit.js";
import { readChatbotArea, writeChatbotArea } from "../store/chatbot-area.js";
import { listOfficeContacts } from "../store/unit-contacts.js";

const today = (deps: Deps) => toVnMoment(deps.clock.now().toISOString())!.date;

const choiceOf = (deps: Deps, u: AdminUnit): ChatbotUnitChoice => ({
  unitId: u.id,
  name: deps.domain.units.displayName(u),
  level: u.level,
});

/** The officer's unit (as in force today) and its province. */
function ownUnits(deps: Deps, officer: Officer): AdminUnit[] {
  const units = deps.domain.units;
  if (!officer.unitId) return [];
  const own = units.byId(officer.unitId);
  if (!own) return [];
  const date = today(deps);
  const current = units.isInForce(own, date) ? own : units.successorsAt(own.id, date)[0];
  if (!current) return [];
  const province = current.level === "province" ? undefined : units.provinceOf(current);
  return province ? [current, province] : [current];
}

/** Units to try the chatbot for: the province's one-stops (every unit for a province viewer), the province first. */
function tryUnits(deps: Deps, officer: Officer): ChatbotUnitChoice[] {
  const units = deps.domain.units;
  const date = today(deps);
  const provinces =
    isProvinceWide(officer) || !officer.unitId
      ? units.units.filter((u) => u.level === "province" && units.isInForce(u, date))
      : ownUnits(deps, officer).filter((u) => u.level === "province");
  const out: ChatbotUnitChoice[] = [];
  const walk = (id: string) => {
    for (const child of units.childrenOf(id, date)) {
      out.push(choiceOf(deps, child));
      if (child.level === "district") walk(child.id);
    }
  };
  for (const p of provinces) {
    out.push(choiceOf(deps, p));
    walk(p.id);
  }
  return out;
}

const nameOf = (deps: Deps, unitId: string | null) => {
  const unit = unitId ? deps.domain.units.byId(unitId) : undefined;
  return unit ? deps.domain.units.displayName(unit) : null;
};

export async function chatbotArea(deps: Deps, officer: Officer): Promise<ChatbotAreaReply> {
  const area = await readChatbotArea(deps.db);
  const canEdit = may(officer, "chatbot.edit_area");
  return {
    unitId: area.unitId,
    name: nameOf(deps, area.unitId),
    updatedAt: area.updatedAt,
    canEdit,
    choices: canEdit ? ownUnits(deps, officer).map((u) => choiceOf(deps, u)) : [],
  };
}

const OWN_AREA_ONLY = "Chỉ chọn được đơn vị của mình hoặc tỉnh của đơn vị.";

/** Only the officer's own unit or its province (or none); the change is audited. */
export async function setChatbotArea(
  deps: Deps,
  officer: Officer,
  unitId: string | null,
): Promise<Outcome<ChatbotAreaReply>> {
  const allowed = ownUnits(deps, officer).map((u) => u.id);
  if (unitId !== null && !allowed.includes(unitId))
    return fail("invalid_body", { message: OWN_AREA_ONLY, fields: [{ path: "unitId", message: OWN_AREA_ONLY }] });
  const now = deps.clock.now().toISOString();
  const before = await readChatbotArea(deps.db);
  await writeChatbotArea(deps.db, { unitId }, now, officer.id);
  await writeAudit(deps.db, {
    at: now,
    actorKind: "officer",
    actorId: officer.id,
    action: "update",
    subjectKind: "chatbot_setting",
    subjectId: "chatbot_area",
    fields: ["unitId"],
    reason: `Khu vực chatbot: ${before.unitId ?? "chưa đặt"} → ${unitId ?? "chưa đặt"}`,
  });
  return {
    ok: true,
    value: {
      unitId,
      name: nameOf(deps, unitId),
      updatedAt: now,
      canEdit: true,
      choices: ownUnits(deps, officer).map((u) => choiceOf(deps, u)),
    },
  };
}

export async function chatbotTryUnits(deps: Deps, officer: Officer): Promise<ChatbotUnitsReply> {
  const area = await readChatbotArea(deps.db);
  const own = ownUnits(deps, officer)[0];
  return { units: tryUnits(deps, officer), defaultUnitId: own?.id ?? area.unitId ?? null };
}

const NOT_LISTED = "Đơn vị không có trong danh sách.";

/** The reply a citizen of an OA of the picked unit would get; nothing is sent. */
export async function tryChatbot(
  deps: Deps,
  officer: Officer,
  body: ChatbotTryBody,
): Promise<Outcome<ChatbotTryReply>> {
  const picked = body.unitId ?? null;
  if (picked !== null && !tryUnits(deps, officer).some((u) => u.unitId === picked))
    return fail("invalid_body", { message: NOT_LISTED, fields: [{ path: "unitId", message: NOT_LISTED }] });
  const understand = understandOf(deps.domain);
  const c = deps.config;
  const context = {
    at: deps.clock.now().toISOString(),
    units: deps.domain.units,
    catalog: deps.domain.catalog,
    scheme: deps.domain.scheme,
    calendar: deps.domain.calendar,
    links: { publicBaseUrl: c.PUBLIC_BASE_URL, ...(c.ZALO_MINIAPP_ID ? { miniAppId: c.ZALO_MINIAPP_ID } : {}) },
    // The picked unit stands for the OA's area: the reply a citizen of an OA of that unit would get.
    areaUnitId: picked,
    contacts: await listOfficeContacts(deps.db),
  };
  if (body.event === "follow")
    return { ok: true, value: { intent: "follow", understood: {}, reply: shape(welcomeReply(context)) } };
  const understood = understand(body.text);
  const reply = composeReply(understood, understood.dossierCode ? { ...context, dossier: null } : context);
  return { ok: true, value: { intent: understood.intent, understood, reply: shape(reply) } };
}

const shape = (r: ChatReply): ChatbotTryReply["reply"] => ({
  text: r.text,
  buttons: r.buttons,
  ...(r.needsHuman ? { needsHuman: true as const } : {}),
  ...(r.feedback ? { recordsFeedback: r.feedback.kind } : {}),
});
