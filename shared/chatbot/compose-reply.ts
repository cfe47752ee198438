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
import type { Calendar } from "../calendar/calendar.js";
import { vnCalendar } from "../calendar/vn-calendar.js";
import { WEEKDAY_NAMES_VI, formatDateVn, toVnMoment, weekdayOf } from "../time/vn-time.js";
import type { UnitDirectory } from "../units/unit-directory.js";
import { resolveAskedDay } from "./message-details.js";
import { chatLinks, type LinkSettings } from "./mini-app-links.js";
import { citizenText, fitMessage, joinLines, MAX_REPLY_CHARS } from "./reply-text.js";
import type { Understanding } from "./understand.js";
import { whereToApply } from "./where-to-apply.js";

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
  /** The working-day calendar (default: the shipped Vietnamese one). */
  calendar?: Calendar;
  /** The OA's area set by the administrator: a province (answers from its plans) or one unit (answers for it). */
  areaUnitId?: string | null;
  /** This conversation was already told that a plan is not an official decision. */
  demoNoted?: boolean;
}

export type ReplyButton = { title: string; url: string } | { title: string; query: string };

export interface ChatReply {
  text: string;
  buttons: ReplyButton[];
  /** The unit this answer was about: remember it for the next question. */
  unitId?: string;
  /** Hand the conversation to officers. */
  needsHuman?: boolean;
  /** This answer told the citizen that the plan is not an official decision (say it once per conversation). */
  notedDemo?: true;
  /** Record the message as feedback of this kind for the unit (a complaint about an officer). */
  feedback?: { kind: "complaint"; unitId: string };
}

const MAX_BUTTONS = 5;

interface Ctx extends ReplyContext {
  date: IsoDate;
  unit?: AdminUnit;
  /** The area's one-stop units when no unit is known (the OA's province). */
  area?: AdminUnit;
  calendar: Calendar;
  /** Set by planSource when a demo plan was used in this answer. */
  usedDemo: { value: boolean };
}

type Builder = (u: Understanding, c: Ctx) => ChatReply;

/** Lines in citizen words, at most MAX_REPLY_CHARS (whole lines dropped from the end, never a word cut). */
const reply = (
  lines: (string | undefined | false)[],
  buttons: ReplyButton[] = [],
  extra: Partial<ChatReply> = {},
): ChatReply => {
  const kept = lines.filter((l): l is string => typeof l === "string" && l !== "").map(citizenText);
  return { text: fitMessage(kept, MAX_REPLY_CHARS), buttons: buttons.slice(0, MAX_BUTTONS), ...extra };
};

const unitName = (c: Ctx, unit: AdminUnit) => c.units.displayName(unit);
const statusButton = (c: Ctx, code?: string): ReplyButton => ({
  title: BUTTON_TEXT.statusPage,
  url: chatLinks.statusPage(c.links, code),
});
const humanButton: ReplyButton = { title: BUTTON_TEXT.human, query: BUTTON_QUERY.human };

function planOf(c: Ctx, unit: AdminUnit | undefined): SchemePlan | undefined {
  return unit ? c.scheme.planAt(unit.id, c.date) : undefined;
}

const weekdaysText = (plan: SchemePlan) => plan.weekdays.map((d) => WEEKDAY_NAMES_VI[d]).join(", ");
const hoursText = (plan: SchemePlan) =>
  `${plan.officeHours.map((h) => `${h.start}–${h.end}`).join(", ")}${plan.officeHoursToVerify ? ` (${REPLY_TEXT.hoursUsual})` : ""}`;
/** Where the plan comes from: an official document is named; a demo plan is disclosed once per conversation (demoLine). */
function planSource(c: Ctx, plan: SchemePlan): string {
  if (plan.status === "demo") {
    c.usedDemo.value = true;
    return "";
  }
  return ` (${plan.label}${plan.number ? `, ${plan.number}` : ""}, từ ${formatDateVn(plan.validFrom)})`;
}

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
  return {
    ...(plan ? { plan } : {}),
    eligible:
      entry !== undefined && (v.competentBody.sameBodyAsReceiving || entry.decidingOfficeTakesPart !== undefined),
  };
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

