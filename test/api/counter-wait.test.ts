/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * "Kịp 15:00 không?" and the current-address offer through HTTP, on SQLite and PostgreSQL. The wait comes from a
 * synthetic Wednesday morning at xã Quảng Khê: two officers' receptions and the drafts they are typing now.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createOfficer, QUANG_KHE } from "../console/helpers/console-server.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { insertDossier } from "../helpers/dossier-rows.js";

const WED_10 = "2025-10-15T10:00:00+07:00";
const utc = (hm: string, date = "2025-10-15") => new Date(`${date}T${hm}:00+07:00`).toISOString();

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let app: TestApp;
  let serial = 0;
  const dossier = async (hm: string, officer: string | null, state = "received", date?: string) => {
    const id = await insertDossier(t.db, {
      code: `000.00.06.H98-251015-${String(5000 + (serial += 1))}`,
      state,
      receivedAt: utc(hm, date),
      receivingUnitId: QUANG_KHE,
    });
    await t.db.updateTable("dossiers").set({ typed_by: officer }).where("id", "=", id).execute();
  };

  beforeAll(async () => {
    t = await open();
    app = await startTestApp(t, { now: WED_10 });
    const a = await createOfficer(app.deps, "wait-a", "counter_officer", QUANG_KHE);
    const b = await createOfficer(app.deps, "wait-b", "counter_officer", QUANG_KHE);
    for (const hm of ["07:10", "07:22", "07:34", "07:46", "07:58", "09:02", "09:14"]) await dossier(hm, a);
    for (const hm of ["07:30", "07:45", "08:00", "08:15", "09:40", "09:55"]) await dossier(hm, b);
    // Two citizens being served now, one draft left since early morning, and yesterday's receptions (not today's pace).
    await dossier("09:50", a, "draft");
    await dossier("09:58", b, "draft");
    await dossier("07:20", b, "draft");
    for (const hm of ["08:00", "08:01", "08:02", "08:03"]) await dossier(hm, a, "received", "2025-10-14");
  });
  afterAll(async () => {
    await app?.close();
  });

  describe("GET /api/units/:unitCode/counter-wait", () => {
    it("at 10:00 on the scheme Wednesday: 2 at the counter, 2 officers, 12–15 minutes each, in time, with the method", async () => {
      const res = await app.request("/api/units/24631/counter-wait");
      expect(res.status).toBe(200);
      const body = (await res.json()) as any;
      expect(body).toMatchObject({
        unitCode: "24631",
        schemeDay: true,
        intakeState: "open",
        intakeCutoff: "15:00",
        time: "10:00",
      });
      expect(body.estimate).toEqual({
        waiting: 2,
        counters: 2,
        minutesPerCitizen: { low: 12, high: 15 },
        wait: { low: 12, high: 15 },
        verdict: "in-time",
        basis: 9,
        receivedBy: "10:30",
      });
      expect(body.method).toContain("không dùng thông tin cá nhân");
      expect(JSON.stringify(body)).not.toMatch(/Nguyễn|067085/);
    });

    it("asked for 07:00 the same day: nothing received yet, no range", async () => {
      const body = (await (
        await app.request(`/api/units/24631/counter-wait?at=${encodeURIComponent("2025-10-15T07:05:00+07:00")}`)
      ).json()) as any;
      expect(body.estimate).toMatchObject({ minutesPerCitizen: null, wait: null, verdict: "unknown" });
    });

    it("on Thursday (not a scheme day) there is no estimate; an unknown unit is a 404", async () => {
      const body = (await (
        await app.request(`/api/units/24631/counter-wait?at=${encodeURIComponent("2025-10-16T09:00:00+07:00")}`)
      ).json()) as any;
      expect(body).toMatchObject({ schemeDay: false, estimate: null });
      expect((await app.request("/api/units/99999/counter-wait")).status).toBe(404);
    });
  });

  describe("POST /api/units/current-address", () => {
    it("offers the CCCD's printed address in today's units, and nothing for a current one", async () => {
      const ask = async (address: unknown) =>
        app.request("/api/units/current-address", { method: "POST", json: { address } });
      const offer = (await (await ask("Thôn 3, Xã Quảng Khê, Huyện Đắk Glong, Tỉnh Đắk Nông")).json()) as any;
      expect(offer.offer).toMatchObject({
        current: "Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng",
        currentUnit: { code: "24631", displayName: "xã Quảng Khê" },
      });
      expect(((await (await ask("Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng")).json()) as any).offer).toBeNull();
      const bad = await ask("");
      expect(bad.status).toBe(400);
    });
  });
});
