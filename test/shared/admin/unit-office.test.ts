/**
 * A unit's own office hours (shared/admin/unit-office.ts) and confirmations (shared/admin/verification.ts), pure:
 * the hours checks, the plan as it applies at the unit, and the catalogue with confirmations applied.
 */
import { describe, expect, it } from "@jest/globals";
import { officeHoursIssues, planAtUnit } from "../../../shared/admin/unit-office.js";
import { applyConfirmations, confirmedCopy, factIds, markedPaths } from "../../../shared/admin/verification.js";
import { schemePlans } from "../../../shared/data/scheme-plans.js";
import { createDomain } from "../../../shared/scheme/decide-track.js";
import { vnCalendar } from "../../../shared/calendar/vn-calendar.js";
import { procedureCatalog } from "../../../shared/procedures/catalog.js";
import { unitDirectory } from "../../../shared/units/unit-directory.js";

const QUANG_KHE = "24631@2025-07-01";
const plan = schemePlans.find((p) => p.id === "lam-dong-2025-demo")!;
const h = (start: string, end: string) => ({ start, end });

describe("office hours", () => {
  it("accepts ranges in order with a break between them around the cut-off", () => {
    expect(officeHoursIssues([h("07:00", "11:30"), h("13:30", "17:00")], ["15:00"])).toEqual([]);
    expect(officeHoursIssues([h("07:00", "15:00")], ["15:00"])).toEqual([]); // intake until the end of the day
  });

  it("refuses overlapping ranges, a range ending before it starts, no range, and a cut-off in a break", () => {
    expect(officeHoursIssues([h("07:00", "12:00"), h("11:00", "17:00")])[0]!.path).toBe("officeHours.1.start");
    expect(officeHoursIssues([h("12:00", "07:00")])[0]!.path).toBe("officeHours.0.end");
    expect(officeHoursIssues([])[0]!.message).toBe("Nhập ít nhất một khoảng giờ làm việc.");
    expect(officeHoursIssues([h("07:00", "11:30"), h("15:30", "17:00")], ["15:00"])).toEqual([
      {
        path: "officeHours",
        message: "Giờ chốt nhận hồ sơ trả trong ngày của kế hoạch (15:00) nằm ngoài giờ làm việc đã nhập.",
      },
    ]);
  });

  it("the plan at a unit takes the unit's hours, unmarked; hours that would leave the cut-off outside are ignored", () => {
    const own = [h("07:30", "11:00"), h("13:00", "16:30")];
    expect(planAtUnit(plan, { officeHours: own, hoursConfirmed: false })).toMatchObject({
      officeHours: own,
      officeHoursToVerify: false,
      intakeCutoff: "15:00",
    });
    expect(planAtUnit(plan, { officeHours: [h("07:00", "11:00")], hoursConfirmed: false })).toBe(plan);
    expect(planAtUnit(plan, { hoursConfirmed: true })).toMatchObject({
      officeHours: plan.officeHours,
      officeHoursToVerify: false,
    });
  });

  it("the domain answers with the unit's own hours at that unit only, unmarked", () => {
    const own = [h("07:30", "11:00"), h("13:00", "16:30")];
    const domain = createDomain({
      units: unitDirectory,
      calendar: vnCalendar,
      catalog: procedureCatalog,
      plans: schemePlans,
      unitOverrides: new Map([[QUANG_KHE, { officeHours: own, hoursConfirmed: false }]]),
    });
    expect(domain.planAt(QUANG_KHE, "2025-07-16")?.officeHours).toEqual(own);
    expect(domain.planAt("24697@2025-07-01", "2025-07-16")?.officeHours).toEqual(plan.officeHours);
    const status = domain.schemeStatusAt("24631", "2025-07-16T09:00:00+07:00");
    expect(status).toMatchObject({ officeHours: own, officeHoursToVerify: false });
  });
});

describe("confirmations", () => {
  const confirmation = (factId: string) => ({
    factId,
    source: "824/KH-UBND",
    at: "2026-12-06T08:00:00.000Z",
    by: "tinh.quantri",
    byName: "Quản trị tỉnh",
  });

  it("a confirmed plan loses its mark and records the source; others stay marked", () => {
    const out = applyConfirmations({
      plans: schemePlans,
      fees: [],
      versions: [],
      calendarYears: [],
      confirmations: new Map([[factIds.plan(plan.id), confirmation(factIds.plan(plan.id))]]),
      unitOffices: new Map(),
    });
    const confirmed = out.plans.find((p) => p.id === plan.id)!;
    expect(confirmed).toMatchObject({ toVerify: false, evidence: "V" });
    expect(confirmed.source).toContain("đã xác nhận theo 824/KH-UBND (Quản trị tỉnh, 2026-12-06)");
    expect(out.plans.find((p) => p.id !== plan.id)!.toVerify).toBe(true);
  });

  it("a confirmed office-hours fact or the unit's own hours set the unit's override", () => {
    const out = applyConfirmations({
      plans: [],
      fees: [],
      versions: [],
      calendarYears: [],
      confirmations: new Map([[factIds.officeHours(QUANG_KHE), confirmation(factIds.officeHours(QUANG_KHE))]]),
      unitOffices: new Map(),
    });
    expect(out.unitOverrides.get(QUANG_KHE)).toEqual({ hoursConfirmed: true });
    expect(out.confirmedOffices.has(QUANG_KHE)).toBe(false);
  });

  it("clears every mark inside a document (a procedure version's fields)", () => {
    const doc = { a: { evidence: "U", source: "x", toVerify: true }, b: [{ evidence: "?", source: "y" }], c: 1 };
    expect(markedPaths(doc)).toEqual(["a", "b.0"]);
    const copy = confirmedCopy(doc, "đã xác nhận");
    expect(markedPaths(copy)).toEqual([]);
    expect(copy.a).toEqual({ evidence: "V", source: "x; đã xác nhận", toVerify: false });
  });
});
