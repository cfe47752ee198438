/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * Scheme plans administered in the console, on SQLite and PostgreSQL (docs/admin/plans.md): the province
 * administrator lists the province's plans (the Lâm Đồng demo configuration in force, Đắk Nông's 2023 plans as
 * history), reads one, and enters a new version from next month; bad input is refused with a Vietnamese message
 * beside the field. The rule of the issue: a dossier received today keeps its track, due date and printed receipt,
 * today's public answers do not move, and from the new date the new cut-off applies. A unit administrator says
 * whether the unit takes part from a date. Every write is audited and survives the shipped seed.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { seed } from "../../bot-server/src/seed.js";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { loadDocuments } from "../../bot-server/src/store/catalog.js";
import type { SchemePlan } from "../../shared/scheme/scheme-plan.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { flatPdfText } from "./helpers/pdf-text.js";
import { maritalIntake } from "./helpers/intake-fixtures.js";
import {
  NAM_DA,
  QUANG_KHE,
  signedInOfficers,
  startConsoleServer,
  type ConsoleClient,
  type ConsoleServer,
} from "./helpers/console-server.js";

const PROVINCE = "68@2025-07-01";
const OLD_PROVINCE = "67@2020-03-01";
const DEMO_PLAN = "lam-dong-2025-demo";
const NOW = "2025-07-16T09:00:00+07:00";
const PLANS = "/console/api/admin/plans";
const PARTICIPATION = `${PLANS}/participation`;

