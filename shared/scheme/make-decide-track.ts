/**
 * Same-day track or normal track for one dossier: the unit holding the code on that date, the plan in force there,
 * the scheme weekday, the working-day calendar (a holiday Wednesday is no scheme day), office hours, the intake
 * cutoff, the procedure's eligibility at the unit's level and the case flags. Always says why, in Vietnamese.
 */
import { PROVISIONAL_DUE_DATE, computeDueDate } from "../calendar/due-date.js";
import type { IsoDate, UnitLevel } from "../model.js";
import type { CaseFlag, ProcedureVersion } from "../procedures/procedure-version.js";
import { whereToSubmit } from "../procedures/where-to-submit.js";
import { WEEKDAY_NAMES_VI, formatClock } from "../time/vn-time.js";
import type { DecideContext } from "./domain-context.js";
import { sameDayListed, type CompiledPlan } from "./plan-index.js";
import { parseReceivedAt } from "./received-at.js";
import { trackError, type TrackError } from "./track-errors.js";

export interface TrackInput {
  unitCode: string;
  procedureCode: string;
  /** ISO 8601 instant with an offset, e.g. "2024-03-13T10:00:00+07:00". */
  at: string;
  /** Case flag ids defined on the procedure version (e.g. "needs_verification"). */
  flags?: readonly string[];
  /** Also return dueDateExplanation (a sentence for the receipt; costs more than the decision itself). */
  explain?: boolean;
}

/** Why a dossier is not on the same-day track. */
export type TrackCause =
  | "no_plan"
  | "not_scheme_weekday"
  | "day_off"
  | "procedure_not_eligible"
  | "deciding_office_absent"
  | "flag_excluded"
  | "outside_office_hours"
  | "past_cutoff";

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
  /** Normal track, when asked with `explain`: how the legal due date was counted (Vietnamese). */
  dueDateExplanation?: string;
  /** The due date crosses a provisional or unverified calendar day. */
  dueDateToVerify: boolean;
}

export type TrackResult = TrackDecision | TrackError;

export type { DecideContext };

export const LEVEL_WORDS: Record<UnitLevel, string> = { province: "tỉnh", district: "huyện", commune: "xã" };
/** A demo plan is never presented as a decision of the authorities. */
export const DEMO_NOTE = "theo cấu hình minh họa, không phải quyết định chính thức";
const MIN_YEAR = "1900";
const MAX_YEAR = "2199-12-31";
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "HH:mm" for every minute of the day, built once. */
const CLOCK = Array.from({ length: 1440 }, (_, m) => formatClock(m));

function withinOffice(office: readonly number[], minutes: number): boolean {
  for (let i = 0; i < office.length; i += 2) if (minutes >= office[i]! && minutes < office[i + 1]!) return true;
  return false;
}

/** Reasons and causes for a working scheme day at a covered unit. */
function checkSchemeDay(
  plan: CompiledPlan,
  level: UnitLevel,
  version: ProcedureVersion,
  flags: readonly CaseFlag[],
  minutes: number,
  reasons: string[],
  causes: TrackCause[],
): void {
  const excludedByPlan = plan.eligible.get(level)?.get(version.code);
  if (excludedByPlan === undefined) {
    causes.push("procedure_not_eligible");
    reasons.push(`Thủ tục ${version.code} không thuộc danh mục Ngày không hẹn cấp ${LEVEL_WORDS[level]}`);
  } else if (!sameDayListed(plan, level, version)) {
    // Received here, decided elsewhere (e.g. the land registration office): same-day only if the plan has it take part.
    causes.push("deciding_office_absent");
    reasons.push(
      `Thủ tục ${version.code} do ${whereToSubmit(version).decidingOffice} giải quyết; kế hoạch chưa bố trí cơ quan này tham gia Ngày không hẹn tại đây nên không trả kết quả trong ngày`,
    );
  } else {
    reasons.push(`Thủ tục ${version.code} thuộc danh mục Ngày không hẹn cấp ${LEVEL_WORDS[level]}`);
  }
  for (const flag of flags) {
    if (flag.excludesSameDay || excludedByPlan?.has(flag.id)) {
      if (causes[causes.length - 1] !== "flag_excluded") causes.push("flag_excluded");
      reasons.push(`${flag.label}: không áp dụng Ngày không hẹn`);
    }
  }
  const time = CLOCK[minutes]!;
  if (!withinOffice(plan.officeMinutes, minutes)) {
    causes.push("outside_office_hours");
    reasons.push(`Tiếp nhận lúc ${time}, ngoài giờ làm việc (${plan.officeHoursText})`);
  } else if (minutes > plan.cutoffMinutes) {
    // "đến 15 giờ cùng ngày": 15:00 itself is still on the same-day track, 15:01 is not.
    causes.push("past_cutoff");
    reasons.push(`Đã quá ${plan.plan.intakeCutoff}`);
  } else {
    reasons.push(
      `Tiếp nhận lúc ${time}, ${minutes < plan.cutoffMinutes ? "trước" : "đúng hạn"} ${plan.plan.intakeCutoff}`,
    );
  }
}

