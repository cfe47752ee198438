import { describe, expect, it } from "@jest/globals";
import { vnCalendar } from "../../../shared/calendar/vn-calendar.js";
import { schemePlans } from "../../../shared/data/scheme-plans.js";
import type { UnitsData } from "../../../shared/model.js";
import { procedureCatalog } from "../../../shared/procedures/catalog.js";
import { createDomain, type TrackDecision } from "../../../shared/scheme/decide-track.js";
import { checkSchemePlans, indexPlans } from "../../../shared/scheme/plan-index.js";
import type { SchemePlan } from "../../../shared/scheme/scheme-plan.js";
import { createUnitDirectory, unitDirectory } from "../../../shared/units/unit-directory.js";

describe("shipped scheme plans (data)", () => {
  it("fit the units and the catalog: units exist, procedures exist, excluded flags are defined on the procedure", () => {
    expect(checkSchemePlans(schemePlans, unitDirectory, procedureCatalog)).toEqual([]);
  });

  it("cover the 79 one-stops of Đắk Nông from 15/10/2023, the 8 pilot units before, and the 28 Lâm Đồng communes after 1/7/2025", () => {
    const index = indexPlans(schemePlans, unitDirectory, procedureCatalog);
    const covered = (date: string) => unitDirectory.units.filter((u) => index.planAt(u.id, date) !== undefined).length;
    expect(covered("2023-03-15")).toBe(8);
    expect(covered("2024-03-13")).toBe(79);
    expect(covered("2025-06-30")).toBe(79);
    expect(covered("2025-07-01")).toBe(28);
    expect(covered("2023-02-28")).toBe(0);
  });

  it("are Wednesdays with a 15:00 intake cutoff; unknown facts are marked to verify", () => {
    for (const plan of schemePlans) {
      expect(plan.weekdays).toEqual([3]);
      expect(plan.intakeCutoff).toBe("15:00");
      expect(plan.officeHoursToVerify).toBe(true);
      expect(plan.toVerify).toBe(true);
    }
  });

  it("label the Lâm Đồng plan as a demo configuration, not an official decision", () => {
    const demo = schemePlans.find((p) => p.validFrom === "2025-07-01");
    expect(demo?.status).toBe("demo");
    expect(demo?.label).toContain("Cấu hình minh họa");
    expect(demo?.label).toContain("không phải quyết định chính thức");
    expect(schemePlans.filter((p) => p.status === "official").every((p) => (p.validTo ?? "9999") <= "2025-06-30")).toBe(
      true,
    );
  });

  it("reject a plan that names a flag the procedure does not define", () => {
    const bad: SchemePlan = {
      ...schemePlans[1]!,
      id: "bad",
      eligible: { commune: [{ procedureCode: "1.004873", excludedFlags: ["no_such_flag"] }] },
    };
    expect(checkSchemePlans([bad], unitDirectory, procedureCatalog)).toEqual([
      "bad: flag no_such_flag not defined on 1.004873",
    ]);
    expect(() =>
      createDomain({ units: unitDirectory, calendar: vnCalendar, catalog: procedureCatalog, plans: [bad] }),
    ).toThrow(RangeError);
  });
});

describe("another province is configuration only (test-only plan: Fridays, cutoff 16:00)", () => {
  const source = "test fixture";
  const units: UnitsData = {
    units: [
      {
        id: "99@2024-01-01",
        code: "99",
        name: "Thử Nghiệm",
        type: "tỉnh",
        level: "province",
        validFrom: "2024-01-01",
        source,
      },
      {
        id: "99001@2024-01-01",
        code: "99001",
        name: "Mẫu Một",
        type: "phường",
        level: "commune",
        parentId: "99@2024-01-01",
        validFrom: "2024-01-01",
        source,
      },
      {
        id: "99002@2024-01-01",
        code: "99002",
        name: "Mẫu Hai",
        type: "xã",
        level: "commune",
        parentId: "99@2024-01-01",
        validFrom: "2024-01-01",
        source,
      },
    ],
    successions: [],
  };
  const fridayPlan: SchemePlan = {
    id: "thu-nghiem-friday",
    issuer: "Ủy ban nhân dân tỉnh Thử Nghiệm",
    number: "1/KH-TEST",
    issuedOn: "2024-01-02",
    validFrom: "2024-01-05",
    status: "official",
    label: "Ngày thứ Sáu không hẹn (thử nghiệm)",
    coverage: { provinceUnitId: "99@2024-01-01", levels: ["commune"] },
    weekdays: [5],
    officeHours: [
      { start: "07:30", end: "11:30" },
      { start: "13:00", end: "17:00" },
    ],
    officeHoursToVerify: false,
    intakeCutoff: "16:00",
    eligible: { commune: [{ procedureCode: "1.004873", excludedFlags: ["needs_verification"] }] },
    source,
    evidence: "V",
  };
  const domain = createDomain({
    units: createUnitDirectory(units),
    calendar: vnCalendar,
    catalog: procedureCatalog,
    plans: [fridayPlan],
  });
  const decide = (procedureCode: string, at: string) =>
    domain.decideTrack({ unitCode: "99002", procedureCode, at }) as TrackDecision;

  it.each([
    ["2025-09-05T15:30:00+07:00", "same-day", "2025-09-05"],
    ["2025-09-05T16:05:00+07:00", "normal", "2025-09-10"],
    ["2025-09-03T10:00:00+07:00", "normal", "2025-09-08"],
    ["2025-09-05T07:15:00+07:00", "normal", "2025-09-10"],
    ["2025-09-05T12:15:00+07:00", "normal", "2025-09-10"],
  ])("marital-status certificate at xã Mẫu Hai, %s → %s (due %s)", (when, track, dueDate) => {
    expect(decide("1.004873", when)).toMatchObject({ ok: true, track, dueDate, planId: "thu-nghiem-friday" });
  });

  it("uses the plan's own weekday and cutoff in its reasons", () => {
    expect(decide("1.004873", "2025-09-05T15:30:00+07:00").reasons.slice(0, 1)).toEqual([
      "Thứ Sáu 05/09/2025 là Ngày không hẹn tại xã Mẫu Hai",
    ]);
    expect(decide("1.004873", "2025-09-05T16:05:00+07:00").reasons.at(-1)).toBe(
      "Đã quá 16:00: chuyển sang quy trình thông thường, hẹn trả ngày 10/09/2025",
    );
    expect(decide("1.004873", "2025-09-03T10:00:00+07:00").reasons[0]).toBe(
      "Thứ Tư 03/09/2025 không phải Ngày không hẹn tại xã Mẫu Hai (Ngày không hẹn: Thứ Sáu)",
    );
  });

  it("keeps procedures outside the plan's list on the normal track", () => {
    const d = decide("1.001612", "2025-09-05T09:00:00+07:00");
    expect(d).toMatchObject({ track: "normal", causes: ["procedure_not_eligible"], dueDate: "2025-09-10" });
  });

  it("reports the plan, cutoff and next Friday through schemeStatusAt", () => {
    const s = domain.schemeStatusAt("99001", "2025-09-04T10:00:00+07:00");
    expect(s).toMatchObject({
      ok: true,
      isSchemeDay: false,
      intakeCutoff: "16:00",
      nextSchemeDay: "2025-09-05",
      unitName: "phường Mẫu Một",
    });
  });
});
