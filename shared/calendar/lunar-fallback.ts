/**
 * Proposed days off for a year without an official notice, from the Labour Code 2019 Art. 112 and the Vietnamese
 * lunar calendar (@dqcai/vn-lunar, UTC+7: Chinese UTC+8 libraries get some Tết dates wrong, docs/architecture.md#lunar-calendar).
 * Every entry is provisional and "cần kiểm tra": the Prime Minister fixes Tết and National Day each year.
 *
 * Conventions (documented, not law):
 * - Tết: the 5 statutory days are the last day of the lunar year and lunar 1/1–4/1; statutory days on a weekend are
 *   made up on the next free weekdays; the break is shown with the weekends that touch it (2026 gives 14/02–22/02,
 *   exactly the announced break).
 * - National Day: 2/9 plus 1/9 or 3/9, whichever bridges to a weekend, else 1/9 (matches 2021–2025).
 * - Any holiday on a Saturday or Sunday gives a compensatory day on the next weekday that is not already off (Art. 112(3)).
 * - Vietnam Culture Day 24/11: proposed (Resolution 80-NQ/TW) but not in the Labour Code in force, so not proposed here
 *   until CULTURE_DAY_FIRST_YEAR is set from the amending law.
 */
import { getSolarDate } from "@dqcai/vn-lunar";
import type { IsoDate } from "../model.js";
import { WEEKDAY_NAMES_VI, formatDateVn } from "../time/vn-time.js";
import type { CalendarEntry, CalendarYear } from "./calendar-data.js";
import { daysFromCivil, formatDay, weekdayOfDay } from "./day-number.js";

/** Years the lunar tables cover (the library returns zeros after 2199). */
export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2199;
export const CULTURE_DAY_FIRST_YEAR: number | undefined = undefined;

const SOURCE = "Bộ luật Lao động 2019, Điều 112; ngày âm lịch tính theo lịch Việt Nam (UTC+7); lịch dự kiến";
// Own table: @dqcai/vn-lunar 1.0.1 spells the stem "Bính" as "Bình".
const STEMS = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"] as const;
const BRANCHES = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"] as const;
/** ISO weekday of 2/9 → the adjacent day off (day of September). */
const NATIONAL_DAY_ADJACENT: Readonly<Record<number, number>> = { 1: 3, 2: 1, 3: 1, 4: 3, 5: 1, 6: 1, 7: 3 };

interface Occasion {
  reason: string;
  /** Short name used in "Nghỉ bù …". */
  short: string;
  days: number[];
  tet?: boolean;
}

const isWeekend = (n: number): boolean => weekdayOfDay(n) >= 6;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(`year ${year} outside ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
  }
}

function lunarDayNumber(day: number, month: number, year: number): number {
  assertYear(year);
  const s = getSolarDate(day, month, year);
  if (s.year === 0) throw new RangeError(`no solar date for lunar ${day}/${month}/${year}`);
  return daysFromCivil(s.year, s.month, s.day);
}

/** Solar date of a lunar date (non-leap month) of lunar year `year`. */
export function lunarToSolar(day: number, month: number, year: number): IsoDate {
  return formatDay(lunarDayNumber(day, month, year));
}

/** Name of a lunar year: 2026 → "Bính Ngọ". */
export function lunarYearName(year: number): string {
  return `${STEMS[(year + 6) % 10]} ${BRANCHES[(year + 8) % 12]}`;
}

/** Tết Nguyên đán: lunar 1/1. */
export function lunarNewYear(year: number): IsoDate {
  return lunarToSolar(1, 1, year);
}

/** Giỗ Tổ Hùng Vương: lunar 10/3. */
export function hungKingsDay(year: number): IsoDate {
  return lunarToSolar(10, 3, year);
}

function occasionsOf(year: number): Occasion[] {
  const tetDay = lunarDayNumber(1, 1, year);
  const september2 = daysFromCivil(year, 9, 2);
  const adjacent = daysFromCivil(year, 9, NATIONAL_DAY_ADJACENT[weekdayOfDay(september2)] ?? 1);
  const list: Occasion[] = [
    { reason: "Tết Dương lịch", short: "Tết Dương lịch", days: [daysFromCivil(year, 1, 1)] },
    {
      reason: `Nghỉ Tết Nguyên đán ${lunarYearName(year)}`,
      short: "Tết Nguyên đán",
      days: [-1, 0, 1, 2, 3].map((d) => tetDay + d),
      tet: true,
    },
    { reason: "Giỗ Tổ Hùng Vương (10/3 âm lịch)", short: "Giỗ Tổ Hùng Vương", days: [lunarDayNumber(10, 3, year)] },
    { reason: "Ngày Chiến thắng (30/4)", short: "Ngày Chiến thắng", days: [daysFromCivil(year, 4, 30)] },
    { reason: "Ngày Quốc tế Lao động (1/5)", short: "Ngày Quốc tế Lao động", days: [daysFromCivil(year, 5, 1)] },
    { reason: "Quốc khánh (2/9)", short: "Quốc khánh", days: [september2] },
    { reason: "Nghỉ lễ Quốc khánh (ngày liền kề 2/9)", short: "Quốc khánh", days: [adjacent] },
  ];
  if (CULTURE_DAY_FIRST_YEAR !== undefined && year >= CULTURE_DAY_FIRST_YEAR) {
    list.push({
      reason: "Ngày Văn hóa Việt Nam (24/11)",
      short: "Ngày Văn hóa Việt Nam",
      days: [daysFromCivil(year, 11, 24)],
    });
  }
  return list;
}

const provisional = (from: number, to: number, kind: CalendarEntry["kind"], reason: string): CalendarEntry => ({
  from: formatDay(from),
  ...(to !== from ? { to: formatDay(to) } : {}),
  kind,
  reason,
  source: SOURCE,
  evidence: "U",
  toVerify: true,
  provisional: true,
});

/** The proposed days off of `year`, sorted; memoised (pure). */
export function proposeHolidays(year: number): CalendarYear {
  assertYear(year);
  const cached = memo.get(year);
  if (cached) return cached;
  const occasions = occasionsOf(year);
  const off = new Set(occasions.flatMap((o) => o.days));
  const entries: CalendarEntry[] = [];
  for (const occasion of occasions) {
    const compensatory: number[] = [];
    for (const day of occasion.days.filter(isWeekend)) {
      let c = day + 1;
      while (isWeekend(c) || off.has(c)) c += 1;
      off.add(c);
      compensatory.push(c);
    }
    if (occasion.tet) {
      let from = Math.min(...occasion.days);
      let to = Math.max(...occasion.days, ...compensatory);
      while (isWeekend(from - 1)) from -= 1;
      while (isWeekend(to + 1)) to += 1;
      entries.push(provisional(from, to, "tet_break", occasion.reason));
      continue;
    }
    for (const day of occasion.days) entries.push(provisional(day, day, "holiday", occasion.reason));
    occasion.days.filter(isWeekend).forEach((day, i) => {
      const label = `Nghỉ bù ${occasion.short} (${formatDateVn(formatDay(day))} là ${WEEKDAY_NAMES_VI[weekdayOfDay(day)]})`;
      entries.push(provisional(compensatory[i]!, compensatory[i]!, "compensatory", label));
    });
  }
  entries.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  // Shared by every calendar through the memo: frozen so no caller can edit another's proposal.
  const result: CalendarYear = Object.freeze({
    provisional: true,
    entries: Object.freeze(entries.map((e) => Object.freeze(e))),
  });
  memo.set(year, result);
  return result;
}

const memo = new Map<number, CalendarYear>();
