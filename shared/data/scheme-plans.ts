/**
 * Scheme plans ("Ngày không viết – Ngày không hẹn") shipped with the product, as dated documents.
 * Đắk Nông: pilot from 01/03/2023 (Kế hoạch 824/KH-UBND, 29/12/2022, as cited in the project brief) and the
 * province-wide roll-out from 15/10/2023 (docs/domain/scheme.md#origin-and-results; result 15/10/2023–30/10/2024 reported by Sở Nội vụ
 * via doanhnghiephoinhap.vn). Neither text was read: number, issuer and office hours are "cần kiểm tra".
 * Lâm Đồng from 01/07/2025: a DEMO configuration only, so the product shows a working scheme on today's units.
 */
import type { SchemePlan } from "../scheme/scheme-plan.js";

const OFFICE_HOURS = [
  { start: "07:00", end: "11:30" },
  { start: "13:30", end: "17:00" },
];
const WEDNESDAY = [3];

/**
 * In 2023 the land registration office's district branch received and decided these dossiers at the district one-stop,
 * which is why the plan listed them at district level.
 */
const LAND_BRANCH_AT_DISTRICT = {
  text: "Chi nhánh Văn phòng đăng ký đất đai cấp huyện tiếp nhận và giải quyết tại Bộ phận Tiếp nhận và Trả kết quả cấp huyện",
  source:
    "Kế hoạch Ngày không viết – Ngày không hẹn tỉnh Đắk Nông 2023 (danh mục cấp huyện); docs/domain/procedures.md#security-interest-registration-1011441 (chưa đọc văn bản kế hoạch)",
  evidence: "S" as const,
  toVerify: true,
};

/** Đắk Nông 2023 list: district 1.011441, 1.011443, 1.001612; commune 1.004873 "không phải xác minh". */
const DAK_NONG_2023_ELIGIBLE: SchemePlan["eligible"] = {
  district: [
    { procedureCode: "1.011441", decidingOfficeTakesPart: LAND_BRANCH_AT_DISTRICT },
    { procedureCode: "1.011443", decidingOfficeTakesPart: LAND_BRANCH_AT_DISTRICT },
    { procedureCode: "1.001612" },
  ],
  commune: [{ procedureCode: "1.004873", excludedFlags: ["needs_verification"] }],
};

/** The 28 communes of Lâm Đồng covering the former Đắk Nông area (Nghị quyết 1671/NQ-UBTVQH15). */
const LAM_DONG_FORMER_DAK_NONG_COMMUNES = [
  "24611",
  "24615",
  "24616",
  "24617",
  "24620",
  "24631",
  "24637",
  "24640",
  "24646",
  "24649",
  "24664",
  "24670",
  "24678",
  "24682",
  "24688",
  "24697",
  "24703",
  "24712",
  "24717",
  "24718",
  "24722",
  "24730",
  "24733",
  "24736",
  "24739",
  "24748",
  "24751",
  "24760",
].map((code) => `${code}@2025-07-01`);

export const schemePlans: readonly SchemePlan[] = [
  {
    id: "dak-nong-2023-pilot",
    issuer: "Ủy ban nhân dân tỉnh Đắk Nông",
    number: "824/KH-UBND",
    issuedOn: "2022-12-29",
    validFrom: "2023-03-01",
    validTo: "2023-10-14",
    status: "official",
    label: "Thí điểm Ngày không viết – Ngày không hẹn (Cư Jút, Krông Nô, Đắk Glong, Gia Nghĩa và 4 xã, phường)",
    coverage: {
      unitIds: [
        "660@2020-03-01",
        "661@2020-03-01",
        "662@2020-03-01",
        "664@2020-03-01",
        "24697@2020-03-01",
        "24631@2020-03-01",
        "24640@2020-03-01",
        "24615@2020-03-01",
      ],
    },
    weekdays: WEDNESDAY,
    officeHours: OFFICE_HOURS,
    officeHoursToVerify: true,
    intakeCutoff: "15:00",
    eligible: DAK_NONG_2023_ELIGIBLE,
    source:
      "Kế hoạch 824/KH-UBND ngày 29/12/2022 (theo tóm tắt dự án, chưa đọc văn bản); danh mục thủ tục lấy theo kế hoạch toàn tỉnh",
    evidence: "U",
    toVerify: true,
    note: "Đơn vị thí điểm: UBND huyện Cư Jút, Krông Nô, Đắk Glong, thành phố Gia Nghĩa; xã Nam Đà, xã Quảng Khê, thị trấn Ea T'ling, phường Nghĩa Tân.",
  },
  {
    id: "dak-nong-2023-province",
    issuer: "Ủy ban nhân dân tỉnh Đắk Nông",
    number: null,
    issuedOn: null,
    validFrom: "2023-10-15",
    validTo: "2025-06-30",
    status: "official",
    label: "Ngày không viết – Ngày không hẹn tỉnh Đắk Nông (toàn tỉnh)",
    coverage: { provinceUnitId: "67@2020-03-01", levels: ["district", "commune"] },
    weekdays: WEDNESDAY,
    officeHours: OFFICE_HOURS,
    officeHoursToVerify: true,
    intakeCutoff: "15:00",
    eligible: DAK_NONG_2023_ELIGIBLE,
    source:
      "Báo cáo Sở Nội vụ Đắk Nông qua doanhnghiephoinhap.vn (kết quả 15/10/2023–30/10/2024: 15.696 hồ sơ trong ngày); số, ngày văn bản chưa xác định",
    evidence: "S",
    toVerify: true,
    note: "Hết hiệu lực khi Đắk Nông nhập vào Lâm Đồng và bỏ cấp huyện (01/7/2025).",
  },
  {
    id: "lam-dong-2025-demo",
    issuer: "Khong Hen (cấu hình minh họa)",
    number: null,
    issuedOn: null,
    validFrom: "2025-07-01",
    status: "demo",
    label: "Cấu hình minh họa: Ngày không hẹn tại 28 xã, phường khu vực Đắk Nông cũ (không phải quyết định chính thức)",
    coverage: { unitIds: LAM_DONG_FORMER_DAK_NONG_COMMUNES },
    weekdays: WEDNESDAY,
    officeHours: OFFICE_HOURS,
    officeHoursToVerify: true,
    intakeCutoff: "15:00",
    // The land procedures are listed without the land office's participation: the decision tells why they are not
    // same-day at the commune, until a province plan names how the office takes part.
    eligible: {
      commune: [
        { procedureCode: "1.011441" },
        { procedureCode: "1.011443" },
        { procedureCode: "1.001612" },
        { procedureCode: "1.004873", excludedFlags: ["needs_verification"] },
      ],
    },
    source: "Cấu hình minh họa của phần mềm, theo mô hình Đắk Nông 2023 trên đơn vị hành chính 2 cấp",
    evidence: "?",
    toVerify: true,
    note: "Thay bằng kế hoạch chính thức của tỉnh Lâm Đồng hoặc từng xã khi có văn bản.",
  },
];
