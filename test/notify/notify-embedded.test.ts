/**
 * Without Redis (the embedded default) the server's dispatcher reads the outbox and calls the same sender as the
 * BullMQ workers: a same-day result reaches the applicant by exactly one OA message with the right Vietnamese text,
 * every attempt is recorded, and the dossier shows whether the applicant was notified. SQLite and PostgreSQL.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { createSettableClock } from "../../bot-server/src/clock.js";
import { startNotifications, type Notifications } from "../../bot-server/src/notify/start-notifications.js";
import type { Deps } from "../../bot-server/src/deps.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { DEMO_UNIT_ID, insertEvents, nowIso, oaUserId } from "./helpers/notify-fixtures.js";
import { buildNotifyDeps, notifyEnv } from "./helpers/notify-deps.js";
import { startZaloWithConversation, type ZaloWithConversation } from "./helpers/zalo-with-conversation.js";

const RESULT_TEXT =
  "Hồ sơ 000.00.24.H41-251015-0001 (Cấp Giấy xác nhận tình trạng hôn nhân) đã có kết quả ngay trong ngày (“Ngày không hẹn”). " +
  "Mời ông/bà đến nhận tại Bộ phận Một cửa UBND xã Quảng Khê (giờ làm việc 07:00–11:30, 13:30–17:00), nhớ mang theo giấy tờ tùy thân.";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let zalo: ZaloWithConversation;
  let deps: Deps;
  let notifications: Notifications;

  beforeAll(async () => {
    t = await open();
    zalo = await startZaloWithConversation();
    deps = await buildNotifyDeps(t, notifyEnv(zalo, { NOTIFY_POLL_MS: "60000" }));
    notifications = startNotifications(deps);
  });
  afterAll(async () => {
    await notifications.stop();
    await deps.zalo.close();
    await deps.database.close();
    await zalo.close();
  });

  it("runs in embedded mode without REDIS_URL", () => {
    expect(notifications.mode).toBe("embedded");
  });

  it("a same-day result reaches the applicant as exactly one OA message with the right text", async () => {
    const user = oaUserId(1);
    const [ev] = await insertEvents(t.db, [
      { code: "000.00.24.H41-251015-0001", reach: { oaUserId: user, interactedAt: nowIso() } },
    ]);
    await notifications.runOnce!();
    await notifications.runOnce!();

    const sent = zalo.zalo.csMessages.filter((m) => m.recipient === user);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toBe(RESULT_TEXT);
    expect(sent[0]!.buttons).toEqual([
      {
        title: "Xem hồ sơ",
        type: "oa.open.url",
        payload: { url: "https://zalo.me/s/3000000000000000001/ho-so/000.00.24.H41-251015-0001" },
      },
    ]);

    const outbox = await t.db.selectFrom("outbox").selectAll().where("id", "=", ev!.outboxId).executeTakeFirstOrThrow();
    expect(outbox.status).toBe("sent");
    const dossier = await t.db
      .selectFrom("dossiers")
      .select("notify_status")
      .where("id", "=", ev!.dossierId)
      .executeTakeFirstOrThrow();
    expect(dossier.notify_status).toBe("notified");
    const deliveries = await t.db.selectFrom("deliveries").selectAll().where("outbox_id", "=", ev!.outboxId).execute();
    expect(deliveries).toEqual([
      expect.objectContaining({
        channel: "oa_cs",
        status: "sent",
        attempt: 1,
        idempotency_key: `${ev!.outboxId}:oa_cs`,
        tracking_id: sent[0]!.messageId,
        error_code: null,
      }),
    ]);
  });

  it("an applicant no channel can reach is marked not notified, and nothing is sent", async () => {
    const before = zalo.zalo.accepted.length;
    const [ev] = await insertEvents(t.db, [{ code: "000.00.24.H41-251015-0002", reach: {} }]);
    await notifications.runOnce!();
    expect(zalo.zalo.accepted.length).toBe(before);
    const outbox = await t.db
      .selectFrom("outbox")
      .select(["status", "last_error"])
      .where("id", "=", ev!.outboxId)
      .executeTakeFirstOrThrow();
    expect(outbox).toEqual({ status: "not_notified", last_error: "no channel reaches the applicant" });
    const dossier = await t.db
      .selectFrom("dossiers")
      .select("notify_status")
      .where("id", "=", ev!.dossierId)
      .executeTakeFirstOrThrow();
    expect(dossier.notify_status).toBe("not_notified");
  });

  it("a leader alert (one row per leader, as the counter writes it) reaches the leader's Zalo with a link to the console", async () => {
    const leaderId = randomUUID();
    const at = nowIso();
    await t.db
      .insertInto("users")
      .values({
        id: leaderId,
        username: `leader-${leaderId.slice(0, 8)}`,
        password_hash: "x",
        display_name: "Lãnh đạo thử",
        role: "leader",
        unit_id: DEMO_UNIT_ID,
        delegate_for: null,
        phone: null,
        zalo_user_id: "6100000000000000001",
        active: 1,
        failed_logins: 0,
        locked_until: null,
        created_at: at,
      })
      .execute();
    const outboxId = randomUUID();
    await t.db
      .insertInto("outbox")
      .values({
        id: outboxId,
        dossier_id: null,
        event_id: null,
        kind: "leader_alert",
        status: "pending",
        attempts: 0,
        available_at: at,
        created_at: at,
        updated_at: at,
        last_error: null,
        payload: JSON.stringify({
          recipientUserId: leaderId,
          unitId: DEMO_UNIT_ID,
          unitName: "xã Quảng Khê",
          date: at.slice(0, 10),
          alertAt: "16:00",
          officeEnd: "17:00",
          waitingCount: 2,
          dossierCodes: ["000.00.24.H41-251015-0011", "000.00.24.H41-251015-0012"],
        }),
      })
      .execute();
    await notifications.runOnce!();
    const sent = zalo.zalo.csMessages.filter((m) => m.recipient === "6100000000000000001");
    expect(sent.map((m) => m.text)).toEqual([
      "Nhắc duyệt: 2 hồ sơ “Ngày không hẹn” của xã Quảng Khê đang chờ lãnh đạo duyệt (000.00.24.H41-251015-0011, 000.00.24.H41-251015-0012). " +
        "Cần duyệt trước 17:00 để trả kết quả trong ngày.",
    ]);
    expect(sent[0]!.buttons).toEqual([
      { title: "Mở hàng chờ duyệt", type: "oa.open.url", payload: { url: "http://localhost:3000/console" } },
    ]);
    const row = await t.db.selectFrom("outbox").select("status").where("id", "=", outboxId).executeTakeFirstOrThrow();
    expect(row.status).toBe("sent");
  });

  it("a ZNS-only applicant at 23:00: Zalo refuses the night send (-133), it waits until 06:05 and then goes out once", async () => {
    const clock = createSettableClock();
    clock.set(new Date("2025-10-15T23:00:00+07:00"));
    // Its own database: OA tokens stored by another stand-in would not be valid here.
    const own = await open();
    const night = await startZaloWithConversation({ now: () => clock.now().getTime() });
    const nightDeps = await buildNotifyDeps(own, notifyEnv(night, { NOTIFY_POLL_MS: "60000" }), clock);
    const pipeline = startNotifications(nightDeps);
    try {
      const at = clock.now().toISOString();
      const [ev] = await insertEvents(own.db, [
        { code: "000.00.24.H41-251015-0009", at, reach: { phone: "0912 345 678", phoneConsentAt: at } },
      ]);
      await pipeline.runOnce!();
      const waiting = await own.db
        .selectFrom("outbox")
        .select(["status", "available_at", "attempts"])
        .where("id", "=", ev!.outboxId)
        .executeTakeFirstOrThrow();
      expect(waiting).toEqual({
        status: "pending",
        available_at: new Date("2025-10-16T06:05:00+07:00").toISOString(),
        attempts: 0,
      });
      expect(night.zalo.rejected.map((r) => r.error)).toEqual([-133]);

      clock.set(new Date("2025-10-16T05:30:00+07:00"));
      await pipeline.runOnce!();
      expect(night.zalo.accepted.filter((c) => c.route === "zns")).toHaveLength(0);

      clock.set(new Date("2025-10-16T06:05:30+07:00"));
      await pipeline.runOnce!();
      const zns = night.zalo.accepted.filter((c) => c.route === "zns");
      expect(zns).toHaveLength(1);
      expect(zns[0]!.body).toEqual({
        phone: "84912345678",
        template_id: "7895417a7d3f9461cd2e",
        tracking_id: `${ev!.outboxId}:zns`,
        template_data: {
          ma_ho_so: "000.00.24.H41-251015-0009",
          trang_thai: "Đã có kết quả trong ngày",
          thu_tuc: "Cấp Giấy xác nhận tình trạng hôn nhân",
          noi_nhan: "Bộ phận Một cửa UBND xã Quảng Khê",
          ngay_hen: "15/10/2025",
        },
      });
      const deliveries = await own.db
        .selectFrom("deliveries")
        .select(["channel", "status", "error_code", "tracking_id"])
        .where("outbox_id", "=", ev!.outboxId)
        .orderBy("at")
        .execute();
      expect(deliveries).toEqual([
        { channel: "zns", status: "failed", error_code: "-133", tracking_id: `${ev!.outboxId}:zns` },
        { channel: "zns", status: "sent", error_code: null, tracking_id: `${ev!.outboxId}:zns` },
      ]);
    } finally {
      await pipeline.stop();
      await nightDeps.zalo.close();
      await nightDeps.database.close();
      await night.close();
    }
  });

  it("without any Zalo sending configuration nothing starts and the outbox row waits", async () => {
    const bare = await buildNotifyDeps(t, {
      LOG_LEVEL: "silent",
      PURGE_INTERVAL_MINUTES: "0",
      DATABASE_URL: "sqlite::memory:",
    });
    const idle = startNotifications(bare);
    await bare.zalo.close();
    await bare.database.close();
    const [ev] = await insertEvents(t.db, [
      { code: "000.00.24.H41-251015-0003", reach: { oaUserId: oaUserId(3), interactedAt: nowIso() } },
    ]);
    await idle.stop();
    expect(idle.mode).toBe("disabled");
    const outbox = await t.db
      .selectFrom("outbox")
      .select("status")
      .where("id", "=", ev!.outboxId)
      .executeTakeFirstOrThrow();
    expect(outbox.status).toBe("pending");
  });
});