/** A new version from 01/08/2025: Tuesday and Wednesday, same-day intake until 11:00. */
const nextMonth = (extra: Record<string, unknown> = {}) => ({
  validFrom: "2025-08-01",
  weekdays: [2, 3],
  officeHours: [
    { start: "07:00", end: "11:30" },
    { start: "13:30", end: "17:00" },
  ],
  intakeCutoff: "11:00",
  procedures: [
    { level: "commune", procedureCode: "1.004873", excludedFlags: ["needs_verification"] },
    { level: "commune", procedureCode: "1.001612" },
  ],
  document: {
    status: "official",
    number: "123/KH-UBND",
    issuedOn: "2025-07-10",
    issuer: "Ủy ban nhân dân tỉnh Lâm Đồng",
  },
  reason: "Kế hoạch năm 2025 của tỉnh",
  ...extra,
});

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  let province: ConsoleClient, oldProvince: ConsoleClient, qkAdmin: ConsoleClient, ndAdmin: ConsoleClient;
  let counter: ConsoleClient, viewer: ConsoleClient;
  let provinceId: string;

  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t);
    s.clock.set(new Date(NOW));
    const officers = await signedInOfficers(s, [
      ["tinh.qt", "province_admin", PROVINCE],
      ["dn.qt", "province_admin", OLD_PROVINCE],
      ["qk.qt", "unit_admin", QUANG_KHE],
      ["nd.qt", "unit_admin", NAM_DA],
      ["qk.motcua", "counter_officer", QUANG_KHE],
      ["tinh.xem", "province_viewer", PROVINCE],
    ]);
    provinceId = officers[0]!.id;
    [province, oldProvince, qkAdmin, ndAdmin, counter, viewer] = officers.map((o) => o.client) as ConsoleClient[] as [
      ConsoleClient,
      ConsoleClient,
      ConsoleClient,
      ConsoleClient,
      ConsoleClient,
      ConsoleClient,
    ];
  });

  afterAll(async () => {
    await s.close();
  });

  const publicJson = async (path: string) => {
    const res = await fetch(`${s.baseUrl}${path}`);
    return { status: res.status, body: (await res.json()) as any };
  };
  const schemeAt = (unitCode: string, at: string) =>
    publicJson(`/api/units/${unitCode}/scheme?at=${encodeURIComponent(at)}`);

  describe("reading", () => {
    it("the province administrator lists the demo configuration in force and Đắk Nông's 2023 plans as past", async () => {
      const r = await province.json<any>("GET", PLANS);
      expect(r.status).toBe(200);
      expect(r.body.today).toBe("2025-07-16");
      const ids = r.body.plans.map((p: any) => `${p.id} ${p.period}`);
      expect(ids).toEqual([`${DEMO_PLAN} current`, "dak-nong-2023-province past", "dak-nong-2023-pilot past"]);
      const demo = r.body.plans[0];
      expect(demo.status).toBe("demo");
      expect(demo.statusLabel).toBe("Cấu hình minh họa, không phải quyết định chính thức");
      expect(demo.intakeCutoff).toBe("15:00");
      expect(demo.weekdayNames).toBe("Thứ Tư");
      expect(demo.unitCount).toBe(28);
      expect(demo.procedures.map((p: any) => p.procedureCode)).toEqual([
        "1.011441",
        "1.011443",
        "1.001612",
        "1.004873",
      ]);
      expect(r.body.procedures.some((p: any) => p.code === "1.004873" && p.levels.includes("commune"))).toBe(true);
    });

    it("reads one plan; an unknown id is 404, a malformed one 400", async () => {
      const one = await province.json<any>("GET", `${PLANS}/${DEMO_PLAN}`);
      expect(one.status).toBe(200);
      expect(one.body.origin).toBe("shipped");
      const missing = await province.json<any>("GET", `${PLANS}/khong-co`);
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe("plan_not_found");
      expect((await province.json<any>("GET", `${PLANS}/KHONG_HOP_LE`)).status).toBe(400);
    });

    it("another province's administrator does not see Lâm Đồng's plan; other roles are refused", async () => {
      expect((await oldProvince.json<any>("GET", `${PLANS}/${DEMO_PLAN}`)).status).toBe(404);
      const theirs = await oldProvince.json<any>("GET", PLANS);
      expect(theirs.body.plans.map((p: any) => p.id)).not.toContain(DEMO_PLAN);
      for (const c of [qkAdmin, counter, viewer]) {
        const r = await c.json<any>("GET", PLANS);
        expect(r.status).toBe(403);
        expect(r.body.error.message).toBe("Chỉ quản trị cấp tỉnh được thay đổi thiết lập này.");
        expect((await c.json<any>("POST", `${PLANS}/${DEMO_PLAN}/versions`, nextMonth())).status).toBe(403);
      }
    });
  });

  describe("bad input: a Vietnamese message beside the field, nothing written", () => {
    const refused = async (body: unknown, path: string, status = 422) => {
      const r = await province.json<any>("POST", `${PLANS}/${DEMO_PLAN}/versions`, body);
      expect(r.status).toBe(status);
      const field = r.body.error.fields.find((f: any) => f.path === path);
      expect(field).toBeDefined();
      expect(r.body.error.detail).toMatch(/[a-z]/);
      return field.message as string;
    };

    it("a cut-off outside the office hours", async () => {
      expect(await refused(nextMonth({ intakeCutoff: "12:00" }), "intakeCutoff")).toBe(
        "Giờ tiếp nhận cuối 12:00 nằm ngoài giờ làm việc (07:00–11:30, 13:30–17:00).",
      );
    });

    it("a plan without procedures, an unknown procedure code, a procedure not received at the level", async () => {
      expect(await refused(nextMonth({ procedures: [] }), "procedures")).toBe(
        "Kế hoạch phải có ít nhất một thủ tục áp dụng Ngày không hẹn.",
      );
      expect(
        await refused(
          nextMonth({ procedures: [{ level: "commune", procedureCode: "9.999999" }] }),
          "procedures.0.procedureCode",
        ),
      ).toBe("Mã thủ tục 9.999999 không có trong danh mục thủ tục.");
    });

    it("no weekday, a start today or in the past, office hours that end before they start", async () => {
      expect(await refused(nextMonth({ weekdays: [] }), "weekdays")).toBe(
        "Chọn ít nhất một ngày trong tuần là Ngày không hẹn.",
      );
      expect(await refused(nextMonth({ validFrom: "2025-07-16" }), "validFrom")).toMatch(
        /^Ngày bắt đầu phải sau hôm nay \(16\/07\/2025\): các quyết định đã có/,
      );
      expect(await refused(nextMonth({ validFrom: "2025-01-01" }), "validFrom")).toMatch(/sau hôm nay/);
      expect(
        await refused(
          nextMonth({ officeHours: [{ start: "11:00", end: "07:00" }], intakeCutoff: "10:00" }),
          "officeHours.0.end",
        ),
      ).toBe("Giờ kết thúc phải sau giờ bắt đầu.");
    });

    it("malformed times and dates are 400 with the field named", async () => {
      expect(await refused(nextMonth({ intakeCutoff: "25:00" }), "intakeCutoff", 400)).toBe(
        "Giờ tiếp nhận cuối chưa đúng giờ (dạng HH:mm, ví dụ 15:00).",
      );
      expect(await refused(nextMonth({ validFrom: "01/08/2025" }), "validFrom", 400)).toBe(
        "Ngày bắt đầu chưa đúng ngày (ví dụ 2025-08-01).",
      );
      expect(
        await refused({ ...nextMonth(), document: { status: "official", number: "" } }, "document.number", 400),
      ).toBe("Nhập số văn bản (ví dụ 824/KH-UBND).");
    });

    it("nothing was written", async () => {
      const docs = await loadDocuments<SchemePlan>(t.db, "scheme_plan");
      expect(docs.map((d) => d.id).sort()).toEqual(["dak-nong-2023-pilot", "dak-nong-2023-province", DEMO_PLAN]);
      expect(docs.every((d) => d.origin === "shipped")).toBe(true);
    });
  });

  describe("a new version from next month never rewrites what was decided", () => {
    let dossierId: string;
    let receipt: string;
    let todayBefore: any;
    let procedureBefore: any;

    it("a dossier is received on the same-day track this morning", async () => {
      const r = await counter.json<any>("POST", "/console/api/intake/receive", maritalIntake());
      expect(r.status).toBe(200);
      expect(r.body.track).toBe("same-day");
      expect(r.body.dueDate).toBe("2025-07-16");
      dossierId = r.body.dossierId;
      receipt = flatPdfText(
        Buffer.from(await (await counter.get(`/console/api/dossiers/${dossierId}/forms/01.pdf`)).arrayBuffer()),
      );
      todayBefore = (await schemeAt("24631", NOW)).body;
      expect(todayBefore.intakeCutoff).toBe("15:00");
      procedureBefore = (await publicJson(`/api/procedures/1.004873?unit=24631&at=${encodeURIComponent(NOW)}`)).body;
    });

    it("the province administrator enters the version: 201, the demo configuration ends on 31/07/2025", async () => {
      const r = await province.json<any>("POST", `${PLANS}/${DEMO_PLAN}/versions`, nextMonth());
      expect(r.status).toBe(201);
      expect(r.body.plan).toMatchObject({
        id: `${DEMO_PLAN}-v2025-08-01`,
        status: "official",
        statusLabel: "Văn bản của cơ quan có thẩm quyền",
        number: "123/KH-UBND",
        validFrom: "2025-08-01",
        validTo: null,
        period: "future",
        intakeCutoff: "11:00",
        weekdayNames: "Thứ Ba, Thứ Tư",
        unitCount: 28,
        supersedes: DEMO_PLAN,
        enteredBy: "tinh.qt",
      });
      expect(r.body.previous).toMatchObject({ id: DEMO_PLAN, validTo: "2025-07-31", period: "current" });
      const docs = await loadDocuments<SchemePlan>(t.db, "scheme_plan");
      const ended = docs.find((d) => d.id === DEMO_PLAN)!;
      expect(ended).toMatchObject({ origin: "admin", validTo: "2025-07-31" });
      expect(ended.body.validTo).toBe("2025-07-31");
    });

    it("the received dossier keeps its track, due date and printed receipt", async () => {
      const d = await counter.json<any>("GET", `/console/api/dossiers/${dossierId}`);
      expect(d.body.dossier?.track ?? d.body.track).toBe("same-day");
      expect(d.body.dossier?.dueDate ?? d.body.dueDate).toBe("2025-07-16");
      const again = flatPdfText(
        Buffer.from(await (await counter.get(`/console/api/dossiers/${dossierId}/forms/01.pdf`)).arrayBuffer()),
      );
      expect(again).toBe(receipt);
    });

    it("today's public answers do not move (the plan in force now says it ends on 31/07/2025)", async () => {
      // The one difference: the configuration in force today now has its end date.
      const ended = (body: unknown) =>
        JSON.parse(JSON.stringify(body).replaceAll('"validTo":"2025-07-31"', '"validTo":null'));
      const today = (await schemeAt("24631", NOW)).body;
      expect(today.plan.validTo).toBe("2025-07-31");
      expect(ended(today)).toEqual(todayBefore);
      expect(today.procedures.find((p: any) => p.code === "1.004873")).toMatchObject({
        track: "same-day",
        sameDayNow: true,
      });
      const procedure = (await publicJson(`/api/procedures/1.004873?unit=24631&at=${encodeURIComponent(NOW)}`)).body;
      expect(ended(procedure)).toEqual(procedureBefore);
      // A Wednesday of July after 11:00 is still before the cut-off of the configuration in force.
      const july = await schemeAt("24631", "2025-07-30T14:00:00+07:00");
      expect(july.body.intakeCutoff).toBe("15:00");
      expect(july.body.intakeOpen).toBe(true);
    });

    it("from 01/08/2025 the new cut-off and weekdays apply", async () => {
      const tuesday = await schemeAt("24631", "2025-08-05T10:00:00+07:00");
      expect(tuesday.body.schemeDay).toBe(true);
      expect(tuesday.body.intakeCutoff).toBe("11:00");
      expect(tuesday.body.plan.id).toBe(`${DEMO_PLAN}-v2025-08-01`);
      const late = await schemeAt("24631", "2025-08-06T11:30:00+07:00");
      expect(late.body.intakeOpen).toBe(false);
      const decided = late.body.procedures.find((p: any) => p.code === "1.004873");
      expect(decided.track).toBe("normal");
    });

    it("the change is audited, reloads the domain, and survives the shipped seed", async () => {
      const audit = await listAuditFor(t.db, "scheme_plan", `${DEMO_PLAN}-v2025-08-01`);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: provinceId, action: "create" });
      expect(audit[0]!.reason).toContain("từ 01/08/2025");
      await seed(t.db, { now: "2025-07-16T03:00:00.000Z", demoAccounts: false });
      await s.deps.domain.reload();
      const docs = await loadDocuments<SchemePlan>(t.db, "scheme_plan");
      expect(docs.find((d) => d.id === DEMO_PLAN)!.validTo).toBe("2025-07-31");
      expect((await schemeAt("24631", "2025-08-05T10:00:00+07:00")).body.intakeCutoff).toBe("11:00");
    });

    it("overlapping versions are refused; an ended version cannot be continued", async () => {
      const r = await province.json<any>(
        "POST",
        `${PLANS}/${DEMO_PLAN}/versions`,
        nextMonth({ validFrom: "2025-07-25", document: { status: "demo" } }),
      );
      expect(r.status).toBe(422);
      expect(r.body.error.fields[0]).toMatchObject({ path: "validFrom" });
      expect(r.body.error.fields[0].message).toMatch(/^Trùng thời gian với kế hoạch "Kế hoạch 123\/KH-UBND/);
      // With an end before the next version it fits.
      const fits = await province.json<any>(
        "POST",
        `${PLANS}/${DEMO_PLAN}/versions`,
        nextMonth({ validFrom: "2025-07-25", validTo: "2025-07-31", document: { status: "demo" } }),
      );
      expect(fits.status).toBe(201);
      expect(fits.body.plan).toMatchObject({ status: "demo", validTo: "2025-07-31" });
      expect(fits.body.plan.statusLabel).toBe("Cấu hình minh họa, không phải quyết định chính thức");
      expect(fits.body.previous.validTo).toBe("2025-07-24");
      const old = await province.json<any>("POST", `${PLANS}/dak-nong-2023-province/versions`, nextMonth());
      expect(old.status).toBe(422);
      expect(old.body.error.fields[0].message).toMatch(/đã hết hiệu lực/);
    });
  });

  describe("a unit's participation", () => {
    it("the unit administrator reads it: Nam Đà takes part today", async () => {
      const r = await ndAdmin.json<any>("GET", PARTICIPATION);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ unitId: NAM_DA, takesPartToday: true, covered: true, changes: [] });
      expect(r.body.planToday.id).toBe(DEMO_PLAN);
    });

    it("a date today or before, another unit, a missing unit for the province: refused", async () => {
      const today = await ndAdmin.json<any>("PUT", PARTICIPATION, { from: "2025-07-16", takesPart: false });
      expect(today.status).toBe(400);
      expect(today.body.error.fields[0].path).toBe("from");
      expect(today.body.error.fields[0].message).toMatch(/^Ngày áp dụng phải sau hôm nay/);
      const other = await qkAdmin.json<any>("PUT", PARTICIPATION, {
        unitId: NAM_DA,
        from: "2025-08-01",
        takesPart: false,
      });
      expect(other.status).toBe(403);
      expect((await qkAdmin.json<any>("GET", `${PARTICIPATION}?unitId=${encodeURIComponent(NAM_DA)}`)).status).toBe(
        403,
      );
      const noUnit = await province.json<any>("PUT", PARTICIPATION, { from: "2025-08-01", takesPart: false });
      expect(noUnit.status).toBe(400);
      expect(noUnit.body.error.fields[0].path).toBe("unitId");
      expect((await counter.json<any>("PUT", PARTICIPATION, { from: "2025-08-01", takesPart: false })).status).toBe(
        403,
      );
      expect((await ndAdmin.json<any>("PUT", PARTICIPATION, { from: "2025-08-01" })).status).toBe(400);
    });

    it("Nam Đà stops from 01/08/2025; the province brings it back from 01/09/2025; today is unchanged", async () => {
      const before = (await schemeAt("24697", NOW)).body;
      const stop = await ndAdmin.json<any>("PUT", PARTICIPATION, {
        from: "2025-08-01",
        takesPart: false,
        note: "Thiếu cán bộ",
      });
      expect(stop.status).toBe(200);
      expect(stop.body.takesPartToday).toBe(true);
      expect(stop.body.changes).toMatchObject([{ from: "2025-08-01", takesPart: false, by: "nd.qt" }]);
      expect((await schemeAt("24697", NOW)).body).toEqual(before);
      const august = (await schemeAt("24697", "2025-08-05T10:00:00+07:00")).body;
      expect(august.plan).toBeNull();
      expect(august.schemeDay).toBe(false);
      // Quảng Khê, in the same plan, is not affected.
      expect((await schemeAt("24631", "2025-08-05T10:00:00+07:00")).body.schemeDay).toBe(true);

      const back = await province.json<any>("PUT", PARTICIPATION, {
        unitId: NAM_DA,
        from: "2025-09-01",
        takesPart: true,
      });
      expect(back.status).toBe(200);
      expect(back.body.changes.map((c: any) => `${c.from} ${c.takesPart}`)).toEqual([
        "2025-08-01 false",
        "2025-09-01 true",
      ]);
      // 02/09 is National Day: the next Tuesday.
      expect((await schemeAt("24697", "2025-09-09T10:00:00+07:00")).body.schemeDay).toBe(true);
      const audit = await listAuditFor(t.db, "plan_participation", NAM_DA);
      expect(audit.map((a) => a.reason)).toEqual([
        "Không tham gia Ngày không hẹn từ 01/08/2025. Thiếu cán bộ",
        "Tham gia Ngày không hẹn từ 01/09/2025",
      ]);
    });
  });
});
