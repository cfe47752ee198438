/**
 * When a new dated version of a catalogue document (a procedure version, a province's fee) may start, and what it
 * changes: the version in force before it ends the day before, so versions never overlap and a dossier received
 * earlier keeps the version it was received under (it refers to that version's id). Pure: the use-case applies it.
 */
import type { IsoDate } from "../model.js";
import { addDays, formatDateVn } from "../time/vn-time.js";

export interface Dated {
  id: string;
  validFrom: IsoDate;
  validTo?: IsoDate | null;
}

export type ScheduleRefusal =
  { reason: "past"; message: string } | { reason: "overlap"; message: string; otherId: string };

export type Schedule =
  { ok: true; closes: { id: string; validTo: IsoDate } | null } | ({ ok: false } & ScheduleRefusal);

/**
 * A new version from `validFrom` (open-ended). Refused when it starts before `today`, or when another version starts
 * on or after that date (it would overlap it: a later version must be planned after the last one).
 */
export function scheduleNewVersion(existing: readonly Dated[], validFrom: IsoDate, today: IsoDate): Schedule {
  if (validFrom < today)
    return {
      ok: false,
      reason: "past",
      message: `Ngày bắt đầu áp dụng ${formatDateVn(validFrom)} đã qua; chọn từ hôm nay (${formatDateVn(today)}) trở đi.`,
    };
  const later = existing.filter((v) => v.validFrom >= validFrom).sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  if (later[0])
    return {
      ok: false,
      reason: "overlap",
      otherId: later[0].id,
      message: `Đã có phiên bản áp dụng từ ${formatDateVn(later[0].validFrom)}; phiên bản mới phải bắt đầu sau ngày đó.`,
    };
  const before = existing
    .filter((v) => v.validFrom < validFrom)
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  const end = addDays(validFrom, -1);
  const closes = before && (!before.validTo || before.validTo > end) ? { id: before.id, validTo: end } : null;
  return { ok: true, closes };
}
