/**
 * 1.011443 Xóa đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất.
 * Source: docs/domain/procedures.md#deletion-of-a-security-interest-registration-1011443 (Decree 99/2022 Art. 16, 20, 33, 35; extraction schemas built on
 * filled Phiếu 03a from Lào Cai, Bắc Ninh, Đà Nẵng). Printed wording of Mẫu 03a is unverified.
 */
import type { CaseFlag, FormDefinition, ProcedureVersion, RequiredDocument } from "../../procedures/procedure-version.js";
import {
  certificateColumns, civilCodeBasis, decree151Basis, decree99Basis, decree99ConsolidatedBasis, decree99Flags, decree99TimeLimit,
  landLaw2013And2024, landLaw2024, landOfficeBody2023, landOfficeBody2025, landOfficeRecipientField, oneStop2018Basis, oneStop2025Basis,
  receivedAtCommune2025, receivedAtDistrict2023, securitySector,
} from "./decree-99-common.js";

const CODE = "1.011443";
const NAME = "Xóa đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất";

export const form03a: FormDefinition = {
  formCode: "03a",
  title: "Phiếu yêu cầu xóa đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất",
  legalSource: "Mẫu số 03a, Phụ lục ban hành kèm theo Nghị định 99/2022/NĐ-CP",
  sections: [
    { id: "header", label: "Kính gửi" },
    { id: "applicant", label: "1. Người yêu cầu xóa đăng ký" },
    { id: "ground", label: "2. Căn cứ xóa đăng ký" },
    { id: "registration", label: "3. Thông tin về biện pháp bảo đảm, tài sản đã đăng ký" },
    { id: "fee", label: "4. Phí" },
    { id: "attachments", label: "5. Giấy tờ kèm theo" },
  ],
  fields: [
    { ...landOfficeRecipientField, help: "Ví dụ: Chi nhánh Văn phòng đăng ký đất đai khu vực …" },
    { id: "applicantRole", section: "applicant", label: "Tư cách người yêu cầu xóa đăng ký", type: "choice", required: true,
      options: ["Bên bảo đảm", "Bên nhận bảo đảm", "Người nhận chuyển giao tài sản bảo đảm", "Quản tài viên", "Cơ quan thi hành án", "Khác"],
      help: "Đánh dấu vào ô tương ứng", evidence: "U", toVerify: true },
    { id: "applicantName", section: "applicant", label: "Họ và tên / Tên tổ chức", type: "text", required: true, uppercase: true,
      personal: true, maxLength: 200, requiredMessage: "Vui lòng nhập họ và tên hoặc tên tổ chức" },
    { id: "representativeName", section: "applicant", label: "Họ và tên người đại diện", type: "text", personal: true, maxLength: 100 },
    { id: "applicantAddress", section: "applicant", label: "Địa chỉ", type: "text", required: true, personal: true, maxLength: 300 },
    { id: "applicantDocNumber", section: "applicant", label: "Số Căn cước công dân (hoặc mã số thuế)", type: "text", required: true,
      personal: true, maxLength: 20, pattern: "^(\\d{12}|\\d{10}(-\\d{3})?)$",
      patternMessage: "Ghi số định danh cá nhân (12 chữ số) hoặc mã số thuế (10 chữ số, chi nhánh thêm -xxx)" },
    { id: "applicantDocIssuedOn", section: "applicant", label: "Ngày cấp", type: "date" },
    { id: "applicantDocIssuer", section: "applicant", label: "Nơi cấp", type: "text", maxLength: 200 },
    { id: "applicantPhone", section: "applicant", label: "Số điện thoại", type: "phone", required: true, personal: true },
    { id: "applicantFax", section: "applicant", label: "Fax (nếu có)", type: "text", maxLength: 20 },
    { id: "applicantEmail", section: "applicant", label: "Thư điện tử (nếu có)", type: "email", personal: true },
    { id: "deletionGround", section: "ground", label: "Căn cứ xóa đăng ký", type: "choice", required: true, evidence: "S", toVerify: true,
      options: [
        "Chấm dứt nghĩa vụ được bảo đảm",
        "Hủy bỏ hoặc thay thế biện pháp bảo đảm",
        "Tài sản bảo đảm đã được xử lý xong",
        "Theo bản án, quyết định của Tòa án hoặc cơ quan có thẩm quyền",
        "Bên nhận bảo đảm đồng ý xóa đăng ký",
        "Căn cứ khác",
      ],
      // The list follows the registration system's specification; Decree 99/2022 Art. 20(1) has more grounds (toVerify).
      help: "Chọn căn cứ xóa đăng ký; trường hợp khác chọn \"Căn cứ khác\" và ghi rõ" },
    { id: "deletionGroundDetail", section: "ground", label: "Căn cứ khác (ghi rõ)", type: "textarea", maxLength: 1000,
      requiredWhen: { field: "deletionGround", is: "Căn cứ khác" } },
    ...certificateColumns.map((c) => ({ ...c, section: "registration" })),
    { id: "parcelNumber", section: "registration", label: "Thửa đất số", type: "text", maxLength: 20 },
    { id: "mapSheetNumber", section: "registration", label: "Tờ bản đồ số", type: "text", maxLength: 20 },
    { id: "parcelAddress", section: "registration", label: "Địa chỉ thửa đất", type: "text", maxLength: 300 },
    { id: "feeNote", section: "fee", label: "Phí", type: "text", maxLength: 200, evidence: "S", toVerify: true,
      help: "Ghi số phí đã nộp hoặc thuộc trường hợp không phải nộp" },
    { id: "attachments", section: "attachments", label: "Giấy tờ kèm theo", type: "textarea", required: true, maxLength: 2000 },
  ],
  printedNotes: [
    "Ô ghi của cơ quan đăng ký như Mẫu 01a [U]",
    "BÊN BẢO ĐẢM (HOẶC NGƯỜI ĐẠI DIỆN …) và BÊN NHẬN BẢO ĐẢM (HOẶC NGƯỜI ĐẠI DIỆN …): chữ ký, họ tên, chức vụ, con dấu",
    "Chứng nhận xóa đăng ký của cơ quan đăng ký [U]",
  ],
  source: "Lược đồ trích xuất Phiếu 03a thực tế (Lào Cai, Bắc Ninh, Đà Nẵng); docs/domain/procedures.md#deletion-of-a-security-interest-registration-1011443",
  evidence: "S",
  toVerify: true,
};

