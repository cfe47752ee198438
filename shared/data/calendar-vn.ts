/**
 * Days off and make-up working days of cán bộ, công chức, viên chức, 2023–2027, as announced yearly
 * (Ministry of Labour / Ministry of Home Affairs notices as reported in the press). Seed copied from the project's
 * reference notes (docs/domain/calendar.md#holidays-and-days-off), then checked against press copies of the government's letters (each row names
 * its source; where the notes differed, the letter wins: no make-up Saturday 08/02/2025, New Year and National Day
 * 2026 swaps, no 24/11 day off yet); weekends are listed only inside a break. Evidence: S = press report,
 * U = derived from the Labour Code 2019 Art. 112 rules or not confirmed (toVerify: "cần kiểm tra").
 * Years not listed here are proposed from the lunar calendar (shared/calendar/lunar-fallback.ts).
 */
import type { CalendarData, CalendarEntry } from "../calendar/calendar-data.js";

export type { CalendarData, CalendarEntry, CalendarYear } from "../calendar/calendar-data.js";

const press = (year: number): string =>
  `Lịch nghỉ lễ, Tết năm ${year} của cán bộ, công chức, viên chức (thông báo của Bộ, báo chí đưa tin)`;
const PRESS_2023 = press(2023);
const PRESS_2024 = press(2024);
const PRESS_2025 = press(2025);
const SRC_2025 = `${PRESS_2025}: https://www.tet-amlich.com/2024/11/cac-ngay-nghi-le-2025.html`;
const SRC_TET_2026 =
  "Lịch nghỉ Tết Bính Ngọ 2026 của cán bộ, công chức (báo Công an TP.HCM): http://www.congan.com.vn/?catid=702&id=388656&mod=detnews";
const SRC_TET_2025 =
  "Công văn 8726/VPCP-KGVX ngày 26/11/2024 (Tết Ất Tỵ nghỉ 9 ngày: 5 ngày Tết và 4 ngày nghỉ cuối tuần, không có ngày làm bù): https://pld.net.vn/tag/nghi-tet-nguyen-dan.html; https://beta-hn.tek4tv.vn/video/Thu-tuong-dong-y-nghi-Tet-Nguyen-dan-9-ngay-283511.htm";
const SRC_NEW_YEAR_2026 =
  "Công văn 12729/VPCP-KGVX ngày 25/12/2025 (nghỉ 01/01–04/01/2026, hoán đổi Thứ Sáu 02/01 sang Thứ Bảy 10/01/2026), báo chí đưa tin: https://tracuuquyhoach.com/tin-tuc/tin-vui-cho-nguoi-lao-dong-chinh-phu-dong-y-nghi-tet-duong-lich-4-ngay-54100289; https://www.collector.com.tr//965292743";
const SRC_NATIONAL_DAY_2026 =
  "Văn phòng Chính phủ truyền đạt ý kiến Thủ tướng (13/10/2025): Quốc khánh 2026 nghỉ 29/8–02/9, ngày liền kề là 01/9, hoán đổi Thứ Hai 31/8 sang Thứ Bảy 22/8/2026; báo Thanh Niên https://thanhnien.vn/tet-binh-ngo-nghi-9-ngay-lien-tuc-185251013200157051.htm; Kiến Thức https://kienthuc.net.vn/chot-phuong-an-nghi-tet-am-lich-binh-ngo-va-quoc-khanh-nam-2026-post1576857.html";
const SRC_APRIL_2026 =
  "Báo Thanh Niên 23/02/2026: Giỗ Tổ 26/4/2026 là Chủ nhật, nghỉ bù Thứ Hai 27/4; 30/4 và 1/5 là Thứ Năm, Thứ Sáu: https://thanhnien.vn/gio-to-hung-vuong-304-15-quoc-khanh-29-nam-2026-duoc-nghi-may-ngay-185260223083506397.htm";
const LABOUR_CODE = "Bộ luật Lao động 2019, Điều 112 (suy ra theo quy tắc nghỉ lễ, nghỉ bù; chưa có thông báo)";

const s = (source: string, entry: Omit<CalendarEntry, "source" | "evidence">): CalendarEntry => ({
  ...entry,
  source,
  evidence: "S",
});
const u = (source: string, entry: Omit<CalendarEntry, "source" | "evidence" | "toVerify">): CalendarEntry => ({
  ...entry,
  source,
  evidence: "U",
  toVerify: true,
});

/**
 * Announced or discussed changes that are not law yet, for the administrator: not applied to any day. Ngày Văn hóa
 * Việt Nam 24/11 (Politburo Resolution 80-NQ/TW, 01/2026) needs an amendment of Labour Code Art. 112(1); Resolution
 * 30/NQ-CP (02/2026) only tasks that amendment, and no amended law in force was found (searched again 12/2026: press
 * copies still speak of the day off "khi chính thức được Quốc hội thể chế hóa"), so 24/11 stays a working day, 24/11/2026
 * (a Tuesday) included.
 */
