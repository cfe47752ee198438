/**
 * Asia/Ho_Chi_Minh time, whatever the server's time zone. Việt Nam has kept UTC+07:00 without
 * daylight saving since 1975, so the conversion is a fixed offset: fast and pure.
 */
import { formatDay, parseDay, weekdayOfDay } from "../calendar/day-number.js";
import type { ClockTime, IsoDate } from "../model.js";

export const VN_OFFSET_MINUTES = 7 * 60;
const DAY_MS = 86_400_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

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
  const day = Math.floor(local / DAY_MS);
  const minutes = Math.floor((local - day * DAY_MS) / 60_000);
  return { date: formatDay(day), minutes, weekday: weekdayOfDay(day), epochMs };
}

export function isIsoDate(s: string): boolean {
  return parseDay(s) !== undefined;
}

/** ISO weekday of a date (1 = Monday … 7 = Sunday). Throws on an invalid date (a bug, not input). */
export function weekdayOf(date: IsoDate): number {
  const n = parseDay(date);
  if (n === undefined) throw new RangeError(`invalid date ${date}`);
  return weekdayOfDay(n);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const n = parseDay(date);
  if (n === undefined) throw new RangeError(`invalid date ${date}`);
  return formatDay(n + days);
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

/** dd/mm/yyyy of text that starts with a date ("2025-10-15", "2025-10-15T…"); other text unchanged; "" for none. */
export function formatDateTextVn(text: string | null | undefined): string {
  if (!text) return "";
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? formatDateVn(text.slice(0, 10)) : text;
}

/** An instant in Việt Nam time, "HH:mm dd/mm/yyyy" ("14:05 15/10/2025"); text that is not an instant unchanged. */
export function formatTimeDateVn(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const m = vnMomentFromEpoch(ms);
  return `${formatClock(m.minutes)} ${formatDateVn(m.date)}`;
}

/** The instant of a local date and clock time in Việt Nam, as ISO with +07:00. */
export function vnInstant(date: IsoDate, time: ClockTime): string {
  return `${date}T${time}:00+07:00`;
}

export const WEEKDAY_NAMES_VI = [
  "",
  "Thứ Hai",
  "Thứ Ba",
  "Thứ Tư",
  "Thứ Năm",
  "Thứ Sáu",
  "Thứ Bảy",
  "Chủ nhật",
] as const;
