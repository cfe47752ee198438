/**
 * What a citizen or the public API asks about a one-stop right now: is today a scheme day here, under which plan
 * (official or demo), how long until the intake cutoff, is the office open, when is the next scheme day, and
 * which track each procedure received here would get now.
 */
import type { ClockTime, IsoDate } from "../model.js";
import { timeLeftVi } from "../time/duration-vi.js";
import { WEEKDAY_NAMES_VI, addDays, formatClock, formatDateVn, toVnMoment, weekdayOf } from "../time/vn-time.js";
import type { DecideContext } from "./domain-context.js";
import { intakeStateAt, pausedIntakeSentence, type IntakeState, type PauseKind } from "./intake-state.js";
import type { TrackInput, TrackResult } from "./make-decide-track.js";
import { sameDayListed, type CompiledPlan } from "./plan-index.js";
import { PLAN_STATUS_LABELS, type SchemePlan } from "./scheme-plan.js";
import { trackError, type TrackError } from "./track-errors.js";

export interface SchemeStatusProcedure {
  procedureCode: string;
  name: string;
  versionId: string;
  /** In the plan's list for this unit's level. */
  sameDayEligible: boolean;
  track: "same-day" | "normal";
  dueDate: IsoDate;
  reasons: string[];
}

export interface SchemeStatus {
  ok: true;
  unitId: string;
  unitName: string;
  date: IsoDate;
  time: ClockTime;
  weekdayName: string;
  workingDay: boolean;
  isSchemeDay: boolean;
  plan?: {
    id: string;
    label: string;
    status: SchemePlan["status"];
    statusLabel: string;
    issuer: string;
    number: string | null;
    validFrom: IsoDate;
    validTo?: IsoDate;
    toVerify: boolean;
  };
  intakeCutoff?: ClockTime;
  /** Scheme days only: minutes until the cutoff, 0 once past. */
  minutesToCutoff?: number;
  /** Same-day intake is open at this moment. */
  intakeOpen: boolean;
  /** open, paused (before opening or over a break on a scheme day), closed (past the cutoff or after hours), not-scheme-day. */
  intakeState: IntakeState;
  /** Paused only: "HH:mm" when the counter opens again, and why it is closed now. */
  resumesAt?: ClockTime;
  pauseKind?: PauseKind;
  officeHours?: SchemePlan["officeHours"];
  officeHoursToVerify?: boolean;
  /** Working day and within office hours; null when no plan gives office hours. */
  openNow: boolean | null;
  /** Today while same-day intake has not closed, else the next scheme day (holidays skipped) within a year. */
  nextSchemeDay?: IsoDate;
  nextSchemeDayText?: string;
  procedures: SchemeStatusProcedure[];
  /** One Vietnamese sentence. */
  summary: string;
}

const SEARCH_DAYS = 370;

/** Follows the unit code, not the unit id: across 1/7/2025 the code passes to the successor commune and its plan. */
function nextSchemeDayFrom(ctx: DecideContext, unitCode: string, from: IsoDate): IsoDate | undefined {
  for (let d = from, i = 0; i < SEARCH_DAYS; i += 1, d = addDays(d, 1)) {
    const unit = ctx.unitAt(unitCode, d);
    const plan = unit && ctx.plans.planAt(unit.id, d);
    if (plan && plan.schemeWeekday[weekdayOf(d)] && ctx.day(d).working) return d;
  }
  return undefined;
}

function within(plan: CompiledPlan, minutes: number): boolean {
  const o = plan.officeMinutes;
  for (let i = 0; i < o.length; i += 2) if (minutes >= o[i]! && minutes < o[i + 1]!) return true;
  return false;
}

