/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * Procedure versions and fees administered by the province administrator, through the console API on SQLite and
 * PostgreSQL (docs/admin/procedures.md): the list with validity and origin, one version, the JSON export of one and
 * of all versions, the import of a version as a new version from a date (bad JSON and schema violations answered by
 * JSON path in Vietnamese, a past date, an overlap, an unknown code), the round trip export → import → versionAt,
 * the shipped seed leaving administrators' documents alone, the province's fee, the audit, and the rule that a
 * dossier received under the old version keeps its printed declaration and due date.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { seed } from "../../bot-server/src/seed.js";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import {
  at,
  consoleClient,
  QUANG_KHE,
  signedInClient,
  signedInOfficers,
  startConsoleServer,
  WEDNESDAY,
  type ConsoleServer,
} from "./helpers/console-server.js";
import { maritalIntake } from "./helpers/intake-fixtures.js";
import { flatPdfText, popplerAvailable } from "./helpers/pdf-text.js";

type Client = Awaited<ReturnType<typeof consoleClient>>;

const PROVINCE = "68@2025-07-01";
const BASE = "/console/api/admin/procedures";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  let admin: Client, unitAdmin: Client, counter: Client;
  let adminId: string;

  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t);
    s.clock.set(at(WEDNESDAY, "09:00"));
    const officers = await signedInOfficers(s, [
      ["tinh.qt", "province_admin", PROVINCE],
      ["qk.quantri", "unit_admin", QUANG_KHE],
      ["qk.motcua", "counter_officer", QUANG_KHE],
    ]);
    adminId = officers[0]!.id;
    [admin, unitAdmin, counter] = officers.map((o) => o.client) as [Client, Client, Client];
  });
  afterAll(async () => {
    await s.close();
    await t.close();
  });

  const exportOf = async (id: string) => {
    const res = await admin.get(`${BASE}/versions/${id}/export`);
    expect(res.status).toBe(200);
    return (await res.text()) as string;
  };
  const importText = (json: string, validFrom?: string, reason = "Quyết định công bố thủ tục mới của tỉnh") =>
    admin.json<any>("POST", `${BASE}/versions`, { json, ...(validFrom ? { validFrom } : {}), reason });

  it("lists the procedures with their versions, validity and origin, and the province's fees", async () => {
    const r = await admin.json<any>("GET", BASE);
    expect(r.status).toBe(200);
    expect(r.body.today).toBe(WEDNESDAY);
    expect(r.body.provinceCode).toBe("68");
    const marital = r.body.procedures.find((p: any) => p.code === "1.004873");
    expect(marital.currentVersionId).toBe("1.004873@2025-07-01");
    expect(marital.versions.map((v: any) => v.id)).toContain("1.004873@2027-03-01");
    expect(marital.versions.every((v: any) => v.origin === "shipped")).toBe(true);
    expect(marital.fees[0]).toMatchObject({ provinceCode: "68", display: "cần kiểm tra", toVerify: true });
  });

  it("refuses every other role and a caller without a session", async () => {
    for (const c of [unitAdmin, counter]) {
      const r = await c.json<any>("GET", BASE);
      expect(r.status).toBe(403);
      expect(r.body.error.message).toContain("quản trị cấp tỉnh");
      expect((await c.json<any>("POST", `${BASE}/versions`, { json: "{}", reason: "thử" })).status).toBe(403);
    }
    expect((await (await consoleClient(s.baseUrl)).get(BASE)).status).toBe(401);
  });

  it("reads one version; an unknown id is 404 and a malformed one 400, in Vietnamese", async () => {
    const r = await admin.json<any>("GET", `${BASE}/versions/1.004873@2025-07-01`);
    expect(r.status).toBe(200);
    expect(r.body.summary).toMatchObject({ validFrom: "2025-07-01", validTo: "2027-02-28", inForce: true });
    expect(r.body.version.form.title).toBeTruthy();
    const missing = await admin.json<any>("GET", `${BASE}/versions/1.004873@2020-01-01`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe("Không tìm thấy phiên bản thủ tục này.");
    const bad = await admin.json<any>("GET", `${BASE}/versions/abc`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].message).toContain("1.004873@2025-07-01");
  });

  it("exports one version and all versions of a procedure as JSON downloads (audited)", async () => {
    const one = await admin.get(`${BASE}/versions/1.011441@2025-07-01/export`);
    expect(one.status).toBe(200);
    expect(one.headers.get("content-disposition")).toBe('attachment; filename="thu-tuc-1.011441-2025-07-01.json"');
    const v = JSON.parse(await one.text());
    expect(v).toMatchObject({ id: "1.011441@2025-07-01", code: "1.011441" });
    const all = await admin.get(`${BASE}/1.011441/export`);
    expect(all.status).toBe(200);
    const file = JSON.parse(await all.text());
    expect(file.format).toBe("khonghen.procedure-versions/1");
    expect(file.versions.map((x: any) => x.id)).toEqual(["1.011441@2023-01-15", "1.011441@2025-07-01"]);
    expect((await admin.get(`${BASE}/9.999999/export`)).status).toBe(404);
    const audit = await listAuditFor(t.db, "procedure_version", "1.011441@2025-07-01");
    expect(audit.some((a) => a.action === "export" && a.actorId === adminId)).toBe(true);
  });

  it("answers broken JSON with the line and column, beside the JSON field", async () => {
    const r = await importText('{\n  "code": "1.011441",\n  "name": "x",,\n}', "2025-09-01");
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("procedure_version_invalid");
    expect(r.body.error.fields).toHaveLength(1);
    expect(r.body.error.fields[0].path).toBe("json");
    expect(r.body.error.fields[0].message).toMatch(/^Nội dung không phải JSON hợp lệ \(dòng 3, cột \d+\)/);
    expect(r.body.error.detail).toContain("not valid JSON");
    const arr = await importText("[1, 2]", "2025-09-01");
    expect(arr.body.error.fields[0]).toMatchObject({ path: "json" });
    const all = await importText(await (await admin.get(`${BASE}/1.011441/export`)).text(), "2025-09-01");
    expect(all.status).toBe(422);
    expect(all.body.error.fields[0].message).toContain("nhập từng phiên bản");
  });

  it("reports each schema violation with its JSON path and a Vietnamese message (English detail)", async () => {
    const v = JSON.parse(await exportOf("1.011441@2025-07-01"));
    delete v.name;
    v.timeLimit.timeLimitWorkingDays = "ba";
    v.requiredDocuments[0].kind = "photocopy";
    v.form.fields[1].id = v.form.fields[0].id;
    const r = await importText(JSON.stringify(v), "2025-09-01");
    expect(r.status).toBe(422);
    const paths = r.body.error.fields.map((f: any) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(["name", "timeLimit.timeLimitWorkingDays", "requiredDocuments.0.kind"]),
    );
    for (const f of r.body.error.fields) expect(f.message).toMatch(/[ăâđêôơưạảấầẩậắằẳặẹẻếềểệịọỏốồổộớờởợụủứừửựỳỷỹ]/i);
    expect(r.body.error.detail).toContain("timeLimit.timeLimitWorkingDays");
    // Once the schema holds, the form's own rules: a duplicated field id.
    const dup = JSON.parse(await exportOf("1.011441@2025-07-01"));
    dup.form.fields[1].id = dup.form.fields[0].id;
    const d = await importText(JSON.stringify(dup), "2025-09-01");
    expect(d.status).toBe(422);
    expect(d.body.error.fields).toEqual([{ path: "form.fields.1.id", message: expect.stringContaining("bị trùng") }]);
    // The request itself: no reason, an impossible date.
    const noReason = await admin.json<any>("POST", `${BASE}/versions`, { json: "{}", validFrom: "2025-02-30" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.map((f: any) => f.path).sort()).toEqual(["reason", "validFrom"]);
  });

  it("refuses a start date in the past, an unknown procedure code and an overlap, beside the field", async () => {
    const v = JSON.parse(await exportOf("1.011441@2025-07-01"));
    const past = await importText(JSON.stringify(v), "2025-07-15");
    expect(past.status).toBe(422);
    expect(past.body.error.code).toBe("procedure_date_past");
    expect(past.body.error.fields[0]).toEqual({ path: "validFrom", message: expect.stringContaining("15/07/2025") });
    const unknown = await importText(JSON.stringify({ ...v, code: "9.999999" }), "2025-09-01");
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe("procedure_code_unknown");
    expect(unknown.body.error.fields[0].path).toBe("code");
    // 1.004873 has a shipped version from 01/03/2027: a version from 2026 would overlap it.
    const m = JSON.parse(await exportOf("1.004873@2025-07-01"));
    const overlap = await importText(JSON.stringify(m), "2026-01-01");
    expect(overlap.status).toBe(422);
    expect(overlap.body.error.code).toBe("procedure_version_overlap");
    expect(overlap.body.error.fields[0]).toEqual({ path: "validFrom", message: expect.stringContaining("01/03/2027") });
  });

  it("round trip: export → import as a new version from a later date → the catalogue gives it from that date", async () => {
    const v = JSON.parse(await exportOf("1.011441@2025-07-01"));
    v.timeLimit.note = "Thời hạn theo quyết định công bố mới của tỉnh";
    const r = await importText(JSON.stringify(v), "2025-09-01");
    expect(r.status).toBe(201);
    expect(r.body.version).toMatchObject({ id: "1.011441@2025-09-01", validFrom: "2025-09-01", validTo: null });
    expect(r.body.version).toMatchObject({ origin: "admin", updatedBy: "tinh.qt", inForce: false });
    expect(r.body.closed).toMatchObject({ id: "1.011441@2025-07-01", validTo: "2025-08-31", origin: "admin" });
    const catalog = s.deps.domain.catalog;
    expect(catalog.versionAt("1.011441", "2025-08-31")?.id).toBe("1.011441@2025-07-01");
    expect(catalog.versionAt("1.011441", "2025-09-01")?.id).toBe("1.011441@2025-09-01");
    expect(catalog.versionAt("1.011441", "2025-09-01")?.timeLimit.note).toBe(v.timeLimit.note);
    // The same date again, or one before it, overlaps.
    expect((await importText(JSON.stringify(v), "2025-09-01")).body.error.code).toBe("procedure_version_overlap");
    expect((await importText(JSON.stringify(v), "2025-08-20")).body.error.code).toBe("procedure_version_overlap");
    // Who, when, what, why.
    const created = await listAuditFor(t.db, "procedure_version", "1.011441@2025-09-01");
    expect(created).toEqual([
      expect.objectContaining({
        action: "create",
        actorId: adminId,
        reason: "Quyết định công bố thủ tục mới của tỉnh",
      }),
    ]);
    const closed = await listAuditFor(t.db, "procedure_version", "1.011441@2025-07-01");
    expect(closed.some((a) => a.action === "update" && a.fields.includes("validTo"))).toBe(true);
    // The list shows both, the new one as the administrator's.
    const list = await admin.json<any>("GET", BASE);
    const p = list.body.procedures.find((x: any) => x.code === "1.011441");
    expect(p.versions.map((x: any) => [x.id, x.validTo, x.origin])).toEqual([
      ["1.011441@2023-01-15", "2025-06-30", "shipped"],
      ["1.011441@2025-07-01", "2025-08-31", "admin"],
      ["1.011441@2025-09-01", null, "admin"],
    ]);
  });

  it("the shipped seed at the next start leaves the administrator's versions as they are", async () => {
    await seed(t.db, { now: s.clock.now().toISOString(), demoAccounts: false });
    await s.deps.domain.reload();
    expect(s.deps.domain.catalog.versionById("1.011441@2025-07-01")?.validTo).toBe("2025-08-31");
    expect(s.deps.domain.catalog.versionAt("1.011441", "2025-10-01")?.id).toBe("1.011441@2025-09-01");
  });

  it("sets the province's fee: 'do HĐND tỉnh quy định' needs the resolution; the citizen's display follows", async () => {
    const missing = await admin.json<any>("POST", `${BASE}/1.004873/fees`, {
      validFrom: "2025-08-01",
      kind: "lệ phí",
      amountVnd: null,
      basis: "Thông tư 85/2019/TT-BTC",
      reason: "Nghị quyết mới của HĐND tỉnh",
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([{ path: "resolution", message: expect.stringContaining("nghị quyết") }]);
    const r = await admin.json<any>("POST", `${BASE}/1.004873/fees`, {
      validFrom: "2025-08-01",
      kind: "lệ phí",
      amountVnd: null,
      resolution: { number: "12/2025/NQ-HĐND", date: "2025-07-10" },
      basis: "Thông tư 85/2019/TT-BTC",
      reason: "Nghị quyết mới của HĐND tỉnh",
    });
    expect(r.status).toBe(201);
    expect(r.body.fee).toMatchObject({
      id: "68:1.004873@2025-08-01",
      display: "do HĐND tỉnh quy định (Nghị quyết số 12/2025/NQ-HĐND ngày 10/07/2025 của HĐND tỉnh)",
      toVerify: false,
      origin: "admin",
    });
    expect(r.body.closed).toMatchObject({ id: "68:1.004873@2025-07-01", validTo: "2025-07-31" });
    // The live domain is swapped whole at each change: read it at use.
    const fee = (date: string) => s.deps.domain.catalog.feeFor("68", "1.004873", date);
    expect(fee("2025-07-31").display).toBe("cần kiểm tra");
    expect(fee("2025-08-01").toVerify).toBe(false);
    // What citizens read at Quảng Khê (public API of the Mini App): the resolution, no "cần kiểm tra" marker.
    const pub = (await (
      await fetch(
        `${s.baseUrl}/api/procedures/1.004873?unit=24631&at=${encodeURIComponent("2025-08-04T09:00:00+07:00")}`,
      )
    ).json()) as any;
    expect(pub.fee).toMatchObject({ display: r.body.fee.display, toVerify: false });
    expect(pub.toVerify ?? []).not.toContain("Phí, lệ phí");
    const amount = await admin.json<any>("POST", `${BASE}/1.004873/fees`, {
      validFrom: "2025-10-01",
      kind: "lệ phí",
      amountVnd: 15000,
      onlineAmountVnd: 0,
      resolution: { number: "20/2025/NQ-HĐND", date: "2025-09-15" },
      basis: "Nghị quyết 20/2025/NQ-HĐND",
      reason: "Mức thu mới",
    });
    expect(amount.status).toBe(201);
    expect(fee("2025-09-30").display).toContain("12/2025/NQ-HĐND");
    expect(fee("2025-10-01").display).toBe("15.000 đ");
    const overlap = await admin.json<any>("POST", `${BASE}/1.004873/fees`, {
      validFrom: "2025-09-01",
      kind: "lệ phí",
      amountVnd: 10000,
      basis: "Nghị quyết",
      reason: "Thử trùng",
    });
    expect(overlap.body.error.code).toBe("procedure_version_overlap");
    expect(overlap.body.error.fields[0].path).toBe("validFrom");
    const unknown = await admin.json<any>("POST", `${BASE}/9.999999/fees`, {
      validFrom: "2025-09-01",
      kind: "phí",
      amountVnd: 1,
      basis: "x x x",
      reason: "Thử",
    });
    expect(unknown.status).toBe(404);
    expect((await listAuditFor(t.db, "fee", "68:1.004873@2025-08-01"))[0]).toMatchObject({
      action: "create",
      actorId: adminId,
      reason: "Nghị quyết mới của HĐND tỉnh",
    });
  });

  describe("a dossier received under the old version keeps its version", () => {
    let dossierId: string;
    let before: { dueDate: string; form?: string; receipt?: string };
    const printed = async (c: Client, id: string, form: string) =>
      flatPdfText(Buffer.from(await (await c.get(`/console/api/dossiers/${id}/forms/${form}.pdf`)).arrayBuffer()));

    it("receives a 1.004873 dossier under the version in force", async () => {
      s.clock.set(at(WEDNESDAY, "15:05"));
      const r = await counter.json<any>("POST", "/console/api/intake/receive", maritalIntake());
      expect(r.status).toBe(200);
      dossierId = r.body.dossierId;
      before = { dueDate: r.body.dueDate };
      if (popplerAvailable()) {
        before.form = await printed(counter, dossierId, "application");
        before.receipt = await printed(counter, dossierId, "01");
      }
    });

    it("a new version with another declaration and time limit takes effect; the dossier's prints stay", async () => {
      const v = JSON.parse(await exportOf("1.004873@2027-03-01"));
      v.form.title = "TỜ KHAI THEO MẪU MỚI CỦA TỈNH";
      v.timeLimit.timeLimitWorkingDays = 10;
      const r = await importText(JSON.stringify(v), "2027-04-01", "Thủ tục sửa đổi theo quyết định công bố mới");
      expect(r.status).toBe(201);
      s.clock.set(at("2027-04-05", "09:00"));
      const c = await signedInClient(s.baseUrl, "qk.motcua");
      expect(s.deps.domain.catalog.versionAt("1.004873", "2027-04-05")?.form.title).toBe(v.form.title);
      const page = await c.json<any>("GET", `/console/api/dossiers/${dossierId}`);
      expect(page.status).toBe(200);
      expect(page.body.dueDate ?? page.body.dossier?.dueDate).toBe(before.dueDate);
      if (before.form !== undefined) {
        const form = await printed(c, dossierId, "application");
        expect(form).not.toContain(v.form.title);
        expect(form).toContain("TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN");
        expect(form).toBe(before.form);
        // Mẫu 01 reprinted: the same due date, documents and fee line; only the heading's place-and-date line is
        // the day of printing.
        const printDay = / ngày \d{2} tháng \d{2} năm \d{4} /;
        const receipt = await printed(c, dossierId, "01");
        expect(receipt).toContain("ngày 21/07/2025");
        expect(receipt.replace(printDay, " ")).toBe(before.receipt!.replace(printDay, " "));
      }
    });
  });
});
