/**
 * 1.001612 Đăng ký thành lập hộ kinh doanh.
 * Source: docs/domain/procedures.md#legal-changes-since-2023, #household-business-registration-1001612 (Decree 01/2021 Art. 87; Decree 168/2025; TT 02/2023/TT-BKHĐT
 * Phụ lục III-1; TT 68/2025/TT-BTC Phụ lục II Mẫu số 1, from public print reproductions).
 * Versions by legal date: Circular 01/2021/TT-BKHĐT form until 30/06/2023 (Circular 02/2023/TT-BKHĐT in force from
 * 01/07/2023); no "Chứng minh nhân dân" from 01/01/2025; two-level units from 01/07/2025; no lump-sum ("khoán") tax
 * method from 01/01/2026 (Resolution 198/2025/QH15).
 */
import type {
  CaseFlag,
  FormColumn,
  FormDefinition,
  FormField,
  ProcedureVersion,
} from "../../procedures/procedure-version.js";
import { CMND_END_SOURCE, withoutCmnd } from "./identity-documents.js";

const CODE = "1.001612";
const NAME = "Đăng ký thành lập hộ kinh doanh";
const MEMBERS = "Các thành viên hộ gia đình";
const SEX = ["Nam", "Nữ"];
const BUSINESS_NAME_PATTERN = "^HỘ KINH DOANH \\S";
const BUSINESS_NAME_MESSAGE = 'Tên hộ kinh doanh phải bắt đầu bằng "HỘ KINH DOANH" và có tên riêng';

const sector: ProcedureVersion["sector"] = {
  name: "Thành lập và hoạt động của hộ kinh doanh",
  source: "Cổng Dịch vụ công quốc gia (lĩnh vực) – chưa đối chiếu trực tiếp",
  evidence: "U",
  toVerify: true,
};

/** Three address lines of the 2025 forms (2-level units: xã/phường/đặc khu → tỉnh). */
function addressLines(
  prefix: string,
  section: string,
  required: boolean,
  help: string,
  whose: string,
  printBefore?: string,
): FormField[] {
  return [
    {
      id: `${prefix}Street`,
      section,
      label: "Số nhà/phòng, ngách/hẻm, ngõ/kiệt, đường/phố/đại lộ, tổ/xóm/ấp/thôn",
      type: "text",
      required,
      maxLength: 200,
      help,
      ...(printBefore ? { printBefore } : {}),
      requiredMessage: `Vui lòng nhập số nhà, đường phố, tổ/thôn ${whose}`,
    },
    {
      id: `${prefix}Commune`,
      section,
      label: "Xã/Phường/Đặc khu",
      type: "text",
      required,
      maxLength: 100,
      help,
      requiredMessage: `Vui lòng nhập xã/phường/đặc khu ${whose}`,
    },
    {
      id: `${prefix}Province`,
      section,
      label: "Tỉnh/Thành phố trực thuộc trung ương",
      type: "text",
      required,
      maxLength: 100,
      help,
      requiredMessage: `Vui lòng nhập tỉnh/thành phố ${whose}`,
    },
  ];
}

const businessLinesField: FormField = {
  id: "businessLines",
  section: "lines",
  label: "Ngành, nghề kinh doanh",
  type: "table",
  required: true,
  minItems: 1,
  maxItems: 50,
  exactlyOneTrue: "isMain",
  help: "Đánh dấu đúng một ngành, nghề kinh doanh chính",
  itemFields: [
    { id: "name", label: "Tên ngành", type: "text", required: true, maxLength: 300 },
    {
      id: "code",
      label: "Mã ngành",
      type: "text",
      required: true,
      pattern: "^\\d{4}$",
      patternMessage: "Mã ngành gồm 4 chữ số (ngành cấp 4 trong Hệ thống ngành kinh tế Việt Nam)",
      evidence: "U",
      toVerify: true,
    },
    { id: "detail", label: "Chi tiết", type: "text", maxLength: 500 },
    { id: "isMain", label: "Ngành, nghề kinh doanh chính", type: "checkbox" },
  ],
};

const founderTypeField: FormField = {
  id: "founderType",
  section: "founder",
  label: "Chủ thể thành lập hộ kinh doanh",
  type: "choice",
  required: true,
  options: ["Cá nhân", MEMBERS],
  help: "Đánh dấu X vào ô thích hợp",
};

const locationsColumns: FormColumn[] = [
  { id: "name", label: "Tên địa điểm kinh doanh", type: "text", required: true, maxLength: 200 },
  { id: "province", label: "Tỉnh/Thành phố", type: "text", required: true, maxLength: 100 },
  { id: "commune", label: "Xã/Phường/Đặc khu", type: "text", required: true, maxLength: 100 },
  { id: "street", label: "Số nhà, đường phố/tổ/xóm/ấp/thôn", type: "text", maxLength: 200 },
  { id: "startDate", label: "Ngày bắt đầu hoạt động", type: "date" },
];

