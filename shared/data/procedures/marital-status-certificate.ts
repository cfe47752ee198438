/**
 * 1.004873 Cấp Giấy xác nhận tình trạng hôn nhân (commune level; Ngày không hẹn only without verification).
 * Source: docs/domain/procedures.md#legal-changes-since-2023, #marital-status-certificate-1004873 (Luật Hộ tịch 2014; NĐ 123/2015 Art. 21–23; TT 04/2020/TT-BTP as
 * amended by TT 04/2024/TT-BTP; 2025 portal dossier text copied in public code).
 */
import type {
  CaseFlag,
  FormDefinition,
  FormField,
  ProcedureVersion,
  RequiredDocument,
} from "../../procedures/procedure-version.js";
import { CMND_END_SOURCE, withoutCmnd } from "./identity-documents.js";

const CODE = "1.004873";
const NAME = "Cấp Giấy xác nhận tình trạng hôn nhân";
const ID_TYPES = ["Căn cước", "Căn cước công dân", "Chứng minh nhân dân", "Hộ chiếu", "Giấy tờ khác"];
const RESIDENCE_HELP =
  "(2) Ghi theo nơi đăng ký thường trú; nếu không có nơi thường trú thì ghi theo nơi tạm trú; nếu không có thì ghi theo nơi đang sinh sống";
const ID_HELP = "(3) Ví dụ: Căn cước công dân số … do … cấp ngày …";

/** "Giấy tờ tùy thân: (3) loại, số, cấp ngày, tại …" as four inputs, printed on one line. */
function idDocumentFields(prefix: string, section: string, whose: string): FormField[] {
  return [
    {
      id: `${prefix}IdType`,
      section,
      label: "Giấy tờ tùy thân",
      type: "choice",
      required: true,
      personal: true,
      options: ID_TYPES,
      help: ID_HELP,
      requiredMessage: `Vui lòng chọn loại giấy tờ tùy thân ${whose}`,
    },
    {
      id: `${prefix}IdNumber`,
      section,
      label: "Số",
      type: "text",
      required: true,
      personal: true,
      maxLength: 20,
      requiredMessage: `Vui lòng nhập số giấy tờ tùy thân ${whose}`,
      pattern: "^[A-Z0-9]{6,20}$",
      patternMessage: "Số giấy tờ tùy thân chỉ gồm chữ in hoa và chữ số (6–20 ký tự)",
      uppercase: true,
    },
    {
      id: `${prefix}IdIssuedOn`,
      section,
      label: "Cấp ngày",
      type: "date",
      required: true,
      requiredMessage: `Vui lòng nhập ngày cấp giấy tờ tùy thân ${whose}`,
    },
    {
      id: `${prefix}IdIssuer`,
      section,
      label: "Tại",
      type: "text",
      required: true,
      maxLength: 200,
      help: "Nơi cấp",
      requiredMessage: `Vui lòng nhập nơi cấp giấy tờ tùy thân ${whose}`,
    },
  ];
}

