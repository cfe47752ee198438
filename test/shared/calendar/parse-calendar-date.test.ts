import { describe, expect, it } from "@jest/globals";
import { parseCalendarDate } from "../../../shared/calendar/parse-calendar-date.js";

describe("parseCalendarDate (user-typed dates)", () => {
  it.each([
    ["18/02/2026", "2026-02-18"],
    ["2026-02-18", "2026-02-18"],
    [" 1/5/2025 ", "2025-05-01"],
    ["18-2-2026", "2026-02-18"],
    ["29.02.2024", "2024-02-29"],
  ])("%p → %s", (input, date) => {
    expect(parseCalendarDate(input)).toEqual({ ok: true, date });
  });

  it.each([["31/02/2026"], ["29/02/2026"], ["hôm qua"], ["2026-02"], [""]])(
    "%p is refused with a Vietnamese message",
    (input) => {
      const result = parseCalendarDate(input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe("invalid_date");
        expect(result.error.message).toContain("không hợp lệ");
        expect(result.error.messageEn).toContain("Invalid date");
      }
    },
  );

  it("refuses a year the calendar cannot compute", () => {
    const result = parseCalendarDate("01/01/2300");
    expect(result).toMatchObject({ ok: false, error: { code: "date_out_of_range" } });
  });
});