const vatMethodField: FormField = {
  id: "vatMethod",
  section: "tax",
  label: "Phương pháp tính thuế GTGT (chọn 1 trong 2 phương pháp)",
  type: "choice",
  options: ["Phương pháp kê khai", "Phương pháp khoán"],
};

/** Thuế khoán and lệ phí môn bài of household businesses end on 01/01/2026. */
const NO_LUMP_SUM_SOURCE =
  "Nghị quyết 198/2025/QH15 (bãi bỏ thuế khoán, lệ phí môn bài đối với hộ kinh doanh từ 01/01/2026), theo báo chí và mã nguồn công khai: " +
  "https://hatinh24h.com.vn/xoa-bo-thue-khoan-ho-kinh-doanh-se-duoc-phan-loai-the-nao-tu-112026-a192811.html";

export const form2025: FormDefinition = {
  formCode: "Mẫu số 1 Phụ lục II",
  title: "Giấy đề nghị đăng ký hộ kinh doanh",
  legalSource: "Mẫu số 1, Phụ lục II ban hành kèm theo Thông tư 68/2025/TT-BTC",
  sections: [
    { id: "header", label: "Kính gửi" },
    { id: "owner", label: "Thông tin chủ hộ kinh doanh", heading: false },
    {
      id: "ownerFallback",
      label:
        "Trường hợp việc kết nối giữa Cơ sở dữ liệu về đăng ký hộ kinh doanh với Cơ sở dữ liệu quốc gia về dân cư bị gián đoạn thì đề nghị kê khai thêm các thông tin cá nhân dưới đây",
    },
    { id: "name", label: "1. Tên hộ kinh doanh" },
    { id: "office", label: "2. Trụ sở của hộ kinh doanh" },
    { id: "lines", label: "3. Ngành, nghề kinh doanh" },
    { id: "capital", label: "4. Vốn kinh doanh" },
    { id: "tax", label: "5. Thông tin đăng ký thuế" },
    { id: "founder", label: "6. Chủ thể thành lập hộ kinh doanh" },
    { id: "members", label: "7. Thông tin về các thành viên hộ gia đình đăng ký hộ kinh doanh" },
  ],
  fields: [
    {
      id: "recipientOffice",
      section: "header",
      label: "Kính gửi",
      type: "text",
      required: true,
      requiredMessage: "Vui lòng nhập tên cơ quan nhận hồ sơ (Kính gửi)",
      help: "Cơ quan đăng ký kinh doanh cấp xã",
    },
    {
      id: "ownerName",
      section: "owner",
      label: "Tôi là (ghi họ tên bằng chữ in hoa)",
      type: "text",
      required: true,
      uppercase: true,
      personal: true,
      maxLength: 100,
      requiredMessage: "Vui lòng nhập họ và tên chủ hộ kinh doanh",
    },
    {
      id: "ownerBirthDate",
      section: "owner",
      label: "Sinh ngày",
      type: "date",
      required: true,
      personal: true,
      requiredMessage: "Vui lòng nhập ngày sinh",
    },
    {
      id: "ownerSex",
      section: "owner",
      label: "Giới tính",
      type: "choice",
      required: true,
      personal: true,
      options: SEX,
    },
    {
      id: "ownerPersonalIdNumber",
      section: "owner",
      label: "Số định danh cá nhân",
      type: "idNumber",
      required: true,
      personal: true,
    },
    { id: "ownerPhone", section: "owner", label: "Điện thoại (nếu có)", type: "phone", personal: true },
    { id: "ownerEmail", section: "owner", label: "Thư điện tử (nếu có)", type: "email", personal: true },
    { id: "ownerEthnicity", section: "ownerFallback", label: "Dân tộc", type: "text", personal: true, maxLength: 50 },
    {
      id: "ownerNationality",
      section: "ownerFallback",
      label: "Quốc tịch",
      type: "text",
      personal: true,
      maxLength: 50,
    },
    ...addressLines("ownerPermanent", "ownerFallback", false, "Nơi thường trú", "nơi thường trú", "Nơi thường trú").map(
      (f) => ({ ...f, personal: true }),
    ),
    ...addressLines("ownerCurrent", "ownerFallback", false, "Nơi ở hiện tại", "nơi ở hiện tại", "Nơi ở hiện tại").map(
      (f) => ({ ...f, personal: true }),
    ),
    {
      id: "businessName",
      section: "name",
      label: "Tên hộ kinh doanh viết bằng tiếng Việt (ghi bằng chữ in hoa)",
      type: "text",
      required: true,
      uppercase: true,
      maxLength: 200,
      pattern: BUSINESS_NAME_PATTERN,
      patternMessage: BUSINESS_NAME_MESSAGE,
      help: "HỘ KINH DOANH …",
    },
    {
      id: "businessNameForeign",
      section: "name",
      label: "Tên hộ kinh doanh viết bằng tiếng nước ngoài (nếu có)",
      type: "text",
      maxLength: 200,
    },
    {
      id: "businessNameAbbreviation",
      section: "name",
      label: "Tên hộ kinh doanh viết tắt (nếu có)",
      type: "text",
      maxLength: 100,
    },
    ...addressLines("office", "office", true, "Trụ sở của hộ kinh doanh", "của trụ sở"),
    { id: "officePhone", section: "office", label: "Điện thoại", type: "phone", required: true },
    { id: "officeFax", section: "office", label: "Fax (nếu có)", type: "text", maxLength: 20 },
    { id: "officeEmail", section: "office", label: "Thư điện tử (nếu có)", type: "email" },
    { id: "officeWebsite", section: "office", label: "Website (nếu có)", type: "text", maxLength: 200 },
    {
      id: "noFixedLocation",
      section: "office",
      label: "Không kinh doanh tại trụ sở",
      type: "checkbox",
      help: "Đánh dấu X vào ô này nếu hộ kinh doanh không có địa điểm kinh doanh cố định",
    },
    businessLinesField,
    {
      id: "capitalAmount",
      section: "capital",
      label: "Tổng số (bằng số; VNĐ)",
      type: "money",
      required: true,
      requiredMessage: "Vui lòng nhập tổng số vốn kinh doanh",
    },
    {
      id: "capitalInWords",
      section: "capital",
      label: "Bằng chữ",
      type: "text",
      required: true,
      maxLength: 300,
      requiredMessage: "Vui lòng ghi vốn kinh doanh bằng chữ",
    },
    ...addressLines(
      "taxNotice",
      "tax",
      false,
      "5.1 Địa chỉ nhận thông báo thuế (chỉ kê khai nếu địa chỉ nhận thông báo thuế khác địa chỉ trụ sở)",
      "nhận thông báo thuế",
      "5.1 Địa chỉ nhận thông báo thuế (chỉ kê khai nếu địa chỉ nhận thông báo thuế khác địa chỉ trụ sở)",
    ),
    { id: "taxNoticePhone", section: "tax", label: "Điện thoại (nếu có)", type: "phone" },
    { id: "taxNoticeEmail", section: "tax", label: "Thư điện tử (nếu có)", type: "email" },
    { id: "startDate", section: "tax", label: "5.2 Ngày bắt đầu hoạt động", type: "date", required: true },
    { id: "workerCount", section: "tax", label: "5.3 Tổng số lao động (dự kiến)", type: "integer", required: true },
    { ...vatMethodField, label: `5.4 ${vatMethodField.label}` },
    {
      id: "businessLocations",
      section: "tax",
      label: "Địa điểm kinh doanh của hộ kinh doanh",
      type: "table",
      maxItems: 50,
      evidence: "U",
      toVerify: true,
      // Its place on the 2025 form is to verify (evidence U above); the help stays in citizen words.
      help: "Chỉ kê khai khi có địa điểm kinh doanh khác trụ sở hộ kinh doanh",
      itemFields: locationsColumns,
    },
    founderTypeField,
    {
      id: "members",
      section: "members",
      label: "Thông tin về các thành viên hộ gia đình đăng ký hộ kinh doanh",
      type: "table",
      requiredWhen: { field: "founderType", is: MEMBERS },
      minItems: 1,
      maxItems: 30,
      help: "Chỉ kê khai khi chủ thể thành lập là các thành viên hộ gia đình; mỗi thành viên ký tại dòng của mình",
      signatureColumn: true,
      itemFields: [
        { id: "fullName", label: "Họ tên", type: "text", required: true, personal: true, maxLength: 100 },
        { id: "birthDate", label: "Ngày, tháng, năm sinh", type: "date", required: true, personal: true },
        { id: "personalIdNumber", label: "Số định danh cá nhân", type: "idNumber", required: true, personal: true },
        { id: "sex", label: "Giới tính", type: "choice", required: true, personal: true, options: SEX },
        { id: "nationality", label: "Quốc tịch", type: "text", required: true, personal: true, maxLength: 50 },
        { id: "ethnicity", label: "Dân tộc", type: "text", required: true, personal: true, maxLength: 50 },
        {
          id: "permanentResidence",
          label: "Nơi thường trú",
          type: "text",
          required: true,
          personal: true,
          maxLength: 300,
        },
        {
          id: "currentResidence",
          label: "Nơi ở hiện tại",
          type: "text",
          required: true,
          personal: true,
          maxLength: 300,
        },
      ],
    },
  ],
  printedNotes: [
    "Tôi xin cam kết: đồng ý chia sẻ thông tin từ Cơ sở dữ liệu quốc gia về dân cư; không thuộc diện cấm kinh doanh, không đồng thời là chủ hộ kinh doanh khác hoặc chủ doanh nghiệp tư nhân; trụ sở hợp pháp; chịu trách nhiệm về nội dung đăng ký",
    "CHỦ HỘ KINH DOANH (Ký và ghi họ tên); cột Chữ ký của từng thành viên hộ gia đình ở mục 7",
  ],
  source:
    "Bản in tái hiện Mẫu số 1 Phụ lục II TT 68/2025/TT-BTC trong mã nguồn công khai (docs/domain/procedures.md#household-business-registration-1001612)",
  evidence: "S",
  toVerify: true,
};