function procedureButtons(
  c: Ctx,
  v: ProcedureVersion,
  unit: AdminUnit | undefined,
  skip: "checklist" | "fee" | "time",
): ReplyButton[] {
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
  if (!plan || !eligible)
    return `Tại ${unitName(c, unit)}, thủ tục này không thuộc danh mục Ngày không hẹn: giải quyết theo thời hạn thông thường, có phiếu hẹn.`;
  const status = c.scheme.schemeStatusAt(unit.code, c.at);
  const next = status.ok ? status.nextSchemeDayText : undefined;
  return `Tại ${unitName(c, unit)}, thủ tục này thuộc Ngày không hẹn: ${weekdaysText(plan)} hằng tuần, nộp đủ hồ sơ trước ${plan.intakeCutoff} thì nhận kết quả trong ngày${planSource(c, plan)}.${next ? ` Ngày không hẹn tới: ${next}.` : ""}`;
}

function needProcedure(c: Ctx, u: Understanding): ProcedureVersion | ChatReply {
  const v = u.procedureCode ? c.catalog.versionAt(u.procedureCode, c.date) : undefined;
  if (v) return v;
  return reply([REPLY_TEXT.askProcedure, ...catalogueNames(c)], [statusButton(c), humanButton]);
}

/** One-stop units of the area in force on the date: the area itself, or the communes (and, before 1/7/2025, districts) under it. */
function oneStopsIn(c: Ctx, area: AdminUnit): AdminUnit[] {
  if (area.level !== "province") return [area];
  const out: AdminUnit[] = [];
  const walk = (id: string) => {
    for (const child of c.units.childrenOf(id, c.date)) {
      out.push(child);
      if (child.level === "district") walk(child.id);
    }
  };
  walk(area.id);
  return out;
}

interface PlanGroup {
  plan?: SchemePlan;
  units: AdminUnit[];
  /** Procedure codes eligible at these units. */
  codes: string;
}

/** The area's one-stops grouped by what the plan in force says there (weekdays, cutoff, procedure list), largest first. */
function areaGroups(c: Ctx, area: AdminUnit, date: IsoDate = c.date): PlanGroup[] {
  const groups = new Map<string, PlanGroup>();
  for (const unit of oneStopsIn(c, area)) {
    const plan = c.scheme.planAt(unit.id, date);
    const codes = (plan?.eligible[unit.level] ?? [])
      .map((e) => e.procedureCode)
      .sort()
      .join(",");
    const key = plan ? `${plan.weekdays.join(",")}|${plan.intakeCutoff}|${codes}` : "none";
    const g = groups.get(key) ?? { ...(plan ? { plan } : {}), units: [], codes };
    g.units.push(unit);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.units.length - a.units.length || (a.plan ? -1 : 1));
}

const unitNoun = (units: readonly AdminUnit[]) => (units.every((u) => u.level === "commune") ? "xã, phường" : "đơn vị");

/** "28 xã, phường" or, for a few, their names. */
function groupLabel(c: Ctx, g: PlanGroup, first: boolean): string {
  if (!first && g.units.length <= 3) return `riêng ${g.units.map((u) => unitName(c, u)).join(", ")}`;
  return `${first ? "" : "riêng "}${g.units.length} ${unitNoun(g.units)}`;
}

function groupRule(g: PlanGroup, base?: PlanGroup): string {
  if (!g.plan) return "chưa áp dụng Ngày không hẹn";
  const list = base && base.plan && base.codes !== g.codes ? ", danh mục thủ tục khác" : "";
  return `${weekdaysText(g.plan)}, nhận hồ sơ đến ${g.plan.intakeCutoff}${list}`;
}

/** "Ngày không hẹn khác nhau giữa các xã, phường của tỉnh X: 28 xã, phường: Thứ Tư…; riêng …" */
function differencesLine(c: Ctx, area: AdminUnit, groups: readonly PlanGroup[]): string {
  const parts = groups.map((g, i) => `${groupLabel(c, g, i === 0)}: ${groupRule(g, groups[0])}`);
  return `Ngày không hẹn khác nhau giữa các ${unitNoun(groups.flatMap((g) => g.units))} của ${unitName(c, area)}: ${parts.join("; ")}.`;
}

const areaLabel = (c: Ctx, area: AdminUnit, g: PlanGroup) =>
  area.level === "province" ? `${g.units.length} ${unitNoun(g.units)} của ${unitName(c, area)}` : unitName(c, area);

