/**
 * Details of a citizen's message that change the answer without changing what is asked: the day asked about
 * ("thứ 4 tuần sau", "ngày mai", "22/10"), whether it asks where to go or who decides ("nộp ở đâu", "ai ký"), and
 * whether a complaint is about an officer's conduct ("cán bộ hách dịch", "đòi tiền ngoài"). Folded words, no model.
 */
import type { IsoDate } from "../model.js";
import { foldVietnamese } from "../text/fold.js";
import { addDays, isIsoDate, weekdayOf } from "../time/vn-time.js";
import { plainWords } from "./message-tokens.js";

/** A day named relative to the message's date; resolved by resolveAskedDay. */
export type AskedDay =
  | { kind: "offset"; days: number }
  /** ISO weekday 1–7; weeks: 0 = this week, 1 = next week; undefined = the next such day from today. */
  | { kind: "weekday"; weekday: number; weeks?: number }
  | { kind: "date"; day: number; month: number; year?: number };

export interface MessageDetails {
  askedDay?: AskedDay;
  asksWhere?: true;
  officerComplaint?: true;
}

const WEEKDAY_WORDS: Record<string, number> = {
  hai: 1,
  "2": 1,
  ba: 2,
  "3": 2,
  tu: 3,
  "4": 3,
  nam: 4,
  "5": 4,
  sau: 5,
  "6": 5,
  bay: 6,
  "7": 6,
};
const SHORT_WEEKDAY = /^t([2-7])$/;
const NEXT_WEEK = ["tuan sau", "tuan toi", "tuan den"];
const THIS_WEEK = ["tuan nay"];
const DATE = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?!\d)/;
const DAY_MONTH_WORDS = /ngay (\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?/;

/** Phrases asking where to submit or who decides. */
const WHERE_PHRASES = [
  "o dau",
  "cho nao",
  "noi nao",
  "nop o",
  "nop tai",
  "den dau",
  "co quan nao",
  "ai ky",
  "ai giai quyet",
  "ai duyet",
  "cap nao",
  "noi tiep nhan",
];
/** A complaint is about an officer when it names one and their conduct. */
const OFFICER_WORDS = [
  "can bo",
  "cong chuc",
  "nhan vien",
  "chi can bo",
  "anh can bo",
  "ong can bo",
  "ba can bo",
  "nguoi tiep",
];
const CONDUCT_WORDS = [
  "thai do",
  "hach dich",
  "nhung nhieu",
  "gay kho",
  "kho de",
  "lam kho",
  "doi tien",
  "tien ngoai",
  "boi duong",
  "coi thuong",
  "quat",
  "cau gat",
  "to tieng",
  "mat lich su",
  "thieu ton trong",
  "khong tiep",
  "bo di",
  "choi game",
  "lam viec rieng",
  "vang mat",
  "noi tuc",
  "xuc pham",
  "phan biet",
  "ne ha",
  "khong nhiet tinh",
  "qua loa",
  "lam ngo",
];
const STRONG_CONDUCT = ["hach dich", "nhung nhieu", "doi tien", "tien ngoai", "boi duong", "cau gat", "xuc pham"];
/** Praise ("thái độ rất tốt, cảm ơn") is not a complaint unless it also names something strong. */
const PRAISE = ["rat tot", "tot bung", "nhiet tinh", "chu dao", "cam on", "hai long", "vui ve", "tan tinh"];
const NEGATED_PRAISE = ["khong nhiet tinh", "khong hai long", "chua hai long", "khong vui ve", "khong tan tinh"];

/** `padded` is the folded message with a space at both ends. */
const has = (padded: string, phrase: string) => padded.includes(` ${phrase} `);
const WHERE_PADDED = WHERE_PHRASES;
const MAYBE_DATE = /\d\s*[/.-]\s*\d/;

/** `plain`: the message's folded words when the caller has them already. */
export function readMessageDetails(text: string, plain?: readonly string[]): MessageDetails {
  const words = plain ?? plainWords(text);
  const joined = ` ${words.join(" ")} `;
  const out: MessageDetails = {};
  const day = askedDayOf(text, words, joined);
  if (day) out.askedDay = day;
  if (WHERE_PADDED.some((p) => has(joined, p))) out.asksWhere = true;
  const officer = OFFICER_WORDS.some((p) => has(joined, p));
  const strong = STRONG_CONDUCT.some((p) => has(joined, p));
  const praise = PRAISE.some((p) => has(joined, p)) && !NEGATED_PRAISE.some((p) => has(joined, p));
  if (strong || (officer && !praise && CONDUCT_WORDS.some((p) => has(joined, p)))) out.officerComplaint = true;
  return out;
}

function askedDayOf(text: string, words: readonly string[], joined: string): AskedDay | undefined {
  const date =
    (MAYBE_DATE.test(text) ? DATE.exec(foldVietnamese(text)) : null) ??
    (joined.includes(" thang ") ? DAY_MONTH_WORDS.exec(joined) : null);
  if (date) {
    const day = Number(date[1]);
    const month = Number(date[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12)
      return { kind: "date", day, month, ...(date[3] ? { year: Number(date[3]) } : {}) };
  }
  const weeks = NEXT_WEEK.some((p) => has(joined, p)) ? 1 : THIS_WEEK.some((p) => has(joined, p)) ? 0 : undefined;
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i]!;
    const short = SHORT_WEEKDAY.exec(w);
    let weekday = short ? Number(short[1]) - 1 : undefined;
    if (weekday === undefined && w === "thu" && i + 1 < words.length && words[i - 1] !== "so")
      weekday = WEEKDAY_WORDS[words[i + 1]!];
    if (weekday === undefined && w === "chu" && words[i + 1] === "nhat") weekday = 7;
    if (weekday === undefined && w === "cn" && i > 0) weekday = 7;
    if (weekday !== undefined) return { kind: "weekday", weekday, ...(weeks === undefined ? {} : { weeks }) };
  }
  if (has(joined, "hom nay") && !has(joined, "hom nay la thu may")) return undefined; // "hôm nay" is the default anyway
  if (has(joined, "ngay mai") || has(joined, "mai co") || words[0] === "mai") return { kind: "offset", days: 1 };
  if (has(joined, "ngay kia")) return { kind: "offset", days: 2 };
  return undefined;
}

/** The asked day as a date, from `today` (Asia/Ho_Chi_Minh); a date without a year is the next such date. */
export function resolveAskedDay(day: AskedDay, today: IsoDate): IsoDate | undefined {
  if (day.kind === "offset") return addDays(today, day.days);
  if (day.kind === "weekday") {
    const current = weekdayOf(today);
    if (day.weeks === undefined) return addDays(today, (day.weekday - current + 7) % 7);
    return addDays(today, day.weeks * 7 + day.weekday - current);
  }
  const year = day.year ?? Number(today.slice(0, 4));
  const iso = `${year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
  if (!isIsoDate(iso)) return undefined;
  if (day.year === undefined && iso < today) {
    const next = `${year + 1}${iso.slice(4)}`;
    // A date a few days past is still what the citizen meant (they ask about this year's date).
    return addDays(iso, 60) < today && isIsoDate(next) ? next : iso;
  }
  return iso;
}
