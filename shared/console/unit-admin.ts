/**
 * The console's contract for the unit's own settings ("Đơn vị") and the verification of shipped facts ("Cần xác
 * nhận"), docs/admin/unit-and-verification.md.
 */
import { z } from "zod";
import { OfficeHoursInput } from "../admin/unit-office.js";
import { OfficeContactBody } from "./office.js";

const Hours = z.array(z.object({ start: z.string(), end: z.string() }));

export const AdminUnitQuery = z.object({
  unitId: z.string().max(40).optional().describe("The unit (default: the officer's own; a province admin picks)"),
});

export const AdminUnitChoice = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const UnitSettingsReply = z.object({
  units: z.array(AdminUnitChoice).describe("Units the officer administers (the picker)"),
  unitId: z.string(),
  code: z.string().describe("Official GSO code (never changed here)"),
  officialName: z.string(),
  shipped: z.object({ place: z.string().describe("The office's name as shipped") }),
  intakeCutoffs: z.array(z.string()).describe("Cut-offs of the plans in force or to come at the unit"),
  setting: z
    .object({
      name: z.string().nullable(),
      address: z.string().nullable(),
      phone: z.string().nullable(),
      officeHours: Hours.nullable(),
      reason: z.string(),
      updatedAt: z.string(),
      updatedByName: z.string(),
    })
    .nullable(),
  /** What citizens see now. */
  effective: z.object({
    place: z.string(),
    officeHours: Hours,
    officeHoursToVerify: z.boolean(),
    officeToVerify: z.boolean(),
  }),
});
export type UnitSettingsReply = z.infer<typeof UnitSettingsReply>;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((t) => t.normalize("NFC") || null);

export const UnitSettingsBody = z.object({
  unitId: z.string().max(40),
  name: optionalText(200, "Tên tối đa 200 ký tự."),
  address: OfficeContactBody.shape.address.optional().describe("Absent: unchanged (also set on the office contact)"),
  phone: OfficeContactBody.shape.phone.optional().describe("Absent: unchanged"),
  officeHours: OfficeHoursInput.nullable().describe("null keeps the plan's office hours"),
  reason: z.string().trim().min(1, "Nhập lý do thay đổi (ví dụ: theo Quyết định số … của UBND xã).").max(500),
});
export type UnitSettingsBody = z.infer<typeof UnitSettingsBody>;

export const FactKindEnum = z.enum([
  "office_hours",
  "office",
  "plan",
  "deciding_office",
  "fee",
  "procedure",
  "calendar",
]);

export const VerificationQuery = z.object({
  unitId: z.string().max(40).optional().describe("Only this unit's facts (and the province's)"),
  kind: FactKindEnum.optional(),
  confirmed: z.enum(["0", "1", "all"]).optional().describe("0 (default): still to confirm; 1: confirmed; all"),
});

export const ConfirmationView = z.object({
  source: z.string(),
  at: z.string(),
  byName: z.string(),
});

export const FactView = z.object({
  id: z.string(),
  kind: FactKindEnum,
  kindLabel: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable().describe("null: a fact of the province or the country"),
  title: z.string(),
  value: z.string(),
  source: z.string(),
  confirmer: z.enum(["unit_admin", "province_admin"]),
  confirmerLabel: z.string(),
  canConfirm: z.boolean(),
  confirmation: ConfirmationView.nullable(),
});
export type FactView = z.infer<typeof FactView>;

export const VerificationReply = z.object({
  units: z.array(AdminUnitChoice),
  facts: z.array(FactView),
  /** Still to confirm among the facts listed under the same unit filter (whatever `confirmed` says). */
  remaining: z.number().int(),
});
export type VerificationReply = z.infer<typeof VerificationReply>;

export const ConfirmBody = z.object({
  factId: z.string().trim().min(1, "Chọn thông tin cần xác nhận.").max(200),
  source: z
    .string()
    .trim()
    .min(1, "Nhập số văn bản (ví dụ 824/KH-UBND) hoặc đường dẫn nguồn đã đối chiếu.")
    .max(500, "Nguồn tối đa 500 ký tự.")
    .transform((s) => s.normalize("NFC")),
});
export type ConfirmBody = z.infer<typeof ConfirmBody>;