/** The area's answer when no unit is known: one group with a plan (they agree), or undefined. */
function agreeingGroup(c: Ctx): { area: AdminUnit; group: PlanGroup; groups: PlanGroup[] } | undefined {
  if (!c.area) return undefined;
  const groups = areaGroups(c, c.area);
  return groups.length === 1 && groups[0]!.plan ? { area: c.area, group: groups[0]!, groups } : undefined;
}

function nextDayText(c: Ctx, unit: AdminUnit): string | undefined {
  const status = c.scheme.schemeStatusAt(unit.code, c.at);
  return status.ok ? status.nextSchemeDayText : undefined;
}

/** Without a unit: the area's rule when its plans agree, how they differ (and which commune?) when not, else "which commune?". */
function areaScheduleLines(c: Ctx): string[] {
  if (!c.area) return [REPLY_TEXT.askUnit];
  const groups = areaGroups(c, c.area);
  const only = groups.length === 1 ? groups[0]! : undefined;
  if (only && !only.plan) {
    return [
      `${capitalize(unitName(c, c.area))} hiện chưa áp dụng Ngày không hẹn; thủ tục được giải quyết theo thời hạn thông thường, có phiếu hẹn.`,
    ];
  }
  if (only?.plan) {
    const next = nextDayText(c, only.units[0]!);
    return [
      `Ngày không hẹn tại ${areaLabel(c, c.area, only)}: ${weekdaysText(only.plan)} hằng tuần (trừ ngày nghỉ lễ); nộp đủ hồ sơ trước ${only.plan.intakeCutoff} thì nhận kết quả trong ngày${planSource(c, only.plan)}.${next ? ` Ngày không hẹn tới: ${next}.` : ""}`,
      REPLY_TEXT.narrowDown,
    ];
  }
  for (const g of groups) if (g.plan) planSource(c, g.plan);
  return [differencesLine(c, c.area, groups), REPLY_TEXT.askUnitShort];
}

type DayVerdict = { yes: boolean; text: string };

/** Whether `date` is a scheme day at the unit, as one sentence starting with "Có" or "Không". */
function dayVerdict(c: Ctx, unit: AdminUnit, date: IsoDate, where: string): DayVerdict {
  const dayText = `${WEEKDAY_NAMES_VI[weekdayOf(date)]} ${formatDateVn(date)}`;
  const explained = c.calendar.explainDay(date);
  if (!explained.working) {
    const why = explained.reasons.length > 0 ? ` (${explained.reasons.join("; ")})` : "";
    return { yes: false, text: `Không. ${dayText} là ngày nghỉ${why}, Bộ phận Một cửa không làm việc.` };
  }
  const plan = c.scheme.planAt(unit.id, date);
  const eligible = plan?.eligible[unit.level]?.length ?? 0;
  if (!plan || eligible === 0)
    return {
      yes: false,
      text: `Không. ${capitalize(where)} chưa áp dụng Ngày không hẹn vào ${dayText}; hồ sơ giải quyết theo thời hạn thông thường, có phiếu hẹn.`,
    };
  if (!plan.weekdays.includes(weekdayOf(date))) {
    return {
      yes: false,
      text: `Không. ${dayText} không phải Ngày không hẹn tại ${where} (Ngày không hẹn là ${weekdaysText(plan)} hằng tuần); hồ sơ vẫn được nhận, có phiếu hẹn.${planSource(c, plan)}`,
    };
  }
  return {
    yes: true,
    text: `Có. ${dayText} là Ngày không hẹn tại ${where}: nộp đủ hồ sơ trước ${plan.intakeCutoff} thì nhận kết quả trong ngày${planSource(c, plan)}.`,
  };
}