const requiredDocuments: RequiredDocument[] = [
  { id: "request_form", name: "Phiếu yêu cầu xóa đăng ký theo Mẫu số 03a", kind: "original", count: 1, always: true,
    source: "Nghị định 99/2022/NĐ-CP, Điều 33 khoản 1", evidence: "V" },
  { id: "land_certificate", name: "Bản gốc Giấy chứng nhận", kind: "original", count: 1, always: false,
    condition: "Khi biện pháp bảo đảm đã được ghi trên Giấy chứng nhận (trường hợp thông thường)", source: "Cổng DVC Đà Nẵng, Lào Cai", evidence: "S" },
  { id: "consent_to_deletion", name: "Văn bản đồng ý xóa đăng ký biện pháp bảo đảm (xác nhận giải chấp) của bên nhận bảo đảm",
    kind: "original_or_certified_copy", count: 1, always: false,
    condition: "Khi người yêu cầu là bên bảo đảm và Phiếu yêu cầu không có chữ ký, con dấu của bên nhận bảo đảm",
    source: "Cổng DVC Đà Nẵng, Lào Cai", evidence: "S" },
  { id: "representation_document", name: "Văn bản có nội dung về đại diện (văn bản ủy quyền)", kind: "copy", count: 1, always: false,
    condition: "Khi nộp hồ sơ thông qua người đại diện", source: "Cổng DVC Đà Nẵng", evidence: "S" },
  { id: "ground_documents", name: "Bản án, quyết định hoặc giấy tờ khác chứng minh căn cứ xóa đăng ký", kind: "copy", count: 1, always: false,
    condition: "Tùy căn cứ xóa đăng ký", source: "docs/domain/procedures.md#deletion-of-a-security-interest-registration-1011443", evidence: "U", toVerify: true },
];

