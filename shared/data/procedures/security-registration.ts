/**
 * 1.011441 Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất.
 * Source: docs/domain/procedures.md#security-interest-registration-1011441 (Decree 99/2022 Art. 10, 12, 16, 27, 35; portal e-forms of
 * Lào Cai, Bắc Ninh, Đà Nẵng). The form field list must be proof-read against the official Mẫu số 01a.
 */
import type { CaseFlag, FormDefinition, ProcedureVersion, RequiredDocument } from "../../procedures/procedure-version.js";
import {
  certificateColumns, civilCodeBasis, decree151Basis, decree99Basis, decree99ConsolidatedBasis, decree99Flags, decree99TimeLimit,
  landLaw2013And2024, landLaw2024, landOfficeBody2023, landOfficeBody2025, landOfficeRecipientField, oneStop2018Basis, oneStop2025Basis,
  receivedAtCommune2025, receivedAtDistrict2023, securitySector,
} from "./decree-99-common.js";

const CODE = "1.011441";
const NAME = "Đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất";
const FORM_SOURCE = "Tái hiện Mẫu 01a trên cổng DVC Lào Cai, Bắc Ninh, Đà Nẵng và đặc tả hệ thống đăng ký (docs/domain/procedures.md#security-interest-registration-1011441)";

const ASSET_5_1 = "5.1 Quyền sử dụng đất";
const ASSET_5_2 = "5.2 Tài sản gắn liền với đất đã được chứng nhận quyền sở hữu";
const ASSET_5_3 = "5.3 Dự án đầu tư xây dựng nhà ở, dự án đầu tư xây dựng công trình không phải là nhà ở, dự án đầu tư nông nghiệp, dự án phát triển rừng, dự án khác có sử dụng đất";
const ASSET_5_4 = "5.4 Nhà ở hình thành trong tương lai, tài sản khác gắn liền với đất hình thành trong tương lai";
const ASSET_5_5 = "5.5 Tài sản gắn liền với đất đã hình thành không phải là nhà ở mà pháp luật không quy định phải đăng ký quyền sở hữu và cũng chưa được đăng ký quyền sở hữu theo yêu cầu";
const LAND_USER_SPLIT = ["Bên bảo đảm đồng thời là người sử dụng đất", "Bên bảo đảm không đồng thời là người sử dụng đất"];
const LEGAL_DOC_TYPES = ["Chứng minh nhân dân / Căn cước công dân / Chứng minh quân đội", "Hộ chiếu", "Thẻ thường trú", "Mã số thuế"];

