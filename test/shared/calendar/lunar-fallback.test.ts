import { describe, expect, it } from "@jest/globals";
import { createCalendar } from "../../../shared/calendar/calendar.js";
import { hungKingsDay, lunarNewYear, lunarYearName, proposeHolidays } from "../../../shared/calendar/lunar-fallback.js";
import { vnCalendar } from "../../../shared/calendar/vn-calendar.js";
import { addDays } from "../../../shared/time/vn-time.js";

const lunarOnly = createCalendar({ id: "lunar-only", name: "Lịch dự kiến", years: {} });

function offDays(year: number): string[] {
  return proposeHolidays(year).entries.flatMap((e) => {
    const days: string[] = [];
    for (let d = e.from; d <= (e.to ?? e.from); d = addDays(d, 1)) days.push(d);
    return days;
  });
}

describe("lunar anchors (Vietnamese calendar, UTC+7)", () => {
  it.each([
    [1985, "1985-01-21"],
    [2007, "2007-02-17"],
    [2024, "2024-02-10"],
    [2025, "2025-01-29"],
    [2026, "2026-02-17"],
    [2027, "2027-02-06"],
    [2030, "2030-02-02"],
  ])("Tết %i falls on %s", (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it.each([
    [2024, "2024-04-18"],
    [2025, "2025-04-07"],
    [2026, "2026-04-26"],
  ])("Giỗ Tổ Hùng Vương %i falls on %s", (year, date) => {
    expect(hungKingsDay(year)).toBe(date);
  });

  it.each([
    [2023, "Quý Mão"],
    [2024, "Giáp Thìn"],
    [2025, "Ất Tỵ"],
    [2026, "Bính Ngọ"],
    [2027, "Đinh Mùi"],
  ])("lunar year %i is named %s", (year, name) => {
    expect(lunarYearName(year)).toBe(name);
  });
});

describe("proposed days off for a year without a notice", () => {
  it("reproduces the announced Tết 2026 break 14/02–22/02", () => {
    const tet = proposeHolidays(2026).entries.find((e) => e.kind === "tet_break");
    expect(tet).toMatchObject({ from: "2026-02-14", to: "2026-02-22", reason: "Nghỉ Tết Nguyên đán Bính Ngọ" });
  });

  it("gives the same working days as the shipped 2027 data, and 2026 but for the announced swaps", () => {
    const swaps2026 = ["2026-01-02", "2026-01-10", "2026-08-22", "2026-08-31"];
    for (const year of [2026, 2027]) {
      const differing: string[] = [];
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
        if (lunarOnly.isWorkingDay(d) !== vnCalendar.isWorkingDay(d)) differing.push(d);
      }
      expect(differing).toEqual(year === 2026 ? swaps2026 : []);
    }
  });

  it("adds compensatory days for holidays on a weekend (2028)", () => {
    const days = offDays(2028);
    // 01/01 Sat → Mon 03/01; 30/04 Sun with 01/05 Mon off → Tue 02/05; 02/09 Sat → 01/09 Fri and Mon 04/09.
    expect(days).toEqual(expect.arrayContaining(["2028-01-03", "2028-05-02", "2028-09-01", "2028-09-04"]));
    expect(lunarOnly.isWorkingDay("2028-05-03")).toBe(true);
    expect(lunarOnly.isWorkingDay("2028-09-05")).toBe(true);
  });

  it("keeps the Labour Code's five Tết days off on weekdays or makes them up (2030: Tết on Saturday)", () => {
    // 01/02 (30 Tết, Fri), 02–03/02 weekend, 04–05/02: two weekend days made up on Wed 06 and Thu 07/02.
    const tet = proposeHolidays(2030).entries.find((e) => e.kind === "tet_break");
    expect(tet).toMatchObject({ from: "2030-02-01", to: "2030-02-07" });
    expect(lunarOnly.isWorkingDay("2030-02-08")).toBe(true);
  });

  it("marks every proposed entry provisional and to verify", () => {
    const entries = proposeHolidays(2031).entries;
    expect(entries.length).toBeGreaterThanOrEqual(7);
    for (const e of entries) expect(e).toMatchObject({ provisional: true, toVerify: true, evidence: "U" });
    expect(proposeHolidays(2031).provisional).toBe(true);
  });

  it("proposes no Vietnam Culture Day while the Labour Code does not list it", () => {
    expect(offDays(2025)).not.toContain("2025-11-24");
    expect(offDays(2028)).not.toContain("2028-11-24");
  });

  it("rejects years the lunar tables do not cover", () => {
    expect(() => proposeHolidays(2200)).toThrow(RangeError);
    expect(() => lunarNewYear(1899)).toThrow(RangeError);
  });
});
