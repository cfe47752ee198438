/**
 * Facts shared by the two security-interest procedures (1.011441 registration, 1.011443 deletion):
 * Decree 99/2022/NĐ-CP. Sources: docs/domain/procedures.md#legal-changes-since-2023, #security-interest-registration-1011441, #deletion-of-a-security-interest-registration-1011443.
 */
import type { CaseFlag, FormField, LegalBasis, ProcedureVersion } from "../../procedures/procedure-version.js";

export const DECREE_99 = "Nghị định 99/2022/NĐ-CP ngày 30/11/2022 về đăng ký biện pháp bảo đảm";

export const decree99Basis: LegalBasis = {
  title: DECREE_99,
  articles: "Điều 8, 10, 12, 13, 14, 15, 16, 17, 25–31, 33, 35",
  source: "https://luatvietnam.vn/tu-phap/nghi-dinh-99-2022-nd-cp-ve-dang-ky-bien-phap-bao-dam-236809-d1.html",
  evidence: "V",
};

/** Decree 99/2022 with its amendments, as consolidated (05/VBHN-BTP). */
export const decree99ConsolidatedBasis: LegalBasis = {
  title: `${DECREE_99}, văn bản hợp nhất 05/VBHN-BTP`,
  source: "docs/domain/procedures.md#legal-changes-since-2023 (văn bản hợp nhất 05/VBHN-BTP)",
  evidence: "S",
};

/** Land Law in force on the receipt date. */
export const landLaw2013And2024: LegalBasis = {
  title: "Luật Đất đai 2013 (đến 31/7/2024), Luật Đất đai 2024 (từ 01/8/2024)",
  source: "docs/domain/procedures.md#legal-changes-since-2023",
  evidence: "S",
};
export const landLaw2024: LegalBasis = {
  title: "Luật Đất đai 2024 (31/2024/QH15)",
  source: "docs/domain/procedures.md#legal-changes-since-2023",
  evidence: "S",
};

/**
 * Decree 151/2025 (two-level land powers), Art. 18(1): the applicant chooses any intake point in the province for
 * land-registration dossiers [S]; whether it covers security-interest dossiers was not confirmed [U].
 */
export const decree151Basis: LegalBasis = {
  title: "Nghị định 151/2025/NĐ-CP (phân định thẩm quyền đất đai 2 cấp), nếu áp dụng cho đăng ký biện pháp bảo đảm",
  articles: "Điều 18 khoản 1",
  source:
    "docs/domain/procedures.md#security-interest-registration-1011441: Điều 18 khoản 1 cho chọn nơi nộp hồ sơ đăng ký đất đai trong tỉnh [S]; áp dụng cho hồ sơ đăng ký biện pháp bảo đảm chưa xác nhận [U]",
  evidence: "U",
  toVerify: true,
};

export const oneStop2018Basis: LegalBasis = {
  title: "Nghị định 61/2018/NĐ-CP (sửa đổi bởi Nghị định 107/2021/NĐ-CP); Thông tư 01/2018/TT-VPCP",
  articles: "Cơ chế một cửa",
  source: "docs/domain/procedures.md#legal-changes-since-2023, docs/domain/scheme.md#one-stop-forms",
  evidence: "S",
};
export const oneStop2025Basis: LegalBasis = {
  title: "Nghị định 118/2025/NĐ-CP (sửa đổi bởi Nghị định 367/2025/NĐ-CP); Thông tư 03/2025/TT-VPCP",
  articles: "Cơ chế một cửa",
  source: "docs/domain/procedures.md#legal-changes-since-2023, docs/domain/scheme.md#one-stop-forms",
  evidence: "S",
};

export const civilCodeBasis: LegalBasis = {
  title: "Bộ luật Dân sự 2015",
  source: "docs/domain/procedures.md#security-interest-registration-1011441 (danh mục căn cứ pháp lý)",
  evidence: "S",
};

/** Art. 16(1): within the working day of receipt; after 15:00 → next working day; extension ≤ 3 working days. */
export const decree99TimeLimit: ProcedureVersion["timeLimit"] = {
  timeLimitWorkingDays: 0,
  sameDayCutoff: "15:00",
  maxExtensionWorkingDays: 3,
  note: "Giải quyết trong ngày làm việc nhận hồ sơ hợp lệ; nhận sau 15:00 thì hoàn thành trong ngày làm việc tiếp theo; có lý do chính đáng được kéo dài nhưng không quá 03 ngày làm việc.",
  source: "Nghị định 99/2022/NĐ-CP, Điều 16 khoản 1",
  evidence: "V",
};

