/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * Units, scheme status and procedures through HTTP, on SQLite and PostgreSQL: the pilot commune xã Quảng Khê
 * (24631) on a Wednesday before and after 15:00 and on a Thursday under the 2023 plan, and today's demo plan.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { startTestApp, type TestApp } from "../helpers/app.js";

// Wednesday 15/03/2023 under Kế hoạch 824/KH-UBND (pilot from 01/03/2023); Thursday is the next day.
const WED_BEFORE = "2023-03-15T14:30:00+07:00";
const WED_AFTER = "2023-03-15T15:05:00+07:00";
const THURSDAY = "2023-03-16T09:00:00+07:00";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    t = await open();
    app = await startTestApp(t, { now: "2025-10-15T09:00:00+07:00" });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function getJson(path: string) {
    const res = await app.request(path);
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  describe("scheme at the pilot commune xã Quảng Khê", () => {
    it("on a Wednesday before 15:00, 1.004873 is same-day with the minutes left to the cutoff", async () => {
      const { status, body } = await getJson(`/api/units/24631/scheme?at=${encodeURIComponent(WED_BEFORE)}`);
      expect(status).toBe(200);
      expect(body.unit).toMatchObject({ id: "24631@2020-03-01", displayName: "xã Quảng Khê" });
      expect(body.unit.fullName).toContain("huyện Đăk Glong");
      expect(body).toMatchObject({
        schemeDay: true,
        intakeOpen: true,
        intakeCutoff: "15:00",
        minutesToCutoff: 30,
        weekday: "Thứ Tư",
        dateText: "15/03/2023",
      });
      expect(body.plan).toMatchObject({ id: "dak-nong-2023-pilot", official: true, number: "824/KH-UBND" });
      expect(body.officeHours).toEqual([
        { start: "07:00", end: "11:30" },
        { start: "13:30", end: "17:00" },
      ]);
      const marital = body.procedures.find((p: any) => p.code === "1.004873");
      expect(marital).toMatchObject({
        sameDayEligible: true,
        track: "same-day",
        sameDayNow: true,
        dueDate: "2023-03-15",
      });
      expect(body.summary).toContain("còn 30 phút");
    });

    it("on the same Wednesday at 15:05 the dossier goes to the normal track with the legal due date", async () => {
      const { body } = await getJson(`/api/units/24631/scheme?at=${encodeURIComponent(WED_AFTER)}`);
      expect(body).toMatchObject({
        schemeDay: true,
        intakeOpen: false,
        minutesToCutoff: 0,
        nextSchemeDay: "2023-03-22",
      });
      const marital = body.procedures.find((p: any) => p.code === "1.004873");
      // 3 working days counted from the day after receipt: Thu 16, Fri 17, Mon 20.
      expect(marital).toMatchObject({
        track: "normal",
        sameDayNow: false,
        dueDate: "2023-03-20",
        dueDateText: "20/03/2023",
      });
      expect(marital.reasons.join(" ")).toContain("15:00");
    });

    it("on a Thursday it is not a scheme day and the next one is the following Wednesday", async () => {
      const { body } = await getJson(`/api/units/24631/scheme?at=${encodeURIComponent(THURSDAY)}`);
      expect(body).toMatchObject({
        schemeDay: false,
        intakeOpen: false,
        minutesToCutoff: null,
        nextSchemeDay: "2023-03-22",
        weekday: "Thứ Năm",
      });
      expect(body.procedures.find((p: any) => p.code === "1.004873").track).toBe("normal");
    });

    it("without `at` it answers for the server clock: today's demo plan on the 2025 commune", async () => {
      app.clock.set(new Date("2025-10-15T10:00:00+07:00"));
      const { body } = await getJson("/api/units/24631/scheme");
      expect(body.unit.id).toBe("24631@2025-07-01");
      expect(body.plan).toMatchObject({ id: "lam-dong-2025-demo", official: false });
      expect(body.plan.statusLabel).toContain("minh họa");
      expect(body).toMatchObject({ schemeDay: true, minutesToCutoff: 300 });
    });

    it("an unknown unit is a 404 with a Vietnamese message", async () => {
      const { status, body } = await getJson(`/api/units/99999/scheme?at=${encodeURIComponent(WED_BEFORE)}`);
      expect(status).toBe(404);
      expect(body.error.code).toBe("unit_not_found");
      expect(body.error.message).toMatch(/đơn vị hành chính/);
    });
  });

  describe("units", () => {
    it("finds Quảng Khê typed without diacritics, with type and parent", async () => {
      const { status, body } = await getJson("/api/units?q=quang%20khe&at=2025-10-15T09:00:00%2B07:00");
      expect(status).toBe(200);
      expect(body.items[0]).toMatchObject({ code: "24631", type: "xã", level: "commune", displayName: "xã Quảng Khê" });
      expect(body.items[0].parent).toMatchObject({ id: "68@2025-07-01", displayName: "tỉnh Lâm Đồng" });
    });

    it("the same code means the old commune before 1/7/2025, with its successor", async () => {
      const { body } = await getJson("/api/units/24631?at=2024-05-01T09:00:00%2B07:00");
      expect(body).toMatchObject({ id: "24631@2020-03-01", validTo: "2025-06-30" });
      expect(body.parent.displayName).toBe("huyện Đăk Glong");
      expect(body.successors.map((s: any) => s.unit.id)).toEqual(["24631@2025-07-01"]);
    });

    it("the 2025 commune lists the communes merged into it", async () => {
      const { body } = await getJson("/api/units/24631?at=2025-10-15T09:00:00%2B07:00");
      const ids = body.predecessors.map((p: any) => p.unit.id);
      expect(ids).toEqual(expect.arrayContaining(["24631@2020-03-01", "24634@2020-03-01"]));
      expect(body.predecessors[0].effectiveDate).toBe("2025-07-01");
    });
  });

  describe("procedures", () => {
    it("lists what the commune receives, marked same-day-eligible on its scheme days", async () => {
      const { status, body } = await getJson(`/api/procedures?unit=24631&at=${encodeURIComponent(WED_BEFORE)}`);
      expect(status).toBe(200);
      expect(body.schemeDay).toBe(true);
      const marital = body.items.find((p: any) => p.code === "1.004873");
      expect(marital).toMatchObject({ sameDayEligible: true, trackNow: "same-day", timeLimitWorkingDays: 3 });
    });

    it("gives the version in force with checklist, form fields, fee to verify and the track at the unit", async () => {
      const { status, body } = await getJson(
        `/api/procedures/1.004873?unit=24631&at=${encodeURIComponent("2025-10-15T10:00:00+07:00")}`,
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({ code: "1.004873", versionId: "1.004873@2025-07-01", validFrom: "2025-07-01" });
      expect(body.requiredDocuments.find((d: any) => d.id === "declaration")).toMatchObject({
        always: true,
        kindLabel: "Bản chính",
      });
      expect(body.form.fields.map((f: any) => f.id)).toContain("requesterName");
      expect(body.timeLimit.workingDays).toBe(3);
      expect(body.fee).toMatchObject({ amountVnd: null, toVerify: true, display: "cần kiểm tra" });
      expect(body.toVerify).toEqual(expect.arrayContaining(["Phí, lệ phí", "Thời hạn giải quyết"]));
      expect(body.caseFlags.find((c: any) => c.id === "needs_verification").excludesSameDay).toBe(true);
      expect(body.sameDay).toMatchObject({ eligible: true, track: "same-day", dueDate: "2025-10-15" });
    });

    it("gives the 2023 version for a 2023 instant", async () => {
      const { body } = await getJson(`/api/procedures/1.004873?at=${encodeURIComponent(WED_BEFORE)}`);
      expect(body.versionId).toBe("1.004873@2023-01-01");
      expect(body.sameDay).toBeNull();
    });

    it("refuses an unknown procedure (404) and one the unit does not receive (422)", async () => {
      expect((await getJson("/api/procedures/9.999999")).status).toBe(404);
      // 1.011441 was a district-level procedure in 2023: a commune did not receive it.
      const r = await getJson(`/api/procedures/1.011441?unit=24631&at=${encodeURIComponent(WED_BEFORE)}`);
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe("procedure_not_received");
    });
  });
});
