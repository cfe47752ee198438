/**
 * The citizen's rights over their data (Luật Bảo vệ dữ liệu cá nhân, Luật số 91/2025/QH15, passed 26/06/2025, in
 * force from 01/01/2026 [SECONDARY: text at thuviennhadat.vn/vbpl/luat-bao-ve-du-lieu-ca-nhan-2025-so-91-2025-qh15-625628.html;
 * dates also congan.quangngai.gov.vn and qdnd.vn]): see everything the system holds about them, download it, and
 * ask for a correction, which the unit administrator answers.
 */
import { z } from "zod";

export const CORRECTION_SUBJECTS = ["pre_registration", "dossier", "feedback", "contact", "other"] as const;
export type CorrectionSubject = (typeof CORRECTION_SUBJECTS)[number];

export const CORRECTION_SUBJECT_LABELS: Record<CorrectionSubject, string> = {
  pre_registration: "Hồ sơ khai trước",
  dossier: "Hồ sơ đã nộp",
  feedback: "Ý kiến đã gửi",
  contact: "Số điện thoại, thông báo",
  other: "Thông tin khác",
};

export const CORRECTION_STATUS_LABELS: Record<string, string> = {
  open: "Đang chờ đơn vị trả lời",
  done: "Đã sửa theo yêu cầu",
  refused: "Không sửa (có trả lời lý do)",
};

export const CORRECTION_TEXT_MAX = 2000;

export const CorrectionInput = z.object({
  subject: z.enum(CORRECTION_SUBJECTS),
  /** The code of the pre-registration or dossier, or the id of the feedback, the request is about. */
  reference: z.string().trim().min(1).max(64).optional(),
  text: z.string().trim().min(5, "Vui lòng ghi rõ thông tin nào sai và cần sửa thành gì.").max(CORRECTION_TEXT_MAX),
});
export type CorrectionInput = z.infer<typeof CorrectionInput>;

export const CorrectionRequest = z.object({
  id: z.string(),
  subject: z.enum(CORRECTION_SUBJECTS),
  subjectLabel: z.string(),
  reference: z.string().nullable(),
  unitName: z.string(),
  text: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CorrectionRequest = z.infer<typeof CorrectionRequest>;

const Json = z.record(z.string(), z.unknown());

export const MyData = z.object({
  generatedAt: z.string(),
  law: z.string(),
  account: z.object({
    citizenId: z.string(),
    identity: z.enum(["zalo", "device"]),
    displayName: z.string().nullable(),
    phone: z.string().nullable(),
    phoneConsentAt: z.string().nullable(),
    miniAppNotificationsSince: z.string().nullable(),
    followsOA: z.boolean(),
    lastOAInteractionAt: z.string().nullable(),
    createdAt: z.string(),
  }),
  preRegistrations: z.array(
    z.object({
      code: z.string(),
      unitName: z.string(),
      procedureCode: z.string(),
      status: z.string(),
      formData: Json,
      consentVersion: z.string().nullable(),
      consentAt: z.string().nullable(),
      createdAt: z.string(),
      expiresAt: z.string(),
    }),
  ),
  dossiers: z.array(
    z.object({
      code: z.string(),
      unitName: z.string(),
      procedureCode: z.string(),
      state: z.string(),
      applicantName: z.string(),
      applicantIdNumber: z.string().nullable(),
      formData: Json,
      receivedAt: z.string(),
      returnedTo: z.string().nullable(),
    }),
  ),
  feedback: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      rating: z.string().nullable(),
      text: z.string().nullable(),
      unitName: z.string(),
      dossierCode: z.string().nullable(),
      answer: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  consents: z.array(z.object({ what: z.string(), version: z.string().nullable(), at: z.string() })),
  corrections: z.array(CorrectionRequest),
});
export type MyData = z.infer<typeof MyData>;

export const LAW_91_2025 =
  "Luật Bảo vệ dữ liệu cá nhân (Luật số 91/2025/QH15, hiệu lực từ 01/01/2026): ông/bà có quyền biết, truy cập, yêu cầu chỉnh sửa dữ liệu cá nhân của mình.";
