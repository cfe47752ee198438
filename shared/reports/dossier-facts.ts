/**
 * What a report counts about one dossier, derived from the dossier and its events (and the notifications sent for
 * it). The store keeps one row of these facts per dossier (table report_facts, kept current from dossiers.updated_at),
 * so a report is a sum over indexed rows and every count can list the dossiers behind it.
 */
import type { Calendar } from "../calendar/calendar.js";
import type { ClockTime, IsoDate } from "../model.js";
import { clockMinutes, toVnMoment } from "../time/vn-time.js";
import { DEFAULT_OFFICE_HOURS, workingMinutesBetween, type OfficeHours } from "./working-time.js";

export interface FactsDossier {
  id: string;
  receivingUnitId: string;
  procedureCode: string;
  planId: string | null;
  preRegistrationId: string | null;
  track: string; // same-day | normal
  state: string;
  receivedAt: string;
  originalDueDate: string;
  dueDate: string;
  assistedWriting: boolean;
  resultReadyAt: string | null;
  returnedAt: string | null;
}

export interface FactsEvent {
  type: string;
  fromState: string | null;
  at: string;
}

export interface FactsPlan {
  weekdays: readonly number[];
  intakeCutoff: string;
  officeHours: readonly OfficeHours[];
}

export interface FactsContext {
  calendar: Pick<Calendar, "isWorkingDay">;
  /** The scheme plan the dossier was received under (its plan id), as in force at its unit on `day`. */
  planOf: (planId: string, unitId: string, day: IsoDate) => FactsPlan | undefined;
}

export type NotifyChannel = "oa_cs" | "miniapp" | "zns";

/** 0/1 flags are numbers so the store sums them directly. */
export interface DossierFacts {
  dossierId: string;
  unitId: string;
  procedureCode: string;
  /** Việt Nam day of receipt (the day the dossier counts in). */
  day: IsoDate;
  received: number;
  sameDay: number;
  sameDayDone: number;
  assisted: number;
  afterCutoff: number;
  otherDay: number;
  preEntered: number;
  walkIn: number;
  completed: number;
  early: number;
  onTime: number;
  late: number;
  /** Not finished yet; the due date decides at report time whether it is still within its time limit. */
  open: number;
  dueDate: IsoDate;
  /** Working minutes from receipt to result, supplement waits excluded; null until finished. */
  processingMinutes: number | null;
  supplement: number;
  refused: number;
  apology: number;
  withdrawn: number;
  notified: number;
  notifiedOa: number;
  notifiedMiniapp: number;
  notifiedZns: number;
}

export function dossierFacts(
  d: FactsDossier,
  events: readonly FactsEvent[],
  sentChannels: readonly string[],
  ctx: FactsContext,
): DossierFacts {
  const has = (type: string) => events.some((e) => e.type === type);
  const received = has("receive") ? 1 : 0;
  const m = toVnMoment(d.receivedAt);
  const day = (m?.date ?? d.receivedAt.slice(0, 10)) as IsoDate;
  const plan = d.planId ? ctx.planOf(d.planId, d.receivingUnitId, day) : undefined;
  const schemeDay =
    plan !== undefined && m !== undefined && plan.weekdays.includes(m.weekday) && ctx.calendar.isWorkingDay(m.date);
  // "đến 15 giờ cùng ngày": 15:00 itself is on the same-day track; 15:01 is after the cut-off.
  const afterCutoff =
    received && d.track !== "same-day" && schemeDay && m!.minutes > clockMinutes(plan.intakeCutoff as ClockTime)
      ? 1
      : 0;
  const otherDay = received && d.track !== "same-day" && !schemeDay ? 1 : 0;
  const doneAt = d.resultReadyAt ?? d.returnedAt ?? events.find((e) => e.type === "mark_result_ready")?.at ?? null;
  const done = received === 1 && doneAt !== null && d.state !== "withdrawn";
  const doneDay = done ? toVnMoment(doneAt)?.date : undefined;
  const sameDay = received && d.track === "same-day" ? 1 : 0;
  const hours = plan?.officeHours ?? DEFAULT_OFFICE_HOURS;
  const processingMinutes = done
    ? Math.max(
        0,
        workingMinutesBetween(d.receivedAt, doneAt, ctx.calendar, hours) -
          supplementWait(events, doneAt, ctx.calendar, hours),
      )
    : null;
  const channels = new Set(sentChannels);
  return {
    dossierId: d.id,
    unitId: d.receivingUnitId,
    procedureCode: d.procedureCode,
    day,
    received,
    sameDay,
    sameDayDone: sameDay && doneDay === day ? 1 : 0,
    assisted: received && d.assistedWriting ? 1 : 0,
    afterCutoff,
    otherDay,
    preEntered: received && d.preRegistrationId ? 1 : 0,
    walkIn: received && !d.preRegistrationId ? 1 : 0,
    completed: done ? 1 : 0,
    early: doneDay !== undefined && doneDay < d.originalDueDate ? 1 : 0,
    onTime: doneDay !== undefined && doneDay === d.originalDueDate ? 1 : 0,
    late: doneDay !== undefined && doneDay > d.originalDueDate ? 1 : 0,
    open: received && !done && d.state !== "withdrawn" ? 1 : 0,
    dueDate: d.originalDueDate as IsoDate,
    processingMinutes,
    supplement: has("request_supplement") ? 1 : 0,
    refused: has("refuse") || d.state === "refused" ? 1 : 0,
    apology: has("extend_due_date") ? 1 : 0,
    withdrawn: received && d.state === "withdrawn" ? 1 : 0,
    notified: channels.size > 0 ? 1 : 0,
    notifiedOa: channels.has("oa_cs") ? 1 : 0,
    notifiedMiniapp: channels.has("miniapp") ? 1 : 0,
    notifiedZns: channels.has("zns") ? 1 : 0,
  };
}

/** While waiting for the applicant's supplement the legal clock stops: those working minutes are not processing time. */
function supplementWait(
  events: readonly FactsEvent[],
  doneAt: string,
  calendar: Pick<Calendar, "isWorkingDay">,
  hours: readonly OfficeHours[],
): number {
  let total = 0;
  let since: string | undefined;
  for (const e of [...events].sort((a, b) => a.at.localeCompare(b.at))) {
    if (e.type === "request_supplement" && e.fromState !== "draft" && since === undefined) since = e.at;
    else if (e.type === "submit_supplement" && since !== undefined) {
      total += workingMinutesBetween(since, e.at, calendar, hours);
      since = undefined;
    }
  }
  if (since !== undefined) total += workingMinutesBetween(since, doneAt, calendar, hours);
  return total;
}
