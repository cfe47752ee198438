import { describe, expect, it } from "@jest/globals";
import { formatDay, parseDay, weekdayOfDay } from "../../../shared/calendar/day-number.js";
import { weekdayOf } from "../../../shared/time/vn-time.js";

// The reference: day numbers through Date's own UTC calendar.
const DAY_MS = 86_400_000;
function dayNumber(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms / DAY_MS : undefined;
}
const dateFromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

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

  it.each([
    "2026-02-29",
    "1900-02-29",
    "2024-02-30",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-1-05",
    "20260105",
    "2026/01/05",
    "abcd-ef-gh",
    "+026-01-05",
    "",
  ])("rejects %p", (date) => {
    expect(parseDay(date)).toBeUndefined();
  });
});