function declarationForm(legalSource: string, source: string, birthDateToVerify: boolean): FormDefinition {
  return {
    formCode: "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
    title: "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
    legalSource,
    sections: [
      { id: "header", label: "Kính gửi" },
      { id: "requester", label: "Người yêu cầu" },
      { id: "subject", label: "Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây" },
      { id: "closing", label: "Cam đoan" },
    ],
    fields: [
      {
        id: "recipientAgency",
        section: "header",
        label: "Kính gửi",
        type: "text",
        required: true,
        requiredMessage: "Vui lòng nhập tên cơ quan nhận hồ sơ (Kính gửi)",
        help: "(1) Tên cơ quan cấp Giấy xác nhận tình trạng hôn nhân",
      },
      {
        id: "requesterName",
        section: "requester",
        label: "Họ, chữ đệm, tên người yêu cầu",
        type: "text",
        required: true,
        personal: true,
        maxLength: 100,
        requiredMessage: "Vui lòng nhập họ, chữ đệm, tên người yêu cầu",
      },
      {
        id: "requesterBirthDate",
        section: "requester",
        label: "Ngày, tháng, năm sinh",
        type: "date",
        required: true,
        personal: true,
        // On the amended form; on the 2020 form to verify (marked for the administrator, no words for the citizen).
        ...(birthDateToVerify ? { evidence: "U" as const, toVerify: true } : {}),
      },
      {
        id: "requesterResidence",
        section: "requester",
        label: "Nơi cư trú",
        type: "text",
        required: true,
        personal: true,
        maxLength: 300,
        help: RESIDENCE_HELP,
      },
      ...idDocumentFields("requester", "requester", "của người yêu cầu"),
      {
        id: "relationship",
        section: "requester",
        label: "Quan hệ với người được cấp Giấy xác nhận tình trạng hôn nhân",
        type: "text",
        required: true,
        maxLength: 50,
        help: 'Ghi "Bản thân" nếu tự yêu cầu cấp cho mình',
      },
      {
        id: "subjectName",
        section: "subject",
        label: "Họ, chữ đệm, tên",
        type: "text",
        required: true,
        personal: true,
        maxLength: 100,
        requiredMessage: "Vui lòng nhập họ, chữ đệm, tên",
      },
      {
        id: "subjectBirthDate",
        section: "subject",
        label: "Ngày, tháng, năm sinh",
        type: "date",
        required: true,
        personal: true,
      },
      {
        id: "subjectSex",
        section: "subject",
        label: "Giới tính",
        type: "choice",
        required: true,
        personal: true,
        options: ["Nam", "Nữ"],
      },
      {
        id: "subjectEthnicity",
        section: "subject",
        label: "Dân tộc",
        type: "text",
        required: true,
        personal: true,
        maxLength: 50,
      },
      {
        id: "subjectNationality",
        section: "subject",
        label: "Quốc tịch",
        type: "text",
        required: true,
        personal: true,
        maxLength: 50,
      },
      {
        id: "subjectResidence",
        section: "subject",
        label: "Nơi cư trú",
        type: "text",
        required: true,
        personal: true,
        maxLength: 300,
        help: RESIDENCE_HELP,
      },
      ...idDocumentFields("subject", "subject", "của người được cấp"),
      {
        id: "maritalStatus",
        section: "subject",
        label: "Tình trạng hôn nhân",
        type: "textarea",
        required: true,
        personal: true,
        maxLength: 1000,
        help: '(4) Ví dụ: "Hiện tại chưa đăng ký kết hôn với ai"; "Đã đăng ký kết hôn nhưng đã ly hôn theo Bản án/Quyết định số … ngày … của Tòa án …"; "Từ ngày … đến ngày … chưa đăng ký kết hôn với ai"',
      },
      {
        id: "purpose",
        section: "subject",
        label: "Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân",
        type: "textarea",
        required: true,
        maxLength: 500,
        help: "(5) Do người yêu cầu tự nêu. Nếu để kết hôn: ghi rõ kết hôn với ai, nơi dự định đăng ký kết hôn",
      },
      { id: "signingPlace", section: "closing", label: "Làm tại", type: "text", maxLength: 100 },
      { id: "signingDate", section: "closing", label: "Ngày … tháng … năm …", type: "date" },
    ],
    printedNotes: [
      "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.",
      "Người yêu cầu (Ký, ghi rõ họ, chữ đệm, tên)",
      "Chú thích (1)–(5) cần đối chiếu nguyên văn [U]",
    ],
    source,
    evidence: "S",
    toVerify: true,
  };
}

