/**
 * The one IsoDate ↔ day-number conversion (days since 1970-01-01), allocation-free for the calendar's hot paths:
 * no RegExp and no Date object. vn-time.ts builds on it.
 * Civil-date arithmetic after H. Hinnant, "chrono-compatible low-level date algorithms".
 */
import type { IsoDate } from "../model.js";

const DASH = 45;
const ZERO = 48;

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - ZERO;
  return c >= 0 && c <= 9 ? c : NaN;
}

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of "YYYY-MM-DD"; undefined when malformed or not a real date. */
export function parseDay(date: IsoDate): number | undefined {
  if (date.length !== 10 || date.charCodeAt(4) !== DASH || date.charCodeAt(7) !== DASH) return undefined;
  const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const m = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  if (!(y >= 0 && m >= 1 && m <= 12 && d >= 1)) return undefined; // NaN fails too
  if (d > (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!)) return undefined;
  return daysFromCivil(y, m, d);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** "YYYY-MM-DD" of a day number (years 1000–9999). */
export function formatDay(n: number): IsoDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Calendar year of a day number, without a Date object. */
export function yearOfDay(n: number): number {
  const y = 1970 + Math.floor(n / 365.2425);
  if (n < daysFromCivil(y, 1, 1)) return y - 1;
  return n >= daysFromCivil(y + 1, 1, 1) ? y + 1 : y;
}

/** ISO weekday (1 = Monday … 7 = Sunday); 1970-01-01 was a Thursday. */
export const weekdayOfDay = (n: number): number => ((((n + 3) % 7) + 7) % 7) + 1;
