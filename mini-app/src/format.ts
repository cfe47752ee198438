/** Vietnamese display helpers: dates dd/mm/yyyy, durations "1 giờ 20 phút", weekday names. */
import { formatDateTextVn, formatTimeDateVn } from "../../shared/time/vn-time.js";

const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

/** "2025-10-15" → "15/10/2025"; anything else is returned unchanged. */
export const formatDate = formatDateTextVn;

/** "2025-10-15" → "Thứ Tư, 15/10/2025". */
export function formatDayLong(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return formatDate(iso);
  const weekday = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return `${WEEKDAYS[weekday]}, ${formatDate(iso)}`;
}

/** The calendar date in Việt Nam of an ISO instant, dd/mm/yyyy. */
export function formatInstantDate(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return formatDate(iso);
  return formatDate(new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10));
}

/** An ISO instant shown in Việt Nam time: "14:05 15/10/2025". */
export function formatInstant(iso: string | null | undefined): string {
  return iso ? formatTimeDateVn(iso) : "";
}

/** 80 → "1 giờ 20 phút"; 45 → "45 phút"; 120 → "2 giờ". */
export function formatDuration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} phút`;
  return rest === 0 ? `${h} giờ` : `${h} giờ ${rest} phút`;
}

/** "dd/mm/yyyy" typed by a citizen (also d/m/yyyy, dd-mm-yyyy, ddmmyyyy) → "YYYY-MM-DD", or undefined. */
export function parseDateInput(text: string): string | undefined {
  const t = text.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export { capitalize } from "./capitalize.js";

/** "3 ngày làm việc"; a 0-day limit reads "trong ngày" (received after the cutoff: the next working day). */
export function timeLimitText(workingDays: number, sameDayCutoff?: string | null): string {
  if (workingDays > 0) return `${workingDays} ngày làm việc`;
  return sameDayCutoff ? `trong ngày (nhận sau ${sameDayCutoff} thì trả ngày làm việc tiếp theo)` : "trong ngày";
}
