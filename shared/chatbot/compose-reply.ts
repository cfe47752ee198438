/**
 * The chatbot's answer to an understood message: short Vietnamese built from the catalogue, the scheme plans and the
 * calendar in force at `at` (never facts in code), with buttons that open the Mini App at the right page or the
 * public status page. Which unit: the one named in the message, else the conversation's last one, else ask.
 * Status replies carry state and due date only: no personal data in chat.
 */
import { otherProcedures } from "../data/chatbot-procedures.js";
import { BUTTON_QUERY, BUTTON_TEXT, REPLY_TEXT } from "../data/chatbot-replies.js";
import type { ChatIntent } from "../data/chatbot-intents.js";
import { unitContacts as shippedContacts, type UnitContact } from "../data/chatbot-unit-contacts.js";
import { citizenStatusText } from "../dossier/lifecycle-labels.js";
import type { DossierState } from "../data/lifecycle.js";
import type { AdminUnit, IsoDate } from "../model.js";
import type { ProcedureCatalog } from "../procedures/catalog.js";
import { documentKindLabels, type ProcedureVersion } from "../procedures/procedure-version.js";
import { whereToSubmit } from "../procedures/where-to-submit.js";
import type { SchemeDomain } from "../scheme/decide-track.js";
import type { SchemePlan } from "../scheme/scheme-plan.js";
import { WEEKDAY_NAMES_VI, formatDateVn, toVnMoment } from "../time/vn-time.js";
import type { UnitDirectory } from "../units/unit-directory.js";
import { chatLinks, type LinkSettings } from "./mini-app-links.js";
import type { Understanding } from "./understand.js";

export interface DossierForChat {
  code: string;
  procedureName: string;
  state: string;
  stateLabel: string;
  dueDate: IsoDate;
}

export interface ReplyContext {
  /** ISO instant the answer is for. */
  at: string;
  units: UnitDirectory;
  catalog: ProcedureCatalog;
  scheme: SchemeDomain;
  links: LinkSettings;
  /** The unit the conversation last talked about (unit id). */
  conversationUnitId?: string | null;
  /** The dossier of the message's code: undefined when not looked up, null when not found. */
  dossier?: DossierForChat | null;
  contacts?: readonly UnitContact[];
}

export type ReplyButton = { title: string; url: string } | { title: string; query: string };

export interface ChatReply {
  text: string;
  buttons: ReplyButton[];
  /** The unit this answer was about: remember it for the next question. */
  unitId?: string;
  /** Hand the conversation to officers. */
  needsHuman?: boolean;
}

/** Zalo CS text limit (zalo.md §4.3). */
const MAX_TEXT = 2000;
const MAX_BUTTONS = 5;

interface Ctx extends ReplyContext {
  date: IsoDate;
  unit?: AdminUnit;
}

type Builder = (u: Understanding, c: Ctx) => ChatReply;

const reply = (lines: (string | undefined | false)[], buttons: ReplyButton[] = [], extra: Partial<ChatReply> = {}): ChatReply => {
  const text = lines.filter((l): l is string => typeof l === "string" && l !== "").join("\n");
  return { text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text, buttons: buttons.slice(0, MAX_BUTTONS), ...extra };
};

const unitName = (c: Ctx, unit: AdminUnit) => c.units.displayName(unit);
const statusButton = (c: Ctx, code?: string): ReplyButton => ({ title: BUTTON_TEXT.statusPage, url: chatLinks.statusPage(c.links, code) });
const humanButton: ReplyButton = { title: BUTTON_TEXT.human, query: BUTTON_QUERY.human };

function planOf(c: Ctx, unit: AdminUnit | undefined): SchemePlan | undefined {
  return unit ? c.scheme.planAt(unit.id, c.date) : undefined;
}

const weekdaysText = (plan: SchemePlan) => plan.weekdays.map((d) => WEEKDAY_NAMES_VI[d]).join(", ");
const hoursText = (plan: SchemePlan) =>
  `${plan.officeHours.map((h) => `${h.start}–${h.end}`).join(", ")}${plan.officeHoursToVerify ? ` (${REPLY_TEXT.toVerify})` : ""}`;
const planSource = (plan: SchemePlan) =>
  plan.status === "demo" ? `(${REPLY_TEXT.demoPlan})` : `(${plan.label}${plan.number ? `, ${plan.number}` : ""}, từ ${formatDateVn(plan.validFrom)})`;