export const form2023: FormDefinition = {
  formCode: "Phụ lục III-1",
  title: "Giấy đề nghị đăng ký hộ kinh doanh",
  legalSource: "Phụ lục III-1 ban hành kèm theo Thông tư 02/2023/TT-BKHĐT",
  sections: [
    { id: "header", label: "Kính gửi" },
    { id: "owner", label: "Thông tin chủ hộ kinh doanh", heading: false },
    { id: "name", label: "1. Tên hộ kinh doanh" },
    { id: "office", label: "2. Địa chỉ trụ sở hộ kinh doanh" },
    { id: "lines", label: "3. Ngành, nghề kinh doanh" },
    { id: "capital", label: "4. Vốn kinh doanh" },
    { id: "tax", label: "5. Thông tin đăng ký thuế" },
    { id: "founder", label: "6. Chủ thể thành lập hộ kinh doanh" },
    { id: "members", label: "7. Thông tin về các thành viên hộ gia đình đăng ký hộ kinh doanh" },
  ],
  fields: [
    {
      id: "recipientOffice",
      section: "header",
      label: "Kính gửi",
      type: "text",
      required: true,
      requiredMessage: "Vui lòng nhập tên cơ quan nhận hồ sơ (Kính gửi)",
      help: "Phòng Tài chính – Kế hoạch …",
    },
    {
      id: "ownerName",
      section: "owner",
      label: "Tôi là (ghi họ tên bằng chữ in hoa)",
      type: "text",
      required: true,
      uppercase: true,
      personal: true,
      maxLength: 100,
      requiredMessage: "Vui lòng nhập họ và tên chủ hộ kinh doanh",
    },
    {
      id: "ownerBirthDate",
      section: "owner",
      label: "Sinh ngày",
      type: "date",
      required: true,
      personal: true,
      requiredMessage: "Vui lòng nhập ngày sinh",
    },
    {
      id: "ownerEthnicity",
      section: "owner",
      label: "Dân tộc",
      type: "text",
      required: true,
      personal: true,
      maxLength: 50,
    },
    {
      id: "ownerNationality",
      section: "owner",
      label: "Quốc tịch",
      type: "text",
      required: true,
      personal: true,
      maxLength: 50,
    },
    { id: "ownerTaxCode", section: "owner", label: "Mã số thuế cá nhân (nếu có)", type: "taxCode", personal: true },
    {
      id: "ownerLegalDocType",
      section: "owner",
      label: "Loại giấy tờ pháp lý của cá nhân",
      type: "choice",
      required: true,
      personal: true,
      options: ["Căn cước công dân", "Chứng minh nhân dân", "Hộ chiếu", "Loại khác"],
      evidence: "U",
      toVerify: true,
    },
    {
      id: "ownerLegalDocNumber",
      section: "owner",
      label: "Số giấy tờ pháp lý của cá nhân",
      type: "text",
      required: true,
      personal: true,
      maxLength: 20,
    },
    {
      id: "ownerLegalDocIssuedOn",
      section: "owner",
      label: "Ngày cấp",
      type: "date",
      required: true,
      requiredMessage: "Vui lòng nhập ngày cấp giấy tờ pháp lý",
    },
    {
      id: "ownerLegalDocIssuer",
      section: "owner",
      label: "Nơi cấp",
      type: "text",
      required: true,
      maxLength: 200,
      requiredMessage: "Vui lòng nhập nơi cấp giấy tờ pháp lý",
    },
    { id: "ownerLegalDocExpiry", section: "owner", label: "Có giá trị đến ngày (nếu có)", type: "date" },
    {
      id: "ownerPermanentAddress",
      section: "owner",
      label: "Địa chỉ thường trú",
      type: "text",
      required: true,
      personal: true,
      maxLength: 300,
    },
    {
      id: "ownerContactAddress",
      section: "owner",
      label: "Địa chỉ liên lạc",
      type: "text",
      required: true,
      personal: true,
      maxLength: 300,
    },
    { id: "ownerPhone", section: "owner", label: "Điện thoại (nếu có)", type: "phone", personal: true },
    { id: "ownerEmail", section: "owner", label: "Email (nếu có)", type: "email", personal: true },
    {
      id: "businessName",
      section: "name",
      label: "Tên hộ kinh doanh (ghi bằng chữ in hoa)",
      type: "text",
      required: true,
      uppercase: true,
      maxLength: 200,
      pattern: BUSINESS_NAME_PATTERN,
      patternMessage: BUSINESS_NAME_MESSAGE,
    },
    {
      id: "officeAddress",
      section: "office",
      label: "Địa chỉ trụ sở hộ kinh doanh",
      type: "text",
      required: true,
      maxLength: 300,
    },
    { id: "officePhone", section: "office", label: "Điện thoại", type: "phone", required: true },
    { id: "officeFax", section: "office", label: "Fax (nếu có)", type: "text", maxLength: 20 },
    { id: "officeEmail", section: "office", label: "Email (nếu có)", type: "email" },
    { id: "officeWebsite", section: "office", label: "Website (nếu có)", type: "text", maxLength: 200 },
    businessLinesField,
    { id: "capitalAmount", section: "capital", label: "Vốn kinh doanh (VNĐ)", type: "money", required: true },
    {
      id: "taxNoticeAddress",
      section: "tax",
      label: "5.1 Địa chỉ nhận thông báo thuế (chỉ kê khai nếu khác địa chỉ trụ sở)",
      type: "text",
      maxLength: 300,
    },
    { id: "startDate", section: "tax", label: "5.2 Ngày bắt đầu hoạt động", type: "date", required: true },
    { id: "workerCount", section: "tax", label: "5.3 Tổng số lao động (dự kiến)", type: "integer", required: true },
    {
      id: "businessLocations",
      section: "tax",
      label: "5.4 Địa điểm kinh doanh của hộ kinh doanh",
      type: "table",
      maxItems: 50,
      itemFields: locationsColumns,
      help: "Chỉ kê khai khi có địa điểm kinh doanh khác trụ sở hộ kinh doanh",
    },
    vatMethodField,
    founderTypeField,
    {
      id: "members",
      section: "members",
      label: "Thông tin về các thành viên hộ gia đình đăng ký hộ kinh doanh",
      type: "table",
      requiredWhen: { field: "founderType", is: MEMBERS },
      minItems: 1,
      maxItems: 30,
      signatureColumn: true,
      itemFields: [
        { id: "fullName", label: "Họ tên", type: "text", required: true, personal: true, maxLength: 100 },
        { id: "birthDate", label: "Ngày sinh", type: "date", required: true, personal: true },
        { id: "sex", label: "Giới tính", type: "choice", required: true, personal: true, options: SEX },
        { id: "nationality", label: "Quốc tịch", type: "text", required: true, personal: true, maxLength: 50 },
        { id: "ethnicity", label: "Dân tộc", type: "text", required: true, personal: true, maxLength: 50 },
        {
          id: "permanentAddress",
          label: "Địa chỉ thường trú",
          type: "text",
          required: true,
          personal: true,
          maxLength: 300,
        },
        {
          id: "contactAddress",
          label: "Địa chỉ liên lạc",
          type: "text",
          required: true,
          personal: true,
          maxLength: 300,
        },
        {
          id: "legalDocNumber",
          label: "Số giấy tờ pháp lý của cá nhân",
          type: "text",
          required: true,
          personal: true,
          maxLength: 20,
        },
        { id: "legalDocIssuedOn", label: "Ngày cấp", type: "date", required: true },
        { id: "legalDocIssuer", label: "Cơ quan cấp", type: "text", required: true, maxLength: 200 },
      ],
    },
  ],
  printedNotes: ["CHỦ HỘ KINH DOANH (Ký và ghi họ tên); cột Chữ ký của từng thành viên hộ gia đình ở mục 7"],
  source:
    "Bản tái hiện Phụ lục III-1 TT 02/2023/TT-BKHĐT trong mã nguồn công khai (đã thay địa chỉ 2 cấp; docs/domain/procedures.md#household-business-registration-1001612)",
  evidence: "U",
  toVerify: true,
};

