/**
 * Report figures against hand-computed expectations on a small fixed dataset, on SQLite and PostgreSQL: historical
 * communes rolled into today's Quảng Khê, a dossier received at 15:00 (same-day track) and one at 15:20 (after the
 * cut-off), a late one with Mẫu 04, a refusal, a supplement wait excluded from the processing time, notifications
 * by channel and ratings. Times are Việt Nam time; working hours 07:00–11:30 and 13:30–17:00.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Officer } from "../../shared/officers/officer.js";
import { annualReview, buildReport, drillDown } from "../../bot-server/src/use-cases/reports.js";
import type { ReportResult } from "../../shared/reports/report.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { feedback, put, vn } from "../helpers/report-rows.js";
import { createOfficer, signedInClient } from "../console/helpers/console-server.js";

const QUANG_KHE = "24631@2025-07-01";
const OLD_QUANG_KHE = "24631@2020-03-01";
const OLD_MERGED = "24634@2020-03-01"; // merged into Quảng Khê on 1/7/2025
const OLD_DAK_SOM = "24637@2020-03-01"; // another commune: province-wide only

const province: Officer = {
  id: "p",
  username: "tinh",
  displayName: "Tỉnh",
  role: "province_viewer",
  unitId: "68@2025-07-01",
  delegateFor: null,
  phone: null,
};
const leader = (unitId: string): Officer => ({
  id: "l",
  username: "ld",
  displayName: "Lãnh đạo",
  role: "leader",
  unitId,
  delegateFor: null,
  phone: null,
});

const value = (r: ReportResult, key: string) => r.figures.find((f) => f.key === key)?.value;

forEachDatabase((name, open) => {
  let t: TestDatabase;
  let app: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await open();
    app = await startTestApp(t, { now: "2025-08-01T09:00:00+07:00" });
    const db = t.db;
    // A: old Quảng Khê, Wednesday 11/6/2025 09:00, same day, written for the citizen, pre-entered; result 11:00 (2 h).
    ids.A = await put(db, {
      unit: OLD_QUANG_KHE,
      at: "2025-06-11T09:00",
      track: "same-day",
      state: "returned",
      plan: "dak-nong-2023-province",
      due: "2025-06-11",
      assisted: true,
      preEntered: true,
      readyAt: "2025-06-11T11:00",
    });
    // B: a commune merged into Quảng Khê, 15:00 exactly: still on the same-day track; result 16:30 (1.5 h).
    ids.B = await put(db, {
      unit: OLD_MERGED,
      at: "2025-06-11T15:00",
      track: "same-day",
      state: "result_ready",
      plan: "dak-nong-2023-province",
      due: "2025-06-11",
      assisted: true,
      readyAt: "2025-06-11T16:30",
    });
    // C: old Quảng Khê, 15:20 on the scheme day: after the cut-off, normal track, due 16/6, result Fri 13/6 10:00 (early).
    // 15:20–17:00 = 100 min, Thu 12/6 = 480, Fri 07:00–10:00 = 180 → 760 min.
    ids.C = await put(db, {
      unit: OLD_QUANG_KHE,
      at: "2025-06-11T15:20",
      track: "normal",
      state: "returned",
      plan: "dak-nong-2023-province",
      due: "2025-06-16",
      readyAt: "2025-06-13T10:00",
    });
    // D: today's Quảng Khê, Monday 7/7 08:00 (not a scheme day), due 10/7, supplement 8/7 08:00 → 9/7 08:00, Mẫu 04, result 14/7 09:00 (late).
    // 7/7 08:00–17:00 = 420, 8–11/7 = 4 × 480, 14/7 07:00–09:00 = 120 → 2460; supplement wait 420 + 60 = 480 → 1980 min = 33 h.
    ids.D = await put(db, {
      unit: QUANG_KHE,
      at: "2025-07-07T08:00",
      track: "normal",
      state: "returned",
      plan: "lam-dong-2025-demo",
      due: "2025-07-10",
      readyAt: "2025-07-14T09:00",
      events: [
        ["request_supplement", "2025-07-08T08:00", "processing"],
        ["submit_supplement", "2025-07-09T08:00", "awaiting_supplement"],
        ["extend_due_date", "2025-07-09T09:00", "processing"],
      ],
      sent: ["oa_cs", "zns"],
    });
    // E: refused at the counter (never received).
    ids.E = await put(db, {
      unit: QUANG_KHE,
      at: "2025-07-16T09:30",
      track: "normal",
      state: "refused",
      plan: "lam-dong-2025-demo",
      due: "2025-07-16",
    });
    // F: same-day dossier of 16/7 still open on 1/8: past its due date.
    ids.F = await put(db, {
      unit: QUANG_KHE,
      at: "2025-07-16T10:00",
      track: "same-day",
      state: "processing",
      plan: "lam-dong-2025-demo",
      due: "2025-07-16",
      assisted: false,
    });
    // G: Đắk Som (another commune), same day, done: counts province-wide only.
    ids.G = await put(db, {
      unit: OLD_DAK_SOM,
      at: "2025-06-11T10:00",
      track: "same-day",
      state: "returned",
      plan: "dak-nong-2023-province",
      due: "2025-06-11",
      readyAt: "2025-06-11T10:45",
    });
    await feedback(db, OLD_QUANG_KHE, "rating", "rat_hai_long", "2025-06-11T12:00", ids.A!);
    await feedback(db, QUANG_KHE, "rating", "hai_long", "2025-07-14T10:00", ids.D!);
    await feedback(db, OLD_QUANG_KHE, "rating", "khong_hai_long", "2025-06-13T11:00", ids.C!);
    await feedback(db, QUANG_KHE, "complaint", null, "2025-07-14T11:00", ids.D!);
    await feedback(db, OLD_DAK_SOM, "suggestion", null, "2025-06-11T11:00", null);
  });
  afterAll(() => app?.close());

  const quangKhe = { period: "custom" as const, date: "2025-06-01", to: "2025-07-31", unitId: QUANG_KHE };

  it("counts today's Quảng Khê with the communes merged into it, by the hand-computed figures", async () => {
    const out = await buildReport(app.deps, province, quangKhe);
    if (!out.ok) throw new Error(out.code);
    const r = out.value;
    expect(r.unit.name).toContain("Quảng Khê");
    expect(r.period.label).toBe("Từ 01/06/2025 đến 31/07/2025");
    expect(r.includedUnits.map((u) => u.id).sort()).toEqual([OLD_QUANG_KHE, OLD_MERGED].sort());
    const expected: Record<string, number | null> = {
      received: 5,
      preEntered: 1,
      walkIn: 4,
      afterCutoff: 1,
      otherDay: 1,
      sameDay: 3,
      sameDayDone: 2,
      sameDayRate: 66.7,
      assisted: 2,
      completed: 4,
      early: 1,
      onTime: 2,
      late: 1,
      open: 1,
      onTimeRate: 60, // (1 early + 2 on time + 0 open within the due date) ÷ (4 + 1)
      avgHours: 12.3, // (120 + 90 + 760 + 1980) ÷ 4 = 737.5 min
      medianHours: 7.3, // (120 + 760) ÷ 2 = 440 min
      supplement: 1,
      refused: 1,
      apology: 1,
      withdrawn: 0,
      notified: 1,
      notifiedOa: 1,
      notifiedMiniapp: 0,
      notifiedZns: 1,
      ratings: 3,
      ratingVerySatisfied: 1,
      ratingSatisfied: 1,
      ratingUnsatisfied: 1,
      satisfactionRate: 66.7,
      complaints: 1,
      suggestions: 0,
      satisfaction766: 55, // 100 − (1 late ÷ 4 done + 1 complaint ÷ 5 received) × 100
    };
    expect(Object.fromEntries(r.figures.map((f) => [f.key, f.value]))).toEqual(expected);
    const onTime = r.figures.find((f) => f.key === "onTimeRate")!;
    expect(onTime.indicator766).toBe("2.1");
    expect(onTime.formula).toContain("766");
  });

  it("adds the other commune province-wide", async () => {
    const out = await buildReport(app.deps, province, { period: "custom", date: "2025-06-01", to: "2025-07-31" });
    if (!out.ok) throw new Error(out.code);
    expect(out.value.unit.name).toBe("Toàn tỉnh");
    expect([
      value(out.value, "received"),
      value(out.value, "sameDay"),
      value(out.value, "sameDayDone"),
      value(out.value, "sameDayRate"),
      value(out.value, "suggestions"),
    ]).toEqual([6, 4, 3, 75, 1]);
  });

  it("lists the dossiers behind a figure: the one received at 15:20, not the one at 15:00", async () => {
    const out = await drillDown(app.deps, province, {
      figure: "afterCutoff",
      from: "2025-06-01",
      to: "2025-07-31",
      unitId: QUANG_KHE,
      page: 1,
    });
    if (!out.ok) throw new Error(out.code);
    expect(out.value.total).toBe(1);
    expect(out.value.items.map((i) => i.id)).toEqual([ids.C]);
    const late = await drillDown(app.deps, province, {
      figure: "apology",
      from: "2025-06-01",
      to: "2025-07-31",
      unitId: QUANG_KHE,
      page: 1,
    });
    expect(late.ok && late.value.items.map((i) => [i.id, i.processingHours])).toEqual([[ids.D, 33]]);
  });

  it("lists the dossiers behind ratings and feedback, and counts feedback about no dossier", async () => {
    const drill = async (figure: string, unitId?: string) => {
      const out = await drillDown(app.deps, province, {
        figure,
        from: "2025-06-01",
        to: "2025-07-31",
        unitId,
        page: 1,
      });
      if (!out.ok) throw new Error(out.code);
      return out.value;
    };
    expect((await drill("ratings", QUANG_KHE)).items.map((i) => i.id)).toEqual([ids.A, ids.C, ids.D]);
    expect((await drill("ratingUnsatisfied", QUANG_KHE)).items.map((i) => i.id)).toEqual([ids.C]);
    expect((await drill("complaints", QUANG_KHE)).items.map((i) => i.id)).toEqual([ids.D]);
    const suggestions = await drill("suggestions");
    expect([suggestions.total, suggestions.withoutDossier]).toEqual([0, 1]);
    // Every figure but the composite 766 satisfaction index opens a list.
    const report = await buildReport(app.deps, province, quangKhe);
    if (!report.ok) throw new Error(report.code);
    expect(report.value.figures.filter((f) => f.drillDown === null).map((f) => f.key)).toEqual(["satisfaction766"]);
  });

  it("a leader of Quảng Khê reads Quảng Khê, not Đắk Som", async () => {
    const own = await buildReport(app.deps, leader(QUANG_KHE), {
      period: "custom",
      date: "2025-06-01",
      to: "2025-07-31",
    });
    expect(own.ok && value(own.value, "received")).toBe(5);
    const other = await buildReport(app.deps, leader(QUANG_KHE), {
      period: "custom",
      date: "2025-06-01",
      to: "2025-07-31",
      unitId: "24637@2025-07-01",
    });
    expect(other.ok ? "ok" : other.code).toBe("forbidden");
  });

  it("keeps the figures current: a dossier finished after the first report counts in the next", async () => {
    app.clock.set(new Date("2025-08-01T10:00:00+07:00"));
    await t.db
      .updateTable("dossiers")
      .set({ state: "result_ready", result_ready_at: vn("2025-08-01T09:30"), updated_at: vn("2025-08-01T09:30") })
      .where("id", "=", ids.F!)
      .execute();
    await t.db
      .insertInto("dossier_events")
      .values({
        id: randomUUID(),
        dossier_id: ids.F!,
        seq: 2,
        type: "mark_result_ready",
        from_state: "approved",
        to_state: "result_ready",
        actor_id: null,
        actor_role: null,
        at: vn("2025-08-01T09:30"),
        data: "{}",
      })
      .execute();
    const out = await buildReport(app.deps, province, quangKhe);
    if (!out.ok) throw new Error(out.code);
    expect([
      value(out.value, "completed"),
      value(out.value, "late"),
      value(out.value, "open"),
      value(out.value, "sameDayDone"),
    ]).toEqual([5, 2, 0, 2]);
  });

  it("ranks units for the 2025 review, old communes credited to their successors", async () => {
    const out = await annualReview(app.deps, province, 2025);
    if (!out.ok) throw new Error(out.code);
    const rows = out.value.rows.map((r) => [r.rank, r.unit.name.split(",")[0], r.received, r.sameDayRate]);
    expect(rows).toEqual([
      [1, "xã Tà Đùng", 1, 100], // Đắk Som's successor (Nghị quyết 1671/NQ-UBTVQH15)
      [2, "xã Quảng Khê", 5, 66.7],
    ]);
  });

  it("over HTTP: the province viewer gets the report; an impossible date gets a Vietnamese 400, a counter officer 403", async () => {
    await createOfficer(app.deps, `tinh.${name}`, "province_viewer", "68@2025-07-01");
    await createOfficer(app.deps, `motcua.${name}`, "counter_officer", QUANG_KHE);
    const viewer = await signedInClient(app.url, `tinh.${name}`);
    const ok = await viewer.json<ReportResult>(
      "GET",
      `/console/api/reports?period=custom&date=2025-06-01&to=2025-07-31&unitId=${encodeURIComponent(QUANG_KHE)}`,
    );
    expect([ok.status, value(ok.body, "received")]).toEqual([200, 5]);
    const bad = await viewer.json<{ error: { code: string; message: string } }>(
      "GET",
      "/console/api/reports?period=month&date=2025-02-30",
    );
    expect([bad.status, bad.body.error.message]).toEqual([400, "Ngày không hợp lệ (cần dạng dd/mm/yyyy)."]);
    const counter = await signedInClient(app.url, `motcua.${name}`);
    expect((await counter.get("/console/api/reports?period=month&date=2025-07-01")).status).toBe(403);
  });
});
