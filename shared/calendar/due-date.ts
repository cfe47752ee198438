/**
 * Ngày hẹn trả kết quả (docs/domain/calendar.md#counting-deadlines, docs/domain/scheme.md#intake-outcomes-and-dossier-rules rule 3): a time limit in working days runs from the day
 * after receipt (Civil Code 2015 Art. 147), so the due date is the N-th working day after the receipt day. A dossier
 * received on a day off counts as received on the next working day. A same-working-day procedure (N = 0) received
 * up to its cutoff minute inclusive (e.g. 15:00: Decree 99/2022 Art. 16(1) moves only what is received "sau 15 giờ")
 * is due that day, from the next minute on the next working day; the cutoff
 * does not move longer time limits (Ngày không hẹn: after 15:00 the dossier gets the statutory date).
 */
import type { ClockTime, IsoDate } from "../model.js";
import { WEEKDAY_NAMES_VI, formatDateVn } from "../time/vn-time.js";
import { formatDay, parseDay, weekdayOfDay } from "./day-number.js";
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

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const dayVn = (date: IsoDate, day: number): string => `${WEEKDAY_NAMES_VI[weekdayOfDay(day)]} ${formatDateVn(date)}`;

/** Throws RangeError on malformed input: these values come from validated data, not from users. */
function checkInput(input: DueDateInput): { received: number; cutoffMinutes: number | undefined } {
  const { receivedAt, timeLimitWorkingDays: n, sameDayCutoff } = input;
  const received = parseDay(receivedAt.date);
  if (received === undefined) throw new RangeError(`invalid receipt date "${receivedAt.date}"`);
  if (!Number.isInteger(receivedAt.minutes) || receivedAt.minutes < 0 || receivedAt.minutes >= 1440)
    throw new RangeError(`invalid receipt minutes ${receivedAt.minutes}`);
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`timeLimitWorkingDays must be a non-negative integer, got ${n}`);
  if (sameDayCutoff === undefined) return { received, cutoffMinutes: undefined };
  const m = CLOCK.exec(sameDayCutoff);
  if (!m) throw new RangeError(`invalid sameDayCutoff "${sameDayCutoff}"`);
  return { received, cutoffMinutes: Number(m[1]) * 60 + Number(m[2]) };
}

export function computeDueDate(input: DueDateInput, calendar: Calendar): DueDate {
  const { received, cutoffMinutes } = checkInput(input);
  const { receivedAt, timeLimitWorkingDays: n } = input;
  const days = calendar.byDayNumber;
  const receivedOnWorkingDay = days.isWorking(received);
  const pastCutoff =
    n === 0 && cutoffMinutes !== undefined && receivedOnWorkingDay && receivedAt.minutes > cutoffMinutes;
  const from = receivedOnWorkingDay && !pastCutoff ? received : days.add(received, 1);
  const due = days.add(from, n);
  const uncertainty = days.uncertainty(received, due);
  const countedFrom = from === received ? receivedAt.date : formatDay(from);
  const dueDate = due === from ? countedFrom : formatDay(due);
  const counted: Counted = {
    received,
    from,
    due,
    countedFrom,
    dueDate,
    receivedOnWorkingDay,
    pastCutoff,
    ...uncertainty,
  };
  return { dueDate, countedFrom, explanation: explain(input, counted), calendarId: calendar.id, ...uncertainty };
}

interface Counted {
  received: number;
  from: number;
  due: number;
  countedFrom: IsoDate;
  dueDate: IsoDate;
  receivedOnWorkingDay: boolean;
  pastCutoff: boolean;
  provisional: boolean;
  toVerify: boolean;
}

/** Said to the citizen whenever a due date is counted over days the government has not announced yet. */
export const PROVISIONAL_DUE_DATE =
  "Ngày hẹn tính theo lịch nghỉ dự kiến, có thể thay đổi khi có thông báo chính thức.";

function explain({ receivedAt, timeLimitWorkingDays: n, sameDayCutoff }: DueDateInput, c: Counted): string {
  const at = `Hồ sơ nhận ${dayVn(receivedAt.date, c.received)} lúc ${pad2(Math.floor(receivedAt.minutes / 60))}:${pad2(receivedAt.minutes % 60)}`;
  let text: string;
  if (!c.receivedOnWorkingDay) text = `${at} (ngày nghỉ) được tính là nhận vào ${dayVn(c.countedFrom, c.from)}`;
  else if (c.pastCutoff)
    text = `${at}, sau ${sameDayCutoff}, được chuyển sang ngày làm việc tiếp theo ${dayVn(c.countedFrom, c.from)}`;
  else if (n === 0 && sameDayCutoff !== undefined) text = `${at}, trong giờ nhận đến ${sameDayCutoff}`;
  else text = at;
  if (n === 0) {
    text += `; giải quyết và trả kết quả trong ngày làm việc: ${dayVn(c.dueDate, c.due)}.`;
  } else {
    const daysOff = c.due - c.from - n;
    const skipped = daysOff > 0 ? ` (không tính ${daysOff} ngày nghỉ)` : "";
    text += `; thời hạn ${n} ngày làm việc tính từ ngày làm việc tiếp theo${skipped}; hẹn trả kết quả ${dayVn(c.dueDate, c.due)}.`;
  }
  if (c.provisional || c.toVerify) text += ` ${PROVISIONAL_DUE_DATE}`;
  return text;
}