/** "Thứ 4 tuần sau có làm ngày không hẹn không?": about that date, for the unit, the area, or any unit when it is a day off. */
function askedDayReply(u: Understanding, c: Ctx, date: IsoDate): ChatReply {
  const buttons: ReplyButton[] = [
    { title: BUTTON_TEXT.schemeProcedures, query: BUTTON_QUERY.schemeProcedures },
    humanButton,
  ];
  if (c.unit) return reply([formerLine(u, c), dayVerdict(c, c.unit, date, unitName(c, c.unit)).text], buttons);
  if (!c.calendar.isWorkingDay(date)) {
    const any = c.area ? oneStopsIn(c, c.area)[0] : undefined;
    if (any) return reply([dayVerdict(c, any, date, "").text], buttons);
    const explained = c.calendar.explainDay(date);
    return reply(
      [
        `Không. ${WEEKDAY_NAMES_VI[weekdayOf(date)]} ${formatDateVn(date)} là ngày nghỉ${explained.reasons.length ? ` (${explained.reasons.join("; ")})` : ""}, Bộ phận Một cửa không làm việc.`,
      ],
      buttons,
    );
  }
  if (!c.area) return reply([REPLY_TEXT.askUnit]);
  const groups = areaGroups(c, c.area, date);
  const verdicts = groups.map((g) => dayVerdict(c, g.units[0]!, date, areaLabel(c, c.area!, g)));
  if (groups.length === 1) return reply([verdicts[0]!.text, REPLY_TEXT.narrowDown], buttons);
  const yes = verdicts.filter((v) => v.yes).length;
  const head = yes === 0 ? "Không" : yes === verdicts.length ? "Có" : "Tùy xã, phường";
  return reply([`${head}. ${differencesLine(c, c.area, groups)}`, REPLY_TEXT.askUnitShort], buttons);
}

/** "Phường Nghĩa Tân cũ nay thuộc phường Nam Gia Nghĩa." when the message named a unit that no longer exists. */
function formerLine(u: Understanding, c: Ctx): string | undefined {
  if (!u.formerUnitId || !c.unit) return undefined;
  const former = c.units.byId(u.formerUnitId);
  if (!former || former.id === c.unit.id) return undefined;
  return `${capitalize(unitName(c, former))} cũ nay thuộc ${unitName(c, c.unit)}.`;
}

function whereLines(c: Ctx, v: ProcedureVersion): string[] {
  const where = whereToApply(v, c.unit);
  const contact = c.unit ? contactOf(c, c.unit) : undefined;
  return [
    `${v.name}:`,
    `• Nơi nộp hồ sơ: ${where.submitAt}${contact?.address ? `, địa chỉ ${contact.address}` : ""}.`,
    `• Cơ quan giải quyết: ${where.decidedBy}.`,
  ];
}

function feeLine(c: Ctx, v: ProcedureVersion): string[] {
  const province = c.unit
    ? c.units.provinceOf(c.unit)
    : c.area
      ? c.area.level === "province"
        ? c.area
        : c.units.provinceOf(c.area)
      : undefined;
  if (!province) return [`Lệ phí ${lower(v.name)}: ${REPLY_TEXT.feeNotConfirmed}.`, REPLY_TEXT.feeUnknownProvince];
  const fee = c.catalog.feeFor(province.code, v.code, c.date);
  if ((fee.amountVnd === null && !fee.entry?.resolution) || fee.toVerify || !fee.entry)
    return [`Lệ phí ${lower(v.name)} tại ${c.units.displayName(province)}: ${REPLY_TEXT.feeNotConfirmed}.`];
  return [
    `Lệ phí ${lower(v.name)} tại ${c.units.displayName(province)}: ${fee.display}.`,
    `Căn cứ: ${fee.entry.basis}.`,
  ];
}

