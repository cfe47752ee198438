/** User-typed dates ("18/02/2026", "2026-02-18", "18-2-2026") checked before they reach the calendar, with messages to show. */
import type { IsoDate } from "../model.js";
import { parseDay } from "./day-number.js";
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from "./lunar-fallback.js";

export type CalendarDateError = { code: "invalid_date" | "date_out_of_range"; message: string; messageEn: string };
export type CalendarDateResult = { ok: true; date: IsoDate } | { ok: false; error: CalendarDateError };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const VN = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

export function parseCalendarDate(input: string): CalendarDateResult {
  const text = input.trim();
  const iso = ISO.exec(text);
  const vn = iso ? null : VN.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : null;
  const date = parts ? `${parts[0]}-${parts[1]!.padStart(2, "0")}-${parts[2]!.padStart(2, "0")}` : "";
  if (!parts || parseDay(date) === undefined) {
    return {
      ok: false,
      error: {
        code: "invalid_date",
        message: `Ngày "${text}" không hợp lệ. Vui lòng nhập theo dạng ngày/tháng/năm, ví dụ 18/02/2026.`,
        messageEn: `Invalid date "${text}"; use dd/mm/yyyy or YYYY-MM-DD.`,
      },
    };
  }
  const year = Number(parts[0]);
  if (year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    return {
      ok: false,
      error: {
        code: "date_out_of_range",
        message: `Chỉ tra cứu được ngày từ năm ${LUNAR_MIN_YEAR} đến năm ${LUNAR_MAX_YEAR}.`,
        messageEn: `Dates must be within ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}.`,
      },
    };
  }
  return { ok: true, date };
}
