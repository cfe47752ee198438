/**
 * The console's contract for the procedure versions and fees the province administrator keeps
 * (docs/admin/procedures.md): list, read, export and import of versions as JSON, a new version from a date, and the
 * province's fee for a procedure.
 */
import { z } from "zod";
import { isIsoDate } from "../time/vn-time.js";

const day = (what: string) =>
  z
    .string({ error: `Vui lòng nhập ${what} (dd/mm/yyyy).` })
    .refine(
      (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isIsoDate(s),
      `${what[0]!.toUpperCase()}${what.slice(1)} không hợp lệ.`,
    );

const reason = z
  .string({ error: "Vui lòng ghi lý do thay đổi." })
  .trim()
  .min(3, "Vui lòng ghi lý do thay đổi (ít nhất 3 ký tự).")
  .max(500, "Lý do tối đa 500 ký tự.");

export const ProcedureCodeParams = z.object({ code: z.string().regex(/^\d\.\d{6}$/, "Mã thủ tục có dạng 1.004873.") });
export const ProcedureVersionParams = z.object({
  id: z.string().regex(/^\d\.\d{6}@\d{4}-\d{2}-\d{2}$/, "Mã phiên bản có dạng 1.004873@2025-07-01."),
});

export const VersionOrigin = z.enum(["shipped", "admin"]);

export const VersionSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** shipped: from the product's data; admin: created or changed by a province administrator. */
  origin: VersionOrigin,
  /** In force today (Asia/Ho_Chi_Minh). */
  inForce: z.boolean(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

export const FeeResolution = z.object({
  number: z
    .string({ error: "Vui lòng nhập số nghị quyết." })
    .trim()
    .min(3, "Vui lòng nhập số nghị quyết (ví dụ 12/2025/NQ-HĐND).")
    .max(100),
  date: day("ngày ban hành nghị quyết"),
  issuer: z.string().trim().max(200).optional(),
});

export const FeeSummary = z.object({
  id: z.string(),
  provinceCode: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  kind: z.string(),
  amountVnd: z.number().nullable(),
  onlineAmountVnd: z.number().nullable(),
  resolution: FeeResolution.nullable(),
  /** As citizens read it ("100.000 đ", "do HĐND tỉnh quy định (…)", "cần kiểm tra"). */
  display: z.string(),
  toVerify: z.boolean(),
  origin: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type FeeSummary = z.infer<typeof FeeSummary>;

export const ProcedureAdminItem = z.object({
  code: z.string(),
  name: z.string(),
  /** The version in force today, if any. */
  currentVersionId: z.string().nullable(),
  versions: z.array(VersionSummary),
  /** The administrator's province's fee entries for this procedure, oldest first. */
  fees: z.array(FeeSummary),
});
export type ProcedureAdminItem = z.infer<typeof ProcedureAdminItem>;

export const ProcedureAdminList = z.object({
  today: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  procedures: z.array(ProcedureAdminItem),
});
export type ProcedureAdminList = z.infer<typeof ProcedureAdminList>;

export const VersionDetail = z.object({
  summary: VersionSummary,
  /** The version as stored (shared/procedures/procedure-version.ts), the same JSON the export gives. */
  version: z.record(z.string(), z.unknown()),
});
export type VersionDetail = z.infer<typeof VersionDetail>;

/** The export of every version of a procedure. */
export const ProcedureExport = z.object({
  format: z.literal("khonghen.procedure-versions/1"),
  code: z.string(),
  exportedAt: z.string(),
  versions: z.array(z.record(z.string(), z.unknown())),
});

/** Under the console's 100 KB JSON body limit (a shipped version is 14–25 KB of JSON). */
export const IMPORT_TEXT_MAX = 80_000;

/**
 * A new version: the JSON text of one version (pasted, uploaded, or the current version edited), the date it takes
 * effect (overrides the text's validFrom; its id becomes `code@validFrom`) and why.
 */
export const ImportVersionBody = z.object({
  json: z
    .string({ error: "Vui lòng dán hoặc tải lên nội dung JSON của phiên bản." })
    .min(2, "Vui lòng dán hoặc tải lên nội dung JSON của phiên bản.")
    .max(IMPORT_TEXT_MAX, "Nội dung JSON quá lớn (tối đa 80.000 ký tự)."),
  validFrom: day("ngày bắt đầu áp dụng").optional(),
  reason,
});
export type ImportVersionBody = z.infer<typeof ImportVersionBody>;

export const ImportVersionReply = z.object({
  version: VersionSummary,
  /** The version that now ends the day before, if one was in force then. */
  closed: VersionSummary.nullable(),
});
export type ImportVersionReply = z.infer<typeof ImportVersionReply>;

/**
 * The province's fee for a procedure from a date: an amount (with its legal basis), or null with the resolution of the
 * provincial People's Council that sets it ("do HĐND tỉnh quy định").
 */
export const FeeBody = z
  .object({
    validFrom: day("ngày bắt đầu áp dụng"),
    kind: z.enum(["phí", "lệ phí"], { error: "Chọn phí hoặc lệ phí." }),
    amountVnd: z
      .number({ error: "Mức thu là số đồng (để trống nếu do HĐND tỉnh quy định)." })
      .int("Mức thu là số đồng, không có phần lẻ.")
      .nonnegative("Mức thu không âm.")
      .max(100_000_000, "Mức thu quá lớn.")
      .nullable(),
    onlineAmountVnd: z
      .number({ error: "Mức thu khi nộp trực tuyến là số đồng." })
      .int("Mức thu là số đồng, không có phần lẻ.")
      .nonnegative("Mức thu không âm.")
      .max(100_000_000, "Mức thu quá lớn.")
      .nullable()
      .optional(),
    resolution: FeeResolution.nullable().optional(),
    basis: z
      .string({ error: "Vui lòng ghi căn cứ pháp lý." })
      .trim()
      .min(3, "Vui lòng ghi căn cứ pháp lý (văn bản quy định mức thu).")
      .max(500),
    note: z.string().trim().max(500).optional(),
    reason,
  })
  .superRefine((b, ctx) => {
    if (b.amountVnd === null && !b.resolution)
      ctx.addIssue({
        code: "custom",
        path: ["resolution"],
        message: "Phí do HĐND tỉnh quy định: vui lòng nhập số và ngày của nghị quyết.",
      });
  });
export type FeeBody = z.infer<typeof FeeBody>;

export const FeeReply = z.object({ fee: FeeSummary, closed: FeeSummary.nullable() });
export type FeeReply = z.infer<typeof FeeReply>;
