/**
 * Processing time in working hours: the minutes between two instants that fall on working days (the civil-service
 * calendar in shared/calendar) inside the unit's office hours (the scheme plan's hours, Việt Nam time).
 */
import type { Calendar } from "../calendar/calendar.js";
import type { ClockTime } from "../model.js";
import { addDays, clockMinutes, toVnMoment } from "../time/vn-time.js";

export interface OfficeHours {
  start: string;
  end: string;
}

/** Used when a dossier has no plan: the hours every shipped plan uses (07:00–11:30, 13:30–17:00; "cần kiểm tra"). */
export const DEFAULT_OFFICE_HOURS: readonly OfficeHours[] = [
  { start: "07:00", end: "11:30" },
  { start: "13:30", end: "17:00" },
];

/** Working minutes in [fromIso, toIso); 0 when to ≤ from or either instant is unreadable. */
export function workingMinutesBetween(
  fromIso: string,
  toIso: string,
  calendar: Pick<Calendar, "isWorkingDay">,
  hours: readonly OfficeHours[] = DEFAULT_OFFICE_HOURS,
): number {
  const a = toVnMoment(fromIso);
  const b = toVnMoment(toIso);
  if (!a || !b || b.epochMs <= a.epochMs) return 0;
  const windows = hours.map((h) => [clockMinutes(h.start as ClockTime), clockMinutes(h.end as ClockTime)] as const);
  let total = 0;
  for (let day = a.date; day <= b.date; day = addDays(day, 1)) {
    if (!calendar.isWorkingDay(day)) continue;
    const lo = day === a.date ? a.minutes : 0;
    const hi = day === b.date ? b.minutes : 24 * 60;
    for (const [s, e] of windows) total += Math.max(0, Math.min(e, hi) - Math.max(s, lo));
  }
  return total;
}