const builders: Record<ChatIntent, Builder> = {
  greeting: (_u, c) => reply([REPLY_TEXT.greeting, REPLY_TEXT.capabilities, REPLY_TEXT.example], welcomeButtons(c)),
  thanks: () => reply([REPLY_TEXT.thanks]),
  fallback: (_u, c) => reply([REPLY_TEXT.fallback, REPLY_TEXT.capabilities, REPLY_TEXT.example], welcomeButtons(c)),

  what_is_scheme: (u, c) => {
    const plan = planOf(c, c.unit);
    const agree = c.unit ? undefined : agreeingGroup(c);
    const local =
      c.unit && plan
        ? `Tại ${unitName(c, c.unit)}: Ngày không hẹn là ${weekdaysText(plan)} hằng tuần, nhận hồ sơ trả trong ngày đến ${plan.intakeCutoff}${planSource(c, plan)}.`
        : c.unit
          ? `${capitalize(unitName(c, c.unit))} hiện không áp dụng Ngày không hẹn.`
          : agree
            ? `Tại ${areaLabel(c, agree.area, agree.group)}: Ngày không hẹn là ${weekdaysText(agree.group.plan!)} hằng tuần, nhận hồ sơ trả trong ngày đến ${agree.group.plan!.intakeCutoff}${planSource(c, agree.group.plan!)}.`
            : c.area
              ? areaScheduleLines(c).join("\n")
              : REPLY_TEXT.askUnit;
    return reply(
      [formerLine(u, c), REPLY_TEXT.whatIsNoWriting, REPLY_TEXT.whatIsNoAppointment, local],
      [{ title: BUTTON_TEXT.schemeProcedures, query: BUTTON_QUERY.schemeProcedures }, humanButton],
    );
  },

  scheme_schedule: (u, c) => {
    const buttons = (code?: string): ReplyButton[] => [
      { title: BUTTON_TEXT.schemeProcedures, query: BUTTON_QUERY.schemeProcedures },
      ...(code ? [{ title: BUTTON_TEXT.unit, url: chatLinks.unit(c.links, code) }] : []),
      humanButton,
    ];
    if (!c.unit) return reply(areaScheduleLines(c), c.area ? buttons() : []);
    const status = c.scheme.schemeStatusAt(c.unit.code, c.at);
    const plan = planOf(c, c.unit);
    if (!status.ok) return reply([REPLY_TEXT.askUnit]);
    const lines = plan
      ? [
          formerLine(u, c),
          `Tại ${unitName(c, c.unit)}, Ngày không hẹn là ${weekdaysText(plan)} hằng tuần (trừ ngày nghỉ lễ), nhận hồ sơ trả trong ngày đến ${plan.intakeCutoff}; áp dụng từ ${formatDateVn(plan.validFrom)}${planSource(c, plan)}.`,
          `Giờ làm việc: ${hoursText(plan)}.`,
          status.summary,
        ]
      : [formerLine(u, c), status.summary];
    return reply(lines, buttons(c.unit.code));
  },

  scheme_procedures: (u, c) => {
    if (!c.unit) {
      const agree = agreeingGroup(c);
      if (!agree) return reply(areaScheduleLines(c));
      const sample = agree.group.units[0]!;
      return reply(
        [
          `Thủ tục trả kết quả trong ngày (Ngày không hẹn, ${weekdaysText(agree.group.plan!)}, nộp trước ${agree.group.plan!.intakeCutoff}) tại ${areaLabel(c, agree.area, agree.group)}${planSource(c, agree.group.plan!)}:`,
          ...eligibleLines(c, sample, agree.group.plan!),
          "Hồ sơ phải đầy đủ, hợp lệ; thủ tục khác giải quyết theo thời hạn thông thường.",
          REPLY_TEXT.narrowDown,
        ],
        [{ title: BUTTON_TEXT.whatIs, query: BUTTON_QUERY.whatIs }, humanButton],
      );
    }
    const plan = planOf(c, c.unit);
    if (!plan)
      return reply([
        formerLine(u, c),
        `${capitalize(unitName(c, c.unit))} hiện không áp dụng Ngày không hẹn; các thủ tục được giải quyết theo thời hạn thông thường, có phiếu hẹn.`,
      ]);
    const list = eligibleLines(c, c.unit, plan);
    return reply(
      [
        formerLine(u, c),
        `Thủ tục trả kết quả trong ngày (Ngày không hẹn, ${weekdaysText(plan)}, nộp trước ${plan.intakeCutoff}) tại ${unitName(c, c.unit)}${planSource(c, plan)}:`,
        ...list,
        "Hồ sơ phải đầy đủ, hợp lệ; thủ tục khác giải quyết theo thời hạn thông thường.",
      ],
      [
        { title: BUTTON_TEXT.unit, url: chatLinks.unit(c.links, c.unit.code) },
        { title: BUTTON_TEXT.whatIs, query: BUTTON_QUERY.whatIs },
      ],
    );
  },

  procedure_checklist: (u, c) => {
    const v = needProcedure(c, u);
    if (!("code" in v)) return v;
    const always = v.requiredDocuments.filter((d) => d.always);
    const sometimes = v.requiredDocuments.filter((d) => !d.always);
    const line = (d: ProcedureVersion["requiredDocuments"][number]) =>
      `${d.name} – ${documentKindLabels[d.kind].toLowerCase()}, ${d.count} bản`;
    const head = [formerLine(u, c), `${v.name}. Giấy tờ cần mang:`, ...always.map((d, i) => `${i + 1}. ${line(d)}`)];
    const tail = [
      planOf(c, c.unit) && REPLY_TEXT.assistedWriting,
      c.unit && whereToSubmit(v, c.unit).text,
      sameDayLine(c, v, c.unit),
    ];
    const full = [
      ...head,
      sometimes.length > 0 && "Thêm, tùy trường hợp:",
      ...sometimes.map((d) => `• ${line(d)}${d.condition ? ` (${d.condition})` : ""}`),
      ...tail,
    ];
    const short = [...head, sometimes.length > 0 && REPLY_TEXT.moreDocuments, ...tail];
    const buttons = procedureButtons(c, v, c.unit, "checklist");
    const wanted = full.filter((l): l is string => typeof l === "string" && l !== "").map(citizenText);
    if (joinLines(wanted).length <= MAX_REPLY_CHARS) return reply(full, buttons);
    // The usual documents here, the rest on the procedure's page: that button first.
    const page: ReplyButton = {
      title: BUTTON_TEXT.procedure,
      url: c.unit ? chatLinks.procedure(c.links, c.unit.code, v.code) : chatLinks.home(c.links),
    };
    return reply(short, [page, ...buttons.filter((b) => b.title !== BUTTON_TEXT.procedure)]);
  },

  procedure_fee: (u, c) => {
    const v = needProcedure(c, u);
    if (!("code" in v)) return v;
    return reply([formerLine(u, c), ...feeLine(c, v)], procedureButtons(c, v, c.unit, "fee"));
  },

  procedure_time: (u, c) => {
    const v = needProcedure(c, u);
    if (!("code" in v)) return v;
    const { timeLimitWorkingDays: days, sameDayCutoff } = v.timeLimit;
    const legal =
      days > 0
        ? `${String(days).padStart(2, "0")} ngày làm việc kể từ khi nhận đủ hồ sơ hợp lệ`
        : `trong ngày nhận đủ hồ sơ${sameDayCutoff ? ` (nhận sau ${sameDayCutoff} thì trả trong ngày làm việc tiếp theo)` : ""}`;
    const lines: (string | undefined)[] = [formerLine(u, c), `${v.name}: thời hạn theo quy định ${legal}.`];
    if (c.unit) {
      const now = c.scheme.decideTrack({ unitCode: c.unit.code, procedureCode: v.code, at: c.at });
      if (now.ok) {
        lines.push(
          `Nếu nộp đủ hồ sơ ngay bây giờ tại ${unitName(c, c.unit)}: hẹn trả ngày ${formatDateVn(now.dueDate)}${now.track === "same-day" ? " (Ngày không hẹn, trả trong ngày)" : ""}.`,
        );
      }
    }
    lines.push(sameDayLine(c, v, c.unit) ?? REPLY_TEXT.askUnitShort);
    return reply(lines, procedureButtons(c, v, c.unit, "time"));
  },

  dossier_status: (u, c) => {
    if (!u.dossierCode) return reply([REPLY_TEXT.askDossierCode], [statusButton(c)]);
    const d = c.dossier;
    if (!d)
      return reply(
        [`${REPLY_TEXT.dossierNotFound} Mã ông/bà gửi: ${u.dossierCode}.`],
        [statusButton(c, u.dossierCode), humanButton],
      );
    return reply(
      [
        `Hồ sơ ${d.code} – ${d.procedureName}: ${d.stateLabel}.`,
        citizenStatusText(d.state as DossierState),
        `Ngày hẹn trả: ${formatDateVn(d.dueDate)}.`,
        REPLY_TEXT.dossierPrivacy,
      ],
      [statusButton(c, d.code), { title: BUTTON_TEXT.dossier, url: chatLinks.dossier(c.links, d.code) }],
    );
  },

  pre_register: (u, c) => {
    const v = u.procedureCode ? c.catalog.versionAt(u.procedureCode, c.date) : undefined;
    const link =
      c.unit && v
        ? chatLinks.preEntry(c.links, c.unit.code, v.code)
        : c.unit
          ? chatLinks.unit(c.links, c.unit.code)
          : chatLinks.home(c.links);
    return reply(
      [formerLine(u, c), REPLY_TEXT.preRegister],
      [{ title: v && c.unit ? BUTTON_TEXT.preEntry : BUTTON_TEXT.miniApp, url: link }],
    );
  },

  unit_info: (u, c) => {
    if (!c.unit) return reply([REPLY_TEXT.askUnit]);
    const plan = planOf(c, c.unit);
    const contact = contactOf(c, c.unit);
    const status = c.scheme.schemeStatusAt(c.unit.code, c.at);
    const open =
      status.ok && status.openNow !== null
        ? status.openNow
          ? "Hiện đang trong giờ làm việc."
          : "Hiện ngoài giờ làm việc."
        : undefined;
    return reply(
      [
        formerLine(u, c),
        `Bộ phận Một cửa ${unitName(c, c.unit)}.`,
        `Địa chỉ: ${contact?.address ?? `trụ sở UBND ${unitName(c, c.unit)}`}.`,
        `Giờ làm việc: ${plan ? hoursText(plan) : `${REPLY_TEXT.unknownPhone}`}.`,
        `Điện thoại: ${contact?.phone ?? REPLY_TEXT.unknownPhone}.`,
        open,
      ],
      [{ title: BUTTON_TEXT.unit, url: chatLinks.unit(c.links, c.unit.code) }, humanButton],
    );
  },

  feedback: (u, c) => {
    if (u.officerComplaint) {
      const unit = c.unit ?? c.area;
      return reply(
        [
          REPLY_TEXT.officerComplaint,
          c.unit ? undefined : REPLY_TEXT.complaintAskUnit,
          REPLY_TEXT.officerComplaintMore,
        ],
        [
          {
            title: BUTTON_TEXT.feedback,
            url: c.unit ? chatLinks.feedback(c.links, c.unit.code) : chatLinks.home(c.links),
          },
        ],
        { needsHuman: true, ...(unit ? { feedback: { kind: "complaint" as const, unitId: unit.id } } : {}) },
      );
    }
    return reply(
      [REPLY_TEXT.feedback],
      [
        {
          title: BUTTON_TEXT.feedback,
          url: c.unit ? chatLinks.feedback(c.links, c.unit.code) : chatLinks.home(c.links),
        },
        humanButton,
      ],
    );
  },

  human: (_u, c) => {
    const plan = planOf(c, c.unit);
    const contact = c.unit ? contactOf(c, c.unit) : undefined;
    return reply(
      [
        REPLY_TEXT.human,
        c.unit &&
          `Bộ phận Một cửa ${unitName(c, c.unit)}: giờ làm việc ${plan ? hoursText(plan) : REPLY_TEXT.unknownPhone}; điện thoại ${contact?.phone ?? REPLY_TEXT.unknownPhone}.`,
        !c.unit && REPLY_TEXT.askUnitShort,
      ],
      [],
      { needsHuman: true },
    );
  },

  not_in_scheme: (u, c) => {
    const plan = planOf(c, c.unit);
    const list = c.unit && plan ? eligibleLines(c, c.unit, plan) : [];
    const other = otherProcedures.find((p) => p.name === u.otherProcedure);
    const where = other?.where ?? (c.unit ? `Bộ phận Một cửa ${unitName(c, c.unit)}` : REPLY_TEXT.otherProcedureWhere);
    return reply(
      [
        other?.where
          ? notInSchemeLine(u.otherProcedure)
          : `${u.otherProcedure ?? REPLY_TEXT.notInSchemeGeneric} ${REPLY_TEXT.notInScheme}`,
        !other?.where && `Nơi nhận hồ sơ: ${where}.`,
        list.length > 0 && c.unit && `Thủ tục trả trong ngày tại ${unitName(c, c.unit)}:`,
        ...list,
      ],
      [{ title: BUTTON_TEXT.schemeProcedures, query: BUTTON_QUERY.schemeProcedures }, humanButton],
    );
  },
};