/** Procedures of the plan at the unit's level, with the cases the plan leaves out. */
function eligibleLines(c: Ctx, unit: AdminUnit, plan: SchemePlan): string[] {
  return (plan.eligible[unit.level] ?? []).flatMap((e) => {
    const v = c.catalog.versionAt(e.procedureCode, c.date);
    if (!v) return [];
    const excluded = (e.excludedFlags ?? []).map((id) => v.caseFlags.find((f) => f.id === id)?.label).filter(Boolean);
    return [`• ${v.name}${excluded.length > 0 ? ` (trừ trường hợp: ${excluded.join("; ")})` : ""}`];
  });
}

/** Listed by the plan, and decided at the unit or by an office the plan has take part (see shared/scheme/plan-index.ts). */
function sameDayEligible(c: Ctx, unit: AdminUnit, v: ProcedureVersion): { plan?: SchemePlan; eligible: boolean } {
  const plan = planOf(c, unit);
  const entry = plan?.eligible[unit.level]?.find((e) => e.procedureCode === v.code);
  return { ...(plan ? { plan } : {}), eligible: entry !== undefined && (v.competentBody.sameBodyAsReceiving || entry.decidingOfficeTakesPart !== undefined) };
}

function contactOf(c: Ctx, unit: AdminUnit): UnitContact | undefined {
  return (c.contacts ?? shippedContacts).find((x) => x.unitId === unit.id);
}

function catalogueNames(c: Ctx): string[] {
  const codes = [...new Set(c.catalog.versions.map((v) => v.code))];
  return codes.flatMap((code) => {
    const v = c.catalog.versionAt(code, c.date);
    return v ? [`• ${v.name}`] : [];
  });
}

function procedureButtons(c: Ctx, v: ProcedureVersion, unit: AdminUnit | undefined, skip: "checklist" | "fee" | "time"): ReplyButton[] {
  const buttons: ReplyButton[] = [];
  if (unit) buttons.push({ title: BUTTON_TEXT.preEntry, url: chatLinks.preEntry(c.links, unit.code, v.code) });
  if (skip !== "checklist") buttons.push({ title: BUTTON_TEXT.checklist, query: BUTTON_QUERY.checklist(v.code) });
  if (skip !== "fee") buttons.push({ title: BUTTON_TEXT.fee, query: BUTTON_QUERY.fee(v.code) });
  if (skip !== "time") buttons.push({ title: BUTTON_TEXT.time, query: BUTTON_QUERY.time(v.code) });
  if (unit) buttons.push({ title: BUTTON_TEXT.procedure, url: chatLinks.procedure(c.links, unit.code, v.code) });
  return buttons;
}

/** A procedure the commune's one-stop does not receive says where to go, not "vẫn được tiếp nhận". */
function notInSchemeLine(name: string | undefined): string {
  const where = otherProcedures.find((p) => p.name === name)?.where;
  return where
    ? `${name} không thuộc danh mục Ngày không hẹn và không tiếp nhận tại Bộ phận Một cửa xã, phường: ông/bà nộp hồ sơ tại ${where}.`
    : `${name ?? REPLY_TEXT.notInSchemeGeneric} ${REPLY_TEXT.notInScheme}`;
}

/** "Tại xã X, thủ tục này thuộc Ngày không hẹn: …" or why not; undefined without a unit. */
function sameDayLine(c: Ctx, v: ProcedureVersion, unit: AdminUnit | undefined): string | undefined {
  if (!unit) return undefined;
  const { plan, eligible } = sameDayEligible(c, unit, v);
  if (!plan || !eligible) return `Tại ${unitName(c, unit)}, thủ tục này không thuộc danh mục Ngày không hẹn: giải quyết theo thời hạn thông thường, có phiếu hẹn.`;
  const status = c.scheme.schemeStatusAt(unit.code, c.at);
  const next = status.ok ? status.nextSchemeDayText : undefined;
  return `Tại ${unitName(c, unit)}, thủ tục này thuộc Ngày không hẹn: ${weekdaysText(plan)} hằng tuần, nộp đủ hồ sơ trước ${plan.intakeCutoff} thì nhận kết quả trong ngày ${planSource(plan)}.${next ? ` Ngày không hẹn tới: ${next}.` : ""}`;
}

