/** Building blocks shared by the public API schemas (request and response). */
import { z } from "zod";

/** Date.parse rolls 30 February over to March: check the calendar date and clock fields themselves. */
function isRealInstant(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(s);
  if (!m || Number.isNaN(Date.parse(s))) return false;
  const [y, mo, d, h, mi, sec] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return (
    day.getUTCFullYear() === y &&
    day.getUTCMonth() === mo - 1 &&
    day.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    sec < 60
  );
}

/** An instant in ISO 8601 with an offset or Z, e.g. 2025-10-15T14:30:00+07:00. */
export const IsoInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: "Thời điểm phải theo định dạng ISO 8601 có múi giờ, ví dụ 2025-10-15T14:30:00+07:00",
  })
  .refine(isRealInstant, { message: "Thời điểm không tồn tại (ngày hoặc giờ sai)" })
  .describe("ISO 8601 instant with offset, e.g. 2025-10-15T14:30:00+07:00");

/** A calendar date YYYY-MM-DD (Asia/Ho_Chi_Minh). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Ngày phải theo định dạng YYYY-MM-DD" })
  .describe("Calendar date YYYY-MM-DD, Asia/Ho_Chi_Minh");

/** Official GSO code of an administrative unit. */
export const UnitCode = z.string().regex(/^\d{2,5}$/, { message: "Mã đơn vị hành chính gồm 2–5 chữ số" });

/** National procedure code d.dddddd (1.004873). */
export const ProcedureCode = z.string().regex(/^\d\.\d{6}$/, { message: "Mã thủ tục có dạng 1.004873" });

/** Optional `at` query: the instant to answer for; the server's clock when absent. */
export const AtQuery = z.object({ at: IsoInstant.optional() });

export const UnitRef = z.object({
  id: z.string().describe("Internal id `${code}@${validFrom}`; codes are reused across 1/7/2025, ids never are"),
  code: z.string(),
  name: z.string().describe("Name without type, e.g. Quảng Khê"),
  type: z.string().describe("xã, phường, tỉnh…"),
  displayName: z.string().describe("Type and name, e.g. xã Quảng Khê"),
  fullName: z.string().describe("With its parents, e.g. xã Quảng Khê, tỉnh Lâm Đồng"),
});
export type UnitRef = z.infer<typeof UnitRef>;

export const ProcedureRef = z.object({ code: z.string(), name: z.string() });
export type ProcedureRef = z.infer<typeof ProcedureRef>;

export type Track = "same-day" | "normal";
export const TrackSchema = z.enum(["same-day", "normal"]);
export const TRACK_LABELS: Record<Track, string> = {
  "same-day": "Ngày không hẹn (trả kết quả trong ngày)",
  normal: "Thông thường (có phiếu hẹn)",
};
