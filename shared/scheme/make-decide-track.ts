/**
 * Same-day track or normal track for one dossier: the unit holding the code on that date, the plan in force there,
 * the scheme weekday, the working-day calendar (a holiday Wednesday is no scheme day), office hours, the intake
 * cutoff, the procedure's eligibility at the unit's level and the case flags. Always says why, in Vietnamese.
 */
import { computeDueDate } from "../calendar/due-date.js";
import type { Calendar } from "../calendar/calendar.js";
import type { AdminUnit, IsoDate, UnitLevel } from "../model.js";
import type { ProcedureCatalog } from "../procedures/catalog.js";
import type { CaseFlag, ProcedureVersion } from "../procedures/procedure-version.js";
import { WEEKDAY_NAMES_VI, formatClock, formatDateVn, toVnMoment } from "../time/vn-time.js";
import type { UnitDirectory } from "../units/unit-directory.js";
import type { CompiledPlan, PlanIndex } from "./plan-index.js";
import { trackError, type TrackError } from "./track-errors.js";

export interface TrackInput {
  unitCode: string;
  procedureCode: string;
  /** ISO 8601 instant with an offset, e.g. "2024-03-13T10:00:00+07:00". */
  at: string;
  /** Case flag ids defined on the procedure version (e.g. "needs_verification"). */
  flags?: readonly string[];
}

/** Why a dossier is not on the same-day track. */
export type TrackCause = "no_plan" | "not_scheme_weekday" | "day_off" | "procedure_not_eligible" | "flag_excluded"
  | "outside_office_hours" | "past_cutoff";

export interface TrackDecision {
  ok: true;
  track: "same-day" | "normal";
  dueDate: IsoDate;
  /** Vietnamese, in the order an officer reads them. */
  reasons: string[];
  causes: TrackCause[];
  planId?: string;
  planStatus?: "official" | "demo";
  planLabel?: string;
  versionId: string;
  procedureCode: string;
  unitId: string;
  unitName: string;
  receivedDate: IsoDate;
  receivedTime: string;
  /** Normal track: how the legal due date was counted (Vietnamese). */
  dueDateExplanation?: string;
  /** The due date crosses a provisional or unverified calendar day. */
  dueDateToVerify: boolean;
}

export type TrackResult = TrackDecision | TrackError;

export interface DecideContext {
  units: UnitDirectory;
  calendar: Calendar;
  catalog: ProcedureCatalog;
  plans: PlanIndex;
  unitName(unit: AdminUnit): string;
  flagsOf(version: ProcedureVersion): ReadonlyMap<string, CaseFlag>;
}

export const LEVEL_WORDS: Record<UnitLevel, string> = { province: "tỉnh", district: "huyện", commune: "xã" };
/** A demo plan is never presented as a decision of the authorities. */
export const DEMO_NOTE = "theo cấu hình minh họa, không phải quyết định chính thức";
const MIN_YEAR = "1900";
const MAX_YEAR = "2199-12-31";
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function withinOffice(office: readonly number[], minutes: number): boolean {
  for (let i = 0; i < office.length; i += 2) if (minutes >= office[i]! && minutes < office[i + 1]!) return true;
  return false;
}

/** Reasons and causes for a working scheme day at a covered unit. */
function checkSchemeDay(plan: CompiledPlan, level: UnitLevel, version: ProcedureVersion, flags: readonly CaseFlag[], minutes: number,
  reasons: string[], causes: TrackCause[]): void {
  const excludedByPlan = plan.eligible.get(level)?.get(version.code);
  if (excludedByPlan === undefined) {
    causes.push("procedure_not_eligible");
    reasons.push(`Thủ tục ${version.code} không thuộc danh mục Ngày không hẹn cấp ${LEVEL_WORDS[level]}`);
  } else {
    reasons.push(`Thủ tục ${version.code} thuộc danh mục Ngày không hẹn cấp ${LEVEL_WORDS[level]}`);
  }
  for (const flag of flags) {
    if (flag.excludesSameDay || excludedByPlan?.has(flag.id)) {
      if (!causes.includes("flag_excluded")) causes.push("flag_excluded");
      reasons.push(`${flag.label}: không áp dụng Ngày không hẹn`);
    }
  }
  const time = formatClock(minutes);
  if (!withinOffice(plan.officeMinutes, minutes)) {
    causes.push("outside_office_hours");
    reasons.push(`Tiếp nhận lúc ${time}, ngoài giờ làm việc (${plan.officeHoursText})`);
  } else if (minutes >= plan.cutoffMinutes) {
    causes.push("past_cutoff");
    reasons.push(`Đã quá ${plan.plan.intakeCutoff}`);
  } else {
    reasons.push(`Tiếp nhận lúc ${time}, trước ${plan.plan.intakeCutoff}`);
  }
}