export function makeDecideTrack(ctx: DecideContext): (input: TrackInput) => TrackResult {
  return function decideTrack(input) {
    if (typeof input !== "object" || input === null) return trackError("invalid_input");
    const { unitCode, procedureCode, at, flags } = input;
    if (
      typeof unitCode !== "string" ||
      typeof procedureCode !== "string" ||
      typeof at !== "string" ||
      (flags !== undefined && !Array.isArray(flags))
    ) {
      return trackError("invalid_input");
    }
    const m = parseReceivedAt(at);
    if (!m || m.date < MIN_YEAR || m.date > MAX_YEAR) return trackError("invalid_time", at);
    const date = m.date;
    const unit = ctx.unitAt(unitCode, date);
    if (!unit) return trackError("unknown_unit", unitCode, ctx.day(date).vn);
    const version = ctx.catalog.versionAt(procedureCode, date);
    if (!version) {
      const known = ctx.catalog.versions.some((v) => v.code === procedureCode);
      return known
        ? trackError("procedure_not_in_force", procedureCode, ctx.day(date).vn)
        : trackError("unknown_procedure", procedureCode);
    }
    const unitName = ctx.unitName(unit);
    if (!version.receivingLevels.includes(unit.level)) {
      // Say where to go instead: the one-stop of the level that receives it ("Bộ phận Tiếp nhận và Trả kết quả cấp huyện").
      return trackError(
        "not_received_here",
        `${version.code} (${version.name})`,
        `${unitName} (cấp ${LEVEL_WORDS[unit.level]})`,
        ctx.day(date).vn,
        version.receivingBody.name,
      );
    }
    const info = ctx.versionInfo(version);
    const caseFlags: CaseFlag[] = [];
    if (flags) {
      for (const id of flags) {
        const flag = typeof id === "string" ? info.flags.get(id) : undefined;
        if (!flag) return trackError("unknown_flag", String(id), version.code);
        caseFlags.push(flag);
      }
    }

    const today = ctx.day(date);
    const reasons: string[] = [];
    const causes: TrackCause[] = [];
    const plan = ctx.plans.planAt(unit.id, date);
    if (!plan) {
      causes.push("no_plan");
      reasons.push(`${capitalize(unitName)} không áp dụng Ngày không hẹn vào ngày ${today.vn}`);
    } else if (!plan.schemeWeekday[m.weekday]) {
      causes.push("not_scheme_weekday");
      reasons.push(
        `${WEEKDAY_NAMES_VI[m.weekday]} ${today.vn} không phải Ngày không hẹn tại ${unitName} (Ngày không hẹn: ${plan.weekdayNames})`,
      );
    } else if (!today.working) {
      causes.push("day_off");
      reasons.push(`${today.dayOffText}: không áp dụng Ngày không hẹn`);
    } else {
      const demo = plan.plan.status === "demo" ? ` (${DEMO_NOTE})` : "";
      // The receipt day, which need not be today: name it ("Hôm nay" is for the status of the current day only).
      reasons.push(`${WEEKDAY_NAMES_VI[m.weekday]} ${today.vn} là Ngày không hẹn tại ${unitName}${demo}`);
      checkSchemeDay(plan, unit.level, version, caseFlags, m.minutes, reasons, causes);
    }

    const sameDay = causes.length === 0;
    const due = sameDay ? undefined : ctx.legalDueDate(version, date, m.minutes);
    const dueDate: IsoDate = due ? due.dueDate : date;
    if (sameDay) {
      reasons.push(`Giải quyết và trả kết quả trong ngày ${today.vn}`);
    } else {
      const normal = `chuyển sang quy trình thông thường, hẹn trả ngày ${ctx.day(dueDate).vn}`;
      const last = reasons.length - 1;
      if (causes.length === 1 && causes[0] === "past_cutoff") reasons[last] = `${reasons[last]}: ${normal}`;
      else reasons.push(capitalize(normal));
      // A date counted over a year not announced yet (Tết 2027, say) is provisional: the decision says so.
      if (due?.toVerify) reasons.push(PROVISIONAL_DUE_DATE);
    }
    const decision: TrackDecision = {
      ok: true,
      track: sameDay ? "same-day" : "normal",
      dueDate,
      reasons,
      causes,
      planId: plan?.plan.id,
      planStatus: plan?.plan.status,
      planLabel: plan?.plan.label,
      versionId: version.id,
      procedureCode: version.code,
      unitId: unit.id,
      unitName,
      receivedDate: date,
      receivedTime: CLOCK[m.minutes]!,
      dueDateToVerify: due ? due.toVerify : false,
    };
    if (due && input.explain === true) {
      const { timeLimitWorkingDays, sameDayCutoff } = version.timeLimit;
      decision.dueDateExplanation = computeDueDate(
        { receivedAt: { date, minutes: m.minutes }, timeLimitWorkingDays, sameDayCutoff },
        ctx.calendar,
      ).explanation;
    }
    return decision;
  };
}
