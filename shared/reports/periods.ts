/**
 * Report periods in Việt Nam time (Asia/Ho_Chi_Minh, UTC+7 all year): day, ISO week (Monday to Sunday), month,
 * quarter, year and a custom range. Days are YYYY-MM-DD, both ends inclusive; labels are dd/mm/yyyy.
 */
import type { IsoDate } from "../model.js";
import { addDays, formatDateVn, isIsoDate, weekdayOf } from "../time/vn-time.js";
import type { PeriodKind } from "./report.js";

export interface ReportPeriod {
  kind: PeriodKind;
  from: IsoDate;
  to: IsoDate;
  label: string;
}

export type PeriodError = { ok: false; message: string; messageEn: string };

/** Longest custom range: three years and a day, the span the province keeps online. */
export const MAX_PERIOD_DAYS = 1100;

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The period of `kind` containing `date` (custom: from..to as given). */
export function periodOf(kind: PeriodKind, date: IsoDate, to?: IsoDate): ReportPeriod | PeriodError {
  if (!isIsoDate(date)) return bad("Ngày không hợp lệ (cần dạng dd/mm/yyyy).", "invalid date, expected YYYY-MM-DD");
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  switch (kind) {
    case "day":
      return { kind, from: date, to: date, label: `Ngày ${formatDateVn(date)}` };
    case "week": {
      const from = addDays(date, 1 - weekdayOf(date));
      const end = addDays(from, 6);
      return { kind, from, to: end, label: `Tuần từ ${formatDateVn(from)} đến ${formatDateVn(end)}` };
    }
    case "month":
      return {
        kind,
        from: `${y}-${pad(m)}-01`,
        to: `${y}-${pad(m)}-${pad(lastDayOfMonth(y, m))}`,
        label: `Tháng ${pad(m)}/${y}`,
      };
    case "quarter": {
      const q = Math.floor((m - 1) / 3) + 1;
      const last = q * 3;
      return {
        kind,
        from: `${y}-${pad(last - 2)}-01`,
        to: `${y}-${pad(last)}-${pad(lastDayOfMonth(y, last))}`,
        label: `Quý ${["I", "II", "III", "IV"][q - 1]} năm ${y}`,
      };
    }
    case "year":
      return { kind, from: `${y}-01-01`, to: `${y}-12-31`, label: `Năm ${y}` };
    case "custom": {
      if (to === undefined || !isIsoDate(to))
        return bad("Vui lòng chọn ngày kết thúc hợp lệ.", "custom period needs a valid end date");
      if (to < date) return bad("Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.", "end date before start date");
      if (daysBetween(date, to) > MAX_PERIOD_DAYS)
        return bad("Khoảng thời gian tối đa là 3 năm.", "custom period longer than three years");
      return { kind, from: date, to, label: `Từ ${formatDateVn(date)} đến ${formatDateVn(to)}` };
    }
  }
}

export function isPeriodError(p: ReportPeriod | PeriodError): p is PeriodError {
  return (p as PeriodError).ok === false;
}

/** UTC instants bounding the Việt Nam days from..to: [start, end). */
export function periodInstants(p: Pick<ReportPeriod, "from" | "to">): { start: string; end: string } {
  return {
    start: new Date(`${p.from}T00:00:00+07:00`).toISOString(),
    end: new Date(`${addDays(p.to, 1)}T00:00:00+07:00`).toISOString(),
  };
}

function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function bad(message: string, messageEn: string): PeriodError {
  return { ok: false, message, messageEn };
}
