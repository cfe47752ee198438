/** Dates and times as Vietnamese officers write them, in Asia/Ho_Chi_Minh whatever the PC's time zone. */
export function dmy(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function vnDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())} ${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** "dd/mm/yyyy HH:mm" in Asia/Ho_Chi_Minh (lists of notifications, feedback and conversations). */
export function vnDayTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const t = vnDateTime(iso);
  return `${t.slice(6)} ${t.slice(0, 5)}`;
}

export const TRACK_LABEL: Record<string, string> = { "same-day": "Trả trong ngày", normal: "Thông thường" };
export const FLAG_LABEL: Record<string, string> = { same_day_at_risk: "Nguy cơ trễ trong ngày", due_soon: "Sắp đến hạn", late: "Quá hạn" };
