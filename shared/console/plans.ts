/**
 * The console's contract for scheme plans (kế hoạch "Ngày không viết – Ngày không hẹn"): the province administrator
 * lists the plans covering the province's units, reads one, and enters a NEW VERSION from a chosen date (the one in
 * force ends the day before; a decision already made is never rewritten); the unit administrator says whether the
 * unit takes part from a date. The shape checks are here; what needs the catalogue (a cut-off inside the office
 * hours, known procedures, overlapping versions, a start after today) is checked by shared/scheme/plan-version.ts.
 */
import { z } from "zod";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const isoDate = (what: string) => z.string().trim().regex(DATE, `${what} chưa đúng ngày (ví dụ 2025-08-01).`);
const clockTime = (what: string) => z.string().trim().regex(CLOCK, `${what} chưa đúng giờ (dạng HH:mm, ví dụ 15:00).`);
const level = z.enum(["province", "district", "commune"], { error: "Cấp đơn vị phải là tỉnh, huyện hoặc xã." });

export const PlanParams = z.object({ id: z.string().regex(/^[a-z0-9-]{1,80}$/, "Mã kế hoạch không hợp lệ.") });
export type PlanParams = z.infer<typeof PlanParams>;

/** One eligible procedure at one level; `decidingOfficeTakesPart`: how the deciding office outside the unit takes part. */
export const PlanProcedureInput = z.object({
  level,
  procedureCode: z.string().trim().max(20),
  excludedFlags: z.array(z.string().max(60)).max(20).optional(),
  decidingOfficeTakesPart: z.string().trim().max(500).nullable().optional(),
});
export type PlanProcedureInput = z.infer<typeof PlanProcedureInput>;

/** The legal document of the version, or "cấu hình minh họa" (a sample configuration, not an official decision). */
export const PlanDocumentInput = z.discriminatedUnion(
  "status",
  [
    z.object({
      status: z.literal("official"),
      number: z.string().trim().min(1, "Nhập số văn bản (ví dụ 824/KH-UBND).").max(60),
      issuedOn: isoDate("Ngày ban hành"),
      issuer: z.string().trim().min(1, "Nhập cơ quan ban hành.").max(200),
    }),
    z.object({ status: z.literal("demo") }),
  ],
  { error: "Chọn văn bản chính thức hoặc cấu hình minh họa." },
);
export type PlanDocumentInput = z.infer<typeof PlanDocumentInput>;

export const PlanVersionBody = z.object({
  /** First day of the new version (after today). */
  validFrom: isoDate("Ngày bắt đầu"),
  /** Last day (inclusive); null or absent: until a later version. */
  validTo: isoDate("Ngày kết thúc").nullable().optional(),
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: z.array(z.number().int().min(1).max(7)).max(7),
  /** Office hours with their breaks: [{07:00–11:30}, {13:30–17:00}]. */
  officeHours: z.array(z.object({ start: clockTime("Giờ bắt đầu"), end: clockTime("Giờ kết thúc") })).max(6),
  intakeCutoff: clockTime("Giờ tiếp nhận cuối"),
  procedures: z.array(PlanProcedureInput).max(200),
  document: PlanDocumentInput,
  label: z.string().trim().max(300).optional(),
  /** Why the version (audited). */
  reason: z.string().trim().max(500).optional(),
});
export type PlanVersionBody = z.infer<typeof PlanVersionBody>;

export const PlanProcedureView = z.object({
  level,
  procedureCode: z.string(),
  procedureName: z.string().nullable(),
  excludedFlags: z.array(z.string()),
  /** The excluded cases in words (the procedure version's case flags). */
  excludedFlagLabels: z.array(z.string()),
  decidingOfficeTakesPart: z.string().nullable(),
});

export const PlanView = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(["official", "demo"]),
  /** "Văn bản của cơ quan có thẩm quyền" or "Cấu hình minh họa, …". */
  statusLabel: z.string(),
  issuer: z.string(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** "current" (in force today), "past", "future". */
  period: z.enum(["current", "past", "future"]),
  weekdays: z.array(z.number()),
  weekdayNames: z.string(),
  officeHours: z.array(z.object({ start: z.string(), end: z.string() })),
  intakeCutoff: z.string(),
  procedures: z.array(PlanProcedureView),
  /** How many units the plan covers, and their names (first few). */
  unitCount: z.number(),
  unitNames: z.array(z.string()),
  /** "shipped" (with the software) or "admin" (entered or ended in the console). */
  origin: z.string(),
  supersedes: z.string().nullable(),
  enteredBy: z.string().nullable(),
  source: z.string(),
  toVerify: z.boolean(),
  note: z.string().nullable(),
});
export type PlanView = z.infer<typeof PlanView>;

export const PlanListReply = z.object({
  today: z.string(),
  plans: z.array(PlanView),
  /** Procedures a plan may list, per level (the catalogue in force today), for the form. */
  procedures: z.array(z.object({ code: z.string(), name: z.string(), levels: z.array(level) })),
});
export type PlanListReply = z.infer<typeof PlanListReply>;

export const PlanVersionReply = z.object({ plan: PlanView, previous: PlanView });
export type PlanVersionReply = z.infer<typeof PlanVersionReply>;

// ---------------------------------------------------------------- the unit's participation

export const ParticipationQuery = z.object({ unitId: z.string().max(40).optional() });

export const ParticipationBody = z.object({
  /** The unit (a province administrator names it; a unit administrator's own unit by default). */
  unitId: z.string().max(40).optional(),
  from: isoDate("Ngày áp dụng"),
  takesPart: z.boolean({ error: "Chọn tham gia hoặc không tham gia." }),
  note: z.string().trim().max(300).optional(),
});
export type ParticipationBody = z.infer<typeof ParticipationBody>;

export const ParticipationReply = z.object({
  unitId: z.string(),
  unitName: z.string(),
  today: z.string(),
  takesPartToday: z.boolean(),
  /** The plan in force at the unit today (none when the unit does not take part or no plan covers it). */
  planToday: z.object({ id: z.string(), label: z.string(), statusLabel: z.string() }).nullable(),
  /** Whether a plan covers the unit at all (today or later). */
  covered: z.boolean(),
  changes: z.array(
    z.object({ from: z.string(), takesPart: z.boolean(), by: z.string(), at: z.string(), note: z.string().nullable() }),
  ),
});
export type ParticipationReply = z.infer<typeof ParticipationReply>;
