/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * The citizen's rights over their data (Luật số 91/2025/QH15): a citizen sees everything held about them (and
 * nothing of anyone else), downloads it as JSON or a readable page, asks for a correction; the unit administrator
 * of the unit holding the data sees and answers it in the console; every read and change is in the audit log.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { CONSENT_NOTICE } from "../../shared/api/consent.js";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { createOfficer, NAM_DA, QUANG_KHE, signedInClient } from "../console/helpers/console-server.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";

const CONSENT = { accepted: true, version: CONSENT_NOTICE.version };

forEachDatabase((name, open) => {
  let t: TestDatabase;
  let app: TestApp;
  let alice: string;
  let bob: string;
  let aliceCode: string;
  let bobCode: string;

  const as = (token: string, path: string, init: RequestInit & { json?: unknown } = {}) =>
    app.request(path, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });
  const device = async () =>
    ((await (await app.request("/api/citizens/device", { method: "POST" })).json()) as { token: string }).token;
  const citizenIdOf = async (token: string) =>
    ((await (await as(token, "/api/citizens/me")).json()) as any).citizenId as string;

  beforeAll(async () => {
    t = await open();
    app = await startTestApp(t, { now: "2025-10-15T09:00:00+07:00", env: { NODE_ENV: "test" } });
    alice = await device();
    bob = await device();
    const a = await as(alice, "/api/pre-registrations", {
      method: "POST",
      json: {
        unitCode: "24631",
        procedureCode: "1.004873",
        formData: { requesterName: "Nguyễn Văn Thử", requesterResidence: "Thôn 3, xã Quảng Khê" },
        consent: CONSENT,
      },
    });
    aliceCode = ((await a.json()) as any).code;
    const b = await as(bob, "/api/pre-registrations", {
      method: "POST",
      json: {
        unitCode: "24631",
        procedureCode: "1.004873",
        formData: { requesterName: "Trần Thị Mẫu" },
        consent: CONSENT,
      },
    });
    bobCode = ((await b.json()) as any).code;
    expect(
      (
        await as(alice, "/api/feedback", {
          method: "POST",
          json: { unitCode: "24631", kind: "suggestion", text: "Xin thêm ghế chờ" },
        })
      ).status,
    ).toBe(201);
    await createOfficer(app.deps, `${name}-qk-admin`, "unit_admin", QUANG_KHE);
    await createOfficer(app.deps, `${name}-nd-admin`, "unit_admin", NAM_DA);
    await createOfficer(app.deps, `${name}-qk-counter`, "counter_officer", QUANG_KHE);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it(`${name}: a citizen sees everything held about them, and nothing of another citizen; the read is audited`, async () => {
    const res = await as(alice, "/api/citizens/me/data");
    expect(res.status).toBe(200);
    const d = (await res.json()) as any;
    expect(d.law).toContain("91/2025/QH15");
    expect(d.account.identity).toBe("device");
    expect(d.preRegistrations).toHaveLength(1);
    expect(d.preRegistrations[0]).toMatchObject({ code: aliceCode, consentVersion: CONSENT_NOTICE.version });
    // Keyed by the form's labels, as the citizen typed them in, not by internal field ids.
    expect(Object.values(d.preRegistrations[0].formData)).toContain("Nguyễn Văn Thử");
    expect(Object.keys(d.preRegistrations[0].formData).join(" ")).not.toContain("requesterName");
    expect(d.feedback.map((f: any) => f.text)).toEqual(["Xin thêm ghế chờ"]);
    expect(d.consents.map((c: any) => c.what)).toEqual([`Xử lý dữ liệu cá nhân của hồ sơ khai trước ${aliceCode}`]);
    expect(JSON.stringify(d)).not.toContain("Trần Thị Mẫu");
    const audit = await listAuditFor(t.db, "citizen", await citizenIdOf(alice));
    expect(audit.some((e: any) => e.action === "read" && e.actorKind === "citizen")).toBe(true);
  });

  it(`${name}: downloads as a JSON file and as a readable page, both audited as exports`, async () => {
    const file = await as(alice, "/api/citizens/me/data?download=1");
    expect(file.headers.get("content-disposition")).toContain("attachment");
    expect(((await file.json()) as any).preRegistrations[0].code).toBe(aliceCode);
    const page = await as(alice, "/api/citizens/me/data/page");
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("Dữ liệu cá nhân của tôi");
    expect(html).toContain("Nguyễn Văn Thử");
    expect(html).not.toContain("Trần Thị Mẫu");
    const audit = await listAuditFor(t.db, "citizen", await citizenIdOf(alice));
    expect(audit.filter((e: any) => e.action === "export").length).toBeGreaterThanOrEqual(2);
    expect((await app.request("/api/citizens/me/data")).status).toBe(401);
  });

  it(`${name}: a correction goes to the unit holding the data; the unit admin answers it (audited) and the citizen sees the answer`, async () => {
    const other = await as(alice, "/api/citizens/me/corrections", {
      method: "POST",
      json: { subject: "pre_registration", reference: bobCode, text: "Sửa tên người khác" },
    });
    expect(other.status).toBe(404);
    const res = await as(alice, "/api/citizens/me/corrections", {
      method: "POST",
      json: { subject: "pre_registration", reference: aliceCode, text: "Địa chỉ đúng là Thôn 4, xã Quảng Khê" },
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as any;
    expect(created).toMatchObject({ status: "open", unitName: expect.stringContaining("Quảng Khê") });
    expect(await t.db.selectFrom("data_requests").select("id").where("reference", "=", bobCode).execute()).toEqual([]);

    const counter = await signedInClient(app.url, `${name}-qk-counter`);
    expect((await counter.get("/console/api/data-requests")).status).toBe(403);
    const namDa = await signedInClient(app.url, `${name}-nd-admin`);
    expect(((await (await namDa.get("/console/api/data-requests")).json()) as any).items).toEqual([]);
    expect(
      (await namDa.post(`/console/api/data-requests/${created.id}/answer`, { status: "done", answer: "Đã sửa" }))
        .status,
    ).toBe(404);

    const admin = await signedInClient(app.url, `${name}-qk-admin`);
    const list = (await (await admin.get("/console/api/data-requests")).json()) as any;
    expect(list.items.map((i: any) => i.text)).toContain("Địa chỉ đúng là Thôn 4, xã Quảng Khê");
    const answered = await admin.post(`/console/api/data-requests/${created.id}/answer`, {
      status: "done",
      answer: "Đơn vị đã sửa địa chỉ thành Thôn 4.",
    });
    expect(answered.status).toBe(200);
    expect(
      (await admin.post(`/console/api/data-requests/${created.id}/answer`, { status: "done", answer: "Lần hai" }))
        .status,
    ).toBe(409);

    const audit = await listAuditFor(t.db, "data_request", created.id);
    expect(audit.map((e: any) => `${e.actorKind}:${e.action}`)).toEqual(
      expect.arrayContaining(["citizen:create", "officer:read", "officer:update"]),
    );
    const mine = (await (await as(alice, "/api/citizens/me/data")).json()) as any;
    expect(mine.corrections[0]).toMatchObject({ status: "done", answer: "Đơn vị đã sửa địa chỉ thành Thôn 4." });
  });
});
