/**
 * /console/api/admin/unit and /console/api/admin/verification (docs/admin/unit-and-verification.md): the unit's
 * own settings (name as citizens know it, address, telephone, office hours with breaks) and the confirmation of
 * shipped facts; both audited and reaching the public API at once. Bad input is answered beside the field.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import {
  NAM_DA,
  QUANG_KHE,
  signedInOfficers,
  startConsoleServer,
  type ConsoleServer,
} from "./helpers/console-server.js";

type Client = Awaited<ReturnType<typeof signedInOfficers>>[number]["client"];
const LAM_DONG = "68@2025-07-01";
const SCHEME = "/api/units/24631/scheme?at=2025-07-16T09:00:00%2B07:00";

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}
interface Fact {
  id: string;
  kind: string;
  unitId: string | null;
  confirmer: string;
  canConfirm: boolean;
  confirmation: { source: string; byName: string } | null;
}
interface Scheme {
  officeHours: { start: string; end: string }[];
  officeHoursToVerify: boolean;
  office: { place: string; address: string | null; phone: string | null; toVerify: boolean };
}

const validSettings = {
  unitId: QUANG_KHE,
  name: "Trung tâm Phục vụ hành chính công xã Quảng Khê",
  address: "Thôn 1, xã Quảng Khê, tỉnh Lâm Đồng",
  phone: "0261 3544 123",
  officeHours: [
    { start: "07:00", end: "11:30" },
    { start: "13:00", end: "17:00" },
  ],
  reason: "Theo Quyết định số 12/QĐ-UBND của UBND xã",
};

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  let unitAdmin: Client, provinceAdmin: Client, counter: Client, otherAdmin: Client;
  let unitAdminId: string;
  const publicScheme = async () => (await fetch(s.baseUrl + SCHEME)).json() as Promise<Scheme>;

  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t);
    const officers = await signedInOfficers(s, [
      ["qk.quantri", "unit_admin", QUANG_KHE],
      ["tinh.qt", "province_admin", LAM_DONG],
      ["qk.motcua", "counter_officer", QUANG_KHE],
      ["nd.quantri", "unit_admin", NAM_DA],
    ]);
    unitAdminId = officers[0]!.id;
    [unitAdmin, provinceAdmin, counter, otherAdmin] = officers.map((o) => o.client) as [Client, Client, Client, Client];
  });
  afterAll(() => s?.close());

  describe("unit settings", () => {
    it("shows the unit's settings to its administrator; a province administrator picks any unit of the province", async () => {
      const own = await unitAdmin.json<{ unitId: string; code: string; units: unknown[]; effective: Scheme["office"] }>(
        "GET",
        "/console/api/admin/unit",
      );
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ unitId: QUANG_KHE, code: "24631" });
      expect(own.body.units).toHaveLength(1);
      const picked = await provinceAdmin.json<{ unitId: string; units: { id: string }[] }>(
        "GET",
        `/console/api/admin/unit?unitId=${encodeURIComponent(NAM_DA)}`,
      );
      expect(picked.body.unitId).toBe(NAM_DA);
      expect(picked.body.units.length).toBeGreaterThanOrEqual(28);
      const elsewhere = await otherAdmin.json<ErrorBody>(
        "GET",
        `/console/api/admin/unit?unitId=${encodeURIComponent(QUANG_KHE)}`,
      );
      expect(elsewhere.status).toBe(404);
      expect(elsewhere.body.error.fields).toEqual([{ path: "unitId", message: "Chọn một đơn vị bạn quản trị." }]);
      const refused = await counter.json<ErrorBody>("GET", "/console/api/admin/unit");
      expect(refused.status).toBe(403);
    });

    it("refuses overlapping ranges, a range ending before it starts, a cut-off outside hours and no reason, beside the field", async () => {
      const put = (body: unknown) => unitAdmin.json<ErrorBody>("PUT", "/console/api/admin/unit", body);
      const overlap = await put({
        ...validSettings,
        officeHours: [
          { start: "07:00", end: "12:00" },
          { start: "11:00", end: "17:00" },
        ],
      });
      expect(overlap.status).toBe(400);
      expect(overlap.body.error.fields).toEqual([
        {
          path: "officeHours.1.start",
          message: "Khoảng giờ này chồng lên khoảng 07:00–12:00; giờ nghỉ phải nằm giữa hai khoảng.",
        },
      ]);
      const backwards = await put({ ...validSettings, officeHours: [{ start: "17:00", end: "07:00" }] });
      expect(backwards.body.error.fields?.[0]).toEqual({
        path: "officeHours.0.end",
        message: "Giờ kết thúc phải sau giờ bắt đầu (17:00).",
      });
      const cutoff = await put({
        ...validSettings,
        officeHours: [
          { start: "07:00", end: "11:30" },
          { start: "15:30", end: "17:00" },
        ],
      });
      expect(cutoff.status).toBe(400);
      expect(cutoff.body.error.fields).toEqual([
        {
          path: "officeHours",
          message: "Giờ chốt nhận hồ sơ trả trong ngày của kế hoạch (15:00) nằm ngoài giờ làm việc đã nhập.",
        },
      ]);
      const badClock = await put({ ...validSettings, officeHours: [{ start: "7h", end: "17:00" }] });
      expect(badClock.body.error.fields?.[0]).toMatchObject({ path: "officeHours.0.start" });
      expect(badClock.body.error.fields?.[0]?.message).toContain("HH:mm");
      const noReason = await put({ ...validSettings, reason: " " });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.fields?.[0]?.path).toBe("reason");
      const badPhone = await put({ ...validSettings, phone: "123" });
      expect(badPhone.body.error.fields?.[0]?.path).toBe("phone");
      expect((await publicScheme()).officeHoursToVerify).toBe(true); // nothing saved
    });

    it("saves name, address, phone and hours (audited); the public answer follows at once, hours no longer 'to verify'", async () => {
      const before = await publicScheme();
      expect(before.office).toMatchObject({ place: "Bộ phận Một cửa, UBND xã Quảng Khê", toVerify: true });
      const saved = await unitAdmin.json<{ effective: { place: string; officeHoursToVerify: boolean } }>(
        "PUT",
        "/console/api/admin/unit",
        validSettings,
      );
      expect(saved.status).toBe(200);
      expect(saved.body.effective).toMatchObject({ place: validSettings.name, officeHoursToVerify: false });
      const after = await publicScheme();
      expect(after.officeHours).toEqual(validSettings.officeHours);
      expect(after.officeHoursToVerify).toBe(false);
      expect(after.office).toMatchObject({
        place: validSettings.name,
        address: validSettings.address,
        phone: "0261 3544 123",
        toVerify: false,
      });
      const unit = (await (await fetch(`${s.baseUrl}/api/units/24631`)).json()) as { code: string };
      expect(unit.code).toBe("24631"); // official code unchanged
      const audit = await listAuditFor(t.db, "unit_office", QUANG_KHE);
      expect(audit.map((a) => [a.actorId, a.action, a.reason, a.fields])).toEqual([
        [unitAdminId, "create", validSettings.reason, ["address", "name", "officeHours", "phone"]],
      ]);
      const facts = await unitAdmin.json<{ facts: Fact[] }>(
        "GET",
        `/console/api/admin/verification?confirmed=1&unitId=${encodeURIComponent(QUANG_KHE)}`,
      );
      expect(facts.body.facts.map((f) => [f.id, f.confirmation?.source])).toEqual([
        [`office_hours:${QUANG_KHE}`, "Đơn vị tự cập nhật"],
        [`office:${QUANG_KHE}`, "Đơn vị tự cập nhật"],
      ]);
    });
  });

  describe("verification", () => {
    it("lists what is still unconfirmed with who may confirm it; the unit admin confirms office facts only", async () => {
      const list = await otherAdmin.json<{ facts: Fact[]; remaining: number }>(
        "GET",
        "/console/api/admin/verification",
      );
      expect(list.status).toBe(200);
      const hours = list.body.facts.find((f) => f.id === `office_hours:${NAM_DA}`)!;
      expect(hours).toMatchObject({ confirmer: "unit_admin", canConfirm: true, confirmation: null });
      const plan = list.body.facts.find((f) => f.kind === "plan")!;
      expect(plan).toMatchObject({ confirmer: "province_admin", canConfirm: false });
      expect(list.body.facts.some((f) => f.unitId === QUANG_KHE)).toBe(false);
      const refused = await otherAdmin.json<ErrorBody>("POST", "/console/api/admin/verification/confirm", {
        factId: plan.id,
        source: "824/KH-UBND",
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe("Chỉ quản trị cấp tỉnh được xác nhận thông tin này.");
      const foreign = await otherAdmin.json<ErrorBody>("POST", "/console/api/admin/verification/confirm", {
        factId: `office_hours:${QUANG_KHE}`,
        source: "x",
      });
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.fields?.[0]?.path).toBe("factId");
    });

    it("refuses an empty source and an unknown fact, beside the field", async () => {
      const empty = await provinceAdmin.json<ErrorBody>("POST", "/console/api/admin/verification/confirm", {
        factId: `office_hours:${NAM_DA}`,
        source: "  ",
      });
      expect(empty.status).toBe(400);
      expect(empty.body.error.fields).toEqual([
        { path: "source", message: "Nhập số văn bản (ví dụ 824/KH-UBND) hoặc đường dẫn nguồn đã đối chiếu." },
      ]);
      const unknown = await provinceAdmin.json<ErrorBody>("POST", "/console/api/admin/verification/confirm", {
        factId: "office_hours:99999@2025-07-01",
        source: "https://example.gov.vn/qd",
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toMatchObject({
        code: "fact_not_found",
        message: "Không có thông tin cần xác nhận này.",
      });
      const counterTry = await counter.json<ErrorBody>("POST", "/console/api/admin/verification/confirm", {
        factId: `office_hours:${QUANG_KHE}`,
        source: "x",
      });
      expect(counterTry.status).toBe(403);
    });

    it("a confirmation records the source and the person (audited) and removes the marker from the public answer", async () => {
      const nd = "/api/units/24697/scheme?at=2025-07-16T09:00:00%2B07:00";
      expect(((await (await fetch(s.baseUrl + nd)).json()) as Scheme).officeHoursToVerify).toBe(true);
      const ok = await provinceAdmin.json<Fact>("POST", "/console/api/admin/verification/confirm", {
        factId: `office_hours:${NAM_DA}`,
        source: "https://namda.lamdong.gov.vn/gio-lam-viec",
      });
      expect(ok.status).toBe(200);
      expect(ok.body.confirmation).toMatchObject({ source: "https://namda.lamdong.gov.vn/gio-lam-viec" });
      expect(((await (await fetch(s.baseUrl + nd)).json()) as Scheme).officeHoursToVerify).toBe(false);
      const audit = await listAuditFor(t.db, "confirmation", `office_hours:${NAM_DA}`);
      expect(audit).toHaveLength(1);
      expect(audit[0]!.reason).toBe("Xác nhận giờ làm việc theo https://namda.lamdong.gov.vn/gio-lam-viec");

      const planFact = (await provinceAdmin.json<{ facts: Fact[] }>("GET", "/console/api/admin/verification?kind=plan"))
        .body.facts[0]!;
      expect(planFact.canConfirm).toBe(true);
      await provinceAdmin.json("POST", "/console/api/admin/verification/confirm", {
        factId: planFact.id,
        source: "Kế hoạch số 01/KH-UBND",
      });
      const plan = (await (await fetch(s.baseUrl + SCHEME)).json()) as { plan: { toVerify: boolean } };
      expect(plan.plan.toVerify).toBe(false);
      const remaining = await provinceAdmin.json<{ facts: Fact[] }>("GET", "/console/api/admin/verification?kind=plan");
      expect(remaining.body.facts).toEqual([]);
    });

    it("filters by unit and refuses a unit outside the province admin's scope", async () => {
      const one = await provinceAdmin.json<{ facts: Fact[] }>(
        "GET",
        `/console/api/admin/verification?unitId=${encodeURIComponent(NAM_DA)}&confirmed=all`,
      );
      expect(new Set(one.body.facts.filter((f) => f.unitId).map((f) => f.unitId))).toEqual(new Set([NAM_DA]));
      const bad = await provinceAdmin.json<ErrorBody>("GET", "/console/api/admin/verification?unitId=01@2025-07-01");
      expect(bad.status).toBe(404);
      const badKind = await provinceAdmin.json<ErrorBody>("GET", "/console/api/admin/verification?kind=nope");
      expect(badKind.status).toBe(400);
    });
  });
});