export const receivedAtDistrict2023: ProcedureVersion["receivingBody"] = {
  name: "Bộ phận Tiếp nhận và Trả kết quả cấp huyện (nơi đặt Chi nhánh Văn phòng đăng ký đất đai)",
  source:
    "Kế hoạch Ngày không viết – Ngày không hẹn tỉnh Đắk Nông 2023 (danh mục cấp huyện); docs/domain/procedures.md#security-interest-registration-1011441",
  evidence: "S",
};

/** The commune receives and forwards; the land registration office (or its branch) decides: see competentBody. */
export const receivedAtCommune2025: ProcedureVersion["receivingBody"] = {
  name: "Trung tâm Phục vụ hành chính công cấp xã",
  source:
    "Nghị định 118/2025/NĐ-CP (tiếp nhận không phụ thuộc địa giới); docs/domain/procedures.md#security-interest-registration-1011441 [S/U]",
  evidence: "U",
  toVerify: true,
};

/** The land office decides and signs in its own name (its director), not the one-stop's People's Committee. */
const LAND_OFFICE_SIGNS = { title: "GIÁM ĐỐC" };

export const landOfficeBody2023: ProcedureVersion["competentBody"] = {
  name: "Văn phòng đăng ký đất đai trực thuộc Sở Tài nguyên và Môi trường, Chi nhánh của Văn phòng đăng ký đất đai",
  sameBodyAsReceiving: false,
  signs: LAND_OFFICE_SIGNS,
  source: "Nghị định 99/2022/NĐ-CP, Điều 10 khoản 1",
  evidence: "V",
};

export const landOfficeBody2025: ProcedureVersion["competentBody"] = {
  name: "Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai (thuộc Sở Nông nghiệp và Môi trường)",
  sameBodyAsReceiving: false,
  signs: LAND_OFFICE_SIGNS,
  source:
    "Nghị định 99/2022/NĐ-CP, Điều 10 khoản 1; Sở Nông nghiệp và Môi trường từ 3/2025 (docs/domain/procedures.md#security-interest-registration-1011441)",
  evidence: "S",
};

export const securitySector: ProcedureVersion["sector"] = {
  name: "Đăng ký biện pháp bảo đảm",
  source: "Cổng Dịch vụ công quốc gia (lĩnh vực) – chưa đối chiếu trực tiếp",
  evidence: "U",
  toVerify: true,
};

/** Flags common to both procedures: Art. 12 signatures and Art. 16 extension. */
export const decree99Flags: CaseFlag[] = [
  {
    id: "both_parties_sign",
    label: "Phiếu yêu cầu cần chữ ký (con dấu) của cả bên bảo đảm và bên nhận bảo đảm",
    excludesSameDay: false,
    excludesAssistedWriting: true,
    note: "Cán bộ chỉ điền sẵn bản nháp; hai bên tự kiểm tra và ký (Điều 12 khoản 1).",
    source: "Nghị định 99/2022/NĐ-CP, Điều 12 khoản 1",
    evidence: "V",
  },
  {
    id: "extended_handling",
    label: "Cần kéo dài thời gian giải quyết (tối đa 03 ngày làm việc)",
    excludesSameDay: true,
    excludesAssistedWriting: false,
    note: "Cơ quan đăng ký thông báo lý do gia hạn cho người yêu cầu (Điều 16 khoản 1).",
    source: "Nghị định 99/2022/NĐ-CP, Điều 16 khoản 1",
    evidence: "V",
  },
];

/** The addressee line of Mẫu 01a and 03a. */
export const landOfficeRecipientField: FormField = {
  id: "recipientOffice",
  section: "header",
  label: "Kính gửi",
  type: "text",
  required: true,
  requiredMessage: "Vui lòng nhập tên cơ quan nhận hồ sơ (Kính gửi)",
  help: "Tên Văn phòng đăng ký đất đai hoặc Chi nhánh Văn phòng đăng ký đất đai",
};

/** Giấy chứng nhận identification, as in mục 5.1 of Mẫu 01a and mục 3 of Mẫu 03a. */
export const certificateColumns = [
  { id: "certificateName", label: "Tên Giấy chứng nhận", type: "text" as const },
  { id: "certificateSerial", label: "Số phát hành", type: "text" as const, required: true, help: "Ví dụ: BT 619346" },
  {
    id: "certificateRegisterNumber",
    label: "Số vào sổ cấp giấy",
    type: "text" as const,
    required: true,
    help: "Ví dụ: CH01571",
  },
  { id: "certificateIssuer", label: "Cơ quan cấp", type: "text" as const, required: true },
  { id: "certificateIssuedOn", label: "Ngày cấp", type: "date" as const, required: true },
];