/** From 01/01/2025: the same form without the old ID card among the legal documents offered. */
export const form2023WithoutCmnd: FormDefinition = {
  ...form2023,
  fields: form2023.fields.map((f) =>
    f.id === "ownerLegalDocType"
      ? { ...f, options: withoutCmnd(f.options ?? []), evidence: "S" as const, toVerify: undefined }
      : f,
  ),
};

/**
 * Phụ lục III-1 of Circular 01/2021/TT-BKHĐT (until 30/06/2023): the 2023 form before Circular 02/2023 added the
 * tax-registration item (joint business and tax registration), so sections 6–7 were numbered 5–6. Reconstructed
 * from that amendment, not from the 2021 text: "cần kiểm tra" until compared with the gazette copy.
 */
export const form2021: FormDefinition = {
  ...form2023,
  legalSource: "Phụ lục III-1 ban hành kèm theo Thông tư 01/2021/TT-BKHĐT",
  sections: form2023.sections
    .filter((sec) => sec.id !== "tax")
    .map((sec) =>
      sec.id === "founder"
        ? { ...sec, label: "5. Chủ thể thành lập hộ kinh doanh" }
        : sec.id === "members"
          ? { ...sec, label: "6. Thông tin về các thành viên hộ gia đình đăng ký hộ kinh doanh" }
          : sec,
    ),
  fields: form2023.fields.filter((f) => f.section !== "tax"),
  source:
    "Suy ra từ Phụ lục III-1 TT 02/2023/TT-BKHĐT bỏ mục 5 (thông tin đăng ký thuế do TT 02/2023 bổ sung, hiệu lực 01/7/2023: https://luatvietan.com/thong-tu-02-2023-tt-bkhdt-sua-doi-thong-tu-01-2021-tt-bkhdt-huong-dan-ve-dang-ky-doanh-nghiep/); chưa đối chiếu bản gốc",
  evidence: "U",
  toVerify: true,
};

