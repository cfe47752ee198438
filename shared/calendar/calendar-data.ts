/**
 * The shape of a working-day calendar as data (docs/domain/calendar.md#holidays-and-days-off: "load it as data each year rather than computing it").
 * The national civil-service calendar ships in shared/data/calendar-vn.ts; a province supplies its own the same way.
 */
import type { Evidence, IsoDate } from "../model.js";
import { parseDay } from "./day-number.js";

/**
 * holiday: a public holiday (Labour Code 2019, Art. 112); compensatory: nghỉ bù for a holiday on a weekend;
 * swapped_off: a weekday given off in exchange for a make-up day (hoán đổi); tet_break: the whole Tết break;
 * makeup_working: a weekend day worked in exchange (làm bù). Only makeup_working makes a day a working day.
 */
export type CalendarEntryKind = "holiday" | "compensatory" | "swapped_off" | "tet_break" | "makeup_working";

export const CALENDAR_ENTRY_KINDS: readonly CalendarEntryKind[] = [
  "holiday",
  "compensatory",
  "swapped_off",
  "tet_break",
  "makeup_working",
];

export interface CalendarEntry {
  /** First day (inclusive). */
  from: IsoDate;
  /** Last day (inclusive); absent for a single day. */
  to?: IsoDate;
  kind: CalendarEntryKind;
  /** Vietnamese, shown to users: "Nghỉ Tết Nguyên đán Bính Ngọ", "Làm bù cho ngày 02/05/2025". */
  reason: string;
  source: string;
  evidence: Evidence;
  /** "cần kiểm tra": required when evidence is U or ?. */
  toVerify?: boolean;
  /** Proposed from the lunar calendar or the Labour Code rules, not yet announced. */
  provisional?: boolean;
  /** Vietnamese remark for the administrator (e.g. a proposed swap not confirmed). */
  note?: string;
}

export interface CalendarYear {
  /** True until the yearly notice is published: every day of the year is then only a forecast. */
  provisional?: boolean;
  /** When two entries cover the same day, the later one decides whether it is a working day. */
  entries: readonly CalendarEntry[];
}

export interface CalendarData {
  /** Version id, recorded with every computed due date (docs/domain/calendar.md#counting-deadlines). */
  id: string;
  /** Vietnamese name of the calendar ("Lịch làm việc của cán bộ, công chức"). */
  name: string;
  /** Year "YYYY" → its days off and make-up days. A missing year falls back to the lunar-calendar proposal. */
  years: Readonly<Record<string, CalendarYear>>;
}

export type CalendarDataCheck =
  { ok: true } | { ok: false; error: { code: "invalid_calendar_data"; issues: string[] } };

/** Checks dates, ranges, year keys and the toVerify flag; issues are in English (they are for the administrator's logs). */
export function validateCalendarData(data: CalendarData): CalendarDataCheck {
  const issues: string[] = [];
  for (const [year, calendarYear] of Object.entries(data.years)) {
    if (!/^\d{4}$/.test(year)) issues.push(`year key "${year}" is not YYYY`);
    calendarYear.entries.forEach((entry, i) => {
      const where = `${year}[${i}]`;
      const from = parseDay(entry.from);
      const to = entry.to === undefined ? from : parseDay(entry.to);
      if (from === undefined || to === undefined)
        issues.push(`${where}: invalid date ${entry.from}..${entry.to ?? ""}`);
      else if (to < from) issues.push(`${where}: ends before it starts`);
      if (!entry.from.startsWith(year) || (entry.to !== undefined && !entry.to.startsWith(year)))
        issues.push(`${where}: outside year ${year}`);
      if (!CALENDAR_ENTRY_KINDS.includes(entry.kind)) issues.push(`${where}: unknown kind ${String(entry.kind)}`);
      if (!entry.reason.trim()) issues.push(`${where}: empty reason`);
      if ((entry.evidence === "U" || entry.evidence === "?") && entry.toVerify !== true)
        issues.push(`${where}: evidence ${entry.evidence} needs toVerify`);
    });
  }
  return issues.length === 0 ? { ok: true } : { ok: false, error: { code: "invalid_calendar_data", issues } };
}