const requiredDocuments: RequiredDocument[] = [
  {
    id: "declaration",
    name: "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (nộp trực tiếp) hoặc Mẫu điện tử tương tác (nộp trực tuyến)",
    kind: "original",
    count: 1,
    always: true,
    source: "Cổng DVC 2025, nội dung hồ sơ (docs/domain/procedures.md#marital-status-certificate-1004873)",
    evidence: "S",
  },
  {
    id: "divorce_or_death_proof",
    name: "Giấy tờ hợp lệ chứng minh việc ly hôn hoặc vợ/chồng đã chết",
    kind: "original_or_copy",
    count: 1,
    always: false,
    condition:
      "Người yêu cầu đã có vợ/chồng nhưng đã ly hôn hoặc vợ/chồng đã chết (xuất trình bản chính hoặc nộp bản sao)",
    source: "Cổng DVC 2025 (docs/domain/procedures.md#marital-status-certificate-1004873)",
    evidence: "S",
  },
  {
    id: "foreign_divorce_record",
    name: "Bản sao Trích lục ghi chú ly hôn",
    kind: "copy",
    count: 1,
    always: false,
    condition: "Công dân Việt Nam đã ly hôn, hủy việc kết hôn ở nước ngoài",
    source: "Cổng DVC 2025 (docs/domain/procedures.md#marital-status-certificate-1004873)",
    evidence: "S",
  },
  {
    id: "previous_certificate",
    name: "Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây",
    kind: "original",
    count: 1,
    always: false,
    condition: "Đề nghị cấp lại để sử dụng vào mục đích khác hoặc do giấy đã hết hạn",
    source: "Cổng DVC 2025 (docs/domain/procedures.md#marital-status-certificate-1004873)",
    evidence: "S",
  },
  {
    id: "authorisation",
    name: "Văn bản ủy quyền",
    kind: "original_or_certified_copy",
    count: 1,
    always: false,
    condition:
      "Khi thực hiện thông qua người được ủy quyền; không phải chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột",
    source: "Cổng DVC 2025 (docs/domain/procedures.md#marital-status-certificate-1004873)",
    evidence: "S",
  },
  {
    id: "identity_document",
    name: "Hộ chiếu, Chứng minh nhân dân, Căn cước công dân, thẻ căn cước, căn cước điện tử hoặc giấy tờ có ảnh còn giá trị sử dụng",
    kind: "shown",
    count: 1,
    always: true,
    condition: "Không phải tải lên khi nộp trực tuyến nếu dữ liệu được lấy từ CSDL quốc gia về dân cư",
    source: "Cổng DVC 2025 (docs/domain/procedures.md#marital-status-certificate-1004873)",
    evidence: "S",
  },
  {
    id: "residence_proof",
    name: "Giấy tờ chứng minh nơi cư trú",
    kind: "shown",
    count: 1,
    always: false,
    condition: "Chỉ khi không khai thác được thông tin cư trú (Nghị định 104/2022/NĐ-CP, Điều 14 khoản 2)",
    source: "Cổng DVC 2025 (docs/domain/procedures.md#marital-status-certificate-1004873)",
    evidence: "S",
  },
];

const caseFlags: CaseFlag[] = [
  {
    id: "needs_verification",
    label: "Cần xác minh (đã cư trú nhiều nơi, không tra cứu được CSDL)",
    excludesSameDay: true,
    excludesAssistedWriting: false,
    note: "Gửi văn bản đề nghị xác minh đến UBND cấp xã nơi cư trú trước; nơi được đề nghị trả lời trong 03 ngày làm việc.",
    source:
      "Cổng DVC 2025 (docs/domain/procedures.md#marital-status-certificate-1004873); Kế hoạch Đắk Nông 2023 chỉ áp dụng trường hợp không phải xác minh",
    evidence: "S",
  },
  {
    id: "foreign_divorce_unrecorded",
    label: "Đã ly hôn, hủy kết hôn ở nước ngoài nhưng chưa ghi chú ly hôn",
    excludesSameDay: true,
    excludesAssistedWriting: false,
    note: "Hướng dẫn làm thủ tục ghi chú ly hôn trước.",
    source: "docs/domain/procedures.md#marital-status-certificate-1004873",
    evidence: "S",
  },
  {
    id: "refusal_ground",
    label:
      "Thuộc trường hợp từ chối (kết hôn cùng giới; kết hôn với người nước ngoài tại cơ quan đại diện nước ngoài tại Việt Nam)",
    excludesSameDay: true,
    excludesAssistedWriting: false,
    note: "Từ chối tiếp nhận (Mẫu 03), nêu rõ lý do.",
    source: "docs/domain/procedures.md#marital-status-certificate-1004873",
    evidence: "S",
  },
  {
    id: "reissue_without_old_certificate",
    label: "Cấp lại nhưng không nộp lại Giấy xác nhận đã cấp",
    excludesSameDay: true,
    excludesAssistedWriting: false,
    note: "Phải kiểm tra, có thể phải xác minh.",
    source: "docs/domain/procedures.md#marital-status-certificate-1004873",
    evidence: "S",
  },
  {
    id: "prior_marriage_undocumented",
    label: "Đã từng kết hôn nhưng không có giấy tờ ly hôn hoặc khai tử (trong CSDL hoặc bản giấy)",
    excludesSameDay: true,
    excludesAssistedWriting: false,
    note: "Cần bổ sung giấy tờ hoặc xác minh.",
    source: "docs/domain/procedures.md#marital-status-certificate-1004873",
    evidence: "S",
  },
  {
    id: "agent_without_authorisation",
    label: "Người được ủy quyền chưa có văn bản ủy quyền hợp lệ",
    excludesSameDay: true,
    excludesAssistedWriting: false,
    note: "Văn bản ủy quyền phải chứng thực, trừ người thân thích được miễn.",
    source: "docs/domain/procedures.md#marital-status-certificate-1004873",
    evidence: "S",
  },
];

