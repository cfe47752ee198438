/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * Citizen feedback through HTTP on SQLite and PostgreSQL: a rating of one's own dossier once the result is ready
 * (refused before, refused for another citizen's dossier exactly like a missing one, once per dossier), complaints
 * and suggestions to the unit, Vietnamese field messages with an English detail, the audit log, the citizen's own
 * list with the unit's answer, and the unit answering through the console (answer + outbox row in one go).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { insertDossier } from "../helpers/dossier-rows.js";
import { consoleClient, createOfficer, NAM_DA, QUANG_KHE } from "../console/helpers/console-server.js";

const COMMENT_NFD = "Cán bộ hướng dẫn tận tình, nhận kết quả trong buổi chiều.".normalize("NFD");
const COMMENT = COMMENT_NFD.normalize("NFC");
const COMPLAINT = "Bảng hướng dẫn tại quầy chưa ghi giờ nhận hồ sơ trả trong ngày.";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let app: TestApp;
  const alice = { token: "", id: "" };
  const bob = { token: "", id: "" };
  let seq = 0;

  beforeAll(async () => {
    t = await open();
    app = await startTestApp(t, { now: "2025-10-15T16:00:00+07:00", env: { NODE_ENV: "test" } });
    Object.assign(alice, await device());
    Object.assign(bob, await device());
  });
  afterAll(async () => {
    await app?.close();
  });

  async function device(): Promise<{ token: string; id: string }> {
    const res = await app.request("/api/citizens/device", { method: "POST" });
    const body = (await res.json()) as any;
    return { token: body.token, id: body.citizenId };
  }

  async function call(token: string | undefined, method: string, path: string, json?: unknown) {
    const res = await app.request(path, {
      method,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(json !== undefined ? { json } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
  }
  const send = (token: string | undefined, body: unknown) => call(token, "POST", "/api/feedback", body);

  /** A dossier the citizen owns through their pre-registration (as the counter links it), in a given state. */
  async function ownedDossier(
    owner: { token: string },
    state: string,
    resultReadyAt: string | null = null,
  ): Promise<string> {
    const pre = await call(owner.token, "POST", "/api/pre-registrations", {
      unitCode: "24631",
      procedureCode: "1.004873",
    });
    expect(pre.status).toBe(201);
    const code = `000.00.06.H98-251015-${String(++seq).padStart(4, "0")}`;
    await insertDossier(t.db, { code, state, resultReadyAt, preRegistrationId: pre.body.id });
    return code;
  }

  describe("rating a dossier", () => {
    it("the owner rates after the result is ready: stored in NFC, closed, audited by field name only", async () => {
      const code = await ownedDossier(alice, "result_ready", "2025-10-15T08:00:00.000Z");
      const r = await send(alice.token, {
        unitCode: "24631",
        dossierCode: code,
        kind: "rating",
        rating: "rat_hai_long",
        text: COMMENT_NFD,
      });
      expect(r.status).toBe(201);
      expect(r.body).toEqual({ id: expect.any(String), createdAt: "2025-10-15T09:00:00.000Z" });
      const row = await t.db.selectFrom("feedback").selectAll().where("id", "=", r.body.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        kind: "rating",
        rating: "rat_hai_long",
        text: COMMENT,
        status: "closed",
        unit_id: QUANG_KHE,
        citizen_id: alice.id,
      });
      const audit = await listAuditFor(t.db, "feedback", r.body.id);
      expect(audit).toEqual([
        expect.objectContaining({
          actorKind: "citizen",
          actorId: alice.id,
          action: "create",
          fields: ["kind", "rating", "text"],
        }),
      ]);
      expect(JSON.stringify(audit)).not.toContain("tận tình");
    });

    it("a second rating of the same dossier is refused (409) with a Vietnamese message", async () => {
      const code = await ownedDossier(alice, "returned", "2025-10-15T08:00:00.000Z");
      expect(
        (await send(alice.token, { unitCode: "24631", dossierCode: code, kind: "rating", rating: "hai_long" })).status,
      ).toBe(201);
      const again = await send(alice.token, {
        unitCode: "24631",
        dossierCode: code,
        kind: "rating",
        rating: "khong_hai_long",
      });
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({
        code: "rating_already_sent",
        message: "Bạn đã đánh giá hồ sơ này rồi. Mỗi hồ sơ chỉ được đánh giá một lần.",
      });
      expect(
        await t.db
          .selectFrom("feedback")
          .select("rating")
          .where("dossier_id", "=", await dossierId(code))
          .execute(),
      ).toEqual([{ rating: "hai_long" }]);
    });

    it("two ratings racing for one dossier: one lands, the other gets 409", async () => {
      const code = await ownedDossier(alice, "result_ready", "2025-10-15T08:00:00.000Z");
      const both = await Promise.all(
        [0, 1].map(() =>
          send(alice.token, { unitCode: "24631", dossierCode: code, kind: "rating", rating: "hai_long" }),
        ),
      );
      expect(both.map((b) => b.status).sort()).toEqual([201, 409]);
    });

    it("before the result is ready the rating is refused (422)", async () => {
      const code = await ownedDossier(alice, "processing");
      const r = await send(alice.token, { unitCode: "24631", dossierCode: code, kind: "rating", rating: "hai_long" });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe("rating_not_ready");
      expect(r.body.error.message).toMatch(/chưa có kết quả/);
    });

    it("another citizen's dossier looks exactly like a missing one (404), and nothing is stored", async () => {
      const code = await ownedDossier(alice, "result_ready", "2025-10-15T08:00:00.000Z");
      const foreign = await send(bob.token, {
        unitCode: "24631",
        dossierCode: code,
        kind: "rating",
        rating: "khong_hai_long",
      });
      const missing = await send(bob.token, {
        unitCode: "24631",
        dossierCode: "000.00.06.H98-251015-9999",
        kind: "rating",
        rating: "khong_hai_long",
      });
      expect(foreign.status).toBe(404);
      expect(foreign.body).toEqual(missing.body);
      expect(foreign.body.error.code).toBe("dossier_not_found");
      const complaintOnForeign = await send(bob.token, {
        unitCode: "24631",
        dossierCode: code,
        kind: "complaint",
        text: COMPLAINT,
      });
      expect(complaintOnForeign.status).toBe(404);
      expect(await t.db.selectFrom("feedback").select("id").where("citizen_id", "=", bob.id).execute()).toEqual([]);
    });

    it("a dossier recorded with the citizen directly (no pre-registration) is theirs too", async () => {
      const code = `000.00.06.H98-251015-${String(++seq).padStart(4, "0")}`;
      await insertDossier(t.db, {
        code,
        state: "returned",
        citizenId: bob.id,
        resultReadyAt: "2025-10-15T08:00:00.000Z",
      });
      const r = await send(bob.token, {
        unitCode: "24631",
        dossierCode: code.toLowerCase(),
        kind: "rating",
        rating: "khong_hai_long",
        text: "Phải chờ lâu.",
      });
      expect(r.status).toBe(201);
      // "Không hài lòng" opens a follow-up the unit sees.
      expect(await t.db.selectFrom("feedback").select("status").where("id", "=", r.body.id).executeTakeFirst()).toEqual(
        { status: "open" },
      );
    });
  });

  describe("complaints and suggestions", () => {
    it("a complaint without a dossier goes to the unit, open", async () => {
      const r = await send(alice.token, { unitCode: "24631", kind: "complaint", text: `  ${COMPLAINT}  ` });
      expect(r.status).toBe(201);
      const row = await t.db.selectFrom("feedback").selectAll().where("id", "=", r.body.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        kind: "complaint",
        rating: null,
        text: COMPLAINT,
        status: "open",
        unit_id: QUANG_KHE,
        dossier_id: null,
      });
      expect((await listAuditFor(t.db, "feedback", r.body.id)).map((a) => [a.action, a.fields])).toEqual([
        ["create", ["kind", "text"]],
      ]);
    });

    it("a suggestion about one's own dossier is linked to it", async () => {
      const code = await ownedDossier(alice, "processing");
      const r = await send(alice.token, {
        unitCode: "24631",
        dossierCode: code,
        kind: "suggestion",
        text: "Nên có thêm ghế chờ.",
      });
      expect(r.status).toBe(201);
      expect(
        (await t.db.selectFrom("feedback").select("dossier_id").where("id", "=", r.body.id).executeTakeFirst())
          ?.dossier_id,
      ).toBe(await dossierId(code));
    });

    it("an unknown unit is a 404 with a Vietnamese message", async () => {
      const r = await send(alice.token, { unitCode: "99999", kind: "complaint", text: COMPLAINT });
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe("unit_not_found");
    });
  });

  describe("bad input", () => {
    it("missing text, missing rating, a rating on a complaint: Vietnamese beside the field, English detail", async () => {
      const noText = await send(alice.token, { unitCode: "24631", kind: "complaint", text: "   " });
      expect(noText.status).toBe(400);
      expect(noText.body.error).toMatchObject({
        code: "invalid_body",
        fields: [{ path: "text", message: "Vui lòng nhập nội dung phản ánh, kiến nghị." }],
      });
      expect(noText.body.error.detail).toMatch(/text is required for a complaint/);

      const noRating = await send(alice.token, { unitCode: "24631", kind: "rating" });
      expect(noRating.status).toBe(400);
      expect(noRating.body.error.fields.map((f: any) => f.path).sort()).toEqual(["dossierCode", "rating"]);
      expect(noRating.body.error.fields.find((f: any) => f.path === "rating").message).toBe(
        "Vui lòng chọn mức độ hài lòng.",
      );
      expect(noRating.body.error.detail).toMatch(/rating is required/);

      const ratingOnComplaint = await send(alice.token, {
        unitCode: "24631",
        kind: "complaint",
        rating: "hai_long",
        text: COMPLAINT,
      });
      expect(ratingOnComplaint.status).toBe(400);
      expect(ratingOnComplaint.body.error.fields).toEqual([
        { path: "rating", message: "Chỉ chọn mức độ hài lòng khi đánh giá một hồ sơ." },
      ]);
    });

    it("wrong types, an unknown rating, too long a text: 400 with field paths, never a 5xx", async () => {
      const cases: [unknown, string][] = [
        [{ unitCode: "24631", kind: "khen", text: "x" }, "kind"],
        [{ unitCode: "24631", dossierCode: "X", kind: "rating", rating: "tot" }, "rating"],
        [{ unitCode: "24631", kind: "complaint", text: "a".repeat(2001) }, "text"],
        [{ unitCode: 24631, kind: "complaint", text: "x" }, "unitCode"],
      ];
      for (const [body, path] of cases) {
        const r = await send(alice.token, body);
        expect([r.status, r.body.error.code]).toEqual([400, "invalid_body"]);
        expect(r.body.error.fields.map((f: any) => f.path)).toContain(path);
        expect(r.body.error.message).toMatch(/chưa hợp lệ/);
        expect(r.body.error.detail).toMatch(/^Validation failed\./);
      }
    });

    it("without a citizen token: 401", async () => {
      const r = await send(undefined, { unitCode: "24631", kind: "complaint", text: COMPLAINT });
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe("unauthenticated");
    });
  });

  describe("my feedback and the unit's answer", () => {
    let complaintId: string;

    beforeAll(async () => {
      const r = await send(bob.token, {
        unitCode: "24631",
        kind: "suggestion",
        text: "Nên niêm yết giờ trả kết quả trong ngày.",
      });
      complaintId = r.body.id;
    });

    it("the unit's officer sees open feedback of the unit, answers once; outbox row without personal text", async () => {
      await createOfficer(app.deps, "fb.motcua", "counter_officer", QUANG_KHE);
      const officer = await consoleClient(app.url);
      expect((await officer.login("fb.motcua")).status).toBe(200);
      const list = await officer.json<any>("GET", "/console/api/feedback?status=open");
      expect(list.status).toBe(200);
      const item = list.body.items.find((i: any) => i.id === complaintId);
      expect(item).toMatchObject({
        kind: "suggestion",
        kindLabel: "Kiến nghị",
        status: "open",
        unitName: "xã Quảng Khê",
      });
      expect(list.body.items.every((i: any) => i.status === "open")).toBe(true);

      const answer = "Cảm ơn ông/bà, đơn vị đã bổ sung bảng niêm yết.".normalize("NFD");
      const r = await officer.json<any>("POST", `/console/api/feedback/${complaintId}/answer`, { answer });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: "answered", answer: answer.normalize("NFC") });
      const outbox = await t.db.selectFrom("outbox").selectAll().where("kind", "=", "feedback_answer").execute();
      expect(outbox).toHaveLength(1);
      expect(JSON.parse(outbox[0]!.payload)).toMatchObject({ feedbackId: complaintId, unitId: QUANG_KHE });
      expect(outbox[0]!.payload).not.toMatch(/niêm yết|Cảm ơn/);
      expect((await listAuditFor(t.db, "feedback", complaintId)).map((a) => [a.actorKind, a.action])).toEqual(
        expect.arrayContaining([
          ["citizen", "create"],
          ["officer", "read"],
          ["officer", "update"],
        ]),
      );

      const again = await officer.json<any>("POST", `/console/api/feedback/${complaintId}/answer`, {
        answer: "Lần hai",
      });
      expect(again.status).toBe(409);
      expect(await t.db.selectFrom("outbox").select("id").where("kind", "=", "feedback_answer").execute()).toHaveLength(
        1,
      );
    });

    it("another unit's officer cannot see or answer it; a province viewer reads but cannot answer", async () => {
      const other = await createOfficer(app.deps, "fb.namda", "counter_officer", NAM_DA);
      expect(other).toEqual(expect.any(String));
      const namDa = await consoleClient(app.url);
      await namDa.login("fb.namda");
      expect((await namDa.json<any>("GET", "/console/api/feedback")).body.items).toEqual([]);
      expect(
        (await namDa.json<any>("POST", `/console/api/feedback/${complaintId}/answer`, { answer: "Trả lời" })).status,
      ).toBe(404);

      await createOfficer(app.deps, "fb.tinh", "province_viewer", "68@2025-07-01");
      const province = await consoleClient(app.url);
      await province.login("fb.tinh");
      expect(
        (await province.json<any>("GET", "/console/api/feedback")).body.items.some((i: any) => i.id === complaintId),
      ).toBe(true);
      expect(
        (await province.json<any>("POST", `/console/api/feedback/${complaintId}/answer`, { answer: "Trả lời" })).status,
      ).toBe(403);
      expect((await fetch(`${app.url}/console/api/feedback`)).status).toBe(401);
    });

    it("GET /api/feedback?mine=1 lists only the caller's feedback, with the answer, and audits the read", async () => {
      const mine = await call(bob.token, "GET", "/api/feedback?mine=1");
      expect(mine.status).toBe(200);
      expect(mine.body.items.length).toBeGreaterThan(0);
      expect(mine.body.items.every((i: any) => i.id !== undefined && i.unit?.code === "24631")).toBe(true);
      const answered = mine.body.items.find((i: any) => i.id === complaintId);
      expect(answered).toMatchObject({
        status: "answered",
        statusLabel: "Đơn vị đã trả lời",
        answer: { text: "Cảm ơn ông/bà, đơn vị đã bổ sung bảng niêm yết.", answeredAt: expect.any(String) },
      });
      const aliceIds = (
        await t.db.selectFrom("feedback").select("id").where("citizen_id", "=", alice.id).execute()
      ).map((r) => r.id);
      expect(mine.body.items.some((i: any) => aliceIds.includes(i.id))).toBe(false);
      const reads = (await listAuditFor(t.db, "feedback", complaintId)).filter(
        (a) => a.actorKind === "citizen" && a.action === "read",
      );
      expect(reads).toEqual([expect.objectContaining({ actorId: bob.id, fields: ["answer", "text"] })]);

      const rating = (await call(alice.token, "GET", "/api/feedback?mine=1")).body.items.find(
        (i: any) => i.kind === "rating" && i.text === COMMENT,
      );
      expect(rating).toMatchObject({
        rating: "rat_hai_long",
        ratingLabel: "Rất hài lòng",
        status: "closed",
        answer: null,
        dossierCode: expect.stringMatching(/^000\.00\.06\.H98-/),
      });
      expect((await call(alice.token, "GET", "/api/feedback")).status).toBe(400);
    });
  });

  async function dossierId(code: string): Promise<string> {
    return (await t.db.selectFrom("dossiers").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  }
});
