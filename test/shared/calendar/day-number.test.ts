import { describe, expect, it } from "@jest/globals";
import { formatDay, parseDay, weekdayOfDay } from "../../../shared/calendar/day-number.js";
import { dateFromDayNumber, dayNumber, weekdayOf } from "../../../shared/time/vn-time.js";

describe("fast day numbers", () => {
  it("agree with the vn-time helpers on every day from 1900 to 2200", () => {
    const mismatches: string[] = [];
    for (let n = dayNumber("1900-01-01")!; n <= dayNumber("2200-12-31")!; n += 1) {
      const date = dateFromDayNumber(n);
      if (formatDay(n) !== date || parseDay(date) !== n) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
  });

  it.each(["2026-02-18", "2024-02-29", "2000-02-29", "2025-01-01", "2026-12-31"])("weekday of %s matches", (date) => {
    expect(weekdayOfDay(parseDay(date)!)).toBe(weekdayOf(date));
  });

  it.each(["2026-02-29", "1900-02-29", "2024-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-05", "20260105", "2026/01/05", "abcd-ef-gh", "+026-01-05", ""])(
    "rejects %p",
    (date) => {
      expect(parseDay(date)).toBeUndefined();
    },
  );
});
