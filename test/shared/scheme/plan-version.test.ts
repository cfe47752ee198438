/**
 * A new plan version and a unit's participation, on the shipped catalogue (docs/admin/plans.md): what the province
 * administrator is refused beside which field, how the version in force ends, and how the plan index honours a unit
 * that stops taking part from a date (the days before keep the plan).
 */
import { describe, expect, test } from "@jest/globals";
import { schemePlans } from "../../../shared/data/scheme-plans.js";
import { procedureCatalog } from "../../../shared/procedures/catalog.js";
import { createDomain } from "../../../shared/scheme/decide-track.js";
import { takesPartOn, withChange } from "../../../shared/scheme/plan-participation.js";
import { checkPlanVersion, type PlanVersionInput } from "../../../shared/scheme/plan-version.js";
import { vnCalendar } from "../../../shared/calendar/vn-calendar.js";
import { unitDirectory } from "../../../shared/units/unit-directory.js";

const demo = schemePlans.find((p) => p.id === "lam-dong-2025-demo")!;
const ctx = {
  today: "2025-07-16",
  previous: demo,
  plans: schemePlans,
  units: unitDirectory,
  catalog: procedureCatalog,
  enteredBy: { username: "tinh.quantri", at: "2025-07-16T04:00:00.000Z" },
};
const input = (extra: Partial<PlanVersionInput> = {}): PlanVersionInput => ({
  validFrom: "2025-08-01",
  weekdays: [3],
  officeHours: [
    { start: "07:00", end: "11:30" },
    { start: "13:30", end: "17:00" },
  ],
  intakeCutoff: "10:30",
  procedures: [{ level: "commune", procedureCode: "1.004873", excludedFlags: ["needs_verification"] }],
  document: { status: "demo" },
  ...extra,
});
const paths = (extra: Partial<PlanVersionInput>) => {
  const r = checkPlanVersion(input(extra), ctx);
  return r.ok ? [] : r.errors.map((e) => e.path);
};

describe("a new plan version", () => {
  test("ends the version in force the day before and keeps its coverage", () => {
    const r = checkPlanVersion(input(), ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.previous.validTo).toBe("2025-07-31");
    expect(r.plan).toMatchObject({
      id: "lam-dong-2025-demo-v2025-08-01",
      status: "demo",
      coverage: demo.coverage,
      supersedes: demo.id,
      label:
        "Cấu hình minh họa: Ngày không hẹn tại 28 xã, phường khu vực Đắk Nông cũ (không phải quyết định chính thức)",
    });
  });

  test("refuses each bad input beside its field", () => {
    expect(paths({ intakeCutoff: "12:00" })).toEqual(["intakeCutoff"]);
    expect(paths({ intakeCutoff: "06:59" })).toEqual(["intakeCutoff"]);
    expect(paths({ procedures: [] })).toEqual(["procedures"]);
    expect(paths({ weekdays: [] })).toEqual(["weekdays"]);
    expect(paths({ validFrom: "2025-07-16" })).toEqual(["validFrom"]);
    expect(paths({ validFrom: "2025-08-01", validTo: "2025-07-20" })).toEqual(["validTo"]);
    expect(paths({ procedures: [{ level: "commune", procedureCode: "1.999999" }] })).toEqual([
      "procedures.0.procedureCode",
    ]);
    expect(
      paths({ procedures: [{ level: "commune", procedureCode: "1.004873", excludedFlags: ["khong_co"] }] }),
    ).toEqual(["procedures.0.excludedFlags"]);
    expect(
      paths({
        officeHours: [
          { start: "07:00", end: "12:00" },
          { start: "11:00", end: "17:00" },
        ],
      }),
    ).toEqual(["officeHours.1.start"]);
  });

  test("an official document's words replace the demo markers", () => {
    const r = checkPlanVersion(
      input({ document: { status: "official", number: "45/KH-UBND", issuedOn: "2025-07-10", issuer: "UBND tỉnh" } }),
      ctx,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.plan.label).toBe("Kế hoạch 45/KH-UBND: Ngày không hẹn tại 28 xã, phường khu vực Đắk Nông cũ");
    expect(r.plan).toMatchObject({ status: "official", evidence: "V", toVerify: false, officeHoursToVerify: false });
  });
});

describe("a unit's participation", () => {
  const doc = withChange(
    withChange(undefined, "24697@2025-07-01", { from: "2025-09-01", takesPart: true, by: "tinh", at: "x" }),
    "24697@2025-07-01",
    { from: "2025-08-01", takesPart: false, by: "nd", at: "x" },
  );

  test("changes are kept in date order; a unit without a change takes part", () => {
    expect(doc.changes.map((c) => c.from)).toEqual(["2025-08-01", "2025-09-01"]);
    expect([
      takesPartOn(undefined, "2025-08-05"),
      takesPartOn(doc, "2025-07-31"),
      takesPartOn(doc, "2025-08-05"),
    ]).toEqual([true, true, false]);
    expect(takesPartOn(doc, "2025-09-01")).toBe(true);
  });

  test("the plan index honours it: no plan on the days the unit stays out", () => {
    const domain = createDomain({
      units: unitDirectory,
      calendar: vnCalendar,
      catalog: procedureCatalog,
      plans: schemePlans,
      participation: [doc],
    });
    expect(domain.planAt("24697@2025-07-01", "2025-07-30")?.id).toBe("lam-dong-2025-demo");
    expect(domain.planAt("24697@2025-07-01", "2025-08-06")).toBeUndefined();
    expect(domain.planAt("24631@2025-07-01", "2025-08-06")?.id).toBe("lam-dong-2025-demo");
    const decision = domain.decideTrack({
      unitCode: "24697",
      procedureCode: "1.004873",
      at: "2025-08-06T09:00:00+07:00",
    });
    expect(decision.ok && decision.causes).toEqual(["no_plan"]);
  });
});
