/** Dates and times as Vietnamese officers write them, in Asia/Ho_Chi_Minh whatever the PC's time zone. */
import { formatDateTextVn, formatTimeDateVn } from "../../../shared/time/vn-time.js";

/** "2025-10-15" → "15/10/2025". */
export const dmy = formatDateTextVn;

/** "14:05 15/10/2025". */
export const vnDateTime = formatTimeDateVn;

/** "dd/mm/yyyy HH:mm" in Asia/Ho_Chi_Minh (lists of notifications, feedback and conversations). */
export function vnDayTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const t = vnDateTime(iso);
  return `${t.slice(6)} ${t.slice(0, 5)}`;
}

export const TRACK_LABEL: Record<string, string> = { "same-day": "Trả trong ngày", normal: "Thông thường" };
export const FLAG_LABEL: Record<string, string> = {
  same_day_at_risk: "Nguy cơ trễ trong ngày",
  due_soon: "Sắp đến hạn",
  late: "Quá hạn",
};