const shared = {
  code: CODE,
  name: NAME,
  sector: {
    name: "Hộ tịch",
    source: "Sở Tư pháp Hải Phòng, công bố TTHC lĩnh vực hộ tịch 11/2025",
    evidence: "S" as const,
  },
  receivingLevels: ["commune" as const],
  competentBody: {
    name: "Ủy ban nhân dân cấp xã nơi người yêu cầu cư trú (công chức tư pháp – hộ tịch kiểm tra, Chủ tịch hoặc Phó Chủ tịch ký)",
    sameBodyAsReceiving: true,
    signs: { onBehalf: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH" },
    source:
      "Nghị định 123/2015/NĐ-CP, Điều 21; cổng DVC 2025 (docs/domain/procedures.md#marital-status-certificate-1004873)",
    evidence: "U" as const,
    toVerify: true,
  },
  requiredDocuments,
  timeLimit: {
    timeLimitWorkingDays: 3,
    note: "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ; nếu phải xác minh, nơi được đề nghị trả lời trong 03 ngày làm việc.",
    source: "Nghị định 123/2015/NĐ-CP, Điều 22 khoản 3",
    evidence: "U" as const,
    toVerify: true,
  },
  result: {
    name: "Giấy xác nhận tình trạng hôn nhân (giá trị 06 tháng kể từ ngày cấp; để kết hôn chỉ cấp 01 bản)",
    source:
      "Cổng DVC 2025; Nghị định 123/2015/NĐ-CP, Điều 23 (docs/domain/procedures.md#marital-status-certificate-1004873)",
    evidence: "S" as const,
  },
  caseFlags,
};

export const maritalStatus2023: ProcedureVersion = {
  ...shared,
  id: `${CODE}@2023-01-01`,
  validFrom: "2023-01-01",
  validTo: "2024-07-20",
  receivingBody: {
    name: "Bộ phận Tiếp nhận và Trả kết quả UBND cấp xã",
    source: "Kế hoạch Ngày không viết – Ngày không hẹn tỉnh Đắk Nông 2023 (danh mục cấp xã)",
    evidence: "S",
  },
  legalBasis: [
    {
      title: "Luật Hộ tịch 2014 (60/2014/QH13)",
      source: "docs/domain/procedures.md#marital-status-certificate-1004873",
      evidence: "S",
    },
    {
      title: "Nghị định 123/2015/NĐ-CP",
      articles: "Điều 21 – 23",
      source: "docs/domain/procedures.md#marital-status-certificate-1004873",
      evidence: "U",
      toVerify: true,
    },
    {
      title: "Thông tư 04/2020/TT-BTP (biểu mẫu)",
      source: "docs/domain/procedures.md#marital-status-certificate-1004873",
      evidence: "S",
    },
    {
      title: "Thông tư 85/2019/TT-BTC, Thông tư 106/2021/TT-BTC (lệ phí hộ tịch do HĐND tỉnh quy định)",
      source: "docs/domain/procedures.md#marital-status-certificate-1004873",
      evidence: "U",
      toVerify: true,
    },
  ],
  form: declarationForm(
    "Thông tư 04/2020/TT-BTP, Phụ lục",
    "Tái hiện tờ khai trong mã nguồn công khai (docs/domain/procedures.md#marital-status-certificate-1004873); mẫu trước sửa đổi 2024 cần kiểm tra",
    true,
  ),
  note: "Danh mục thành phần hồ sơ lấy theo nội dung cổng DVC 2025; áp dụng cho giai đoạn 2023 cần kiểm tra. Từ 21/07/2024 dùng tờ khai sửa đổi bởi Thông tư 04/2024/TT-BTP (ngày hiệu lực cần kiểm tra).",
};

/**
 * Circular 04/2024/TT-BTP, signed 06/06/2024, amended the forms of Circular 04/2020/TT-BTP. Its effective date was not
 * found in a public copy (luatvietnam.vn shows it to subscribers only); a central body's legal document takes effect no
 * earlier than 45 days after signing (Law 80/2015/QH13 on legal documents, Art. 151(1)), so the amended form applies from
 * 21/07/2024 at the earliest: the split is placed there, marked for the administrator to confirm.
 */
const CIRCULAR_04_2024 =
  "Thông tư 04/2024/TT-BTP ngày 06/6/2024 của Bộ Tư pháp sửa đổi Thông tư 02/2020/TT-BTP và 04/2020/TT-BTP (ngày ký, người ký Mai Lương Khôi: https://english.luatvietnam.vn/tu-phap/circular-04-2024-tt-btp-amend-circulars-detailing-law-on-civil-status-350235-d1.html)";
const CIRCULAR_04_2024_FROM =
  "Ngày hiệu lực chưa tìm thấy; không sớm hơn 45 ngày kể từ ngày ký 06/6/2024 (Luật Ban hành văn bản quy phạm pháp luật 80/2015/QH13, Điều 151 khoản 1), tức 21/07/2024";

/** Declaration of Circular 04/2020/TT-BTP as amended by Circular 04/2024/TT-BTP, with the old ID card still accepted. */
export const maritalStatus2024: ProcedureVersion = {
  ...maritalStatus2023,
  id: `${CODE}@2024-07-21`,
  validFrom: "2024-07-21",
  validTo: "2024-12-31",
  legalBasis: [
    ...maritalStatus2023.legalBasis.filter((b) => !b.title.startsWith("Thông tư 04/2020/TT-BTP")),
    {
      title: "Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP (biểu mẫu)",
      source: CIRCULAR_04_2024,
      evidence: "S",
    },
  ],
  form: {
    ...declarationForm(
      "Thông tư 04/2020/TT-BTP, Phụ lục, sửa đổi bởi Thông tư 04/2024/TT-BTP",
      `Tái hiện tờ khai trong mã nguồn công khai; bản PDF chính thức tr. 404–405 tài liệu Sở Tư pháp Hải Phòng 2025. Áp dụng từ: ${CIRCULAR_04_2024_FROM}`,
      false,
    ),
    evidence: "U",
    toVerify: true,
  },
  note: "Tờ khai theo Thông tư 04/2024/TT-BTP. Ngày bắt đầu áp dụng 21/07/2024 là ngày sớm nhất Luật cho phép, cần kiểm tra ngày hiệu lực ghi trong Thông tư.",
};

/** Identity documents without the old ID card (valid until 31/12/2024). */
function withoutCmndDocuments(version: ProcedureVersion): Pick<ProcedureVersion, "form" | "requiredDocuments"> {
  return {
    form: {
      ...version.form,
      fields: version.form.fields.map((f) =>
        f.type === "choice" && f.id.endsWith("IdType") ? { ...f, options: withoutCmnd(f.options ?? []) } : f,
      ),
    },
    requiredDocuments: version.requiredDocuments.map((d) =>
      d.id === "identity_document"
        ? {
            ...d,
            name: "Hộ chiếu, Căn cước công dân, thẻ căn cước, căn cước điện tử hoặc giấy tờ có ảnh còn giá trị sử dụng",
            source: `${d.source}; ${CMND_END_SOURCE}`,
          }
        : d,
    ),
  };
}

export const maritalStatus2025Cccd: ProcedureVersion = {
  ...maritalStatus2024,
  id: `${CODE}@2025-01-01`,
  validFrom: "2025-01-01",
  validTo: "2025-06-30",
  ...withoutCmndDocuments(maritalStatus2024),
  note: "Tờ khai theo Thông tư 04/2024/TT-BTP; từ 01/01/2025 không nhận Chứng minh nhân dân.",
  legalBasis: [
    ...maritalStatus2024.legalBasis,
    { title: "Luật Căn cước 26/2023/QH15", articles: "Điều 46 (chuyển tiếp)", source: CMND_END_SOURCE, evidence: "S" },
  ],
};

const maritalStatus2025Base: ProcedureVersion = {
  ...shared,
  id: `${CODE}@2025-07-01`,
  validFrom: "2025-07-01",
  validTo: "2027-02-28",
  receivingBody: {
    name: "Trung tâm Phục vụ hành chính công cấp xã",
    source:
      "Nghị định 118/2025/NĐ-CP (docs/domain/procedures.md#legal-changes-since-2023, #marital-status-certificate-1004873)",
    evidence: "S",
  },
  legalBasis: [
    {
      title: "Luật Hôn nhân và gia đình 52/2014/QH13; Luật Hộ tịch 60/2014/QH13",
      source: "Danh mục căn cứ pháp lý trên cổng DVC (docs/domain/procedures.md#legal-changes-since-2023)",
      evidence: "S",
    },
    {
      title: "Nghị định 123/2015/NĐ-CP, sửa đổi bởi Nghị định 07/2025/NĐ-CP và Nghị định 120/2025/NĐ-CP",
      articles: "Điều 21 – 23",
      source: "docs/domain/procedures.md#legal-changes-since-2023, #marital-status-certificate-1004873",
      evidence: "S",
    },
    {
      title: "Thông tư 04/2020/TT-BTP, sửa đổi bởi Thông tư 04/2024/TT-BTP (biểu mẫu); Thông tư 08/2025/TT-BTP",
      source: "docs/domain/procedures.md#legal-changes-since-2023, #marital-status-certificate-1004873",
      evidence: "S",
    },
    {
      title: "Nghị định 104/2022/NĐ-CP",
      articles: "Điều 14 khoản 2",
      source: "docs/domain/procedures.md#marital-status-certificate-1004873",
      evidence: "S",
    },
    {
      title: "Nghị định 18/2026/NĐ-CP",
      // What it amends in this procedure is not confirmed: evidence U, and toVerify shows it to the administrator.
      source: "docs/domain/procedures.md#legal-changes-since-2023, #open-questions (nội dung sửa đổi cần kiểm tra)",
      evidence: "U",
      toVerify: true,
    },
    {
      title: "Thông tư 85/2019/TT-BTC, Thông tư 106/2021/TT-BTC (lệ phí hộ tịch do HĐND tỉnh quy định)",
      source: "docs/domain/procedures.md#marital-status-certificate-1004873",
      evidence: "U",
      toVerify: true,
    },
  ],
  form: declarationForm(
    "Thông tư 04/2020/TT-BTP, Phụ lục, sửa đổi bởi Thông tư 04/2024/TT-BTP",
    "Tái hiện tờ khai trong mã nguồn công khai; bản PDF chính thức tr. 404–405 tài liệu Sở Tư pháp Hải Phòng 2025 (docs/domain/procedures.md#marital-status-certificate-1004873)",
    false,
  ),
  note: "Luật Hộ tịch 03/2026/QH16 có hiệu lực từ 01/3/2027: hồ sơ nhận trước ngày đó giữ phiên bản này.",
};

export const maritalStatus2025: ProcedureVersion = {
  ...maritalStatus2025Base,
  ...withoutCmndDocuments(maritalStatus2025Base),
};

const CIVIL_STATUS_LAW_2026 =
  "Luật Hộ tịch 03/2026/QH16, thông qua 23/4/2026, hiệu lực 01/3/2027, thay Luật 60/2014/QH13 (Cổng TTĐT Chính phủ: https://xaydungchinhsach.chinhphu.vn/toan-van-luat-ho-tich-so-03-2026-qh16-119260527163142286.htm; Công báo: https://congbao.chinhphu.vn/van-ban/luat-so-03-2026-qh16-469530/64878.htm)";

/**
 * Under the Civil Status Law 2026 (from 01/03/2027). Its implementing decree and forms were not found: the current
 * declaration and time limit stay, marked "cần kiểm tra", until they are published.
 */
export const maritalStatus2027: ProcedureVersion = {
  ...maritalStatus2025,
  id: `${CODE}@2027-03-01`,
  validFrom: "2027-03-01",
  validTo: undefined,
  legalBasis: [
    { title: "Luật Hộ tịch 03/2026/QH16", source: CIVIL_STATUS_LAW_2026, evidence: "S" },
    {
      title: "Luật Hôn nhân và gia đình 52/2014/QH13",
      source: "Danh mục căn cứ pháp lý trên cổng DVC (docs/domain/procedures.md#legal-changes-since-2023)",
      evidence: "S",
    },
    {
      title: "Nghị định, thông tư hướng dẫn Luật Hộ tịch 2026 (chưa công bố)",
      source: "Chưa tìm thấy văn bản hướng dẫn",
      evidence: "?",
      toVerify: true,
    },
  ],
  form: {
    ...maritalStatus2025.form,
    source: `${maritalStatus2025.form.source}; mẫu theo Luật Hộ tịch 2026 chưa công bố`,
    evidence: "U",
    toVerify: true,
  },
  timeLimit: {
    ...maritalStatus2025.timeLimit,
    evidence: "U",
    toVerify: true,
    // Citizen words (shown on the procedure page); the marker for the administrator is toVerify above.
    note: "Hiện tính 03 ngày làm việc; thời hạn có thể thay đổi khi có văn bản hướng dẫn Luật Hộ tịch 2026.",
  },
  note: "Phiên bản theo Luật Hộ tịch 03/2026/QH16; biểu mẫu, thời hạn và thành phần hồ sơ chờ văn bản hướng dẫn.",
};
