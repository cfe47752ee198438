/**
 * Report downloads and the exchange with the province's TTHC information system: the query a download takes,
 * the tracking book's row (Sổ theo dõi hồ sơ), the outbound webhook's event body and the read API's pages.
 *
 * The tracking book's columns follow Mẫu số 06 of Circular 01/2018/TT-VPCP (Mẫu số 07 of Circular 03/2025/TT-VPCP,
 * guiding Decree 118/2025/NĐ-CP, keeps the name; its field list was not available). The 2018 column list is itself
 * from secondary renderings, so it stays marked for the province administrator to check (TRACKING_BOOK_SOURCE).
 */
import { z } from "zod";
import type { Evidence } from "../model.js";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD / Date must be YYYY-MM-DD.");

const ExportFields = z.object({
  unitId: z.string().trim().min(1, "Vui lòng chọn đơn vị / Choose a unit.").max(64).optional(),
  from: isoDay,
  to: isoDay,
  procedureCode: z
    .string()
    .trim()
    .regex(/^\d\.\d{6}$/, "Mã thủ tục không đúng / Invalid procedure code.")
    .optional(),
});
const periodChecks = <T extends z.ZodType<{ from: string; to: string }>>(schema: T) =>
  schema
    .refine((q) => q.from <= q.to, {
      message: "Ngày bắt đầu phải trước ngày kết thúc / `from` must not be after `to`.",
      path: ["to"],
    })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
      message: "Mỗi lần tải tối đa một năm / At most one year per download.",
      path: ["to"],
    });

/** The period and unit of a download; `to` is inclusive, at most 366 days after `from`. */
export const ExportQuery = periodChecks(ExportFields);
export type ExportQuery = z.infer<typeof ExportQuery>;

export const BOOK_FORMATS = ["xlsx", "pdf", "csv", "json"] as const;
export type BookFormat = (typeof BOOK_FORMATS)[number];
export const REPORT_FORMATS = ["xlsx", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One line of the Sổ theo dõi hồ sơ; dates are YYYY-MM-DD (Asia/Ho_Chi_Minh), null when the step is not reached. */
export interface TrackingBookRow {
  stt: number;
  code: string;
  procedureCode: string;
  procedureName: string;
  /** Số lượng hồ sơ (bộ). */
  sets: number;
  applicantName: string;
  addressAndPhone: string;
  decidingBody: string;
  receivedOn: string;
  dueOn: string;
  sentToDecidingOn: string | null;
  resultReceivedOn: string | null;
  returnedOn: string | null;
  /** "Ký nhận": left empty for the signature on paper. */
  signedBy: string;
  note: string;
}

export interface TrackingBook {
  /** "UBND XÃ QUẢNG KHÊ" line and the one-stop's name. */
  agencyTop: string;
  agency: string;
  unitName: string;
  from: string;
  to: string;
  /** "Mẫu số 06" before 1/7/2025, "Mẫu số 07" from then (Circular 03/2025/TT-VPCP). */
  formCode: string;
  rows: TrackingBookRow[];
}

/** Column titles as printed, in order; "Ngày, tháng, năm" spans the five date columns. */
export const TRACKING_BOOK_COLUMNS: readonly { key: keyof TrackingBookRow; title: string; group?: "dates" }[] = [
  { key: "stt", title: "STT" },
  { key: "code", title: "Mã hồ sơ" },
  { key: "procedureName", title: "Tên TTHC" },
  { key: "sets", title: "Số lượng hồ sơ (bộ)" },
  { key: "applicantName", title: "Tên cá nhân, tổ chức" },
  { key: "addressAndPhone", title: "Địa chỉ, số điện thoại" },
  { key: "decidingBody", title: "Cơ quan chủ trì giải quyết" },
  { key: "receivedOn", title: "Nhận hồ sơ", group: "dates" },
  { key: "dueOn", title: "Hẹn trả kết quả", group: "dates" },
  { key: "sentToDecidingOn", title: "Chuyển hồ sơ đến cơ quan giải quyết", group: "dates" },
  { key: "resultReceivedOn", title: "Nhận kết quả từ cơ quan giải quyết", group: "dates" },
  { key: "returnedOn", title: "Trả kết quả cho cá nhân, tổ chức", group: "dates" },
  { key: "signedBy", title: "Ký nhận" },
  { key: "note", title: "Ghi chú" },
];

export const TRACKING_BOOK_SOURCE: { source: string; evidence: Evidence; toVerify: boolean } = {
  source:
    "Thông tư 01/2018/TT-VPCP ngày 23/11/2018, Mẫu số 06 (Sổ theo dõi hồ sơ); Thông tư 03/2025/TT-VPCP, Phụ lục I, Mẫu số 07 (tên mẫu). " +
    "Danh sách cột theo các bản in của địa phương, chưa đối chiếu văn bản gốc.",
  evidence: "U",
  toVerify: true,
};

// ---------------------------------------------------------------- integration with the province's system

/** Dossier event types sent to the province's system (the lifecycle's event names, dossier_events.type). */
export const WEBHOOK_EVENT_VERSION = 1;

/** The body of one outbound webhook delivery. No personal data: codes, states, dates, unit. */
export const WebhookEventBody = z.object({
  version: z.literal(WEBHOOK_EVENT_VERSION),
  /** Stable per event: the receiver de-duplicates on it (a retried delivery repeats it). */
  eventId: z.string(),
  type: z.string(),
  at: z.string(),
  dossier: z.object({
    code: z.string(),
    procedureCode: z.string(),
    receivingUnitId: z.string(),
    competentUnitId: z.string(),
    track: z.string(),
    fromState: z.string().nullable(),
    state: z.string(),
    receivedAt: z.string(),
    dueDate: z.string(),
  }),
});
export type WebhookEventBody = z.infer<typeof WebhookEventBody>;

/** Headers of a delivery; the signature is hex HMAC-SHA256 of `${timestamp}.${body}` with the unit's secret. */
export const WEBHOOK_SIGNATURE_HEADER = "x-khonghen-signature";
export const WEBHOOK_TIMESTAMP_HEADER = "x-khonghen-timestamp";
export const WEBHOOK_EVENT_ID_HEADER = "x-khonghen-event-id";

/** Query of the read API's lists: a cursor page of at most `limit` items after `after` (the previous page's `next`). */
export const IntegrationPageQuery = z.object({
  unitId: z.string().trim().min(1).max(64).optional(),
  since: z
    .string()
    .datetime({ message: "`since` phải là thời điểm ISO 8601 / `since` must be an ISO 8601 instant." })
    .optional(),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type IntegrationPageQuery = z.infer<typeof IntegrationPageQuery>;

export const IntegrationDossier = z.object({
  code: z.string().describe("Mã hồ sơ"),
  procedureCode: z.string(),
  receivingUnitId: z.string(),
  competentUnitId: z.string(),
  track: z.string().describe("same-day | normal"),
  state: z.string(),
  receivedAt: z.string(),
  dueDate: z.string(),
  resultReadyAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type IntegrationDossier = z.infer<typeof IntegrationDossier>;

export const IntegrationEvent = z.object({
  id: z.string(),
  dossierCode: z.string(),
  seq: z.number().int(),
  type: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  at: z.string(),
});
export type IntegrationEvent = z.infer<typeof IntegrationEvent>;

/** `next`: pass as `after` for the next page; null on the last page. */
export const IntegrationDossierPage = z.object({ items: z.array(IntegrationDossier), next: z.string().nullable() });
export const IntegrationEventPage = z.object({ items: z.array(IntegrationEvent), next: z.string().nullable() });
