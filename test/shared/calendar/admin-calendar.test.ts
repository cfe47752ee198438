/**
 * The province administrator's calendar over the shipped one (docs/admin/calendar.md): a notice replaces the year's
 * days, a single day comes last and decides, a year without data keeps the lunar proposal under a single day, and
 * the calendar id names the latest change.
 */
import { describe, expect, it } from "@jest/globals";
import { emptyAdminYear, withAdminYears, type AdminCalendarYear } from "../../../shared/calendar/admin-calendar.js";
import { createCalendar } from "../../../shared/calendar/calendar.js";
import { VN_CIVIL_SERVICE_CALENDAR } from "../../../shared/data/calendar-vn.js";

const AT = "2026-12-02T02:00:00.000Z";
const day = (date: string, working: boolean, label: string) => ({ date, working, label, by: "tinh.quantri", at: AT });

describe("withAdminYears", () => {
  it("keeps the shipped calendar as is without administrator's years", () => {
    expect(withAdminYears(VN_CIVIL_SERVICE_CALENDAR, [])).toBe(VN_CIVIL_SERVICE_CALENDAR);
  });

  it("a single day decides over the shipped days, and the year keeps its shipped holidays", () => {
    const admin: AdminCalendarYear = {
      ...emptyAdminYear(2026, AT, "tinh.quantri"),
      days: [day("2026-12-09", false, "Nghỉ lễ của tỉnh"), day("2026-09-01", true, "Làm việc")],
    };
    const cal = createCalendar(withAdminYears(VN_CIVIL_SERVICE_CALENDAR, [admin]));
    expect(cal.isWorkingDay("2026-12-09")).toBe(false);
    expect(cal.explainDay("2026-12-09").text).toBe("Thứ Tư 09/12/2026 là ngày nghỉ: Nghỉ lễ của tỉnh.");
    expect(cal.isWorkingDay("2026-09-01")).toBe(true);
    expect(cal.isWorkingDay("2026-09-02")).toBe(false);
    expect(cal.id).toBe(`${VN_CIVIL_SERVICE_CALENDAR.id}+admin@${AT}`);
    // Leaving the day out tells what it is by the rule alone.
    expect(
      createCalendar(withAdminYears(VN_CIVIL_SERVICE_CALENDAR, [admin], "2026-12-09")).isWorkingDay("2026-12-09"),
    ).toBe(true);
  });

  it("a notice replaces the year's days and ends its forecast; single days still apply after it", () => {
    const admin: AdminCalendarYear = {
      ...emptyAdminYear(2027, AT, "tinh.quantri"),
      notice: { number: "99/TB", date: "2026-12-01", issuer: "Văn phòng Chính phủ", link: null, by: "x", at: AT },
      entries: [
        { from: "2027-01-01", kind: "holiday", reason: "Tết Dương lịch", source: "Văn bản số 99/TB", evidence: "V" },
        { from: "2027-02-12", kind: "swapped_off", reason: "Nghỉ hoán đổi", source: "Văn bản số 99/TB", evidence: "V" },
      ],
      days: [day("2027-01-01", true, "Làm việc theo quyết định của tỉnh")],
    };
    const cal = createCalendar(withAdminYears(VN_CIVIL_SERVICE_CALENDAR, [admin]));
    expect(cal.isWorkingDay("2027-02-12")).toBe(false);
    // The shipped Tết break is gone: only the notice's days are off.
    expect(cal.isWorkingDay("2027-02-08")).toBe(true);
    expect(cal.isWorkingDay("2027-01-01")).toBe(true);
    expect(cal.yearEntries(2027).provisional).toBe(false);
    expect(cal.uncertaintyBetween("2027-02-01", "2027-02-28")).toEqual({ provisional: false, toVerify: false });
  });

  it("a year without shipped data keeps the lunar proposal under a single day", () => {
    const admin: AdminCalendarYear = {
      ...emptyAdminYear(2030, AT, "tinh.quantri"),
      days: [day("2030-03-13", false, "Nghỉ lễ của tỉnh")],
    };
    const cal = createCalendar(withAdminYears(VN_CIVIL_SERVICE_CALENDAR, [admin]));
    expect(cal.isWorkingDay("2030-03-13")).toBe(false);
    expect(cal.isWorkingDay("2030-09-02")).toBe(false);
    expect(cal.yearEntries(2030).provisional).toBe(true);
  });
});
