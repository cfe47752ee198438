/** Report periods in Việt Nam time and their dd/mm/yyyy labels; bad ranges answered in Vietnamese. */
import { describe, expect, it } from "@jest/globals";
import { periodInstants, periodOf } from "../../shared/reports/periods.js";
import { workingMinutesBetween } from "../../shared/reports/working-time.js";
import { vnCalendar } from "../../shared/calendar/vn-calendar.js";

describe("report periods", () => {
  it("weeks run Monday to Sunday, quarters and months end on their last day", () => {
    expect(periodOf("week", "2025-07-16")).toEqual({
      kind: "week",
      from: "2025-07-14",
      to: "2025-07-20",
      label: "Tuần từ 14/07/2025 đến 20/07/2025",
    });
    expect(periodOf("month", "2024-02-10")).toMatchObject({
      from: "2024-02-01",
      to: "2024-02-29",
      label: "Tháng 02/2024",
    });
    expect(periodOf("quarter", "2025-08-01")).toMatchObject({
      from: "2025-07-01",
      to: "2025-09-30",
      label: "Quý III năm 2025",
    });
    expect(periodOf("year", "2025-08-01")).toMatchObject({ from: "2025-01-01", to: "2025-12-31", label: "Năm 2025" });
  });

  it("a custom range must end after it starts", () => {
    expect(periodOf("custom", "2025-07-10", "2025-07-01")).toMatchObject({
      ok: false,
      message: "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.",
    });
    expect(periodOf("custom", "2025-07-01")).toMatchObject({ ok: false });
  });

  it("a Việt Nam day starts at 17:00 UTC the day before, whatever the server's zone", () => {
    expect(periodInstants({ from: "2025-07-01", to: "2025-07-31" })).toEqual({
      start: "2025-06-30T17:00:00.000Z",
      end: "2025-07-31T17:00:00.000Z",
    });
  });

  it("counts working hours only inside office hours on working days", () => {
    // Friday 16:00 → Monday 08:00: 60 min on Friday, weekend skipped, 60 min on Monday.
    expect(workingMinutesBetween("2025-07-11T16:00:00+07:00", "2025-07-14T08:00:00+07:00", vnCalendar)).toBe(120);
    // Lunch break 11:30–13:30 is not working time.
    expect(workingMinutesBetween("2025-07-14T11:00:00+07:00", "2025-07-14T14:00:00+07:00", vnCalendar)).toBe(60);
    // 2/9 (National Day) is a holiday.
    expect(workingMinutesBetween("2025-09-02T08:00:00+07:00", "2025-09-02T10:00:00+07:00", vnCalendar)).toBe(0);
  });
});