function needProcedure(c: Ctx, u: Understanding): ProcedureVersion | ChatReply {
  const v = u.procedureCode ? c.catalog.versionAt(u.procedureCode, c.date) : undefined;
  if (v) return v;
  return reply([REPLY_TEXT.askProcedure, ...catalogueNames(c)], [statusButton(c), humanButton]);
}

const builders: Record<ChatIntent, Builder> = {
  greeting: (_u, c) => reply([REPLY_TEXT.greeting, REPLY_TEXT.capabilities, REPLY_TEXT.example], welcomeButtons(c)),
  thanks: () => reply([REPLY_TEXT.thanks]),
  fallback: (_u, c) => reply([REPLY_TEXT.fallback, REPLY_TEXT.capabilities, REPLY_TEXT.example], welcomeButtons(c)),

  what_is_scheme: (_u, c) => {
    const plan = planOf(c, c.unit);
    const local = c.unit && plan
      ? `Tại ${unitName(c, c.unit)}: Ngày không hẹn là ${weekdaysText(plan)} hằng tuần, nhận hồ sơ trả trong ngày đến ${plan.intakeCutoff} ${planSource(plan)}.`
      : c.unit ? `${capitalize(unitName(c, c.unit))} hiện không áp dụng Ngày không hẹn.` : REPLY_TEXT.askUnit;
    return reply([REPLY_TEXT.whatIsNoWriting, REPLY_TEXT.whatIsNoAppointment, local],
      [{ title: BUTTON_TEXT.schemeProcedures, query: BUTTON_QUERY.schemeProcedures }, humanButton]);
  },

  scheme_schedule: (_u, c) => {
    if (!c.unit) return reply([REPLY_TEXT.askUnit]);
    const status = c.scheme.schemeStatusAt(c.unit.code, c.at);
    const plan = planOf(c, c.unit);
    if (!status.ok) return reply([REPLY_TEXT.askUnit]);
    const lines = plan
      ? [
        `Tại ${unitName(c, c.unit)}, Ngày không hẹn là ${weekdaysText(plan)} hằng tuần (trừ ngày nghỉ lễ), nhận hồ sơ trả trong ngày đến ${plan.intakeCutoff}; áp dụng từ ${formatDateVn(plan.validFrom)} ${planSource(plan)}.`,
        `Giờ làm việc: ${hoursText(plan)}.`,
        status.summary,
      ]
      : [status.summary];
    return reply(lines, [{ title: BUTTON_TEXT.schemeProcedures, query: BUTTON_QUERY.schemeProcedures }, { title: BUTTON_TEXT.unit, url: chatLinks.unit(c.links, c.unit.code) }]);
  },

  scheme_procedures: (_u, c) => {
    if (!c.unit) return reply([REPLY_TEXT.askUnit]);
    const plan = planOf(c, c.unit);
    if (!plan) return reply([`${capitalize(unitName(c, c.unit))} hiện không áp dụng Ngày không hẹn; các thủ tục được giải quyết theo thời hạn thông thường, có phiếu hẹn.`]);
    const list = eligibleLines(c, c.unit, plan);
    return reply(
      [`Thủ tục trả kết quả trong ngày (Ngày không hẹn, ${weekdaysText(plan)}, nộp trước ${plan.intakeCutoff}) tại ${unitName(c, c.unit)} ${planSource(plan)}:`, ...list,
        "Hồ sơ phải đầy đủ, hợp lệ; thủ tục khác giải quyết theo thời hạn thông thường."],
      [{ title: BUTTON_TEXT.unit, url: chatLinks.unit(c.links, c.unit.code) }, { title: BUTTON_TEXT.whatIs, query: BUTTON_QUERY.whatIs }],
    );
  },

  procedure_checklist: (u, c) => {
    const v = needProcedure(c, u);
    if (!("code" in v)) return v;
    const always = v.requiredDocuments.filter((d) => d.always);
    const sometimes = v.requiredDocuments.filter((d) => !d.always);
    const line = (d: ProcedureVersion["requiredDocuments"][number]) => `${d.name} – ${documentKindLabels[d.kind].toLowerCase()}, ${d.count} bản`;
    return reply(
      [
        `${v.name} (mã ${v.code}). Giấy tờ cần mang:`,
        ...always.map((d, i) => `${i + 1}. ${line(d)}`),
        sometimes.length > 0 && "Thêm, tùy trường hợp:",
        ...sometimes.map((d) => `• ${line(d)}${d.condition ? ` (${shorten(d.condition, 110)})` : ""}`),
        planOf(c, c.unit) && REPLY_TEXT.assistedWriting,
        c.unit && whereToSubmit(v, c.unit).text,
        sameDayLine(c, v, c.unit),
      ],
      procedureButtons(c, v, c.unit, "checklist"),
    );
  },

  procedure_fee: (u, c) => {
    const v = needProcedure(c, u);
    if (!("code" in v)) return v;
    const province = c.unit ? c.units.provinceOf(c.unit) : undefined;
    if (!province) {
      return reply([`Lệ phí ${lower(v.name)}: chưa xác định, ${REPLY_TEXT.toVerify}. ${REPLY_TEXT.feeUnknownProvince}`], procedureButtons(c, v, c.unit, "fee"));
    }
    const fee = c.catalog.feeFor(province.code, v.code, c.date);
    const amount = fee.amountVnd === null ? `chưa xác định, ${REPLY_TEXT.toVerify}` : fee.display;
    return reply(
      [`Lệ phí ${lower(v.name)} tại ${c.units.displayName(province)}: ${amount}.`, fee.entry?.note, fee.entry && `Căn cứ: ${fee.entry.basis}.`],
      procedureButtons(c, v, c.unit, "fee"),
    );
  },

  procedure_time: (u, c) => {
    const v = needProcedure(c, u);
    if (!("code" in v)) return v;
    const { timeLimitWorkingDays: days, sameDayCutoff, toVerify } = v.timeLimit;
    const legal = days > 0
      ? `${String(days).padStart(2, "0")} ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ`
      : `trong ngày nhận đủ hồ sơ${sameDayCutoff ? ` (nhận sau ${sameDayCutoff} thì trả trong ngày làm việc tiếp theo)` : ""}`;
    const lines = [`${v.name}: thời hạn theo quy định ${legal}${toVerify ? ` (${REPLY_TEXT.toVerify})` : ""}.`];
    if (c.unit) {
      const now = c.scheme.decideTrack({ unitCode: c.unit.code, procedureCode: v.code, at: c.at });
      if (now.ok) {
        lines.push(`Nếu nộp đủ hồ sơ ngay bây giờ tại ${unitName(c, c.unit)}: hẹn trả ngày ${formatDateVn(now.dueDate)}${now.track === "same-day" ? " (Ngày không hẹn, trả trong ngày)" : ""}.`);
      }
    }
    lines.push(sameDayLine(c, v, c.unit) ?? REPLY_TEXT.askUnit);
    return reply(lines, procedureButtons(c, v, c.unit, "time"));
  },

  dossier_status: (u, c) => {
    if (!u.dossierCode) return reply([REPLY_TEXT.askDossierCode], [statusButton(c)]);
    const d = c.dossier;
    if (!d) return reply([`${REPLY_TEXT.dossierNotFound} (${u.dossierCode})`], [statusButton(c, u.dossierCode), humanButton]);
    return reply(
      [`Hồ sơ ${d.code} – ${d.procedureName}: ${d.stateLabel}.`, citizenStatusText(d.state as DossierState), `Ngày hẹn trả: ${formatDateVn(d.dueDate)}.`, REPLY_TEXT.dossierPrivacy],
      [statusButton(c, d.code), { title: BUTTON_TEXT.dossier, url: chatLinks.dossier(c.links, d.code) }],
    );
  },

  pre_register: (u, c) => {
    const v = u.procedureCode ? c.catalog.versionAt(u.procedureCode, c.date) : undefined;
    const link = c.unit && v ? chatLinks.preEntry(c.links, c.unit.code, v.code) : c.unit ? chatLinks.unit(c.links, c.unit.code) : chatLinks.home(c.links);
    return reply([REPLY_TEXT.preRegister, !c.unit && REPLY_TEXT.askUnit], [{ title: v && c.unit ? BUTTON_TEXT.preEntry : BUTTON_TEXT.miniApp, url: link }]);
  },

  unit_info: (_u, c) => {
    if (!c.unit) return reply([REPLY_TEXT.askUnit]);
    const plan = planOf(c, c.unit);
    const contact = contactOf(c, c.unit);
    const status = c.scheme.schemeStatusAt(c.unit.code, c.at);
    const open = status.ok && status.openNow !== null ? (status.openNow ? "Hiện đang trong giờ làm việc." : "Hiện ngoài giờ làm việc.") : undefined;
    return reply(
      [
        `Bộ phận Một cửa ${unitName(c, c.unit)}.`,
        `Địa chỉ: ${contact?.address ?? `trụ sở UBND ${unitName(c, c.unit)} (${REPLY_TEXT.addressToVerify})`}.`,
        `Giờ làm việc: ${plan ? hoursText(plan) : REPLY_TEXT.unknownPhone}.`,
        `Điện thoại: ${contact?.phone ?? REPLY_TEXT.unknownPhone}.`,
        open,
      ],
      [{ title: BUTTON_TEXT.unit, url: chatLinks.unit(c.links, c.unit.code) }, humanButton],
    );
  },

  feedback: (_u, c) =>
    reply([REPLY_TEXT.feedback], [
      { title: BUTTON_TEXT.feedback, url: c.unit ? chatLinks.feedback(c.links, c.unit.code) : chatLinks.home(c.links) },
      humanButton,
    ]),

  human: (_u, c) => {
    const plan = planOf(c, c.unit);
    const contact = c.unit ? contactOf(c, c.unit) : undefined;
    return reply(
      [
        REPLY_TEXT.human,
        c.unit && `Bộ phận Một cửa ${unitName(c, c.unit)}: giờ làm việc ${plan ? hoursText(plan) : REPLY_TEXT.unknownPhone}; điện thoại ${contact?.phone ?? REPLY_TEXT.unknownPhone}.`,
        !c.unit && REPLY_TEXT.askUnit,
      ],
      [],
      { needsHuman: true },
    );
  },

  not_in_scheme: (u, c) => {
    const plan = planOf(c, c.unit);
    const list = c.unit && plan ? eligibleLines(c, c.unit, plan) : [];
    return reply(
      [
        notInSchemeLine(u.otherProcedure),
        list.length > 0 && c.unit && `Thủ tục trả trong ngày tại ${unitName(c, c.unit)}:`,
        ...list,
        !c.unit && REPLY_TEXT.askUnit,
      ],
      [{ title: BUTTON_TEXT.schemeProcedures, query: BUTTON_QUERY.schemeProcedures }, humanButton],
    );
  },
};

