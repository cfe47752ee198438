import { describe, expect, it } from "@jest/globals";
import { formatDay, parseDay } from "../../../shared/calendar/day-number.js";
import { addWorkingDays, explainDay, isWorkingDay, vnCalendar } from "../../../shared/calendar/vn-calendar.js";

describe("isWorkingDay on the civil-service calendar", () => {
  it.each([
    ["2023-01-19", true, "day before Tết Quý Mão"],
    ["2023-01-20", false, "first day of Tết Quý Mão"],
    ["2023-01-26", false, "last day of Tết Quý Mão"],
    ["2023-01-27", true, "day after Tết Quý Mão"],
    ["2024-02-07", true, "day before Tết Giáp Thìn"],
    ["2024-02-08", false, "first day of Tết Giáp Thìn"],
    ["2024-02-14", false, "last day of Tết Giáp Thìn"],
    ["2024-02-15", true, "day after Tết Giáp Thìn"],
    ["2025-01-24", true, "day before Tết Ất Tỵ"],
    ["2025-01-25", false, "first day of Tết Ất Tỵ (Saturday)"],
    ["2025-01-27", false, "Monday inside Tết Ất Tỵ"],
    ["2025-02-02", false, "last day of Tết Ất Tỵ (Sunday)"],
    ["2025-02-03", true, "day after Tết Ất Tỵ"],
    ["2026-02-13", true, "day before Tết Bính Ngọ"],
    ["2026-02-14", false, "first day of Tết Bính Ngọ"],
    ["2026-02-18", false, "middle of Tết Bính Ngọ"],
    ["2026-02-22", false, "last day of Tết Bính Ngọ"],
    ["2026-02-23", true, "day after Tết Bính Ngọ"],
  ])("%s is working: %s (%s)", (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it.each([
    ["2024-05-04", true, "make-up Saturday for 29/04/2024"],
    ["2025-04-26", true, "make-up Saturday for 02/05/2025"],
    ["2025-02-08", false, "Saturday after Tết Ất Tỵ: no swap (8726/VPCP-KGVX)"],
    ["2024-04-29", false, "Monday swapped off"],
    ["2025-05-02", false, "Friday swapped off"],
    ["2023-01-02", false, "compensatory for New Year on Sunday"],
    ["2023-05-02", false, "compensatory for Giỗ Tổ on Saturday"],
    ["2023-05-03", false, "compensatory for 30/4 on Sunday"],
    ["2023-09-04", false, "compensatory for National Day on Saturday"],
    ["2026-04-27", false, "compensatory for Giỗ Tổ 2026 on Sunday"],
    ["2025-04-07", false, "Giỗ Tổ Hùng Vương 2025"],
    ["2024-09-03", false, "day next to National Day 2024"],
    ["2026-09-01", false, "Tuesday next to National Day 2026"],
    ["2026-08-31", false, "Monday swapped off for National Day 2026"],
    ["2026-08-22", true, "make-up Saturday for 31/08/2026"],
    ["2026-11-24", true, "Vietnam Culture Day: not yet a day off in the Labour Code"],
    ["2026-01-02", false, "Friday after New Year 2026 swapped off (12729/VPCP-KGVX)"],
    ["2026-01-10", true, "make-up Saturday for 02/01/2026"],
    ["2026-03-14", false, "plain Saturday"],
    ["2026-03-15", false, "plain Sunday"],
    ["2024-05-05", false, "Sunday after a make-up Saturday"],
    ["2026-03-12", true, "plain Thursday"],
  ])("%s is working: %s (%s)", (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });
});

describe("addWorkingDays and friends", () => {
  it.each([
    ["2026-02-12", 3, "2026-02-24"], // Fri 13/02, then Tết 14–22/02, Mon 23, Tue 24
    ["2026-02-12", 1, "2026-02-13"],
    ["2026-02-13", 1, "2026-02-23"],
    ["2026-02-14", 0, "2026-02-23"],
    ["2026-03-12", 0, "2026-03-12"],
    ["2025-04-25", 1, "2025-04-26"], // make-up Saturday counts
    ["2025-04-29", 1, "2025-05-05"],
    ["2024-04-26", 1, "2024-05-02"],
    ["2025-12-31", 1, "2026-01-05"],
    ["2025-12-31", 3, "2026-01-07"],
    ["2026-01-09", 1, "2026-01-10"], // make-up Saturday counts
    ["2027-12-31", 1, "2028-01-04"], // into a lunar-fallback year: 01/01/2028 Saturday → Monday 03/01 off
    ["2026-02-23", -1, "2026-02-13"],
    ["2026-03-16", -1, "2026-03-13"],
  ])("%s + %i working days = %s", (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
  });

  it.each([
    ["2026-02-13", "2026-02-23"],
    ["2026-03-12", "2026-03-13"],
    ["2025-04-25", "2025-04-26"],
  ])("next working day after %s is %s", (date, expected) => {
    expect(vnCalendar.nextWorkingDay(date)).toBe(expected);
  });

  it.each([
    ["2026-02-14", "2026-02-23"],
    ["2026-03-12", "2026-03-12"],
    ["2025-05-02", "2025-05-05"],
  ])("working day on or after %s is %s", (date, expected) => {
    expect(vnCalendar.workingDayOnOrAfter(date)).toBe(expected);
  });

  it.each([
    ["2026-02-12", "2026-02-24", 3],
    ["2026-02-24", "2026-02-12", -3],
    ["2026-03-12", "2026-03-12", 0],
    ["2025-12-31", "2026-12-31", 250], // 365 − 104 weekend days − 13 weekdays off + 2 make-up Saturdays (10/01, 22/08)
  ])("working days from %s to %s: %i", (a, b, expected) => {
    expect(vnCalendar.workingDaysBetween(a, b)).toBe(expected);
  });
});

describe("day-number fast paths", () => {
  it("agree with the string API across Tết 2026", () => {
    const days = vnCalendar.byDayNumber;
    expect(formatDay(days.add(parseDay("2026-02-12")!, 3))).toBe("2026-02-24");
    expect(days.isWorking(parseDay("2026-02-18")!)).toBe(false);
    expect(days.uncertainty(parseDay("2026-11-20")!, parseDay("2026-11-25")!)).toEqual({
      provisional: false,
      toVerify: false,
    });
    expect(days.uncertainty(parseDay("2027-02-01")!, parseDay("2027-02-05")!)).toEqual({
      provisional: true,
      toVerify: true,
    });
  });
});

describe("programmer errors throw RangeError", () => {
  it.each([["2026-02-30"], ["18/02/2026"], ["2300-01-01"], [""]])("isWorkingDay(%p)", (date) => {
    expect(() => isWorkingDay(date)).toThrow(RangeError);
  });

  it("a fractional count", () => {
    expect(() => addWorkingDays("2026-03-12", 1.5)).toThrow(RangeError);
  });
});

describe("explainDay", () => {
  it.each([
    ["2026-02-18", "Thứ Tư 18/02/2026 là ngày nghỉ: Nghỉ Tết Nguyên đán Bính Ngọ (14/02–22/02/2026)."],
    ["2025-04-26", "Thứ Bảy 26/04/2025 là ngày làm việc: làm bù cho ngày 02/05/2025."],
    ["2026-03-12", "Thứ Năm 12/03/2026 là ngày làm việc bình thường."],
    ["2026-03-15", "Chủ nhật 15/03/2026 là ngày nghỉ cuối tuần."],
    ["2025-05-02", "Thứ Sáu 02/05/2025 là ngày nghỉ: Nghỉ hoán đổi, làm bù vào Thứ Bảy 26/04/2025."],
    [
      "2023-05-03",
      "Thứ Tư 03/05/2023 là ngày nghỉ: Nghỉ bù Giỗ Tổ Hùng Vương và Ngày Chiến thắng trùng cuối tuần (02/05–03/05/2023).",
    ],
  ])("%s", (date, text) => {
    expect(explainDay(date).text).toBe(text);
  });

  it("returns the reasons and flags as data", () => {
    expect(explainDay("2026-02-18")).toEqual({
      date: "2026-02-18",
      working: false,
      provisional: false,
      toVerify: false,
      reasons: ["Nghỉ Tết Nguyên đán Bính Ngọ"],
      text: "Thứ Tư 18/02/2026 là ngày nghỉ: Nghỉ Tết Nguyên đán Bính Ngọ (14/02–22/02/2026).",
      summary: "Thứ Tư 18/02/2026 là ngày nghỉ: Nghỉ Tết Nguyên đán Bính Ngọ (14/02–22/02/2026)",
    });
    expect(explainDay("2026-03-12").reasons).toEqual([]);
    expect(explainDay("2026-03-14").reasons).toEqual(["Nghỉ cuối tuần"]);
  });

  it("explains the New Year 2026 swap with the days that agree with it", () => {
    expect(explainDay("2026-01-02").summary).toBe(
      "Thứ Sáu 02/01/2026 là ngày nghỉ: Nghỉ hoán đổi dịp Tết Dương lịch, làm bù vào Thứ Bảy 10/01/2026",
    );
    expect(explainDay("2026-01-10").summary).toBe("Thứ Bảy 10/01/2026 là ngày làm việc: làm bù cho ngày 02/01/2026");
    expect(explainDay("2025-02-08").summary).toBe("Thứ Bảy 08/02/2025 là ngày nghỉ cuối tuần");
  });

  it("says a provisional day off in one plain sentence, without the administrator's marker", () => {
    const day = explainDay("2027-02-08");
    expect(day).toMatchObject({ working: false, toVerify: true, provisional: true });
    expect(day.text).toBe(
      "Thứ Hai 08/02/2027 là ngày nghỉ: Nghỉ Tết Nguyên đán Đinh Mùi (05/02–11/02/2027). Đây là ngày nghỉ dự kiến, chờ thông báo chính thức.",
    );
    expect(day.text).not.toContain("cần kiểm tra");
  });

  it("marks a year without a notice as provisional, from the lunar calendar", () => {
    const day = explainDay("2028-01-27");
    expect(day).toMatchObject({ working: false, provisional: true, toVerify: true });
    expect(day.text).toContain("Nghỉ Tết Nguyên đán Mậu Thân (25/01–31/01/2028)");
    expect(day.text).toContain("dự kiến");
    expect(explainDay("2028-03-15")).toMatchObject({ working: true, provisional: true });
  });

  it("Friday 12/02/2027, the day after the expected Tết break, reads as a working day on a provisional calendar", () => {
    expect(explainDay("2027-02-12")).toMatchObject({ working: true, provisional: true });
    expect(explainDay("2027-02-12").text).toBe(
      "Thứ Sáu 12/02/2027 là ngày làm việc bình thường. Lịch nghỉ năm này chưa có thông báo chính thức, đây là lịch dự kiến.",
    );
  });

  it("shows Tết 2027 as provisional data", () => {
    expect(explainDay("2027-02-08")).toMatchObject({
      working: false,
      provisional: true,
      reasons: ["Nghỉ Tết Nguyên đán Đinh Mùi"],
    });
  });
});

describe("yearEntries", () => {
  it("returns the shipped data for 2026 and a lunar proposal for 2029", () => {
    expect(vnCalendar.yearEntries(2026)).toMatchObject({ provisional: false, fromLunarCalendar: false });
    const y2029 = vnCalendar.yearEntries(2029);
    expect(y2029).toMatchObject({ provisional: true, fromLunarCalendar: true });
    expect(y2029.entries.some((e) => e.kind === "tet_break")).toBe(true);
  });
});
