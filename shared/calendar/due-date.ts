/**
 * Ngày hẹn trả kết quả (context.md §6.2, procedures.md §5.3 rule 3): a time limit in working days runs from the day
 * after receipt (Civil Code 2015 Art. 147), so the due date is the N-th working day after the receipt day. A dossier
 * received on a day off counts as received on the next working day. A same-working-day procedure (N = 0) received
 * before its cutoff (e.g. 15:00, Decree 23/2015 Art. 21) is due that day, otherwise the next working day; the cutoff
 * does not move longer time limits (Ngày không hẹn: after 15:00 the dossier gets the statutory date).
 */
import type { ClockTime, IsoDate } from "../model.js";
import { WEEKDAY_NAMES_VI, clockMinutes, formatClock, formatDateVn } from "../time/vn-time.js";
import { parseDay, weekdayOfDay } from "./day-number.js";
import type { Calendar } from "./calendar.js";

export interface DueDateInput {
  /** Local date and minutes since midnight in Việt Nam (a VnMoment fits). */
  receivedAt: { date: IsoDate; minutes: number };
  timeLimitWorkingDays: number;
  /** Same-working-day rule, "HH:mm": only used when timeLimitWorkingDays is 0. */
  sameDayCutoff?: ClockTime;
}

export interface DueDate {
  dueDate: IsoDate;
  /** The working day the receipt counts as: the receipt day, or the next working day (day off, or past the cutoff). */
  countedFrom: IsoDate;
  /** Vietnamese, dates dd/mm/yyyy. */
  explanation: string;
  /** Calendar version used (recompute when the government changes a swap). */
  calendarId: string;
  /** A day from receipt to the due date comes from a not-yet-announced calendar. */
  provisional: boolean;
  /** A day from receipt to the due date is provisional or marked "cần kiểm tra". */
  toVerify: boolean;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const day = (date: IsoDate): string => `${WEEKDAY_NAMES_VI[weekdayOfDay(parseDay(date)!)]} ${formatDateVn(date)}`;

/** Throws RangeError on malformed input: these values come from validated data, not from users. */
function assertInput(input: DueDateInput): void {
  const { receivedAt, timeLimitWorkingDays: n, sameDayCutoff } = input;
  if (parseDay(receivedAt.date) === undefined) throw new RangeError(`invalid receipt date "${receivedAt.date}"`);
  if (!Number.isInteger(receivedAt.minutes) || receivedAt.minutes < 0 || receivedAt.minutes >= 1440) throw new RangeError(`invalid receipt minutes ${receivedAt.minutes}`);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`timeLimitWorkingDays must be a non-negative integer, got ${n}`);
  if (sameDayCutoff !== undefined && !CLOCK.test(sameDayCutoff)) throw new RangeError(`invalid sameDayCutoff "${sameDayCutoff}"`);
}

export function computeDueDate(input: DueDateInput, calendar: Calendar): DueDate {
  assertInput(input);
  const { receivedAt, timeLimitWorkingDays: n, sameDayCutoff } = input;
  const receivedOnWorkingDay = calendar.isWorkingDay(receivedAt.date);
  const pastCutoff = n === 0 && sameDayCutoff !== undefined && receivedOnWorkingDay && receivedAt.minutes >= clockMinutes(sameDayCutoff);
  const countedFrom = receivedOnWorkingDay && !pastCutoff ? receivedAt.date : calendar.nextWorkingDay(receivedAt.date);
  const dueDate = calendar.addWorkingDays(countedFrom, n);

  const parts: string[] = [];
  const at = `${day(receivedAt.date)} lúc ${formatClock(receivedAt.minutes)}`;
  if (!receivedOnWorkingDay) parts.push(`Hồ sơ nhận ${at} (ngày nghỉ) được tính là nhận vào ${day(countedFrom)}`);
  else if (pastCutoff) parts.push(`Hồ sơ nhận ${at}, từ ${sameDayCutoff} trở đi, được chuyển sang ngày làm việc tiếp theo ${day(countedFrom)}`);
  else if (n === 0 && sameDayCutoff !== undefined) parts.push(`Hồ sơ nhận ${at}, trước ${sameDayCutoff}`);
  else parts.push(`Hồ sơ nhận ${at}`);
  if (n === 0) {
    parts.push(`giải quyết và trả kết quả trong ngày làm việc: ${day(dueDate)}`);
  } else {
    const daysOff = (parseDay(dueDate)! - parseDay(countedFrom)!) - n;
    const skipped = daysOff > 0 ? ` (không tính ${daysOff} ngày nghỉ)` : "";
    parts.push(`thời hạn ${n} ngày làm việc tính từ ngày làm việc tiếp theo${skipped}; hẹn trả kết quả ${day(dueDate)}`);
  }
  const uncertainty = calendar.uncertaintyBetween(receivedAt.date, dueDate);
  let explanation = `${parts.join("; ")}.`;
  if (uncertainty.provisional) explanation += " Ngày hẹn tính theo lịch nghỉ dự kiến, cần kiểm tra khi có thông báo chính thức.";
  else if (uncertainty.toVerify) explanation += " Trong thời hạn có ngày nghỉ cần kiểm tra lại, ngày hẹn có thể thay đổi.";
  return { dueDate, countedFrom, explanation, calendarId: calendar.id, ...uncertainty };
}
