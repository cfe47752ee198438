/**
 * Fees and charges (phí, lệ phí) per province, procedure and period. Every amount is unverified
 * (docs/domain/procedures.md#security-interest-registration-1011441, #deletion-of-a-security-interest-registration-1011443, #household-business-registration-1001612, #marital-status-certificate-1004873 mark them [U]): provinces set them by HĐND resolution, so the
 * amount stays null ("cần kiểm tra") until a province's resolution is read. Never a constant in code.
 */
import type { Evidence, IsoDate } from "../model.js";

/** phí / lệ phí */
export interface FeeEntry {
  provinceCode: string;
  procedureCode: string;
  validFrom: IsoDate;
  validTo?: IsoDate;
  /** In VND; null when not known. */
  amountVnd: number | null;
  /** Online filing is often exempt or reduced; null when not known. */
  onlineAmountVnd: number | null;
  kind: "phí" | "lệ phí";
  basis: string;
  note: string;
  source: string;
  evidence: Evidence;
  /** Shipped entries are all unverified; a province administrator's entry carries its source and is not. */
  toVerify: boolean;
  /** "do HĐND tỉnh quy định": the province council's resolution that sets the fee (amountVnd may then be null). */
  resolution?: FeeResolution;
}

/** Nghị quyết của HĐND tỉnh: number as printed ("12/2025/NQ-HĐND") and date of adoption. */
export interface FeeResolution {
  number: string;
  date: IsoDate;
  issuer?: string;
}

const DAK_NONG = "67";
const LAM_DONG = "68";
const UNTIL_MERGER = { validFrom: "2023-01-01", validTo: "2025-06-30" };
const AFTER_MERGER = { validFrom: "2025-07-01" };

const perProcedure = [
  {
    procedureCode: "1.011441",
    kind: "phí" as const,
    basis:
      "Luật Phí và lệ phí; trước đây Thông tư 202/2016/TT-BTC, hoặc nghị quyết HĐND tỉnh về phí do Văn phòng đăng ký đất đai thu",
    note: "Chưa xác định văn bản áp dụng và mức thu; miễn phí cho khoản vay nông nghiệp, nông thôn cần kiểm tra.",
  },
  {
    procedureCode: "1.011443",
    kind: "phí" as const,
    basis: "Như đăng ký biện pháp bảo đảm; thường không thu hoặc thu mức thấp",
    note: "Chưa xác định mức thu.",
  },
  {
    procedureCode: "1.001612",
    kind: "lệ phí" as const,
    basis: "Nghị quyết HĐND tỉnh theo Thông tư 85/2019/TT-BTC",
    note: "Nhiều tỉnh thu 100.000 đồng, nộp trực tuyến thường được miễn hoặc giảm; chưa xác minh cho tỉnh này. Lệ phí môn bài là khoản khác.",
  },
  {
    procedureCode: "1.004873",
    kind: "lệ phí" as const,
    basis: "Nghị quyết HĐND tỉnh theo Thông tư 85/2019/TT-BTC, sửa đổi bởi Thông tư 106/2021/TT-BTC",
    note: "Nhiều tỉnh miễn hoặc giảm khi nộp trực tuyến; chưa xác minh cho tỉnh này.",
  },
];

function entriesFor(
  provinceCode: string,
  period: { validFrom: IsoDate; validTo?: IsoDate },
  source: string,
): FeeEntry[] {
  return perProcedure.map((p) => ({
    provinceCode,
    ...period,
    ...p,
    amountVnd: null,
    onlineAmountVnd: null,
    source,
    evidence: "U" as const,
    toVerify: true as const,
  }));
}

const SOURCE =
  "docs/domain/procedures.md#security-interest-registration-1011441, #deletion-of-a-security-interest-registration-1011443, #household-business-registration-1001612, #marital-status-certificate-1004873 (mức phí, lệ phí chưa được xác minh)";

/**
 * The household licence fee (lệ phí môn bài) ended on 01/01/2026 (Resolution 198/2025/QH15): from then the
 * registration fee's note no longer mentions it.
 */
const LICENCE_FEE_END = "2026-01-01";
const lamDong = entriesFor(LAM_DONG, AFTER_MERGER, SOURCE).flatMap((e): FeeEntry[] =>
  e.procedureCode !== "1.001612"
    ? [e]
    : [
        { ...e, validTo: "2025-12-31" },
        {
          ...e,
          validFrom: LICENCE_FEE_END,
          note: "Nhiều tỉnh thu 100.000 đồng, nộp trực tuyến thường được miễn hoặc giảm; chưa xác minh cho tỉnh này.",
        },
      ],
);

export const feeSchedule: readonly FeeEntry[] = [...entriesFor(DAK_NONG, UNTIL_MERGER, SOURCE), ...lamDong];