export const PENDING_CALENDAR_CHANGES: readonly {
  date: string;
  reason: string;
  source: string;
  evidence: "U";
  toVerify: true;
}[] = [
  {
    date: "24/11 hằng năm",
    reason:
      "Ngày Văn hóa Việt Nam: chủ trương là ngày nghỉ hưởng nguyên lương, chờ sửa đổi Bộ luật Lao động, Điều 112 khoản 1",
    source:
      "VnExpress 17/01/2026 https://vnexpress.net/de-xuat-luat-hoa-ngay-van-hoa-viet-nam-thanh-ngay-nghi-le-5006749.html; VnEconomy 26/02/2026 (Nghị quyết 30/NQ-CP) https://vneconomy.vn/bo-sung-ngay-van-hoa-viet-nam-2411-vao-danh-muc-ngay-nghi-huong-nguyen-luong.htm; Thanh Niên 13/01/2026 (nghỉ khi Quốc hội thể chế hóa) https://thanhnien.vn/nguoi-lao-dong-co-the-nghi-le-tet-toi-26-ngay-trong-nam-2026-185260113172347178.htm",
    evidence: "U",
    toVerify: true,
  },
];

export const VN_CIVIL_SERVICE_CALENDAR: CalendarData = {
  id: "vn-civil-service-2023-2027@2026-12",
  name: "Lịch nghỉ lễ, Tết của cán bộ, công chức, viên chức",
  years: {
    "2023": {
      entries: [
        s(PRESS_2023, {
          from: "2023-01-02",
          kind: "compensatory",
          reason: "Nghỉ bù Tết Dương lịch (01/01/2023 là Chủ nhật)",
        }),
        s(PRESS_2023, {
          from: "2023-01-20",
          to: "2023-01-26",
          kind: "tet_break",
          reason: "Nghỉ Tết Nguyên đán Quý Mão",
        }),
        s(PRESS_2023, { from: "2023-04-29", kind: "holiday", reason: "Giỗ Tổ Hùng Vương (10/3 âm lịch)" }),
        s(PRESS_2023, { from: "2023-04-30", kind: "holiday", reason: "Ngày Chiến thắng (30/4)" }),
        s(PRESS_2023, { from: "2023-05-01", kind: "holiday", reason: "Ngày Quốc tế Lao động (1/5)" }),
        s(PRESS_2023, {
          from: "2023-05-02",
          to: "2023-05-03",
          kind: "compensatory",
          reason: "Nghỉ bù Giỗ Tổ Hùng Vương và Ngày Chiến thắng trùng cuối tuần",
        }),
        s(PRESS_2023, { from: "2023-09-01", kind: "holiday", reason: "Nghỉ lễ Quốc khánh (ngày liền kề 2/9)" }),
        s(PRESS_2023, { from: "2023-09-02", kind: "holiday", reason: "Quốc khánh (2/9)" }),
        s(PRESS_2023, {
          from: "2023-09-04",
          kind: "compensatory",
          reason: "Nghỉ bù Quốc khánh (02/09/2023 là Thứ Bảy)",
        }),
      ],
    },
    "2024": {
      entries: [
        s(PRESS_2024, { from: "2024-01-01", kind: "holiday", reason: "Tết Dương lịch" }),
        s(PRESS_2024, {
          from: "2024-02-08",
          to: "2024-02-14",
          kind: "tet_break",
          reason: "Nghỉ Tết Nguyên đán Giáp Thìn",
        }),
        s(PRESS_2024, { from: "2024-04-18", kind: "holiday", reason: "Giỗ Tổ Hùng Vương (10/3 âm lịch)" }),
        s(PRESS_2024, {
          from: "2024-04-29",
          kind: "swapped_off",
          reason: "Nghỉ hoán đổi, làm bù vào Thứ Bảy 04/05/2024",
        }),
        s(PRESS_2024, { from: "2024-04-30", kind: "holiday", reason: "Ngày Chiến thắng (30/4)" }),
        s(PRESS_2024, { from: "2024-05-01", kind: "holiday", reason: "Ngày Quốc tế Lao động (1/5)" }),
        s(PRESS_2024, { from: "2024-05-04", kind: "makeup_working", reason: "Làm bù cho ngày 29/04/2024" }),
        s(PRESS_2024, { from: "2024-09-02", kind: "holiday", reason: "Quốc khánh (2/9)" }),
        s(PRESS_2024, { from: "2024-09-03", kind: "holiday", reason: "Nghỉ lễ Quốc khánh (ngày liền kề 2/9)" }),
      ],
    },
    "2025": {
      entries: [
        s(PRESS_2025, { from: "2025-01-01", kind: "holiday", reason: "Tết Dương lịch" }),
        s(SRC_TET_2025, {
          from: "2025-01-25",
          to: "2025-02-02",
          kind: "tet_break",
          reason: "Nghỉ Tết Nguyên đán Ất Tỵ",
        }),
        s(SRC_2025, { from: "2025-04-07", kind: "holiday", reason: "Giỗ Tổ Hùng Vương (10/3 âm lịch)" }),
        s(SRC_2025, { from: "2025-04-26", kind: "makeup_working", reason: "Làm bù cho ngày 02/05/2025" }),
        s(SRC_2025, { from: "2025-04-30", kind: "holiday", reason: "Ngày Chiến thắng (30/4)" }),
        s(SRC_2025, { from: "2025-05-01", kind: "holiday", reason: "Ngày Quốc tế Lao động (1/5)" }),
        s(SRC_2025, {
          from: "2025-05-02",
          kind: "swapped_off",
          reason: "Nghỉ hoán đổi, làm bù vào Thứ Bảy 26/04/2025",
        }),
        s(SRC_2025, { from: "2025-09-01", kind: "holiday", reason: "Nghỉ lễ Quốc khánh (ngày liền kề 2/9)" }),
        s(SRC_2025, { from: "2025-09-02", kind: "holiday", reason: "Quốc khánh (2/9)" }),
      ],
    },
    "2026": {
      entries: [
        s(SRC_NEW_YEAR_2026, { from: "2026-01-01", kind: "holiday", reason: "Tết Dương lịch" }),
        s(SRC_NEW_YEAR_2026, {
          from: "2026-01-02",
          kind: "swapped_off",
          reason: "Nghỉ hoán đổi dịp Tết Dương lịch, làm bù vào Thứ Bảy 10/01/2026",
        }),
        s(SRC_NEW_YEAR_2026, { from: "2026-01-10", kind: "makeup_working", reason: "Làm bù cho ngày 02/01/2026" }),
        s(SRC_TET_2026, {
          from: "2026-02-14",
          to: "2026-02-22",
          kind: "tet_break",
          reason: "Nghỉ Tết Nguyên đán Bính Ngọ",
        }),
        s(SRC_APRIL_2026, { from: "2026-04-26", kind: "holiday", reason: "Giỗ Tổ Hùng Vương (10/3 âm lịch)" }),
        s(SRC_APRIL_2026, {
          from: "2026-04-27",
          kind: "compensatory",
          reason: "Nghỉ bù Giỗ Tổ Hùng Vương (26/04/2026 là Chủ nhật)",
        }),
        s(SRC_APRIL_2026, { from: "2026-04-30", kind: "holiday", reason: "Ngày Chiến thắng (30/4)" }),
        s(SRC_APRIL_2026, { from: "2026-05-01", kind: "holiday", reason: "Ngày Quốc tế Lao động (1/5)" }),
        s(SRC_NATIONAL_DAY_2026, { from: "2026-08-22", kind: "makeup_working", reason: "Làm bù cho ngày 31/08/2026" }),
        s(SRC_NATIONAL_DAY_2026, {
          from: "2026-08-31",
          kind: "swapped_off",
          reason: "Nghỉ hoán đổi dịp Quốc khánh, làm bù vào Thứ Bảy 22/08/2026",
        }),
        s(SRC_NATIONAL_DAY_2026, {
          from: "2026-09-01",
          kind: "holiday",
          reason: "Nghỉ lễ Quốc khánh (ngày liền kề 2/9)",
        }),
        s(SRC_NATIONAL_DAY_2026, { from: "2026-09-02", kind: "holiday", reason: "Quốc khánh (2/9)" }),
      ],
    },
    "2027": {
      provisional: true,
      entries: [
        u(LABOUR_CODE, { from: "2027-01-01", kind: "holiday", reason: "Tết Dương lịch" }),
        u(`${LABOUR_CODE}; mùng 1 Tết Đinh Mùi là Thứ Bảy 06/02/2027 (lịch âm)`, {
          from: "2027-02-05",
          to: "2027-02-11",
          kind: "tet_break",
          reason: "Nghỉ Tết Nguyên đán Đinh Mùi",
          provisional: true,
          note: "Dự kiến theo quy ước: 30 Tết và mùng 1–4, nghỉ bù ngày trùng cuối tuần; chưa tìm thấy quyết định của Thủ tướng (tìm lại 12/2026), kể cả việc có hoán đổi Thứ Sáu 12/02/2027 hay không: ngày đó tạm tính là ngày làm việc.",
        }),
        u(LABOUR_CODE, { from: "2027-04-16", kind: "holiday", reason: "Giỗ Tổ Hùng Vương (10/3 âm lịch)" }),
        u(LABOUR_CODE, { from: "2027-04-30", kind: "holiday", reason: "Ngày Chiến thắng (30/4)" }),
        u(LABOUR_CODE, { from: "2027-05-01", kind: "holiday", reason: "Ngày Quốc tế Lao động (1/5)" }),
        u(LABOUR_CODE, {
          from: "2027-05-03",
          kind: "compensatory",
          reason: "Nghỉ bù Ngày Quốc tế Lao động (01/05/2027 là Thứ Bảy)",
        }),
        u(LABOUR_CODE, { from: "2027-09-02", kind: "holiday", reason: "Quốc khánh (2/9)" }),
        u(LABOUR_CODE, { from: "2027-09-03", kind: "holiday", reason: "Nghỉ lễ Quốc khánh (ngày liền kề 2/9)" }),
      ],
    },
  },
};