/** From 01/01/2026: no lump-sum ("khoán") method to choose; item 5.4 of the 2025 form has nothing left to ask. */
export const form2026: FormDefinition = {
  ...form2025,
  fields: form2025.fields.filter((f) => f.id !== "vatMethod"),
  printedNotes: [...(form2025.printedNotes ?? []), "Mục 5.4 (phương pháp khoán) không còn áp dụng từ 01/01/2026"],
  source: `${form2025.source}; bỏ lựa chọn phương pháp khoán theo ${NO_LUMP_SUM_SOURCE}`,
};

const flags: CaseFlag[] = [
  {
    id: "household_members",
    label: "Các thành viên hộ gia đình cùng đăng ký hộ kinh doanh",
    excludesSameDay: false,
    excludesAssistedWriting: false,
    note: "Mỗi thành viên ký tại mục 7; biên bản họp và văn bản ủy quyền do các thành viên ký (cán bộ có thể soạn theo mẫu).",
    source: "docs/domain/procedures.md#household-business-registration-1001612",
    evidence: "S",
  },
  {
    id: "members_not_present",
    label: "Thành viên hộ gia đình chưa có mặt và giấy tờ chưa được ký sẵn",
    excludesSameDay: true,
    excludesAssistedWriting: false,
    note: "Chỉ trả trong ngày khi mọi thành viên có mặt hoặc giấy tờ đã ký sẵn.",
    source: "docs/domain/procedures.md#household-business-registration-1001612",
    evidence: "S",
  },
  {
    id: "name_conflict",
    label: "Tên hộ kinh doanh trùng trong địa bàn hoặc vi phạm quy định đặt tên",
    excludesSameDay: true,
    excludesAssistedWriting: false,
    note: "Người đề nghị chọn lại tên; kiểm tra tên trên HkdOnline trước khi in.",
    source: "docs/domain/procedures.md#household-business-registration-1001612",
    evidence: "S",
  },
  {
    id: "already_heads_business",
    label: "Đã là chủ hộ kinh doanh khác, thành viên hộ kinh doanh khác hoặc chủ doanh nghiệp tư nhân",
    excludesSameDay: true,
    excludesAssistedWriting: false,
    note: "Từ chối tiếp nhận (Mẫu 03).",
    source: "docs/domain/procedures.md#household-business-registration-1001612",
    evidence: "S",
  },
  {
    id: "population_db_unavailable",
    label: "Không kết nối được Cơ sở dữ liệu quốc gia về dân cư",
    excludesSameDay: false,
    excludesAssistedWriting: false,
    note: "Kê khai thêm thông tin cá nhân; có thể cần xuất trình giấy tờ pháp lý.",
    source: "docs/domain/procedures.md#household-business-registration-1001612 (giấy tờ pháp lý: cần kiểm tra)",
    evidence: "U",
    toVerify: true,
  },
  {
    id: "conditional_business_line",
    label: "Ngành, nghề kinh doanh có điều kiện",
    excludesSameDay: false,
    excludesAssistedWriting: false,
    note: "Đăng ký không kiểm tra điều kiện kinh doanh; ghi nhận để hậu kiểm.",
    source: "docs/domain/procedures.md#household-business-registration-1001612",
    evidence: "S",
  },
];

