/**
 * The province administrator's calendar, layered over the shipped one (docs/admin/calendar.md): per year, the
 * government's notice (number, date, issuer) with its days off, swaps and make-up working days replaces the shipped
 * or lunar-proposed days of that year, and single days declared off or working (a local holiday, a make-up Saturday)
 * come last, so they decide. Stored as catalogue documents of origin "admin", never overwritten by the shipped seed.
 */
import type { IsoDate } from "../model.js";
import { formatDateVn } from "../time/vn-time.js";
import type { CalendarData, CalendarEntry, CalendarYear } from "./calendar-data.js";
import { parseDay, weekdayOfDay } from "./day-number.js";
import { proposeHolidays } from "./lunar-fallback.js";

/** The government's (or the province's) notice of a year's days off. */
export interface CalendarNotice {
  /** "12729/VPCP-KGVX" */
  number: string;
  date: IsoDate;
  /** "Văn phòng Chính phủ", "Bộ Nội vụ" */
  issuer: string;
  /** Where it can be read (a URL or a reference), optional. */
  link: string | null;
}

/** One day declared by the administrator: off (working false) or a make-up working day (working true). */
export interface AdminCalendarDay {
  date: IsoDate;
  working: boolean;
  label: string;
  by: string;
  at: string;
}

/** The body of an administrator's calendar-year document (catalogue kind "calendar_year", id "admin:YYYY"). */
export interface AdminCalendarYear {
  admin: true;
  year: string;
  /** Null while no notice was entered: the shipped (or lunar-proposed) days of the year stand. */
  notice: (CalendarNotice & { by: string; at: string }) | null;
  /** The notice's days, in force instead of the shipped ones when a notice is entered. */
  entries: CalendarEntry[];
  days: AdminCalendarDay[];
  updatedAt: string;
  updatedBy: string;
}

export const ADMIN_CALENDAR_PREFIX = "admin:";

export const adminCalendarDocId = (year: number | string): string => `${ADMIN_CALENDAR_PREFIX}${year}`;

export function emptyAdminYear(year: number | string, at: string, by: string): AdminCalendarYear {
  return { admin: true, year: String(year), notice: null, entries: [], days: [], updatedAt: at, updatedBy: by };
}

/** The source line of the notice's entries: "Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ". */
export function noticeSource(n: CalendarNotice): string {
  return `Văn bản số ${n.number} ngày ${formatDateVn(n.date)} của ${n.issuer}${n.link ? `: ${n.link}` : ""}`;
}

/** A single administrator's day as a calendar entry (after the year's own entries, so it decides). */
export function dayEntry(d: AdminCalendarDay): CalendarEntry {
  return {
    from: d.date,
    kind: d.working ? "makeup_working" : "holiday",
    reason: d.label,
    source: `Quản trị cấp tỉnh (${d.by}) ghi ngày ${formatDateVn(d.at.slice(0, 10))}`,
    evidence: "V",
  };
}

/** The year as the administrator's document leaves it over a base year (shipped, else the lunar proposal). */
export function adminYearOver(base: CalendarYear | undefined, a: AdminCalendarYear, except?: IsoDate): CalendarYear {
  const own = a.notice ? { provisional: false, entries: a.entries } : (base ?? proposeHolidays(Number(a.year)));
  const days = a.days.filter((d) => d.date !== except).map(dayEntry);
  return { provisional: own.provisional === true, entries: [...own.entries, ...days] };
}

/**
 * The calendar with the administrator's years applied. Its id names the latest change, so a due date records which
 * calendar it was counted on (docs/domain/calendar.md#counting-deadlines).
 */
export function withAdminYears(
  base: CalendarData,
  admin: readonly AdminCalendarYear[],
  except?: IsoDate,
): CalendarData {
  if (admin.length === 0) return base;
  const years: Record<string, CalendarYear> = { ...base.years };
  for (const a of admin) years[a.year] = adminYearOver(base.years[a.year], a, except);
  const latest = admin
    .map((a) => a.updatedAt)
    .sort()
    .at(-1)!;
  return { id: `${base.id}+admin@${latest}`, name: base.name, years };
}

export const isWeekendDate = (date: IsoDate): boolean => {
  const n = parseDay(date);
  return n !== undefined && weekdayOfDay(n) >= 6;
};