/** Quick buttons of the welcome: the scheme day here, pre-entry, dossier status, an officer. */
function welcomeButtons(c: ReplyContext): ReplyButton[] {
  const area = c.areaUnitId ? c.units.byId(c.areaUnitId) : undefined;
  const preEntry = area && area.level !== "province" ? chatLinks.unit(c.links, area.code) : chatLinks.home(c.links);
  return [
    { title: BUTTON_TEXT.myCommuneDay, query: BUTTON_QUERY.myCommuneDay },
    { title: BUTTON_TEXT.preEntryShort, url: preEntry },
    { title: BUTTON_TEXT.statusPage, url: chatLinks.statusPage(c.links) },
    humanButton,
  ];
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The unit of this answer: named in the message, else the conversation's (or its single successor today), else the OA's own unit. */
function resolveUnit(u: Understanding, c: ReplyContext, date: IsoDate): AdminUnit | undefined {
  const oneStop = (unit: AdminUnit | undefined) => (unit && unit.level !== "province" ? unit : undefined);
  const current = (id: string) => {
    const known = c.units.byId(id);
    if (known && c.units.isInForce(known, date)) return known;
    const successors = c.units.successorsAt(id, date);
    return successors.length === 1 ? successors[0] : undefined;
  };
  if (u.unitCode)
    return oneStop(c.units.findByCode(u.unitCode, date) ?? (u.formerUnitId ? current(u.formerUnitId) : undefined));
  if (c.conversationUnitId) {
    const remembered = oneStop(current(c.conversationUnitId));
    if (remembered) return remembered;
  }
  return c.areaUnitId ? oneStop(current(c.areaUnitId)) : undefined;
}

function areaOf(c: ReplyContext, date: IsoDate): AdminUnit | undefined {
  if (!c.areaUnitId) return undefined;
  const known = c.units.byId(c.areaUnitId);
  if (known && c.units.isInForce(known, date)) return known;
  const successors = c.units.successorsAt(c.areaUnitId, date);
  return successors.length === 1 ? successors[0] : undefined;
}

function contextAt(context: ReplyContext, unit: AdminUnit | undefined): Ctx {
  const date = toVnMoment(context.at)?.date;
  if (!date) throw new RangeError(`invalid instant ${context.at}`);
  const area = areaOf(context, date);
  return {
    ...context,
    date,
    calendar: context.calendar ?? vnCalendar,
    usedDemo: { value: false },
    ...(unit ? { unit } : {}),
    ...(area ? { area } : {}),
  };
}

/** The demo plan's disclosure, once per conversation, after the answer that first used one. */
function withDemoNotice(r: ChatReply, c: Ctx): ChatReply {
  if (!c.usedDemo.value || c.demoNoted) return r;
  const text = fitMessage([r.text, REPLY_TEXT.demoNotice], MAX_REPLY_CHARS);
  return text.endsWith(REPLY_TEXT.demoNotice) ? { ...r, text, notedDemo: true } : r;
}

export function composeReply(u: Understanding, context: ReplyContext): ChatReply {
  const date = toVnMoment(context.at)?.date;
  if (!date) throw new RangeError(`invalid instant ${context.at}`);
  const unit = resolveUnit(u, context, date);
  const c = contextAt(context, unit);
  const asked = u.askedDay ? resolveAskedDay(u.askedDay, date) : undefined;
  const v = u.procedureCode ? c.catalog.versionAt(u.procedureCode, date) : undefined;
  let r: ChatReply;
  if (asked && DAY_INTENTS.has(u.intent) && !u.procedureCode) r = askedDayReply(u, c, asked);
  else if (u.asksWhere && v && WHERE_INTENTS.has(u.intent)) {
    r = reply(
      [formerLine(u, c), ...whereLines(c, v), sameDayLine(c, v, c.unit)],
      procedureButtons(c, v, c.unit, "checklist"),
    );
  } else r = builders[u.intent](u, c);
  r = withDemoNotice(r, c);
  return unit && u.unitCode ? { ...r, unitId: unit.id } : r;
}

/** Questions a named day turns into "is that a scheme day?". */
const DAY_INTENTS = new Set<ChatIntent>([
  "scheme_schedule",
  "unit_info",
  "fallback",
  "greeting",
  "what_is_scheme",
  "scheme_procedures",
]);
/** Questions a "nộp ở đâu / ai giải quyết" turns into where to submit and who decides. */
const WHERE_INTENTS = new Set<ChatIntent>([
  "procedure_checklist",
  "unit_info",
  "procedure_time",
  "pre_register",
  "fallback",
  "scheme_procedures",
]);

/** After `follow`: a short welcome with quick buttons. */
export function welcomeReply(context: ReplyContext): ChatReply {
  return reply([REPLY_TEXT.welcome, REPLY_TEXT.welcomeShort], welcomeButtons(context));
}

/** Images, stickers, locations, files: a polite word and what the bot can do. */
export function mediaReply(context: ReplyContext): ChatReply {
  return reply([REPLY_TEXT.media, REPLY_TEXT.capabilities], welcomeButtons(context));
}
