/**
 * Working-day calendar over CalendarData: weekends off unless a make-up day, listed days off, and for years without
 * data the lunar-calendar proposal (provisional). Year tables are built lazily and cached per calendar.
 *
 * Errors: dates are "YYYY-MM-DD" strings already validated at the edge (zod, or parseCalendarDate for user input).
 * An invalid date, a year outside 1900–2199 or a non-integer count is a programmer error and throws RangeError.
 */
import type { IsoDate } from "../model.js";
import { validateCalendarData, type CalendarData, type CalendarEntry } from "./calendar-data.js";
import { explainDayOf, type DayExplanation } from "./day-explanation.js";
import { formatDay, parseDay, yearOfDay } from "./day-number.js";
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, proposeHolidays } from "./lunar-fallback.js";
import { PROVISIONAL, TO_VERIFY, WORKING, buildYearTable, type YearTable } from "./year-table.js";

export type { DayExplanation } from "./day-explanation.js";

export interface CalendarYearView {
  year: number;
  provisional: boolean;
  fromLunarCalendar: boolean;
  entries: readonly CalendarEntry[];
}

/** The same rules over day numbers (days since 1970-01-01, day-number.ts): no parsing or formatting, for hot paths. */
export interface DayNumberCalendar {
  isWorking(day: number): boolean;
  /** As Calendar.addWorkingDays. */
  add(day: number, n: number): number;
  /** As Calendar.uncertaintyBetween. */
  uncertainty(a: number, b: number): { provisional: boolean; toVerify: boolean };
}

export interface Calendar {
  /** CalendarData.id: record it with each due date. */
  readonly id: string;
  readonly name: string;
  isWorkingDay(date: IsoDate): boolean;
  /** The n-th working day after `date` (n < 0: before); n = 0 → `date` if working, else the next working day. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  workingDayOnOrAfter(date: IsoDate): IsoDate;
  /** Working days d with a < d ≤ b (negative when b < a): addWorkingDays(a, k) = b gives k. */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
  explainDay(date: IsoDate): DayExplanation;
  /** Whether any day from a to b (inclusive) is provisional or to verify: a due date computed over it may change. */
  uncertaintyBetween(a: IsoDate, b: IsoDate): { provisional: boolean; toVerify: boolean };
  /** The days off used for a year (the supplied data, or the lunar-calendar proposal to seed an editable table). */
  yearEntries(year: number): CalendarYearView;
  readonly byDayNumber: DayNumberCalendar;
}

function toDay(date: IsoDate): number {
  const n = parseDay(date);
  if (n === undefined) throw new RangeError(`invalid date "${date}", expected YYYY-MM-DD`);
  return n;
}

function assertCount(n: number): void {
  if (!Number.isInteger(n)) throw new RangeError(`working-day count must be an integer, got ${n}`);
}

export function createCalendar(data: CalendarData): Calendar {
  const check = validateCalendarData(data);
  if (!check.ok) throw new RangeError(`invalid calendar data "${data.id}": ${check.error.issues.join("; ")}`);
  const tables: (YearTable | undefined)[] = [];

  function tableOfYear(year: number): YearTable {
    if (!(year >= LUNAR_MIN_YEAR && year <= LUNAR_MAX_YEAR))
      throw new RangeError(`year ${year} outside ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
    let table = tables[year - LUNAR_MIN_YEAR];
    if (!table) {
      const own = data.years[String(year)];
      table = own ? buildYearTable(year, own, false) : buildYearTable(year, proposeHolidays(year), true);
      tables[year - LUNAR_MIN_YEAR] = table;
    }
    return table;
  }

  // Most calls fall in the same year as the previous one: keep it at hand.
  let last: YearTable = {
    year: 0,
    start: 0,
    end: 0,
    flags: new Uint8Array(0),
    provisional: false,
    fromLunarCalendar: false,
    entries: [],
  };
  function flagsOf(n: number): number {
    if (n < last.start || n >= last.end) last = tableOfYear(yearOfDay(n));
    return last.flags[n - last.start]!;
  }
  const working = (n: number): boolean => (flagsOf(n) & WORKING) !== 0;

  function stepWorking(from: number, n: number): number {
    let d = from;
    if (n === 0) {
      while (!working(d)) d += 1;
      return d;
    }
    const step = n > 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0;) {
      d += step;
      if (working(d)) left -= 1;
    }
    return d;
  }

  function countBetween(a: number, b: number): number {
    if (b < a) return -countBetween(b, a);
    let count = 0;
    for (let d = a + 1; d <= b; d += 1) if (working(d)) count += 1;
    return count;
  }

  function uncertainty(a: number, b: number): { provisional: boolean; toVerify: boolean } {
    let bits = 0;
    for (let d = Math.min(a, b), end = Math.max(a, b); d <= end; d += 1) bits |= flagsOf(d);
    return { provisional: (bits & PROVISIONAL) !== 0, toVerify: (bits & TO_VERIFY) !== 0 };
  }

  return {
    id: data.id,
    name: data.name,
    isWorkingDay: (date) => working(toDay(date)),
    addWorkingDays(date, n) {
      assertCount(n);
      return formatDay(stepWorking(toDay(date), n));
    },
    nextWorkingDay: (date) => formatDay(stepWorking(toDay(date), 1)),
    workingDayOnOrAfter: (date) => formatDay(stepWorking(toDay(date), 0)),
    workingDaysBetween: (a, b) => countBetween(toDay(a), toDay(b)),
    explainDay(date) {
      const n = toDay(date);
      flagsOf(n);
      return explainDayOf(last, n);
    },
    uncertaintyBetween: (a, b) => uncertainty(toDay(a), toDay(b)),
    yearEntries(year) {
      const t = tableOfYear(year);
      return { year, provisional: t.provisional, fromLunarCalendar: t.fromLunarCalendar, entries: t.entries };
    },
    byDayNumber: {
      isWorking: working,
      add(day, n) {
        assertCount(n);
        return stepWorking(day, n);
      },
      uncertainty,
    },
  };
}