const result = {
  name: "Giấy chứng nhận đăng ký hộ kinh doanh",
  source:
    "Nghị định 01/2021/NĐ-CP, Điều 87; Nghị định 168/2025/NĐ-CP (docs/domain/procedures.md#household-business-registration-1001612)",
  evidence: "S" as const,
};

const district2023 = {
  receivingLevels: ["district" as const],
  receivingBody: {
    name: "Bộ phận Tiếp nhận và Trả kết quả cấp huyện",
    source: "Kế hoạch Ngày không viết – Ngày không hẹn tỉnh Đắk Nông 2023 (danh mục cấp huyện)",
    evidence: "S" as const,
  },
  competentBody: {
    name: "Phòng Tài chính – Kế hoạch cấp huyện",
    sameBodyAsReceiving: true,
    signs: { onBehalf: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH" },
    source: "Nghị định 01/2021/NĐ-CP, Điều 87",
    evidence: "S" as const,
  },
  timeLimit: {
    timeLimitWorkingDays: 3,
    note: "03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ.",
    source: "Nghị định 01/2021/NĐ-CP, Điều 87 khoản 3",
    evidence: "S" as const,
  },
};

const basis2021 = (form: string): ProcedureVersion["legalBasis"] => [
  {
    title: "Nghị định 01/2021/NĐ-CP về đăng ký doanh nghiệp",
    articles: "Điều 87",
    source: "docs/domain/procedures.md#household-business-registration-1001612",
    evidence: "S",
  },
  {
    title: form,
    articles: "Phụ lục III-1",
    source: "docs/domain/procedures.md#legal-changes-since-2023, #household-business-registration-1001612",
    evidence: "S",
  },
  {
    title: "Thông tư 85/2019/TT-BTC (lệ phí do HĐND tỉnh quy định)",
    source: "docs/domain/procedures.md#household-business-registration-1001612",
    evidence: "U",
    toVerify: true,
  },
];

const documents2021: ProcedureVersion["requiredDocuments"] = [
  {
    id: "request_form",
    name: "Giấy đề nghị đăng ký hộ kinh doanh",
    kind: "original",
    count: 1,
    always: true,
    source: "Nghị định 01/2021/NĐ-CP, Điều 87 khoản 2 điểm a",
    evidence: "S",
  },
  {
    id: "legal_document_copies",
    name: "Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh và thành viên hộ gia đình đăng ký hộ kinh doanh",
    kind: "copy",
    count: 1,
    always: true,
    condition: "Thành viên hộ gia đình: khi các thành viên cùng đăng ký",
    source: "Nghị định 01/2021/NĐ-CP, Điều 87 khoản 2 điểm b",
    evidence: "S",
  },
  {
    id: "members_meeting_minutes",
    name: "Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh",
    kind: "copy",
    count: 1,
    always: false,
    condition: "Khi các thành viên hộ gia đình đăng ký hộ kinh doanh",
    source: "Nghị định 01/2021/NĐ-CP, Điều 87 khoản 2 điểm c",
    evidence: "S",
  },
  {
    id: "members_authorisation",
    name: "Bản sao văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh",
    kind: "copy",
    count: 1,
    always: false,
    condition: "Khi các thành viên hộ gia đình đăng ký hộ kinh doanh",
    source: "Nghị định 01/2021/NĐ-CP, Điều 87 khoản 2 điểm d",
    evidence: "S",
  },
];

/** Circular 01/2021/TT-BKHĐT form, until Circular 02/2023/TT-BKHĐT took effect. */
export const householdBusiness2021Form: ProcedureVersion = {
  id: `${CODE}@2023-01-01`,
  code: CODE,
  name: NAME,
  sector,
  validFrom: "2023-01-01",
  validTo: "2023-06-30",
  ...district2023,
  legalBasis: basis2021("Thông tư 01/2021/TT-BKHĐT (biểu mẫu)"),
  requiredDocuments: documents2021,
  form: form2021,
  result,
  caseFlags: flags,
  note: "Thông tư 02/2023/TT-BKHĐT có hiệu lực từ 01/7/2023 (luatvietan.com): hồ sơ nhận trước ngày đó dùng mẫu Thông tư 01/2021/TT-BKHĐT.",
};

export const householdBusiness2023: ProcedureVersion = {
  ...householdBusiness2021Form,
  id: `${CODE}@2023-07-01`,
  validFrom: "2023-07-01",
  validTo: "2024-12-31",
  legalBasis: basis2021("Thông tư 02/2023/TT-BKHĐT (biểu mẫu), hiệu lực 01/7/2023"),
  form: form2023,
  note: undefined,
};

/** From 01/01/2025 the old ID card is no longer a valid identity document. */
export const householdBusiness2025Cccd: ProcedureVersion = {
  ...householdBusiness2023,
  id: `${CODE}@2025-01-01`,
  validFrom: "2025-01-01",
  validTo: "2025-06-30",
  legalBasis: [
    ...householdBusiness2023.legalBasis,
    { title: "Luật Căn cước 26/2023/QH15", articles: "Điều 46 (chuyển tiếp)", source: CMND_END_SOURCE, evidence: "S" },
  ],
  form: form2023WithoutCmnd,
};

const commune2025 = {
  receivingLevels: ["commune" as const],
  receivingBody: {
    name: "Trung tâm Phục vụ hành chính công cấp xã",
    source:
      "Nghị định 118/2025/NĐ-CP; Nghị định 168/2025/NĐ-CP (docs/domain/procedures.md#legal-changes-since-2023, #household-business-registration-1001612)",
    evidence: "S" as const,
  },
  competentBody: {
    name: "Cơ quan đăng ký kinh doanh cấp xã nơi hộ kinh doanh đăng ký trụ sở",
    sameBodyAsReceiving: true,
    signs: { onBehalf: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH" },
    source: "Nghị định 168/2025/NĐ-CP (docs/domain/procedures.md#household-business-registration-1001612)",
    evidence: "S" as const,
  },
};

const basis2025: ProcedureVersion["legalBasis"] = [
  {
    title: "Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp",
    articles: "Điều 99",
    source:
      "https://thuvienphapluat.vn/phap-luat-doanh-nghiep/bai-viet/huong-dan-thu-tuc-dang-ky-ho-kinh-doanh-nam-2026-18449.html (docs/domain/procedures.md#household-business-registration-1001612; Điều 100 khoản 3 là thay đổi chủ hộ, không phải thành lập)",
    evidence: "S",
  },
  {
    title: "Thông tư 68/2025/TT-BTC (biểu mẫu)",
    articles: "Phụ lục II, Mẫu số 1",
    source: "docs/domain/procedures.md#legal-changes-since-2023, #household-business-registration-1001612",
    evidence: "S",
  },
  {
    title: "Luật Doanh nghiệp 2020, sửa đổi bởi Luật 76/2025/QH15",
    source: "docs/domain/procedures.md#household-business-registration-1001612",
    evidence: "S",
  },
  {
    title: "Thông tư 85/2019/TT-BTC (lệ phí do HĐND tỉnh quy định)",
    source: "docs/domain/procedures.md#household-business-registration-1001612",
    evidence: "U",
    toVerify: true,
  },
];

export const householdBusiness2025: ProcedureVersion = {
  id: `${CODE}@2025-07-01`,
  code: CODE,
  name: NAME,
  sector,
  validFrom: "2025-07-01",
  validTo: "2025-12-31",
  ...commune2025,
  legalBasis: basis2025,
  requiredDocuments: [
    {
      id: "request_form",
      name: "Giấy đề nghị đăng ký hộ kinh doanh (Mẫu số 1, Phụ lục II, Thông tư 68/2025/TT-BTC)",
      kind: "original",
      count: 1,
      always: true,
      source: "Nghị định 168/2025/NĐ-CP (docs/domain/procedures.md#household-business-registration-1001612)",
      evidence: "S",
    },
    {
      id: "members_meeting_minutes",
      name: "Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh",
      kind: "copy",
      count: 1,
      always: false,
      condition: "Khi các thành viên hộ gia đình đăng ký hộ kinh doanh",
      source: "docs/domain/procedures.md#household-business-registration-1001612",
      evidence: "U",
      toVerify: true,
    },
    {
      id: "members_authorisation",
      name: "Bản sao văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh",
      kind: "copy",
      count: 1,
      always: false,
      condition: "Khi các thành viên hộ gia đình đăng ký hộ kinh doanh",
      source: "docs/domain/procedures.md#household-business-registration-1001612",
      evidence: "U",
      toVerify: true,
    },
    {
      id: "filer_authorisation",
      name: "Văn bản ủy quyền cho người nộp hồ sơ",
      kind: "original_or_copy",
      count: 1,
      always: false,
      condition: "Khi người nộp hồ sơ không phải chủ hộ kinh doanh",
      source: "Cổng HkdOnline (dòng đính kèm)",
      evidence: "S",
    },
    {
      id: "legal_document_copies",
      name: "Bản sao giấy tờ pháp lý của cá nhân",
      kind: "copy",
      count: 1,
      always: false,
      condition: "Chỉ khi không khai thác được thông tin từ Cơ sở dữ liệu quốc gia về dân cư",
      source: "docs/domain/procedures.md#household-business-registration-1001612 điểm d",
      evidence: "U",
      toVerify: true,
    },
  ],
  form: form2025,
  timeLimit: {
    timeLimitWorkingDays: 3,
    note: "03 ngày làm việc kể từ ngày nhận hồ sơ hợp lệ; Ngày không hẹn là cam kết địa phương ngắn hơn thời hạn luật định.",
    source: "Nghị định 168/2025/NĐ-CP, Điều 99 (theo bài viết pháp luật được dẫn)",
    evidence: "S",
  },
  result,
  caseFlags: flags,
};

/** From 01/01/2026: no lump-sum tax method and no household licence fee (Resolution 198/2025/QH15). */
export const householdBusiness2026: ProcedureVersion = {
  ...householdBusiness2025,
  id: `${CODE}@2026-01-01`,
  validFrom: "2026-01-01",
  validTo: undefined,
  legalBasis: [
    ...basis2025,
    {
      title: "Nghị quyết 198/2025/QH15 (bãi bỏ thuế khoán, lệ phí môn bài từ 01/01/2026)",
      source: NO_LUMP_SUM_SOURCE,
      evidence: "S",
    },
  ],
  form: form2026,
};
