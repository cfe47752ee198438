/**
 * One year of a calendar as a flat byte per day, built once: the hot paths (isWorkingDay, addWorkingDays) then read
 * one array cell per day, with no allocation and no date parsing.
 */
import type { CalendarEntry, CalendarYear } from "./calendar-data.js";
import { daysFromCivil, parseDay, weekdayOfDay } from "./day-number.js";

export const WORKING = 1;
export const PROVISIONAL = 2;
export const TO_VERIFY = 4;

export interface YearTable {
  year: number;
  /** Day number of 1 January. */
  start: number;
  /** Day number of 1 January of the next year. */
  end: number;
  /** Per day: WORKING | PROVISIONAL | TO_VERIFY bits. */
  flags: Uint8Array;
  provisional: boolean;
  /** The entries came from the lunar-calendar proposal, not from the supplied data. */
  fromLunarCalendar: boolean;
  entries: readonly CalendarEntry[];
}

/** Entries are applied in order, so a later entry overrides an earlier one on the same day. */
export function buildYearTable(year: number, calendarYear: CalendarYear, fromLunarCalendar: boolean): YearTable {
  const start = daysFromCivil(year, 1, 1);
  const end = daysFromCivil(year + 1, 1, 1);
  const provisional = calendarYear.provisional === true || fromLunarCalendar;
  const flags = new Uint8Array(end - start);
  for (let n = start; n < end; n += 1) {
    flags[n - start] = (weekdayOfDay(n) <= 5 ? WORKING : 0) | (provisional ? PROVISIONAL | TO_VERIFY : 0);
  }
  for (const entry of calendarYear.entries) {
    const from = Math.max(parseDay(entry.from) ?? end, start);
    const to = Math.min(parseDay(entry.to ?? entry.from) ?? start - 1, end - 1);
    const bits =
      (entry.kind === "makeup_working" ? WORKING : 0) |
      (provisional || entry.provisional ? PROVISIONAL : 0) |
      (provisional || entry.provisional || entry.toVerify ? TO_VERIFY : 0);
    for (let n = from; n <= to; n += 1) flags[n - start] = bits;
  }
  return { year, start, end, flags, provisional, fromLunarCalendar, entries: calendarYear.entries };
}
