/**
 * Zalo's rules for Mini App notifications (Open API "Gửi thông báo", template 00126fd75392bacce383), as data:
 * only to users who opened the Mini App in the last 7 days and accepted requestSendNotification; at most one per
 * user per day and about 1,000 per day per app; sent only between 06:00 and 22:00; `title` at most 32 characters.
 * [OFFICIAL: https://mini.zalo.me/documents/open-apis/notifications/send/ , zmp-docs v2.1.4, 2023 version]
 * A same-day dossier announces its receipt and its result on the same day: the one daily slot goes to the result,
 * the receipt goes by another channel or not at all.
 */
import { VN_OFFSET_MINUTES } from "../time/vn-time.js";
import type { NotifyKind } from "./notification-kinds.js";

export const MINIAPP_LIMITS = {
  activeWithinDays: 7,
  perUserPerDay: 1,
  perAppPerDay: 1000,
  /** Local time (Asia/Ho_Chi_Minh), [from, until). */
  hours: { from: "06:00", until: "22:00" },
  titleMax: 32,
  source: "https://mini.zalo.me/documents/open-apis/notifications/send/ [OFFICIAL, 2023]",
} as const;

/** Per track: the kinds that may take the user's daily Mini App slot (undefined: any kind). */
export const MINIAPP_SLOT_KINDS: Readonly<Partial<Record<"same-day" | "normal", readonly NotifyKind[]>>> = {
  "same-day": ["result_ready"],
};

export function miniAppAllowedFor(kind: NotifyKind, track: "same-day" | "normal" | undefined): boolean {
  const kinds = track ? MINIAPP_SLOT_KINDS[track] : undefined;
  return kinds === undefined || kinds.includes(kind);
}

export interface Hours {
  from: string;
  until: string;
}

/** "06:00-22:00" → { from, until }; "00:00-24:00" means all day. */
export function parseHours(s: string): Hours | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/.exec(s.trim());
  if (!m) return undefined;
  return { from: `${m[1]}:${m[2]}`, until: `${m[3]}:${m[4]}` };
}

const DAY_MS = 86_400_000;
const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The Việt Nam calendar day of an instant, YYYY-MM-DD (Zalo's "per day"). */
export function vnDay(nowMs: number): string {
  return new Date(nowMs + OFFSET_MS).toISOString().slice(0, 10);
}

/** 0 inside the sending hours; otherwise how long until they open (the next `from` in Việt Nam). */
export function waitForHoursMs(nowMs: number, hours: Hours = MINIAPP_LIMITS.hours): number {
  const localMidnight = Math.floor((nowMs + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
  const minute = (nowMs - localMidnight) / 60_000;
  const from = minutesOf(hours.from);
  const until = minutesOf(hours.until);
  if (minute >= from && minute < until) return 0;
  const opens = localMidnight + from * 60_000 + (minute >= until ? DAY_MS : 0);
  return opens - nowMs;
}

/** The next opening of the sending hours on a later Việt Nam day (the day's slot or quota is spent). */
export function nextDayOpensMs(nowMs: number, hours: Hours = MINIAPP_LIMITS.hours): number {
  const localMidnight = Math.floor((nowMs + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
  return localMidnight + DAY_MS + minutesOf(hours.from) * 60_000;
}
