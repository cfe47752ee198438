/**
 * Pre-registration (đăng ký trước): a citizen pre-enters a procedure's form on Zalo or the web; an officer
 * finalises it at the counter ("Ngày không viết"). A draft may hold partial data; submitting checks the form
 * in full. Personal data is accepted only with consent to the current notice (GET /api/consent).
 */
import { z } from "zod";
import { FieldError } from "./errors.js";
import { IsoDate, ProcedureCode, TrackSchema, UnitCode, UnitRef } from "./common.js";
import { ConsentInput } from "./consent.js";

export const PRE_REGISTRATION_STATUSES = ["draft", "submitted", "finalised", "cancelled", "expired"] as const;
export const PreRegistrationStatus = z.enum(PRE_REGISTRATION_STATUSES);
export type PreRegistrationStatus = z.infer<typeof PreRegistrationStatus>;

export const PRE_REGISTRATION_STATUS_LABELS: Record<PreRegistrationStatus, string> = {
  draft: "Bản nháp",
  submitted: "Đã gửi, chờ nộp tại Bộ phận Một cửa",
  finalised: "Đã tiếp nhận tại Bộ phận Một cửa",
  cancelled: "Đã hủy",
  expired: "Đã hết hạn",
};

/** What the counter scanner reads: "KH1:" then the human code. */
export const PRE_REGISTRATION_QR_PREFIX = "KH1:";

/** Form data keyed by the form's field ids; checked against the procedure version's form schema. */
export const FormData = z.record(z.string().max(64), z.unknown()).describe("Form data keyed by field id");

export const CreatePreRegistration = z.object({
  unitCode: UnitCode,
  procedureCode: ProcedureCode,
  formData: FormData.optional(),
  consent: ConsentInput.optional(),
});
export type CreatePreRegistration = z.infer<typeof CreatePreRegistration>;

export const UpdatePreRegistration = z.object({
  unitCode: UnitCode.optional(),
  /** Merged into the saved data; a field set to null is cleared. */
  formData: FormData.optional(),
  consent: ConsentInput.optional(),
});
export type UpdatePreRegistration = z.infer<typeof UpdatePreRegistration>;

export const DossierBrief = z.object({
  code: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  track: TrackSchema,
  dueDate: IsoDate,
  resultReady: z.boolean(),
});
export type DossierBrief = z.infer<typeof DossierBrief>;

export const PreRegistrationSummary = z.object({
  id: z.string(),
  code: z.string().describe("Short human code to read aloud at the counter"),
  status: PreRegistrationStatus,
  statusLabel: z.string(),
  unit: UnitRef,
  procedure: z.object({ code: z.string(), name: z.string(), versionId: z.string() }),
  consent: z.object({ version: z.string(), acceptedAt: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  expiresAt: z.string(),
  qr: z.object({
    payload: z.string().describe("Text of the QR code the counter scans, e.g. KH1:7KQM-4XTD"),
    svgUrl: z.string(),
  }),
  dossier: DossierBrief.nullable(),
});
export type PreRegistrationSummary = z.infer<typeof PreRegistrationSummary>;

export const PreRegistration = PreRegistrationSummary.extend({
  formData: FormData,
  /** For a draft: what is still missing or invalid before it can be submitted. */
  missingFields: z.array(FieldError),
});
export type PreRegistration = z.infer<typeof PreRegistration>;

export const PreRegistrationList = z.object({ items: z.array(PreRegistrationSummary) });
export type PreRegistrationList = z.infer<typeof PreRegistrationList>;

export const PreRegistrationListQuery = z.object({
  mine: z.literal("1", { message: "Chỉ hỗ trợ mine=1 (danh sách của chính bạn)" }).optional(),
});

export const PreRegistrationIdParams = z.object({
  id: z.string().min(1).max(64).describe("The id, or the human code"),
});
