/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * What the mini-app reads besides pre-registrations, on SQLite and PostgreSQL: the notification opt-in it reports,
 * the dossier status with the receiving unit's code and (on a supplement request) the missing documents by name,
 * and the unit's one-stop office, flagged "cần kiểm tra" where unverified and never with an invented phone number.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { unitOffices } from "../../shared/data/offices.js";
import { daknongUnits } from "../../shared/data/units/dak-nong.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { insertDossier } from "../helpers/dossier-rows.js";
import { signStatusToken } from "../../bot-server/src/status-token.js";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    t = await open();
    app = await startTestApp(t, { now: "2025-10-15T10:00:00+07:00" });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function getJson(path: string, init: RequestInit & { json?: unknown } = {}) {
    const res = await app.request(path, init);
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : undefined };
  }

  describe("POST /api/citizens/me/notifications", () => {
    let token: string;
    let citizenId: string;
    const citizenRow = () =>
      t.db
        .selectFrom("citizens")
        .select(["notify_opt_in_at", "oa_followed"])
        .where("id", "=", citizenId)
        .executeTakeFirstOrThrow();
    const report = (body: unknown, auth = token) =>
      getJson("/api/citizens/me/notifications", {
        method: "POST",
        headers: auth ? { authorization: `Bearer ${auth}` } : {},
        json: body,
      });

    beforeAll(async () => {
      const d = (await getJson("/api/citizens/device", { method: "POST" })).body!;
      token = d.token;
      citizenId = d.citizenId;
    });

    it("records the permission time and the OA follow; refusing later withdraws the permission, not the follow", async () => {
      expect(await citizenRow()).toEqual({ notify_opt_in_at: null, oa_followed: 0 });
      expect((await report({ miniAppNotifications: true, followedOA: true })).status).toBe(204);
      expect(await citizenRow()).toEqual({ notify_opt_in_at: "2025-10-15T03:00:00.000Z", oa_followed: 1 });

      app.clock.set(new Date("2025-10-15T11:00:00+07:00"));
      expect((await report({ miniAppNotifications: true, followedOA: false })).status).toBe(204);
      expect(await citizenRow()).toEqual({ notify_opt_in_at: "2025-10-15T03:00:00.000Z", oa_followed: 1 });

      expect((await report({ miniAppNotifications: false, followedOA: false })).status).toBe(204);
      expect(await citizenRow()).toEqual({ notify_opt_in_at: null, oa_followed: 1 });
      app.clock.set(new Date("2025-10-15T10:00:00+07:00"));
    });

    it("bad input is a 400 naming the field; no token is a 401", async () => {
      const bad = await report({ miniAppNotifications: "yes", followedOA: false });
      expect(bad.status).toBe(400);
      expect(bad.body!.error.fields.map((f: any) => f.path)).toEqual(["miniAppNotifications"]);
      expect(bad.body!.error.detail).toMatch(/miniAppNotifications/);
      expect((await report({ miniAppNotifications: true, followedOA: true }, "")).status).toBe(401);
    });
  });

  describe("GET /api/dossiers/:code/status", () => {
    const SUPPLEMENT = "000.00.06.H98-251015-0101";
    const RECEIVED = "000.00.06.H98-251015-0102";

    beforeAll(async () => {
      await insertDossier(t.db, {
        code: SUPPLEMENT,
        state: "awaiting_supplement",
        track: "normal",
        dueDate: "2025-10-20",
      });
      await t.db
        .updateTable("dossiers")
        .set({
          missing_documents: JSON.stringify([
            {
              name: "Bản sao Giấy khai sinh",
              original: 0,
              certifiedCopy: 1,
              photocopy: 0,
              note: "của con Nguyễn Văn Thử",
            },
            "Tờ khai (bản chính)",
            { original: 1 },
          ]),
        })
        .where("code", "=", SUPPLEMENT)
        .execute();
      await insertDossier(t.db, { code: RECEIVED, state: "received" });
    });

    const withSlip = (code: string) =>
      `/api/dossiers/${code}/status?t=${signStatusToken(app.deps.statusTokenSecret, code)}`;

    it("by the code alone: the state and dates, not the documents still missing (dossier codes can be walked)", async () => {
      const r = await getJson(`/api/dossiers/${SUPPLEMENT}/status`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ state: "awaiting_supplement", dueDate: "2025-10-20" });
      for (const hidden of ["missingDocuments", "procedure", "receivingUnit", "receivingUnitCode", "track"])
        expect(r.body).not.toHaveProperty(hidden);
    });

    it("with the slip's token: names the receiving unit by code and, on a supplement request, the missing documents by name only", async () => {
      const r = await getJson(withSlip(SUPPLEMENT));
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        receivingUnit: "xã Quảng Khê",
        receivingUnitCode: "24631",
        state: "awaiting_supplement",
      });
      expect(r.body!.missingDocuments).toEqual(["Bản sao Giấy khai sinh", "Tờ khai (bản chính)"]);
      expect(JSON.stringify(r.body)).not.toMatch(/Nguyễn Văn Thử|067085000001/);
    });

    it("the citizen's own dossier shows its details with their credential; another citizen's credential does not", async () => {
      const device = async () =>
        (await (await app.request("/api/citizens/device", { method: "POST" })).json()) as {
          token: string;
          citizenId: string;
        };
      const owner = await device();
      const stranger = await device();
      const OWN = "000.00.06.H98-251015-0103";
      await insertDossier(t.db, {
        code: OWN,
        state: "awaiting_supplement",
        track: "normal",
        dueDate: "2025-10-20",
        citizenId: owner.citizenId,
      });
      await t.db
        .updateTable("dossiers")
        .set({ missing_documents: JSON.stringify(["Bản sao Giấy khai sinh"]) })
        .where("code", "=", OWN)
        .execute();
      const as = async (token: string) =>
        (await app.request(`/api/dossiers/${OWN}/status`, { headers: { authorization: `Bearer ${token}` } })).json();
      expect(await as(owner.token)).toMatchObject({
        procedure: { code: "1.004873" },
        missingDocuments: ["Bản sao Giấy khai sinh"],
      });
      const other = await as(stranger.token);
      expect(other).toMatchObject({ state: "awaiting_supplement" });
      expect(other).not.toHaveProperty("missingDocuments");
      // A wrong credential counts as none, not as an error.
      expect(await as("not-a-real-token")).not.toHaveProperty("missingDocuments");
    });

    it("without a supplement request there is no missing-documents list; wrong and missing codes stay alike", async () => {
      const r = await getJson(withSlip(RECEIVED));
      expect(r.body).toMatchObject({ receivingUnitCode: "24631", state: "received" });
      expect(r.body).not.toHaveProperty("missingDocuments");
      const missing = await getJson("/api/dossiers/000.00.06.H98-251015-9999/status");
      const garbage = await getJson("/api/dossiers/%E1%BA%A0-khong-co/status");
      expect([missing.status, garbage.status]).toEqual([404, 404]);
      expect(missing.body).toEqual(garbage.body);
    });
  });

  describe("the unit's one-stop office", () => {
    it("GET /api/units/:unitCode gives the demo unit's office, phone left empty and flagged, with office hours", async () => {
      const r = await getJson("/api/units/24631");
      expect(r.status).toBe(200);
      expect(r.body!.office).toEqual({
        place: "Bộ phận Một cửa, UBND xã Quảng Khê",
        address: null,
        phone: null,
        toVerify: true,
        source: expect.any(String),
      });
      expect(r.body!.officeHours.length).toBeGreaterThan(0);
      expect(r.body!.officeHoursToVerify).toBe(true);
    });

    it("the scheme answer carries the same office (screen 1 of the mini-app)", async () => {
      const r = await getJson("/api/units/24631/scheme");
      expect(r.body!.office).toMatchObject({
        place: "Bộ phận Một cửa, UBND xã Quảng Khê",
        phone: null,
        toVerify: true,
      });
    });

    it("a 2023 unit without a row gets its People's Committee as the place, flagged to verify", async () => {
      const r = await getJson("/api/units/664?at=2024-03-06T09:00:00%2B07:00");
      expect(r.status).toBe(200);
      expect(r.body!.office).toMatchObject({
        place: "Bộ phận Một cửa, UBND huyện Krông Nô",
        address: null,
        phone: null,
        toVerify: true,
      });
    });
  });
});

describe("shared/data/offices.ts", () => {
  it("covers the 28 successor communes of Lâm Đồng, each an existing unit, flagged, with no invented phone number", () => {
    const communes2025 = daknongUnits.units
      .filter((u) => u.validFrom === "2025-07-01" && u.level === "commune")
      .map((u) => u.id);
    expect(unitOffices.map((o) => o.unitId).sort()).toEqual([...communes2025].sort());
    expect(communes2025).toHaveLength(28);
    for (const o of unitOffices) {
      expect(o.phone === null || o.toVerify === false).toBe(true);
      expect(o.toVerify || o.evidence === "V" || o.evidence === "S").toBe(true);
      expect(o.place).toMatch(/^Bộ phận Một cửa, UBND (xã|phường) /);
    }
  });
});
