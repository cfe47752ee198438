/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * Notifications that could not be delivered, through the console API on SQLite and PostgreSQL: the unit admin and
 * the leader see their unit's dead letters in Vietnamese, the province viewer every unit's, others are refused;
 * only the unit admin re-drives, another unit's notification looks exactly like a missing one, the re-drive is
 * audited; the dossier page shows every delivery attempt and that the citizen has not been told.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { insertDossier } from "../helpers/dossier-rows.js";
import {
  consoleClient,
  NAM_DA,
  QUANG_KHE,
  signedInOfficers,
  startConsoleServer,
  type ConsoleServer,
} from "./helpers/console-server.js";
import { insertDeadLetter } from "./helpers/dead-letter-rows.js";

type Client = Awaited<ReturnType<typeof consoleClient>>;

const QK_CODE = "000.00.24.H41-251015-0301";
const ND_CODE = "000.00.24.H42-251015-0302";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  let admin: Client, leader: Client, counter: Client, otherAdmin: Client, viewer: Client;
  let adminId: string;
  let qkDossier: string;
  let qkLetter: string, qkFeedbackLetter: string, ndLetter: string;

  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t);
    const officers = await signedInOfficers(s, [
      ["qk.quantri", "unit_admin", QUANG_KHE],
      ["qk.chutich", "leader", QUANG_KHE],
      ["qk.motcua", "counter_officer", QUANG_KHE],
      ["namda.quantri", "unit_admin", NAM_DA],
      ["tinh.xem", "province_viewer", null],
    ]);
    adminId = officers[0]!.id;
    [admin, leader, counter, otherAdmin, viewer] = officers.map((o) => o.client) as [
      Client,
      Client,
      Client,
      Client,
      Client,
    ];

    qkDossier = await insertDossier(t.db, { code: QK_CODE, state: "result_ready", receivingUnitId: QUANG_KHE });
    const ndDossier = await insertDossier(t.db, { code: ND_CODE, state: "result_ready", receivingUnitId: NAM_DA });
    qkLetter = await insertDeadLetter(t.db, {
      dossierId: qkDossier,
      errors: ["http_500", "-230"],
      at: "2025-07-16T03:00:00.000Z",
    });
    // An answer to a complaint filed without a dossier: its unit is in the payload.
    qkFeedbackLetter = await insertDeadLetter(t.db, {
      dossierId: null,
      kind: "feedback_answer",
      payload: { feedbackId: "f-1", unitId: QUANG_KHE, dossierCode: null },
      errors: ["network"],
      at: "2025-07-16T01:00:00.000Z",
    });
    ndLetter = await insertDeadLetter(t.db, {
      dossierId: ndDossier,
      errors: ["http_502"],
      at: "2025-07-16T02:00:00.000Z",
    });
  });
  afterAll(async () => {
    await s.close();
  });

  const list = (c: Client) => c.json<any>("GET", "/console/api/notifications/dead-letters");
  const redrive = (c: Client, id: string) => c.json<any>("POST", `/console/api/notifications/${id}/redrive`);

  describe("the list", () => {
    it("the unit admin sees the unit's dead letters, newest first, in Vietnamese, and may re-drive", async () => {
      const r = await list(admin);
      expect(r.status).toBe(200);
      expect(r.body.canRedrive).toBe(true);
      expect(r.body.items.map((i: any) => i.outboxId)).toEqual([qkLetter, qkFeedbackLetter]);
      expect(r.body.items[0]).toMatchObject({
        dossierId: qkDossier,
        dossierCode: QK_CODE,
        kind: "result_ready",
        kindLabel: "Báo đã có kết quả",
        attempts: 2,
        lastErrorLabel: "-230: người dân không nhận được qua kênh này",
        deadAt: "2025-07-16T03:01:00.000Z",
      });
      expect(r.body.items[0].deliveries).toEqual([
        expect.objectContaining({
          channelLabel: "Tin nhắn Zalo OA",
          attempt: 1,
          statusLabel: "Không gửi được",
          errorCode: "http_500",
          errorLabel: "HTTP 500: Zalo tạm thời lỗi",
        }),
        expect.objectContaining({ attempt: 2, errorCode: "-230" }),
      ]);
      expect(r.body.items[1]).toMatchObject({
        dossierCode: null,
        kindLabel: "Báo đã trả lời ý kiến",
        lastErrorLabel: "network: không kết nối được Zalo",
      });
      expect(JSON.stringify(r.body)).not.toContain("Nguyễn Văn Thử");
    });

    it("the leader sees the same list without re-drive; the province viewer sees every unit, read-only", async () => {
      const l = await list(leader);
      expect(l.status).toBe(200);
      expect(l.body.canRedrive).toBe(false);
      expect(l.body.items.map((i: any) => i.outboxId)).toEqual([qkLetter, qkFeedbackLetter]);
      const v = await list(viewer);
      expect(v.status).toBe(200);
      expect(v.body.canRedrive).toBe(false);
      expect(v.body.items.map((i: any) => i.outboxId)).toEqual([qkLetter, ndLetter, qkFeedbackLetter]);
      expect(v.body.items.find((i: any) => i.outboxId === ndLetter).unitName).toMatch(/Nam Đà/);
    });

    it("another unit's admin sees only their own; a counter officer is refused in Vietnamese with an English detail", async () => {
      expect((await list(otherAdmin)).body.items.map((i: any) => i.outboxId)).toEqual([ndLetter]);
      const refused = await list(counter);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toEqual({
        code: "forbidden",
        message: "Chỉ quản trị đơn vị và lãnh đạo đơn vị được xem thông báo chưa gửi được.",
        detail: "Your role may not perform this action.",
      });
    });

    it("needs a session", async () => {
      const anonymous = await consoleClient(s.baseUrl);
      expect((await anonymous.get("/console/api/notifications/dead-letters")).status).toBe(401);
    });
  });

  describe("the dossier page", () => {
    it("shows every delivery attempt and that the citizen has not been told", async () => {
      const r = await counter.json<any>("GET", `/console/api/dossiers/${qkDossier}`);
      expect(r.status).toBe(200);
      expect(r.body.dossier).toMatchObject({
        notifyStatus: "not_notified",
        notifyStatusLabel: "Chưa thông báo được cho người dân",
      });
      expect(r.body.deliveries).toEqual([
        {
          kind: "result_ready",
          kindLabel: "Báo đã có kết quả",
          channel: "oa_cs",
          channelLabel: "Tin nhắn Zalo OA",
          attempt: 1,
          status: "failed",
          statusLabel: "Không gửi được",
          errorCode: "http_500",
          errorLabel: "HTTP 500: Zalo tạm thời lỗi",
          at: "2025-07-16T03:00:00.000Z",
        },
        {
          kind: "result_ready",
          kindLabel: "Báo đã có kết quả",
          channel: "oa_cs",
          channelLabel: "Tin nhắn Zalo OA",
          attempt: 2,
          status: "failed",
          statusLabel: "Không gửi được",
          errorCode: "-230",
          errorLabel: "-230: người dân không nhận được qua kênh này",
          at: "2025-07-16T03:01:00.000Z",
        },
      ]);
    });
  });

  describe("re-drive", () => {
    it("only the unit admin re-drives: leader, counter officer and province viewer are refused, nothing moves", async () => {
      for (const c of [leader, counter, viewer]) {
        const r = await redrive(c, qkLetter);
        expect(r.status).toBe(403);
        expect(r.body.error.message).toBe("Chỉ quản trị đơn vị được gửi lại thông báo.");
      }
      expect(
        (await t.db.selectFrom("outbox").select("status").where("id", "=", qkLetter).executeTakeFirstOrThrow()).status,
      ).toBe("dead");
    });

    it("another unit's notification and a missing one get the same 404", async () => {
      const foreign = await redrive(otherAdmin, qkLetter);
      const missing = await redrive(otherAdmin, "00000000-0000-4000-8000-000000000000");
      const garbage = await redrive(otherAdmin, "not-an-id");
      expect(foreign.status).toBe(404);
      expect(foreign.body).toEqual(missing.body);
      expect(garbage.body).toEqual(missing.body);
      expect(foreign.body.error.message).toBe("Không tìm thấy thông báo này trong đơn vị của bạn.");
      expect(
        (await t.db.selectFrom("outbox").select("status").where("id", "=", qkLetter).executeTakeFirstOrThrow()).status,
      ).toBe("dead");
    });

    it("needs the CSRF header", async () => {
      const r = await admin.post(
        `/console/api/notifications/${qkLetter}/redrive`,
        {},
        { "x-csrf-token": "forged-token-of-same-len-abcdefgh" },
      );
      expect(r.status).toBe(403);
      expect(((await r.json()) as any).error.code).toBe("csrf_failed");
    });

    it("the unit admin's re-drive puts it back in the outbox, marks the dossier pending, is audited; twice is a 409", async () => {
      s.clock.set(new Date("2025-07-16T04:00:00.000Z"));
      const r = await redrive(admin, qkLetter);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ outboxId: qkLetter, status: "pending" });
      const row = await t.db
        .selectFrom("outbox")
        .select(["status", "attempts", "available_at", "last_error"])
        .where("id", "=", qkLetter)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({
        status: "pending",
        attempts: 0,
        available_at: "2025-07-16T04:00:00.000Z",
        last_error: null,
      });
      expect(
        (
          await t.db
            .selectFrom("dossiers")
            .select("notify_status")
            .where("id", "=", qkDossier)
            .executeTakeFirstOrThrow()
        ).notify_status,
      ).toBe("pending");
      expect(await listAuditFor(t.db, "notification", qkLetter)).toEqual([
        expect.objectContaining({
          actorKind: "officer",
          actorId: adminId,
          action: "update",
          at: "2025-07-16T04:00:00.000Z",
          reason: "Quản trị đơn vị gửi lại thông báo chưa gửi được",
        }),
      ]);
      const again = await redrive(admin, qkLetter);
      expect(again.status).toBe(409);
      expect(again.body.error.message).toBe("Thông báo này không còn ở danh sách chưa gửi được, vui lòng tải lại.");
      expect((await list(admin)).body.items.map((i: any) => i.outboxId)).toEqual([qkFeedbackLetter]);
    });

    it("a dossier-less notification of the unit (found through its payload) is re-driven too", async () => {
      expect((await redrive(otherAdmin, qkFeedbackLetter)).status).toBe(404);
      expect((await redrive(admin, qkFeedbackLetter)).status).toBe(200);
      expect((await list(admin)).body.items).toEqual([]);
    });
  });
});
