/**
 * Asia/Ho_Chi_Minh time, whatever the server's time zone. Việt Nam has kept UTC+07:00 without
 * daylight saving since 1975, so the conversion is a fixed offset: fast and pure.
 */
import type { ClockTime, IsoDate } from "../model.js";

export const VN_OFFSET_MINUTES = 7 * 60;
const DAY_MS = 86_400_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface VnMoment {
  /** Calendar date in Việt Nam. */
  date: IsoDate;
  /** Minutes since local midnight. */
  minutes: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Epoch milliseconds. */
  epochMs: number;
}

/** Parse an ISO-8601 instant that carries an offset (or Z); undefined when malformed. */
export function toVnMoment(iso: string): VnMoment | undefined {
  if (!ISO_INSTANT.test(iso)) return undefined;
  const epochMs = Date.parse(iso);
  if (Number.isNaN(epochMs)) return undefined;
  return vnMomentFromEpoch(epochMs);
}

export function vnMomentFromEpoch(epochMs: number): VnMoment {
  const local = epochMs + VN_OFFSET_MINUTES * 60_000;
  const dayNumber = Math.floor(local / DAY_MS);
  const minutes = Math.floor((local - dayNumber * DAY_MS) / 60_000);
  return { date: dateFromDayNumber(dayNumber), minutes, weekday: weekdayOfDayNumber(dayNumber), epochMs };
}

/** Days since 1970-01-01 for a valid IsoDate; undefined when not a real calendar date. */
export function dayNumber(date: IsoDate): number | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

export function isIsoDate(s: string): boolean {
  return dayNumber(s) !== undefined;
}

export function dateFromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function weekdayOfDayNumber(n: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday of a date (1 = Monday … 7 = Sunday). Throws on an invalid date (a bug, not input). */
export function weekdayOf(date: IsoDate): number {
  const n = dayNumber(date);
  if (n === undefined) throw new RangeError(`invalid date ${date}`);
  return weekdayOfDayNumber(n);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const n = dayNumber(date);
  if (n === undefined) throw new RangeError(`invalid date ${date}`);
  return dateFromDayNumber(n + days);
}

/** "HH:mm" → minutes since midnight. */
export function clockMinutes(t: ClockTime): number {
  const [h, m] = t.split(":");
  return Number(h) * 60 + Number(m);
}

export function formatClock(minutes: number): ClockTime {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/** dd/mm/yyyy, as Vietnamese users write dates. */
export function formatDateVn(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** The instant of a local date and clock time in Việt Nam, as ISO with +07:00. */
export function vnInstant(date: IsoDate, time: ClockTime): string {
  return `${date}T${time}:00+07:00`;
}

export const WEEKDAY_NAMES_VI = ["", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"] as const;
