/** Why a day is (not) a working day, as data and as one Vietnamese sentence for officers and citizens. */
import type { IsoDate } from "../model.js";
import { WEEKDAY_NAMES_VI, formatDateVn } from "../time/vn-time.js";
import type { CalendarEntry } from "./calendar-data.js";
import { formatDay, weekdayOfDay } from "./day-number.js";
import { PROVISIONAL, TO_VERIFY, WORKING, type YearTable } from "./year-table.js";

export interface DayExplanation {
  date: IsoDate;
  working: boolean;
  /** The year has no announced calendar yet (lunar-calendar proposal or provisional data). */
  provisional: boolean;
  /** "cần kiểm tra". */
  toVerify: boolean;
  /** Vietnamese reasons; empty for an ordinary working day. */
  reasons: string[];
  /** "Thứ Tư 18/02/2026 là ngày nghỉ: Nghỉ Tết Nguyên đán Bính Ngọ (14/02–22/02/2026).", then a remark when provisional or to verify. */
  text: string;
  /** The first sentence of `text` without its final period, to embed in a longer message. */
  summary: string;
}

const WEEKEND_REASON = "Nghỉ cuối tuần";

/** "14/02–22/02/2026", or full dates when the range crosses a year. */
export function formatDateRangeVn(from: IsoDate, to: IsoDate): string {
  if (from === to) return formatDateVn(from);
  return from.slice(0, 4) === to.slice(0, 4)
    ? `${formatDateVn(from).slice(0, 5)}–${formatDateVn(to)}`
    : `${formatDateVn(from)}–${formatDateVn(to)}`;
}

const covers = (entry: CalendarEntry, date: IsoDate): boolean => entry.from <= date && date <= (entry.to ?? entry.from);
const withRange = (entry: CalendarEntry): string =>
  entry.to && entry.to !== entry.from ? `${entry.reason} (${formatDateRangeVn(entry.from, entry.to)})` : entry.reason;
const lowerFirst = (s: string): string =>
  s.length > 1 && s[1] === s[1]!.toLowerCase() ? s[0]!.toLowerCase() + s.slice(1) : s;

export function explainDayOf(table: YearTable, n: number): DayExplanation {
  const date = formatDay(n);
  const flags = table.flags[n - table.start]!;
  const working = (flags & WORKING) !== 0;
  const provisional = (flags & PROVISIONAL) !== 0;
  const toVerify = (flags & TO_VERIFY) !== 0;
  // Only entries that agree with the final status explain it (a later make-up row overrides an earlier day off).
  const entries = table.entries.filter((e) => covers(e, date) && (e.kind === "makeup_working") === working);
  const head = `${WEEKDAY_NAMES_VI[weekdayOfDay(n)]} ${formatDateVn(date)}`;
  let summary: string;
  if (entries.length > 0) {
    const said = entries.map(withRange).join("; ");
    summary = working ? `${head} là ngày làm việc: ${lowerFirst(said)}` : `${head} là ngày nghỉ: ${said}`;
  } else {
    summary = working ? `${head} là ngày làm việc bình thường` : `${head} là ngày nghỉ cuối tuần`;
  }
  // Citizen words only: the "cần kiểm tra" marker is for the administrator (the flags above carry it).
  const remark =
    !provisional && !toVerify
      ? ""
      : working
        ? " Lịch nghỉ năm này chưa có thông báo chính thức, đây là lịch dự kiến."
        : " Đây là ngày nghỉ dự kiến, chờ thông báo chính thức.";
  const reasons = entries.length > 0 ? entries.map((e) => e.reason) : working ? [] : [WEEKEND_REASON];
  return { date, working, provisional, toVerify, reasons, text: `${summary}.${remark}`, summary };
}