export function makeDecideTrack(ctx: DecideContext): (input: TrackInput) => TrackResult {
  return function decideTrack(input) {
    if (typeof input !== "object" || input === null) return trackError("invalid_input");
    const { unitCode, procedureCode, at, flags = [] } = input;
    if (typeof unitCode !== "string" || typeof procedureCode !== "string" || typeof at !== "string" || !Array.isArray(flags)) {
      return trackError("invalid_input");
    }
    const m = toVnMoment(at);
    if (!m || m.date < MIN_YEAR || m.date > MAX_YEAR) return trackError("invalid_time", at);
    const date = m.date;
    const unit = ctx.units.findByCode(unitCode, date);
    if (!unit) return trackError("unknown_unit", unitCode, formatDateVn(date));
    const version = ctx.catalog.versionAt(procedureCode, date);
    if (!version) {
      const known = ctx.catalog.versions.some((v) => v.code === procedureCode);
      return known ? trackError("procedure_not_in_force", procedureCode, formatDateVn(date)) : trackError("unknown_procedure", procedureCode);
    }
    const unitName = ctx.unitName(unit);
    if (!version.receivingLevels.includes(unit.level)) {
      return trackError("not_received_here", `${version.code} (${version.name})`, `${unitName} (cấp ${LEVEL_WORDS[unit.level]})`, formatDateVn(date));
    }
    const defined = ctx.flagsOf(version);
    const caseFlags: CaseFlag[] = [];
    for (const id of flags) {
      const flag = typeof id === "string" ? defined.get(id) : undefined;
      if (!flag) return trackError("unknown_flag", String(id), version.code);
      caseFlags.push(flag);
    }

    const reasons: string[] = [];
    const causes: TrackCause[] = [];
    const plan = ctx.plans.planAt(unit.id, date);
    if (!plan) {
      causes.push("no_plan");
      reasons.push(`${capitalize(unitName)} không áp dụng Ngày không hẹn vào ngày ${formatDateVn(date)}`);
    } else if (!plan.schemeWeekday[m.weekday]) {
      causes.push("not_scheme_weekday");
      reasons.push(`Hôm nay (${WEEKDAY_NAMES_VI[m.weekday]} ${formatDateVn(date)}) không phải Ngày không hẹn tại ${unitName} (Ngày không hẹn: ${plan.weekdayNames})`);
    } else if (!ctx.calendar.isWorkingDay(date)) {
      causes.push("day_off");
      reasons.push(`${ctx.calendar.explainDay(date).text.replace(/\.$/, "")}: không áp dụng Ngày không hẹn`);
    } else {
      const demo = plan.plan.status === "demo" ? ` (${DEMO_NOTE})` : "";
      reasons.push(`Hôm nay là Ngày không hẹn (${WEEKDAY_NAMES_VI[m.weekday]}) tại ${unitName}${demo}`);
      checkSchemeDay(plan, unit.level, version, caseFlags, m.minutes, reasons, causes);
    }

    const base = {
      ok: true as const, causes, versionId: version.id, procedureCode: version.code, unitId: unit.id, unitName,
      receivedDate: date, receivedTime: formatClock(m.minutes), ...(plan ? { planId: plan.plan.id, planStatus: plan.plan.status, planLabel: plan.plan.label } : {}),
    };
    if (causes.length === 0) {
      reasons.push(`Giải quyết và trả kết quả trong ngày ${formatDateVn(date)}`);
      return { ...base, track: "same-day", dueDate: date, reasons, dueDateToVerify: false };
    }
    const due = computeDueDate({
      receivedAt: { date, minutes: m.minutes },
      timeLimitWorkingDays: version.timeLimit.timeLimitWorkingDays,
      sameDayCutoff: version.timeLimit.sameDayCutoff,
    }, ctx.calendar);
    const normal = `chuyển sang quy trình thông thường, hẹn trả ngày ${formatDateVn(due.dueDate)}`;
    const last = reasons.length - 1;
    if (causes.length === 1 && causes[0] === "past_cutoff") reasons[last] = `${reasons[last]}: ${normal}`;
    else reasons.push(capitalize(normal));
    return { ...base, track: "normal", dueDate: due.dueDate, reasons, dueDateExplanation: due.explanation, dueDateToVerify: due.toVerify };
  };
}