export const form01a: FormDefinition = {
  formCode: "01a",
  title: "Phiếu yêu cầu đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất",
  legalSource: "Mẫu số 01a, Phụ lục ban hành kèm theo Nghị định 99/2022/NĐ-CP",
  sections: [
    { id: "header", label: "Kính gửi" },
    { id: "applicant", label: "1. Người yêu cầu đăng ký" },
    { id: "contract", label: "2. Hợp đồng bảo đảm" },
    { id: "guarantor", label: "3. Bên bảo đảm" },
    { id: "securedParty", label: "4. Bên nhận bảo đảm" },
    { id: "asset", label: "5. Mô tả tài sản bảo đảm" },
    { id: "attachments", label: "6. Giấy tờ kèm theo" },
    { id: "result", label: "7. Phương thức nhận kết quả" },
  ],
  fields: [
    landOfficeRecipientField,
    { id: "applicantRole", section: "applicant", label: "Tư cách người yêu cầu đăng ký", type: "choice", required: true,
      options: ["Bên bảo đảm", "Bên nhận bảo đảm", "Quản tài viên/Doanh nghiệp quản lý, thanh lý tài sản", "Chi nhánh của pháp nhân, người đại diện"],
      help: "Đánh dấu vào ô tương ứng", evidence: "U", toVerify: true },
    { id: "applicantName", section: "applicant", label: "Họ và tên đầy đủ / Tên tổ chức (viết chữ in hoa)", type: "text", required: true,
      uppercase: true, personal: true, maxLength: 200, requiredMessage: "Vui lòng nhập họ và tên đầy đủ hoặc tên tổ chức" },
    { id: "applicantAddress", section: "applicant", label: "Địa chỉ liên hệ", type: "text", required: true, personal: true, maxLength: 300,
      help: "Ghi theo đơn vị hành chính hiện hành (xã/phường, tỉnh/thành phố)" },
    { id: "applicantPhone", section: "applicant", label: "Số điện thoại", type: "phone", required: true, personal: true },
    { id: "applicantFax", section: "applicant", label: "Fax (nếu có)", type: "text", maxLength: 20 },
    { id: "applicantEmail", section: "applicant", label: "Thư điện tử (nếu có)", type: "email", personal: true },
    { id: "contractName", section: "contract", label: "Tên hợp đồng", type: "text", maxLength: 200, evidence: "S",
      help: "Một số biểu mẫu điện tử có dòng này" },
    { id: "contractNumber", section: "contract", label: "Số hợp đồng (nếu có)", type: "text", maxLength: 100 },
    { id: "contractEffectiveDate", section: "contract", label: "Thời điểm có hiệu lực", type: "date", required: true, requiredMessage: "Vui lòng nhập thời điểm có hiệu lực của hợp đồng",
      help: "Ngày … tháng … năm …" },
    { id: "guarantors", section: "guarantor", label: "Bên bảo đảm", type: "repeat", required: true, minItems: 1, maxItems: 20,
      help: "Kê khai lặp lại cho từng bên bảo đảm (ví dụ: vợ và chồng cùng đứng tên)",
      itemFields: [
        { id: "name", label: "3.1 Tên đầy đủ (viết chữ in hoa)", type: "text", required: true, uppercase: true, personal: true, maxLength: 200,
          requiredMessage: "Vui lòng nhập tên đầy đủ của bên bảo đảm" },
        { id: "address", label: "3.2 Địa chỉ", type: "text", required: true, personal: true, maxLength: 300 },
        { id: "legalDocType", label: "3.3 Giấy tờ xác định tư cách pháp lý", type: "choice", required: true, options: LEGAL_DOC_TYPES },
        { id: "legalDocNumber", label: "Số", type: "text", required: true, personal: true, maxLength: 30,
          requiredMessage: "Vui lòng nhập số giấy tờ xác định tư cách pháp lý của bên bảo đảm" },
        { id: "legalDocIssuer", label: "Cơ quan cấp", type: "text", required: true, maxLength: 200 },
        { id: "legalDocIssuedOn", label: "Ngày cấp", type: "date", required: true },
      ] },
    { id: "securedPartyName", section: "securedParty", label: "4.1 Tên đầy đủ (viết chữ in hoa)", type: "text", required: true, uppercase: true,
      personal: true, maxLength: 200, requiredMessage: "Vui lòng nhập tên bên nhận bảo đảm" },
    { id: "securedPartyAddress", section: "securedParty", label: "4.2 Địa chỉ", type: "text", required: true, personal: true, maxLength: 300 },
    { id: "securedPartyDocType", section: "securedParty", label: "4.3 Giấy tờ xác định tư cách pháp lý", type: "choice", required: true,
      options: LEGAL_DOC_TYPES, help: "Tổ chức tín dụng thường ghi Mã số thuế (chi nhánh có hậu tố -xxx)" },
    { id: "securedPartyDocNumber", section: "securedParty", label: "Số", type: "text", required: true, personal: true, maxLength: 30,
      requiredMessage: "Vui lòng nhập số giấy tờ xác định tư cách pháp lý của bên nhận bảo đảm" },
    { id: "securedPartyDocIssuer", section: "securedParty", label: "Cơ quan cấp", type: "text", maxLength: 200 },
    { id: "securedPartyDocIssuedOn", section: "securedParty", label: "Ngày cấp", type: "date" },
    { id: "assetTypes", section: "asset", label: "Loại tài sản bảo đảm", type: "multiChoice", required: true,
      options: [ASSET_5_1, ASSET_5_2, ASSET_5_3, ASSET_5_4, ASSET_5_5], help: "Đánh dấu vào ô tương ứng; mục 5.3 – 5.5 không thuộc Ngày không hẹn" },
    { id: "landParcels", section: "asset", label: ASSET_5_1, type: "table", requiredWhen: { field: "assetTypes", is: ASSET_5_1 }, minItems: 1,
      itemFields: [
        { id: "parcelNumber", label: "Thửa đất số", type: "text", required: true, maxLength: 20 },
        { id: "mapSheetNumber", label: "Tờ bản đồ số (nếu có)", type: "text", maxLength: 20 },
        { id: "landUsePurpose", label: "Mục đích sử dụng đất", type: "text", required: true, maxLength: 200 },
        { id: "landUseTerm", label: "Thời hạn sử dụng đất", type: "text", required: true, maxLength: 100 },
        { id: "parcelAddress", label: "Địa chỉ thửa đất", type: "text", required: true, maxLength: 300 },
        { id: "area", label: "Diện tích (m²)", type: "text", maxLength: 30, evidence: "S", help: "Một số cổng trích xuất thêm diện tích" },
        ...certificateColumns,
      ] },
    { id: "certifiedAssets", section: "asset", label: ASSET_5_2, type: "table", requiredWhen: { field: "assetTypes", is: ASSET_5_2 }, minItems: 1,
      itemFields: [
        ...certificateColumns,
        { id: "parcelNumber", label: "Số của thửa đất nơi có tài sản", type: "text", required: true, maxLength: 20 },
        { id: "mapSheetNumber", label: "Tờ bản đồ số", type: "text", maxLength: 20 },
      ] },
    { id: "projects", section: "asset", label: ASSET_5_3, type: "table", requiredWhen: { field: "assetTypes", is: ASSET_5_3 }, minItems: 1,
      itemFields: [
        { id: "landDocument", label: "Giấy chứng nhận hoặc Quyết định giao đất, cho thuê đất (tên, số, ngày cấp, cơ quan cấp)", type: "text", required: true, maxLength: 300 },
        { id: "parcelNumber", label: "Số thửa", type: "text", maxLength: 20 },
        { id: "projectName", label: "Tên dự án", type: "text", required: true, maxLength: 300 },
        { id: "projectLegalBasis", label: "Căn cứ pháp lý xác lập dự án", type: "text", maxLength: 300 },
      ] },
    { id: "futureAssets", section: "asset", label: ASSET_5_4, type: "table", requiredWhen: { field: "assetTypes", is: ASSET_5_4 }, minItems: 1,
      itemFields: [
        { id: "landUserSplit", label: "Bên bảo đảm và người sử dụng đất", type: "choice", required: true, options: LAND_USER_SPLIT },
        { id: "landCertificate", label: "Giấy chứng nhận quyền sử dụng đất (khi bên bảo đảm đồng thời là người sử dụng đất)", type: "text", maxLength: 200 },
        { id: "parcelNumber", label: "Số thửa", type: "text", maxLength: 20 },
        { id: "description", label: "Mô tả tài sản", type: "textarea", required: true, maxLength: 2000 },
      ] },
    { id: "formedAssets", section: "asset", label: ASSET_5_5, type: "table", requiredWhen: { field: "assetTypes", is: ASSET_5_5 }, minItems: 1,
      itemFields: [
        { id: "landUserSplit", label: "Bên bảo đảm và người sử dụng đất", type: "choice", required: true, options: LAND_USER_SPLIT },
        { id: "description", label: "Mô tả tài sản", type: "textarea", required: true, maxLength: 2000 },
      ] },
    { id: "attachments", section: "attachments", label: "Giấy tờ kèm theo", type: "textarea", required: true, maxLength: 2000,
      help: "Liệt kê giấy tờ nộp kèm, ghi rõ số Giấy chứng nhận và số hợp đồng" },
    { id: "resultByPost", section: "result", label: "Nhận kết quả qua dịch vụ bưu chính công ích (VNPOST)", type: "checkbox", evidence: "S",
      help: "Không đánh dấu: nhận trực tiếp tại nơi nộp hồ sơ" },
  ],
  printedNotes: [
    "Ô \"PHẦN GHI CỦA CƠ QUAN ĐĂNG KÝ\": thời điểm nhận hồ sơ (giờ, phút, ngày, tháng, năm), số thứ tự/quyển số, cán bộ tiếp nhận ký [U]",
    "Cam kết của người yêu cầu về tính trung thực của thông tin kê khai [U]",
    "BÊN BẢO ĐẢM (HOẶC NGƯỜI ĐẠI DIỆN …) và BÊN NHẬN BẢO ĐẢM (HOẶC NGƯỜI ĐẠI DIỆN …): ký, ghi rõ họ tên, đóng dấu (nếu có)",
    "Phần chứng nhận của cơ quan đăng ký, ghi thời điểm đăng ký (Điều 35 khoản 1)",
  ],
  source: FORM_SOURCE,
  evidence: "S",
  toVerify: true,
};

