/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * Citizens the chatbot handed over to an officer, through the console API on SQLite and PostgreSQL: a unit sees the
 * conversations about it and those about no unit, longest waiting first, with a masked OA user id (never the whole
 * id), since when, the unit and where to answer; marking one handled clears it for everyone and is audited; the
 * province viewer and volunteers cannot mark; another unit's conversation looks exactly like a missing one.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { recordInteraction, updateConversation } from "../../bot-server/src/store/conversations.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import {
  consoleClient,
  NAM_DA,
  QUANG_KHE,
  signedInOfficers,
  startConsoleServer,
  type ConsoleServer,
} from "./helpers/console-server.js";

type Client = Awaited<ReturnType<typeof consoleClient>>;

const QK_USER = "7100000000000000101";
const NO_UNIT_USER = "7100000000000000102";
const ND_USER = "7100000000000000103";
const CALM_USER = "7100000000000000104";
const HINT = "Cán bộ trả lời người dân trong Zalo OA Manager (oa.zalo.me), rồi bấm “Đã xử lý” tại đây.";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  let counter: Client, leader: Client, volunteer: Client, otherUnit: Client, viewer: Client;
  let counterId: string;

  async function waiting(oaUserId: string, at: string, unitId: string | undefined): Promise<void> {
    await recordInteraction(t.db, { oaUserId, at, interacted: true, now: at });
    await updateConversation(t.db, oaUserId, { ...(unitId ? { unitId } : {}), needsHuman: true, at });
  }

  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t);
    const officers = await signedInOfficers(s, [
      ["qk.motcua", "counter_officer", QUANG_KHE],
      ["qk.chutich", "leader", QUANG_KHE],
      ["qk.tinhnguyen", "volunteer", QUANG_KHE],
      ["namda.motcua", "counter_officer", NAM_DA],
      ["tinh.xem", "province_viewer", null],
    ]);
    counterId = officers[0]!.id;
    [counter, leader, volunteer, otherUnit, viewer] = officers.map((o) => o.client) as [
      Client,
      Client,
      Client,
      Client,
      Client,
    ];

    await waiting(QK_USER, "2025-07-16T02:00:00.000Z", QUANG_KHE);
    await waiting(NO_UNIT_USER, "2025-07-16T01:30:00.000Z", undefined);
    await waiting(ND_USER, "2025-07-16T01:00:00.000Z", NAM_DA);
    await recordInteraction(t.db, {
      oaUserId: CALM_USER,
      at: "2025-07-16T01:00:00.000Z",
      interacted: true,
      now: "2025-07-16T01:00:00.000Z",
    });
    await updateConversation(t.db, CALM_USER, { unitId: QUANG_KHE });
    // Asking again later does not reset how long the citizen has waited.
    await updateConversation(t.db, QK_USER, { needsHuman: true, at: "2025-07-16T02:20:00.000Z" });
  });
  afterAll(async () => {
    await s.close();
  });

  const list = (c: Client) => c.json<any>("GET", "/console/api/conversations");
  const handled = (c: Client, id: string) =>
    c.json<any>("POST", `/console/api/conversations/${encodeURIComponent(id)}/handled`);

  describe("the list", () => {
    it("a unit sees its own and the unit-less conversations, longest waiting first, masked, with the OA Manager hint", async () => {
      const r = await list(counter);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ canHandle: true, hint: HINT, count: 2 });
      expect(r.body.items).toEqual([
        { id: expect.any(String), oaUser: "71••••0102", waitingSince: "2025-07-16T01:30:00.000Z", unitName: null },
        {
          id: expect.any(String),
          oaUser: "71••••0101",
          waitingSince: "2025-07-16T02:00:00.000Z",
          unitName: expect.stringMatching(/Quảng Khê/),
        },
      ]);
      const raw = JSON.stringify(r.body);
      for (const id of [QK_USER, NO_UNIT_USER, ND_USER, CALM_USER]) expect(raw).not.toContain(id);
    });

    it("another unit sees its own and the unit-less ones; the province viewer sees all, read-only", async () => {
      expect((await list(otherUnit)).body.items.map((i: any) => i.oaUser)).toEqual(["71••••0103", "71••••0102"]);
      const v = await list(viewer);
      expect(v.body.canHandle).toBe(false);
      expect(v.body.items.map((i: any) => i.oaUser)).toEqual(["71••••0103", "71••••0102", "71••••0101"]);
      expect((await list(volunteer)).body.canHandle).toBe(false);
    });

    it("needs a session", async () => {
      const anonymous = await consoleClient(s.baseUrl);
      expect((await anonymous.get("/console/api/conversations")).status).toBe(401);
    });
  });

  describe("marking handled", () => {
    const refOf = async (c: Client, masked: string) =>
      ((await list(c)).body.items as any[]).find((i) => i.oaUser === masked).id as string;

    it("the province viewer and a volunteer are refused in Vietnamese, and the flag stays", async () => {
      const id = await refOf(counter, "71••••0101");
      for (const c of [viewer, volunteer]) {
        const r = await handled(c, id);
        expect(r.status).toBe(403);
        expect(r.body.error).toMatchObject({
          code: "forbidden",
          message: "Vai trò của bạn không được đánh dấu đã xử lý cuộc trò chuyện.",
          detail: expect.any(String),
        });
      }
      expect(
        (
          await t.db
            .selectFrom("conversations")
            .select("needs_human")
            .where("oa_user_id", "=", QK_USER)
            .executeTakeFirstOrThrow()
        ).needs_human,
      ).toBe(1);
    });

    it("another unit's conversation and a made-up one get the same 404", async () => {
      const qk = await refOf(counter, "71••••0101");
      const foreign = await handled(otherUnit, qk);
      const missing = await handled(otherUnit, "AAAAAAAAAAAAAAAAAAAAAA");
      expect(foreign.status).toBe(404);
      expect(foreign.body).toEqual(missing.body);
      expect(foreign.body.error.message).toBe("Không tìm thấy cuộc trò chuyện đang chờ trong đơn vị của bạn.");
    });

    it("needs the CSRF header", async () => {
      const id = await refOf(counter, "71••••0101");
      const r = await counter.post(
        `/console/api/conversations/${id}/handled`,
        {},
        { "x-csrf-token": "forged-token-of-same-len-abcdefgh" },
      );
      expect(r.status).toBe(403);
      expect(((await r.json()) as any).error.code).toBe("csrf_failed");
    });

    it("the unit's officer marks it handled: gone from the list, flag cleared, audited; twice is a 404", async () => {
      s.clock.set(new Date("2025-07-16T03:00:00.000Z"));
      const id = await refOf(counter, "71••••0101");
      const r = await handled(counter, id);
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ id, handled: true });
      const row = await t.db
        .selectFrom("conversations")
        .select(["needs_human", "needs_human_since", "unit_id"])
        .where("oa_user_id", "=", QK_USER)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ needs_human: 0, needs_human_since: null, unit_id: QUANG_KHE });
      expect(await listAuditFor(t.db, "conversation", QK_USER)).toEqual([
        expect.objectContaining({
          actorKind: "officer",
          actorId: counterId,
          action: "update",
          fields: ["needs_human"],
          at: "2025-07-16T03:00:00.000Z",
        }),
      ]);
      expect((await list(leader)).body.items.map((i: any) => i.oaUser)).toEqual(["71••••0102"]);
      expect((await handled(counter, id)).status).toBe(404);
    });

    it("a unit-less conversation handled by one unit leaves every unit's list", async () => {
      const id = await refOf(leader, "71••••0102");
      expect((await handled(leader, id)).status).toBe(200);
      expect((await list(otherUnit)).body.items.map((i: any) => i.oaUser)).toEqual(["71••••0103"]);
      expect((await list(counter)).body).toMatchObject({ count: 0, items: [] });
    });
  });
});