function welcomeButtons(c: ReplyContext): ReplyButton[] {
  return [
    { title: BUTTON_TEXT.statusPage, url: chatLinks.statusPage(c.links) },
    { title: BUTTON_TEXT.preEntry, url: chatLinks.home(c.links) },
    { title: BUTTON_TEXT.whatIs, query: BUTTON_QUERY.whatIs },
  ];
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const shorten = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`);

/** The unit of this answer: named in the message, else the conversation's (or its single successor today). */
function resolveUnit(u: Understanding, c: ReplyContext, date: IsoDate): AdminUnit | undefined {
  const oneStop = (unit: AdminUnit | undefined) => (unit && unit.level !== "province" ? unit : undefined);
  if (u.unitCode) return oneStop(c.units.findByCode(u.unitCode, date));
  if (!c.conversationUnitId) return undefined;
  const known = c.units.byId(c.conversationUnitId);
  if (known && c.units.isInForce(known, date)) return oneStop(known);
  const successors = c.units.successorsAt(c.conversationUnitId, date);
  return successors.length === 1 ? oneStop(successors[0]) : undefined;
}

export function composeReply(u: Understanding, context: ReplyContext): ChatReply {
  const date = toVnMoment(context.at)?.date;
  if (!date) throw new RangeError(`invalid instant ${context.at}`);
  const unit = resolveUnit(u, context, date);
  const c: Ctx = { ...context, date, ...(unit ? { unit } : {}) };
  const r = builders[u.intent](u, c);
  return unit && u.unitCode ? { ...r, unitId: unit.id } : r;
}

/** After `follow` (and when the chat is opened): who we are and what to ask. */
export function welcomeReply(context: ReplyContext): ChatReply {
  return reply([REPLY_TEXT.welcome, REPLY_TEXT.capabilities, REPLY_TEXT.example], welcomeButtons(context));
}

/** Images, stickers, locations, files: a polite word and what the bot can do. */
export function mediaReply(context: ReplyContext): ChatReply {
  return reply([REPLY_TEXT.media, REPLY_TEXT.capabilities], welcomeButtons(context));
}