const requiredDocuments: RequiredDocument[] = [
  { id: "request_form", name: "Phiếu yêu cầu đăng ký theo Mẫu số 01a", kind: "original", count: 1, always: true,
    source: "Nghị định 99/2022/NĐ-CP, Điều 27 khoản 1", evidence: "V" },
  { id: "security_contract", name: "Hợp đồng bảo đảm hoặc hợp đồng bảo đảm có công chứng, chứng thực trong trường hợp Luật Đất đai, Luật Nhà ở, luật khác có liên quan quy định",
    kind: "original_or_certified_copy", count: 1, always: true, source: "Nghị định 99/2022/NĐ-CP, Điều 27 (văn bản hợp nhất 05/VBHN-BTP)", evidence: "S" },
  { id: "land_certificate", name: "Bản gốc Giấy chứng nhận", kind: "original", count: 1, always: true,
    condition: "Trừ trường hợp quy định tại khoản 2 Điều 35", source: "Nghị định 99/2022/NĐ-CP, Điều 27 (văn bản hợp nhất 05/VBHN-BTP)", evidence: "S" },
  { id: "representation_document", name: "Văn bản về việc đại diện (văn bản ủy quyền, giấy giới thiệu)", kind: "original_or_copy", count: 1, always: false,
    condition: "Khi nộp hồ sơ thông qua người đại diện (ví dụ cán bộ ngân hàng)", source: "Cổng DVC Đà Nẵng, Bắc Ninh (dòng thành phần có điều kiện)", evidence: "S" },
];

