/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * Pre-registrations through HTTP on SQLite and PostgreSQL: created, read by its owner, refused to another
 * citizen guessing its id or code, updated, submitted, linked to a dossier, cancelled, expired and purged,
 * with the audit log written (field names, never values).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { CONSENT_NOTICE } from "../../shared/api/consent.js";
import { normalizePreRegistrationCode } from "../../shared/dossier/pre-registration-code.js";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { purgeExpiredPreRegistrations } from "../../bot-server/src/use-cases/purge-pre-registrations.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { insertDossier } from "../helpers/dossier-rows.js";

const CONSENT = { accepted: true, version: CONSENT_NOTICE.version };
const DAY_MS = 86_400_000;

/** Synthetic applicant (docs/domain/personal-data.md#cccd-qr-payload). */
const FIRST_PART = {
  recipientAgency: "Ủy ban nhân dân xã Quảng Khê",
  requesterName: "Nguyễn Văn Thử".normalize("NFD"), // typed with Unikey in "tổ hợp" mode
  requesterBirthDate: "15/06/1985",
  requesterResidence: "Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng",
};
const REST = {
  requesterIdType: "Căn cước",
  requesterIdNumber: "067085000001",
  requesterIdIssuedOn: "20/04/2021",
  requesterIdIssuer: "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
  relationship: "Bản thân",
  subjectName: "Nguyễn Văn Thử",
  subjectBirthDate: "1985-06-15",
  subjectSex: "Nam",
  subjectEthnicity: "Kinh",
  subjectNationality: "Việt Nam",
  subjectResidence: "Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng",
  subjectIdType: "Căn cước",
  subjectIdNumber: "067085000001",
  subjectIdIssuedOn: "2021-04-20",
  subjectIdIssuer: "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
  maritalStatus: "Hiện tại chưa đăng ký kết hôn với ai",
  purpose: "Bổ sung hồ sơ vay vốn ngân hàng",
};

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let app: TestApp;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    t = await open();
    app = await startTestApp(t, { now: "2025-10-14T09:00:00+07:00" });
    alice = await deviceToken();
    bob = await deviceToken();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function deviceToken(): Promise<string> {
    const res = await app.request("/api/citizens/device", { method: "POST" });
    expect(res.status).toBe(201);
    return ((await res.json()) as { token: string }).token;
  }

  async function call(token: string, method: string, path: string, json?: unknown) {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}` },
      ...(json !== undefined ? { json } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : {}, text };
  }

  const create = (token: string, body: unknown) => call(token, "POST", "/api/pre-registrations", body);

  describe("the owner's journey", () => {
    let id: string;
    let code: string;

    it("personal data without consent is refused, and so is consent to an outdated notice", async () => {
      const none = await create(alice, { unitCode: "24631", procedureCode: "1.004873", formData: FIRST_PART });
      expect(none.status).toBe(422);
      expect(none.body.error.code).toBe("consent_required");
      const old = await create(alice, {
        unitCode: "24631",
        procedureCode: "1.004873",
        formData: FIRST_PART,
        consent: { accepted: true, version: "2020-01-01" },
      });
      expect(old.status).toBe(422);
      expect(old.body.error.code).toBe("consent_outdated");
    });

    it("creates a partial draft: a short code, the QR payload, what is still missing, text in NFC", async () => {
      const r = await create(alice, {
        unitCode: "24631",
        procedureCode: "1.004873",
        formData: FIRST_PART,
        consent: CONSENT,
      });
      expect(r.status).toBe(201);
      id = r.body.id;
      code = r.body.code;
      expect(normalizePreRegistrationCode(code)).toEqual({ ok: true, value: code });
      expect(r.body).toMatchObject({
        status: "draft",
        statusLabel: "Bản nháp",
        procedure: { code: "1.004873", versionId: "1.004873@2025-07-01" },
        unit: { id: "24631@2025-07-01", displayName: "xã Quảng Khê" },
        consent: { version: CONSENT_NOTICE.version },
        qr: { payload: `KH1:${code}`, svgUrl: `/api/pre-registrations/${id}/qr.svg` },
        dossier: null,
      });
      expect(r.body.formData.requesterName).toBe("Nguyễn Văn Thử".normalize("NFC"));
      expect(r.body.formData.requesterBirthDate).toBe("1985-06-15");
      expect(r.body.missingFields.map((f: any) => f.path)).toEqual(
        expect.arrayContaining(["formData.subjectName", "formData.purpose"]),
      );
      expect(Date.parse(r.body.expiresAt) - Date.parse("2025-10-14T02:00:00Z")).toBe(30 * DAY_MS);
    });

    it("the owner reads it by id and by the code as typed; the read is audited by field names only", async () => {
      const byId = await call(alice, "GET", `/api/pre-registrations/${id}`);
      expect(byId.status).toBe(200);
      expect(byId.body.formData.requesterResidence).toBe(FIRST_PART.requesterResidence);
      const typed = code.replace(/-/g, "").toLowerCase();
      const byCode = await call(alice, "GET", `/api/pre-registrations/${typed}`);
      expect(byCode.status).toBe(200);
      expect(byCode.body.id).toBe(id);

      const audit = await listAuditFor(t.db, "pre_registration", id);
      expect(audit.map((a) => a.action).sort()).toEqual(["create", "read", "read"]);
      expect(audit.find((a) => a.action === "create")).toMatchObject({
        actorKind: "citizen",
        fields: Object.keys(FIRST_PART).sort(),
      });
      const raw = JSON.stringify(await t.db.selectFrom("audit_log").selectAll().execute());
      expect(raw).not.toContain("Thử");
      expect(raw).not.toContain("1985");
    });

    it("another citizen guessing the id or the code gets exactly the 404 of a missing one", async () => {
      const missing = await call(bob, "GET", "/api/pre-registrations/00000000-0000-4000-8000-000000000000");
      expect(missing.status).toBe(404);
      for (const guess of [id, code, code.replace(/-/g, "")]) {
        const r = await call(bob, "GET", `/api/pre-registrations/${guess}`);
        expect(r.status).toBe(404);
        expect(r.text).toBe(missing.text);
      }
      expect((await call(bob, "PATCH", `/api/pre-registrations/${id}`, { formData: { purpose: "x" } })).status).toBe(
        404,
      );
      expect((await call(bob, "POST", `/api/pre-registrations/${code}/submit`)).status).toBe(404);
      expect((await call(bob, "DELETE", `/api/pre-registrations/${id}`)).status).toBe(404);
      expect((await call(bob, "GET", `/api/pre-registrations/${id}/qr.svg`)).status).toBe(404);
      expect((await call(bob, "GET", "/api/pre-registrations?mine=1")).body.items).toEqual([]);
      const stillThere = await call(alice, "GET", `/api/pre-registrations/${id}`);
      expect(stillThere.body.formData.purpose).toBeUndefined();
    });

    it("an incomplete draft cannot be submitted: every missing field is listed", async () => {
      const r = await call(alice, "POST", `/api/pre-registrations/${id}/submit`);
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe("form_incomplete");
      expect(r.body.error.fields.map((f: any) => f.path)).toEqual(
        expect.arrayContaining(["formData.subjectName", "formData.maritalStatus"]),
      );
      expect(r.body.error.fields.find((f: any) => f.path === "formData.subjectName").message).toBe(
        "Vui lòng nhập họ, chữ đệm, tên",
      );
    });

    it("the owner completes it; the change is audited with the changed field names", async () => {
      const r = await call(alice, "PATCH", `/api/pre-registrations/${id}`, { formData: REST });
      expect(r.status).toBe(200);
      expect(r.body.missingFields).toEqual([]);
      const audit = await listAuditFor(t.db, "pre_registration", id);
      const update = audit.find((a) => a.action === "update");
      expect(update?.fields).toEqual(Object.keys(REST).sort());
    });

    it("serves the QR code the counter scans", async () => {
      const res = await app.request(`/api/pre-registrations/${id}/qr.svg`, {
        headers: { authorization: `Bearer ${alice}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("image/svg+xml");
      expect(await res.text()).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    });

    it("submits; a submitted pre-registration can no longer be edited", async () => {
      const r = await call(alice, "POST", `/api/pre-registrations/${code}/submit`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: "submitted", missingFields: [] });
      expect(r.body.formData.subjectBirthDate).toBe("1985-06-15");
      const again = await call(alice, "PATCH", `/api/pre-registrations/${id}`, { formData: { purpose: "Khác" } });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe("pre_registration_not_editable");
    });

    it("my list shows the status of the dossier it became at the counter", async () => {
      const dossierId = await insertDossier(t.db, {
        code: "000.00.06.H98-251015-0001",
        state: "awaiting_approval",
        preRegistrationId: id,
        track: "same-day",
      });
      await t.db
        .updateTable("pre_registrations")
        .set({ status: "finalised", dossier_id: dossierId })
        .where("id", "=", id)
        .execute();
      const r = await call(alice, "GET", "/api/pre-registrations?mine=1");
      expect(r.status).toBe(200);
      expect(r.body.items).toHaveLength(1);
      expect(r.body.items[0]).toMatchObject({
        id,
        status: "finalised",
        dossier: {
          code: "000.00.06.H98-251015-0001",
          state: "awaiting_approval",
          stateLabel: "Chờ lãnh đạo duyệt",
          track: "same-day",
          resultReady: false,
        },
      });
      expect(r.body.items[0].formData).toBeUndefined();
      expect((await call(alice, "DELETE", `/api/pre-registrations/${id}`)).status).toBe(409);
    });
  });

  describe("cancel, expiry and purge", () => {
    it("deleting a draft erases it at once: no row, not in the citizen's list, only an audit line naming the erased fields", async () => {
      const c = await create(alice, {
        unitCode: "24631",
        procedureCode: "1.004873",
        formData: FIRST_PART,
        consent: CONSENT,
      });
      const r = await call(alice, "DELETE", `/api/pre-registrations/${c.body.id}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: "cancelled", formData: {} });
      const row = await t.db
        .selectFrom("pre_registrations")
        .select("form_data")
        .where("id", "=", c.body.id)
        .executeTakeFirst();
      expect(row).toBeUndefined();
      expect((await call(alice, "GET", `/api/pre-registrations/${c.body.id}`)).status).toBe(404);
      const list = await call(alice, "GET", "/api/pre-registrations?mine=1");
      expect((list.body as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(c.body.id);
      const audit = await listAuditFor(t.db, "pre_registration", c.body.id);
      expect(audit.find((a) => a.action === "delete")).toMatchObject({ fields: Object.keys(FIRST_PART).sort() });
      expect(JSON.stringify(audit)).not.toContain(FIRST_PART.requesterResidence);
    });

    it("a draft left for more than DRAFT_TTL_DAYS expires, then the purge deletes it and writes the audit", async () => {
      const d = await create(alice, {
        unitCode: "24631",
        procedureCode: "1.004873",
        formData: FIRST_PART,
        consent: CONSENT,
      });
      const empty = await create(bob, { unitCode: "24631", procedureCode: "1.004873" });
      expect(empty.status).toBe(201);
      await purgeExpiredPreRegistrations(app.deps);
      expect((await call(alice, "GET", `/api/pre-registrations/${d.body.id}`)).status).toBe(200);

      app.clock.set(new Date(Date.parse("2025-10-14T02:00:00Z") + 31 * DAY_MS));
      const expired = await call(alice, "GET", `/api/pre-registrations/${d.body.id}`);
      expect(expired.body).toMatchObject({ status: "expired", statusLabel: "Đã hết hạn" });
      const patch = await call(alice, "PATCH", `/api/pre-registrations/${d.body.id}`, { formData: { purpose: "x" } });
      expect(patch.status).toBe(410);
      expect(patch.body.error.code).toBe("pre_registration_expired");

      const purged = await purgeExpiredPreRegistrations(app.deps);
      expect(purged).toBe(2);
      expect((await call(alice, "GET", `/api/pre-registrations/${d.body.id}`)).status).toBe(404);
      const audit = await listAuditFor(t.db, "pre_registration", d.body.id);
      expect(audit.find((a) => a.action === "purge")).toMatchObject({
        actorKind: "system",
        actorId: null,
        fields: Object.keys(FIRST_PART).sort(),
      });
      // The finalised one stays with its dossier.
      const left = await t.db.selectFrom("pre_registrations").select("status").execute();
      expect(left.map((r) => r.status)).toEqual(["finalised"]);
    });
  });
});