export function makeSchemeStatusAt(ctx: DecideContext, decideTrack: (input: TrackInput) => TrackResult) {
  return function schemeStatusAt(unitCode: string, at: string): SchemeStatus | TrackError {
    if (typeof unitCode !== "string" || typeof at !== "string") return trackError("invalid_input");
    const m = toVnMoment(at);
    if (!m || m.date < "1900" || m.date > "2199-12-31") return trackError("invalid_time", String(at));
    const unit = ctx.unitAt(unitCode, m.date);
    if (!unit) return trackError("unknown_unit", unitCode, formatDateVn(m.date));
    const unitName = ctx.unitName(unit);
    const plan = ctx.plans.planAt(unit.id, m.date);
    const workingDay = ctx.calendar.isWorkingDay(m.date);
    const isSchemeDay = plan !== undefined && plan.schemeWeekday[m.weekday] === true && workingDay;
    const openNow = plan ? workingDay && within(plan, m.minutes) : null;
    const intakeOpen = isSchemeDay && openNow === true && m.minutes <= plan!.cutoffMinutes;
    const intake = intakeStateAt({
      isSchemeDay,
      intakeOpen,
      officeMinutes: plan?.officeMinutes ?? [],
      cutoffMinutes: plan?.cutoffMinutes ?? 0,
      minutes: m.minutes,
    });
    const paused = intake.state === "paused";
    const next = nextSchemeDayFrom(ctx, unitCode, intakeOpen || paused ? m.date : addDays(m.date, 1));
    // During a pause a procedure shows the track it gets when the counter reopens (still before the cutoff).
    const trackAt = paused ? `${m.date}T${intake.resumesAt}:00+07:00` : at;

    const procedures = ctx.catalog.receivedAtLevel(unit.level, m.date).flatMap((v): SchemeStatusProcedure[] => {
      const r = decideTrack({ unitCode, procedureCode: v.code, at: trackAt });
      if (!r.ok) return [];
      const sameDayEligible = plan ? sameDayListed(plan, unit.level, v) : false;
      const reasons =
        paused && plan
          ? r.reasons.map((x) =>
              x.startsWith(`Tiếp nhận lúc ${intake.resumesAt}`)
                ? pausedIntakeSentence({
                    resumesAt: intake.resumesAt!,
                    pauseKind: intake.pauseKind,
                    intakeCutoff: plan.plan.intakeCutoff,
                  })
                : x,
            )
          : r.reasons;
      return [
        {
          procedureCode: v.code,
          name: v.name,
          versionId: v.id,
          sameDayEligible,
          track: r.track,
          dueDate: r.dueDate,
          reasons,
        },
      ];
    });

    const nextText = next ? `${WEEKDAY_NAMES_VI[weekdayOf(next)]} ${formatDateVn(next)}` : undefined;
    const summary = !plan
      ? `${unitName} không áp dụng Ngày không hẹn vào ngày ${formatDateVn(m.date)}${nextText ? `; Ngày không hẹn tiếp theo: ${nextText}` : ""}.`
      : paused
        ? `Hôm nay là Ngày không hẹn tại ${unitName}. ${pausedIntakeSentence({ resumesAt: intake.resumesAt!, pauseKind: intake.pauseKind, intakeCutoff: plan.plan.intakeCutoff })}.`
        : intakeOpen
          ? `Hôm nay là Ngày không hẹn tại ${unitName}: nhận hồ sơ trả trong ngày đến ${plan.plan.intakeCutoff} ${timeLeftVi(plan.cutoffMinutes - m.minutes)}.`
          : `${isSchemeDay ? `Hôm nay là Ngày không hẹn tại ${unitName} nhưng đã hết giờ nhận hồ sơ trả trong ngày (${plan.plan.intakeCutoff})` : `Hôm nay không phải Ngày không hẹn tại ${unitName}`}${nextText ? `; Ngày không hẹn tiếp theo: ${nextText}` : ""}.`;

    return {
      ok: true,
      unitId: unit.id,
      unitName,
      date: m.date,
      time: formatClock(m.minutes),
      weekdayName: WEEKDAY_NAMES_VI[m.weekday]!,
      workingDay,
      isSchemeDay,
      ...(plan
        ? {
            plan: {
              id: plan.plan.id,
              label: plan.plan.label,
              status: plan.plan.status,
              statusLabel: PLAN_STATUS_LABELS[plan.plan.status],
              issuer: plan.plan.issuer,
              number: plan.plan.number,
              validFrom: plan.plan.validFrom,
              ...(plan.plan.validTo ? { validTo: plan.plan.validTo } : {}),
              toVerify: plan.plan.toVerify === true,
            },
            intakeCutoff: plan.plan.intakeCutoff,
            officeHours: plan.plan.officeHours,
            officeHoursToVerify: plan.plan.officeHoursToVerify,
          }
        : {}),
      ...(isSchemeDay ? { minutesToCutoff: Math.max(0, plan!.cutoffMinutes - m.minutes) } : {}),
      intakeOpen,
      intakeState: intake.state,
      ...(paused ? { resumesAt: intake.resumesAt, pauseKind: intake.pauseKind } : {}),
      openNow,
      ...(next ? { nextSchemeDay: next, nextSchemeDayText: nextText } : {}),
      procedures,
      summary: summary.charAt(0).toUpperCase() + summary.slice(1),
    };
  };
}
