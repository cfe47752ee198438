/**
 * One-stop forms (biểu mẫu cơ chế một cửa) of Circular 03/2025/TT-VPCP, Phụ lục I, guiding Decree 118/2025/NĐ-CP.
 * Names and occasions from docs/domain/scheme.md#one-stop-forms [S: names only; field lists not seen]; the 2018 numbers are those of
 * Circular 01/2018/TT-VPCP, whose field lists (docs/domain/scheme.md#one-stop-forms) remain the baseline for printing.
 */
import type { Evidence } from "../model.js";

export type OneStopFormCode = "01" | "02" | "03" | "04" | "05" | "06" | "07";

export interface OneStopForm {
  code: OneStopFormCode;
  /** Official title, as printed. */
  name: string;
  /** When the form arises (Vietnamese, for the console's help text). */
  whenArises: string;
  /** Who receives it: the applicant, or the one-stop's own records. */
  issuedTo: "applicant" | "internal";
  /** Number and title of the matching Circular 01/2018/TT-VPCP form, if one existed. */
  legacy2018?: { code: string; name: string };
  evidence: Evidence;
  toVerify: boolean;
  source: string;
}

const SOURCE = "Circular 03/2025/TT-VPCP, Phụ lục I (names only, docs/domain/scheme.md#one-stop-forms)";

export const ONE_STOP_FORMS: readonly OneStopForm[] = [
  {
    code: "01",
    name: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    whenArises:
      "Tiếp nhận hồ sơ đầy đủ, hợp lệ. Không bắt buộc khi hồ sơ được giải quyết và trả kết quả ngay trong ngày; khi đó chỉ cấp nếu người nộp yêu cầu.",
    issuedTo: "applicant",
    legacy2018: { code: "01", name: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" },
    evidence: "S",
    toVerify: true,
    source: `${SOURCE}; same-day exception per docs/domain/scheme.md#intake-outcomes-and-dossier-rules rule 1 [U]`,
  },
  {
    code: "02",
    name: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    whenArises: "Hồ sơ chưa đầy đủ hoặc chưa hợp lệ; nêu một lần đầy đủ các nội dung cần bổ sung.",
    issuedTo: "applicant",
    legacy2018: { code: "02", name: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" },
    evidence: "S",
    toVerify: true,
    source: SOURCE,
  },
  {
    code: "03",
    name: "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    whenArises: "Hồ sơ không đủ điều kiện hoặc không thuộc thẩm quyền giải quyết; nêu rõ lý do.",
    issuedTo: "applicant",
    legacy2018: { code: "03", name: "Phiếu từ chối tiếp nhận giải quyết hồ sơ" },
    evidence: "S",
    toVerify: true,
    source: SOURCE,
  },
  {
    code: "04",
    name: "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
    whenArises: "Hồ sơ giải quyết quá hạn: xin lỗi người nộp, nêu lý do và thời hạn trả kết quả mới.",
    issuedTo: "applicant",
    legacy2018: { code: "04", name: "Phiếu xin lỗi và hẹn lại ngày trả kết quả" },
    evidence: "S",
    toVerify: true,
    source: SOURCE,
  },
  {
    code: "05",
    name: "Thông báo dừng giải quyết hồ sơ",
    whenArises: "Dừng giải quyết hồ sơ theo đề nghị của người nộp (rút hồ sơ).",
    issuedTo: "applicant",
    evidence: "S",
    toVerify: true,
    source: `${SOURCE}; new in 2025, no 2018 counterpart; its printed text was not found: the print follows the 2018 slips' wording until the circular's appendix is compared`,
  },
  {
    code: "06",
    name: "Phiếu kiểm soát quá trình giải quyết hồ sơ",
    whenArises: "Đi kèm hồ sơ từ khi tiếp nhận đến khi trả kết quả; ghi thời gian giao, nhận ở từng bước.",
    issuedTo: "internal",
    legacy2018: { code: "05", name: "Phiếu kiểm soát quá trình giải quyết hồ sơ" },
    evidence: "S",
    toVerify: true,
    source: SOURCE,
  },
  {
    code: "07",
    name: "Sổ theo dõi hồ sơ",
    whenArises: "Sổ ghi mọi hồ sơ tiếp nhận và trả kết quả tại Bộ phận Một cửa.",
    issuedTo: "internal",
    legacy2018: { code: "06", name: "Sổ theo dõi hồ sơ" },
    evidence: "S",
    toVerify: true,
    source: SOURCE,
  },
];