const caseFlags: CaseFlag[] = [
  ...decree99Flags,
  { id: "bank_consent_missing", label: "Chưa có chữ ký, con dấu của bên nhận bảo đảm và không có văn bản đồng ý xóa đăng ký",
    excludesSameDay: true, excludesAssistedWriting: false, note: "Hồ sơ chưa đầy đủ: yêu cầu bổ sung (Mẫu 02), không trả trong ngày.",
    source: "docs/domain/procedures.md#deletion-of-a-security-interest-registration-1011443", evidence: "S" },
  { id: "owner_differs_from_certificate", label: "Người sử dụng đất hiện tại khác người đứng tên trang 1 Giấy chứng nhận",
    excludesSameDay: false, excludesAssistedWriting: false, note: "Điền thông tin theo mục IV (Những thay đổi sau khi cấp), không theo trang 1.",
    source: "docs/domain/procedures.md#deletion-of-a-security-interest-registration-1011443", evidence: "S" },
  { id: "co_guarantor_absent", label: "Đồng bên bảo đảm (vợ/chồng) không cùng ký và không có văn bản ủy quyền",
    excludesSameDay: true, excludesAssistedWriting: false, note: "Tất cả bên bảo đảm phải ký hoặc ủy quyền.",
    source: "docs/domain/procedures.md#deletion-of-a-security-interest-registration-1011443", evidence: "U", toVerify: true },
  { id: "court_or_enforcement_ground", label: "Xóa theo bản án, quyết định của Tòa án, cơ quan thi hành án hoặc sau khi xử lý tài sản",
    excludesSameDay: true, excludesAssistedWriting: false, note: "Cần thêm giấy tờ và thường phải xác minh.",
    source: "docs/domain/procedures.md#deletion-of-a-security-interest-registration-1011443", evidence: "S" },
];

const shared = {
  code: CODE,
  name: NAME,
  sector: securitySector,
  requiredDocuments,
  form: form03a,
  timeLimit: decree99TimeLimit,
  caseFlags,
  result: {
    name: "Phiếu yêu cầu xóa đăng ký có chứng nhận của cơ quan đăng ký; bản gốc Giấy chứng nhận đã ghi nội dung xóa đăng ký (mục IV)",
    source: "docs/domain/procedures.md#deletion-of-a-security-interest-registration-1011443", evidence: "S" as const,
  },
};

export const securityDeletion2023: ProcedureVersion = {
  ...shared,
  id: `${CODE}@2023-01-15`,
  validFrom: "2023-01-15",
  validTo: "2025-06-30",
  receivingLevels: ["district"],
  receivingBody: receivedAtDistrict2023,
  competentBody: landOfficeBody2023,
  // The same legal basis as 1.011441 (registration), with the articles on deletion.
  legalBasis: [civilCodeBasis, landLaw2013And2024, { ...decree99Basis, articles: "Điều 16, 20, 33, 35" }, decree99ConsolidatedBasis, oneStop2018Basis],

  note: "Hiệu lực từ ngày Nghị định 99/2022 có hiệu lực (15/01/2023, cần kiểm tra).",
};

export const securityDeletion2025: ProcedureVersion = {
  ...shared,
  id: `${CODE}@2025-07-01`,
  validFrom: "2025-07-01",
  receivingLevels: ["commune"],
  receivingBody: receivedAtCommune2025,
  competentBody: landOfficeBody2025,
  // The same legal basis as 1.011441 (registration), with the articles on deletion.
  legalBasis: [civilCodeBasis, landLaw2024, { ...decree99Basis, articles: "Điều 16, 20, 33, 35" }, decree99ConsolidatedBasis, decree151Basis, oneStop2025Basis],

  note: "Từ 01/7/2025: Bộ phận một cửa cấp xã tiếp nhận và chuyển hồ sơ; Văn phòng đăng ký đất đai hoặc Chi nhánh giải quyết.",
};
