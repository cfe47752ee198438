/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * The working-day calendar administered by the province (docs/admin/calendar.md), on SQLite and PostgreSQL: a
 * single day declared off or a make-up working day and returned to the rule, the public scheme answer following at
 * once; a year's notice entered from the lunar draft; bad input answered beside the field in Vietnamese (English
 * detail); other roles refused; every change audited; a dossier received before a change keeps its due date.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import {
  at,
  createOfficer,
  QUANG_KHE,
  signedInClient,
  startConsoleServer,
  WEDNESDAY,
  type ConsoleServer,
} from "./helpers/console-server.js";
import { maritalIntake } from "./helpers/intake-fixtures.js";
import { flatPdfText, popplerAvailable } from "./helpers/pdf-text.js";

const LAM_DONG = "68@2025-07-01";
type Client = Awaited<ReturnType<typeof signedInClient>>;
const req = (c: Client, method: string, path: string, body?: unknown) =>
  (c as unknown as { request(m: string, p: string, b?: unknown): Promise<Response> }).request(method, path, body);

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  let admin: Client, unitAdmin: Client, counter: Client;
  let adminId: string;

  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t);
    adminId = await createOfficer(s.deps, "cal.tinh", "province_admin", LAM_DONG);
    await createOfficer(s.deps, "cal.quantri", "unit_admin", QUANG_KHE);
    await createOfficer(s.deps, "cal.motcua", "counter_officer", QUANG_KHE);
    admin = await signedInClient(s.baseUrl, "cal.tinh");
    unitAdmin = await signedInClient(s.baseUrl, "cal.quantri");
    counter = await signedInClient(s.baseUrl, "cal.motcua");
  });
  afterAll(async () => {
    await s.close();
  });

  const scheme = async (date: string) => {
    const r = await fetch(`${s.baseUrl}/api/units/24631/scheme?at=${date}T09:00:00%2B07:00`);
    expect(r.status).toBe(200);
    return (await r.json()) as any;
  };
  const fieldsOf = async (r: Response) => {
    const b = (await r.json()) as any;
    return { code: b.error.code, detail: b.error.detail as string, fields: b.error.fields as any[] };
  };

  it("declares a Wednesday off: the public scheme answer follows at once, and DELETE returns it to the rule", async () => {
    s.clock.set(at(WEDNESDAY, "09:00"));
    const day = "2025-07-23";
    expect((await scheme(day)).schemeDay).toBe(true);

    const r = await req(admin, "PUT", `/console/api/admin/calendar/${day}`, {
      working: false,
      label: "Nghỉ lễ kỷ niệm ngày thành lập tỉnh",
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ date: day, working: false, text: expect.stringContaining("ngày nghỉ") });
    const after = await scheme(day);
    expect([after.workingDay, after.schemeDay]).toEqual([false, false]);

    const year = (await admin.json("GET", "/console/api/admin/calendar/years/2025")).body as any;
    expect(year.days).toEqual([
      expect.objectContaining({
        date: day,
        working: false,
        label: "Nghỉ lễ kỷ niệm ngày thành lập tỉnh",
        by: "cal.tinh",
      }),
    ]);
    expect(year.entries.find((e: any) => e.from === day)).toMatchObject({ adminDay: true, kindLabel: "Nghỉ lễ" });

    const audit = await listAuditFor(t.db, "calendar", day);
    expect(audit.at(-1)).toMatchObject({ actorId: adminId, action: "update", fields: ["label", "working"] });
    expect(audit.at(-1)!.reason).toContain("Nghỉ lễ kỷ niệm ngày thành lập tỉnh");

    const back = await req(admin, "DELETE", `/console/api/admin/calendar/${day}`);
    expect(back.status).toBe(200);
    expect(((await back.json()) as any).working).toBe(true);
    expect((await scheme(day)).schemeDay).toBe(true);
    expect((await listAuditFor(t.db, "calendar", day)).at(-1)).toMatchObject({ action: "delete" });

    // Nothing left to remove.
    const again = await req(admin, "DELETE", `/console/api/admin/calendar/${day}`);
    expect(again.status).toBe(404);
    expect(((await again.json()) as any).error.message).toContain("đã theo lịch chung");
  });

  it("declares a make-up working Saturday", async () => {
    s.clock.set(at(WEDNESDAY, "09:00"));
    const saturday = "2025-07-26";
    const r = await req(admin, "PUT", `/console/api/admin/calendar/${saturday}`, {
      working: true,
      label: "Làm bù cho ngày 01/09/2025",
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({
      working: true,
      text: expect.stringContaining("làm bù cho ngày 01/09/2025"),
    });
    expect((await scheme(saturday)).workingDay).toBe(true);
    expect((await req(admin, "DELETE", `/console/api/admin/calendar/${saturday}`)).status).toBe(200);
    expect((await scheme(saturday)).workingDay).toBe(false);
  });

  it("answers bad input beside the field, in Vietnamese with an English detail, and saves nothing", async () => {
    s.clock.set(at(WEDNESDAY, "09:00"));
    const put = (date: string, body: unknown) => req(admin, "PUT", `/console/api/admin/calendar/${date}`, body);

    const badDate = await fieldsOf(await put("2025-02-30", { working: false, label: "Nghỉ" }));
    expect(badDate.code).toBe("invalid_params");
    expect(badDate.fields[0]).toMatchObject({ path: "date", message: expect.stringContaining("Ngày không tồn tại") });
    expect((await put("23-07-2025", { working: false, label: "Nghỉ" })).status).toBe(400);

    const emptyLabel = await fieldsOf(await put("2025-07-24", { working: false, label: "   " }));
    expect(emptyLabel.code).toBe("invalid_body");
    expect(emptyLabel.fields).toEqual([{ path: "label", message: expect.stringContaining("Nhập tên ngày") }]);

    const weekday = await put("2025-07-24", { working: true, label: "Làm bù" });
    expect(weekday.status).toBe(400);
    const w = await fieldsOf(weekday);
    expect(w.fields).toEqual([
      { path: "working", message: expect.stringContaining("Thứ Năm 24/07/2025 vốn là ngày làm việc") },
    ]);
    expect(w.detail).toContain("already a working day");

    const sunday = await fieldsOf(await put("2025-07-27", { working: false, label: "Nghỉ" }));
    expect(sunday.fields).toEqual([
      { path: "working", message: expect.stringContaining("Chủ nhật 27/07/2025 vốn là ngày nghỉ") },
    ]);
    expect(sunday.detail).toContain("already a day off");

    const past = await fieldsOf(await put("2025-07-15", { working: false, label: "Nghỉ" }));
    expect(past.fields[0]).toMatchObject({ path: "date", message: expect.stringContaining("đã qua") });

    const missing = await fieldsOf(await put("2025-07-24", { label: "Nghỉ" }));
    expect(missing.fields[0]).toMatchObject({ path: "working" });

    const badYear = await admin.json<any>("GET", "/console/api/admin/calendar/years/20x7");
    expect(badYear.status).toBe(400);

    const stored = await t.db
      .selectFrom("catalog_documents")
      .select("body")
      .where("id", "=", "admin:2025")
      .executeTakeFirst();
    expect(stored === undefined || JSON.parse(stored.body).days.length === 0).toBe(true);
  });

  it("enters next year's notice from the lunar draft: the year is no longer provisional and its days follow", async () => {
    s.clock.set(at(WEDNESDAY, "09:00"));
    const draft = (await admin.json<any>("GET", "/console/api/admin/calendar/years/2026/draft")).body;
    expect(draft.entries.find((e: any) => e.kind === "tet_break")).toMatchObject({
      from: "2026-02-14",
      to: "2026-02-22",
    });
    // The administrator adds a day the notice gives (Wednesday 11/03/2026, invented for the test) and saves.
    const entries = [...draft.entries, { from: "2026-03-11", kind: "holiday", reason: "Nghỉ lễ của tỉnh" }];
    const notice = {
      number: "99/TB-UBND",
      date: "2025-07-10",
      issuer: "Ủy ban nhân dân tỉnh Lâm Đồng",
      link: "https://example.gov.vn/tb-99",
    };
    expect((await scheme("2026-03-11")).schemeDay).toBe(true);
    const r = await admin.json<any>("PUT", "/console/api/admin/calendar/years/2026", { notice, entries });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ year: 2026, provisional: false, notice: { number: "99/TB-UBND", by: "cal.tinh" } });
    expect(r.body.entries.find((e: any) => e.from === "2026-03-11").source).toContain(
      "Văn bản số 99/TB-UBND ngày 10/07/2025 của Ủy ban nhân dân tỉnh Lâm Đồng",
    );
    expect((await scheme("2026-03-11")).schemeDay).toBe(false);
    expect((await listAuditFor(t.db, "calendar", "2026")).at(-1)).toMatchObject({
      action: "create",
      reason: expect.stringContaining("99/TB-UBND"),
    });
    // The shipped seed never overwrites it: the document is the administrator's.
    const row = await t.db
      .selectFrom("catalog_documents")
      .select(["origin", "updated_by"])
      .where("id", "=", "admin:2026")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ origin: "admin", updated_by: "cal.tinh" });

    // Bad notices: empty number, a day outside the year, a make-up working weekday, no days.
    const bad = await req(admin, "PUT", "/console/api/admin/calendar/years/2026", {
      notice: { ...notice, number: "" },
      entries: [{ from: "2026-03-11", kind: "holiday", reason: "" }],
    });
    expect(bad.status).toBe(400);
    const b = await fieldsOf(bad);
    expect(b.fields.map((f) => f.path).sort()).toEqual(["entries.0.reason", "notice.number"]);
    expect(b.fields.find((f) => f.path === "notice.number").message).toContain("Nhập số văn bản");
    const semantic = await fieldsOf(
      await req(admin, "PUT", "/console/api/admin/calendar/years/2026", {
        notice,
        entries: [
          { from: "2027-01-01", kind: "holiday", reason: "Tết Dương lịch" },
          { from: "2026-03-12", kind: "makeup_working", reason: "Làm bù" },
        ],
      }),
    );
    expect(semantic.fields).toEqual([
      { path: "entries.0.from", message: "Ngày phải thuộc năm 2026." },
      { path: "entries.0.to", message: "Ngày phải thuộc năm 2026." },
      { path: "entries.1.from", message: expect.stringContaining("Thứ Năm 12/03/2026 vốn là ngày làm việc") },
    ]);
    const none = await fieldsOf(
      await req(admin, "PUT", "/console/api/admin/calendar/years/2026", { notice, entries: [] }),
    );
    expect(none.fields[0]).toMatchObject({ path: "entries", message: expect.stringContaining("ít nhất một") });
    // Still the first notice.
    expect((await scheme("2026-03-11")).schemeDay).toBe(false);
  });

  it("refuses every other role", async () => {
    for (const c of [unitAdmin, counter]) {
      expect((await c.get("/console/api/admin/calendar/years/2025")).status).toBe(403);
      expect((await c.get("/console/api/admin/calendar/years/2025/draft")).status).toBe(403);
      expect((await c.put("/console/api/admin/calendar/2025-07-23", { working: false, label: "Nghỉ" })).status).toBe(
        403,
      );
      expect((await req(c, "DELETE", "/console/api/admin/calendar/2025-07-23")).status).toBe(403);
      expect((await c.put("/console/api/admin/calendar/years/2026", {})).status).toBe(403);
    }
    expect((await scheme("2025-07-23")).schemeDay).toBe(true);
  });

  it("a dossier received before a calendar change keeps its due date and form; one received after gets the new one", async () => {
    s.clock.set(at(WEDNESDAY, "15:05"));
    const before = await counter.json<any>("POST", "/console/api/intake/receive", maritalIntake());
    expect(before.body).toMatchObject({ track: "normal", dueDate: "2025-07-21" });

    // Friday 18/07/2025, between receipt and the due date, is declared off.
    const off = await req(admin, "PUT", "/console/api/admin/calendar/2025-07-18", {
      working: false,
      label: "Nghỉ lễ của tỉnh",
    });
    expect(off.status).toBe(200);

    const view = await counter.json<any>("GET", `/console/api/dossiers/${before.body.dossierId}`);
    expect(view.body.dossier).toMatchObject({ dueDate: "2025-07-21", originalDueDate: "2025-07-21" });
    if (popplerAvailable()) {
      const pdf = await counter.get(`/console/api/dossiers/${before.body.dossierId}/forms/01.pdf`);
      expect(flatPdfText(Buffer.from(await pdf.arrayBuffer()))).toContain("ngày 21/07/2025");
    }

    s.clock.set(at(WEDNESDAY, "15:10"));
    const afterChange = await counter.json<any>("POST", "/console/api/intake/receive", maritalIntake());
    // Thu 17, (Fri 18 off), Mon 21, Tue 22.
    expect(afterChange.body).toMatchObject({ track: "normal", dueDate: "2025-07-22" });
    expect(
      (await counter.json<any>("GET", `/console/api/dossiers/${before.body.dossierId}`)).body.dossier.dueDate,
    ).toBe("2025-07-21");
    expect((await req(admin, "DELETE", "/console/api/admin/calendar/2025-07-18")).status).toBe(200);
  });
});
