import { describe, expect, it } from "@jest/globals";
import { validateCalendarData, type CalendarData, type CalendarEntry } from "../../../shared/calendar/calendar-data.js";
import { VN_CIVIL_SERVICE_CALENDAR } from "../../../shared/data/calendar-vn.js";

const row = (entry: Partial<CalendarEntry>): CalendarEntry => ({
  from: "2026-03-10",
  kind: "holiday",
  reason: "Ngày lễ của tỉnh",
  source: "thử nghiệm",
  evidence: "S",
  ...entry,
});
const dataWith = (entry: CalendarEntry, year = "2026"): CalendarData => ({
  id: "t",
  name: "Thử nghiệm",
  years: { [year]: { entries: [entry] } },
});

describe("shipped civil-service calendar data", () => {
  it("is valid", () => {
    expect(validateCalendarData(VN_CIVIL_SERVICE_CALENDAR)).toEqual({ ok: true });
  });

  it("covers 2023–2027 and marks 2027 provisional", () => {
    expect(Object.keys(VN_CIVIL_SERVICE_CALENDAR.years)).toEqual(["2023", "2024", "2025", "2026", "2027"]);
    expect(VN_CIVIL_SERVICE_CALENDAR.years["2027"]?.provisional).toBe(true);
    expect(VN_CIVIL_SERVICE_CALENDAR.years["2026"]?.provisional).toBeUndefined();
  });

  it("flags every unverified or derived row as to verify", () => {
    const all = Object.values(VN_CIVIL_SERVICE_CALENDAR.years).flatMap((y) => y.entries);
    for (const e of all.filter((e) => e.evidence === "U")) expect(e.toVerify).toBe(true);
    const flagged = all.filter((e) => e.toVerify).map((e) => e.from);
    expect(flagged).toEqual(expect.arrayContaining(["2027-01-01", "2027-02-05"]));
    // Confirmed by the government's letters (press copies): no longer to verify.
    for (const date of ["2026-01-02", "2026-01-10", "2026-04-27", "2026-08-31", "2026-09-01"])
      expect(flagged).not.toContain(date);
  });

  it("gives every row a Vietnamese reason and a source", () => {
    const all = Object.values(VN_CIVIL_SERVICE_CALENDAR.years).flatMap((y) => y.entries);
    for (const e of all) {
      expect(e.reason.length).toBeGreaterThan(5);
      expect(e.source.length).toBeGreaterThan(5);
    }
  });
});

describe("validateCalendarData", () => {
  it.each<[string, CalendarData, string]>([
    ["an impossible date", dataWith(row({ from: "2026-02-30" })), "invalid date"],
    [
      "a range ending before it starts",
      dataWith(row({ from: "2026-03-10", to: "2026-03-09" })),
      "ends before it starts",
    ],
    ["a row filed under another year", dataWith(row({ from: "2025-03-10" })), "outside year 2026"],
    ["an unverified row without the flag", dataWith(row({ evidence: "U" })), "needs toVerify"],
    ["an empty reason", dataWith(row({ reason: " " })), "empty reason"],
    ["a year key that is not YYYY", dataWith(row({}), "26"), "not YYYY"],
  ])("rejects %s", (_, data, issue) => {
    const check = validateCalendarData(data);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error.issues.join("\n")).toContain(issue);
  });
});