const caseFlags: CaseFlag[] = [
  ...decree99Flags,
  { id: "bank_consent_missing", label: "Phiếu yêu cầu chưa có chữ ký, con dấu của bên nhận bảo đảm", excludesSameDay: true, excludesAssistedWriting: false,
    note: "Hồ sơ chưa đầy đủ: hướng dẫn bổ sung (Mẫu 02), không trả trong ngày.", source: "Nghị định 99/2022/NĐ-CP, Điều 12 khoản 1; docs/domain/procedures.md#security-interest-registration-1011441", evidence: "S" },
  { id: "asset_info_changed", label: "Thông tin bên bảo đảm hoặc tài sản đã thay đổi so với Giấy chứng nhận (cần đăng ký biến động)",
    excludesSameDay: true, excludesAssistedWriting: false, note: "Đăng ký biến động đất đai trước hoặc đồng thời (Điều 36); thời hạn dài hơn.",
    source: "Nghị định 99/2022/NĐ-CP, Điều 36 (khoản đầu)", evidence: "V" },
  { id: "asset_type_5_3_to_5_5", label: "Tài sản thuộc mục 5.3 – 5.5 (dự án, nhà ở hình thành trong tương lai, tài sản chưa đăng ký quyền sở hữu)",
    excludesSameDay: true, excludesAssistedWriting: false, note: "Điều 28 – 31 yêu cầu thêm giấy tờ; không thuộc Ngày không hẹn trừ khi cấu hình.",
    source: "Nghị định 99/2022/NĐ-CP, Điều 28 – 31 (tên điều)", evidence: "V" },
  { id: "joint_or_extra_assets", label: "Đất thuộc sở hữu chung hoặc hợp đồng có tài sản ngoài đất", excludesSameDay: false, excludesAssistedWriting: false,
    note: "Không từ chối theo Điều 15 khoản 1 điểm d; đăng ký theo nội dung kê khai (Điều 37). Cán bộ kiểm tra kỹ hơn.",
    source: "Nghị định 99/2022/NĐ-CP, Điều 37 (khoản đầu)", evidence: "V" },
];

const shared = {
  code: CODE,
  name: NAME,
  sector: securitySector,
  requiredDocuments,
  form: form01a,
  timeLimit: decree99TimeLimit,
  caseFlags,
  result: {
    name: "Phiếu yêu cầu có chứng nhận của cơ quan đăng ký (nội dung và thời điểm đăng ký) và Giấy chứng nhận đã ghi nội dung đăng ký thế chấp",
    source: "Nghị định 99/2022/NĐ-CP, Điều 35 khoản 1, Điều 17", evidence: "V" as const,
  },
};

export const securityRegistration2023: ProcedureVersion = {
  ...shared,
  id: `${CODE}@2023-01-15`,
  validFrom: "2023-01-15",
  validTo: "2025-06-30",
  receivingLevels: ["district"],
  receivingBody: receivedAtDistrict2023,
  competentBody: landOfficeBody2023,
  legalBasis: [civilCodeBasis, landLaw2013And2024, decree99Basis, decree99ConsolidatedBasis, oneStop2018Basis],

  note: "Hiệu lực từ ngày Nghị định 99/2022 có hiệu lực (15/01/2023, cần kiểm tra). Kế hoạch Đắk Nông 2023 xếp thủ tục ở cấp huyện vì Chi nhánh VPĐKĐĐ đặt tại Bộ phận một cửa cấp huyện.",
};

export const securityRegistration2025: ProcedureVersion = {
  ...shared,
  id: `${CODE}@2025-07-01`,
  validFrom: "2025-07-01",
  receivingLevels: ["commune"],
  receivingBody: receivedAtCommune2025,
  competentBody: landOfficeBody2025,
  legalBasis: [civilCodeBasis, landLaw2024, decree99Basis, decree99ConsolidatedBasis, decree151Basis, oneStop2025Basis],

  note: "Từ 01/7/2025 không còn cấp huyện: Bộ phận một cửa cấp xã tiếp nhận và chuyển hồ sơ, Văn phòng đăng ký đất đai hoặc Chi nhánh quyết định.",
};
