/**
 * The chatbot as a citizen meets it, through signed webhook events and the Zalo stand-in, in both queue modes (the
 * in-process queue and dispatcher without Redis; BullMQ queues and workers with it): answers from the OA's area,
 * a former unit's name, the day asked, a complaint recorded as feedback, the demo plan disclosed once, buttons
 * dropped when Zalo refuses them, and no reply lost through a Zalo outage.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { writeChatbotArea } from "../../bot-server/src/store/chatbot-area.js";
import { purgeOldEvents } from "../../bot-server/src/zalo/chatbot.js";
import { forEachDatabase, requireRedis, type TestDatabase } from "../helpers/databases.js";
import { zaloEvent } from "../helpers/zalo-openapi-stand-in.js";
import { startBot, type Bot } from "./bot.js";

const redisUrl = requireRedis();
const modes: [string, Record<string, string>][] = [
  ["in-process queue", {}],
  ...(redisUrl ? [["BullMQ queue", { REDIS_URL: redisUrl }] as [string, Record<string, string>]] : []),
];
const LAM_DONG = "68@2025-07-01";
let serial = 0;
const newUser = () => `24684588352962${String(10000 + (serial += 1)).padStart(5, "0")}`;

forEachDatabase((dialect, open) => {
  describe.each(modes)("chatbot replies through the webhook (%s)", (_mode, env) => {
    let t: TestDatabase;
    let bot: Bot;
    const prefix = () => ({ NOTIFY_QUEUE_PREFIX: `test-${randomUUID().slice(0, 8)}` });
    beforeAll(async () => {
      t = await open();
      bot = await startBot(t, { env: { ...env, ...prefix() } });
      await writeChatbotArea(t.db, { unitId: LAM_DONG }, new Date().toISOString(), "test");
    });
    afterAll(async () => {
      await bot?.close();
    });
    beforeEach(() => bot.zalo.reset());
    const say = (userId: string, text: string) =>
      bot.post(zaloEvent.text({ userId, text, timestamp: String(bot.nowMs()), msgId: randomUUID() }));
    const replyTo = async (userId: string, text: string, n = 1) => {
      await say(userId, text);
      await bot.settle();
      const mine = bot.zalo.csMessages.filter((m) => m.recipient === userId);
      expect(mine.length).toBeGreaterThanOrEqual(n);
      return mine[n - 1]!;
    };

    it("answers from the OA's area, discloses the demo plan once, and answers the day asked", async () => {
      const user = newUser();
      const first = await replyTo(user, "Ngày không hẹn là thứ mấy?");
      expect(first.text).toMatch(/^Ngày không hẹn tại 28 xã, phường của tỉnh Lâm Đồng: Thứ Tư hằng tuần/);
      expect(first.text).toContain("đang dùng thử, chưa phải quyết định chính thức");
      const second = await replyTo(user, "Thứ 4 tuần sau có làm ngày không hẹn không?", 2);
      expect(second.text).toMatch(/^Có\. Thứ Tư 22\/10\/2025 là Ngày không hẹn/);
      expect(second.text).not.toContain("dùng thử");
      for (const m of [first, second]) expect(m.text!.length).toBeLessThanOrEqual(1000);
    });

    it("leads a former unit's name to its successor", async () => {
      const r = await replyTo(newUser(), "UBND phường Nghĩa Tân mở cửa giờ nào");
      expect(r.text).toContain("Phường Nghĩa Tân cũ nay thuộc phường Nam Gia Nghĩa");
      expect(r.text).toContain("07:00–11:30, 13:30–17:00");
    });

    it("apologises for an officer's conduct and records the complaint for the unit, waiting for an officer", async () => {
      const user = newUser();
      const r = await replyTo(user, "cán bộ xã Quảng Khê thái độ hách dịch, đòi tiền ngoài mới làm");
      expect(r.text).toMatch(/^Chúng tôi thành thật xin lỗi/);
      const citizen = await t.db
        .selectFrom("citizens")
        .select("id")
        .where("zalo_oa_user_id", "=", user)
        .executeTakeFirstOrThrow();
      const feedback = await t.db.selectFrom("feedback").selectAll().where("citizen_id", "=", citizen.id).execute();
      expect(feedback.map((f) => [f.kind, f.unit_id, f.status])).toEqual([["complaint", "24631@2025-07-01", "open"]]);
      const conversation = await t.db
        .selectFrom("conversations")
        .selectAll()
        .where("oa_user_id", "=", user)
        .executeTakeFirstOrThrow();
      expect(conversation.needs_human).toBe(1);
    });

    it("sends the text alone when Zalo refuses the buttons (-201), for a reply and for the welcome", async () => {
      const user = newUser();
      bot.zalo.fail("cs", { error: -201, message: "buttons are invalid" }, 1);
      const r = await replyTo(user, "xin giấy xác nhận độc thân ở xã Quảng Khê cần giấy tờ gì");
      expect(r.buttons).toEqual([]);
      expect(r.text).toContain("Giấy tờ cần mang");
      const follower = newUser();
      bot.zalo.fail("cs", { error: -233, message: "message type invalid" }, 1);
      await bot.post(zaloEvent.follow({ userId: follower, timestamp: String(bot.nowMs()) }));
      await bot.settle();
      const welcome = bot.zalo.csMessages.filter((m) => m.recipient === follower);
      expect(welcome).toHaveLength(1);
      expect(welcome[0]!.text).toContain("Chào mừng");
      expect(welcome[0]!.buttons).toEqual([]);
      // With buttons accepted, the welcome carries the four quick buttons.
      const other = newUser();
      await bot.post(zaloEvent.follow({ userId: other, timestamp: String(bot.nowMs()) }));
      await bot.settle();
      const full = bot.zalo.csMessages.find((m) => m.recipient === other)!;
      expect(full.buttons!.map((b) => b.title)).toEqual([
        "Ngày không hẹn ở xã tôi",
        "Khai trước hồ sơ",
        "Tra cứu hồ sơ",
        "Gặp cán bộ",
      ]);
    });

    it("keeps each sent reply as an outbox row for a week, then forgets it with the event ids", async () => {
      const replies = () => t.db.selectFrom("outbox").select(["status"]).where("kind", "=", "chat_reply").execute();
      expect((await replies()).length).toBeGreaterThan(0);
      expect(new Set((await replies()).map((r) => r.status))).toEqual(new Set(["sent"]));
      const sixDays = bot.nowMs() + 6 * 86_400_000;
      await purgeOldEvents({ db: t.db, clock: { now: () => new Date(sixDays) } });
      expect((await replies()).length).toBeGreaterThan(0);
      await purgeOldEvents({ db: t.db, clock: { now: () => new Date(sixDays + 2 * 86_400_000) } });
      expect(await replies()).toEqual([]);
    });
  });

  // The outage takes real seconds: once, on SQLite (the storage layer is the same on both).
  (dialect === "sqlite" ? describe.each(modes) : describe.skip.each(modes))(
    "no reply lost through a Zalo outage (%s)",
    (_mode, env) => {
      let t: TestDatabase;
      let bot: Bot;
      beforeAll(async () => {
        t = await open();
        // The real clock: retries wait real time. Fast backoff, as a deployment may set it.
        bot = await startBot(t, {
          now: null,
          env: {
            ...env,
            NOTIFY_QUEUE_PREFIX: `test-${randomUUID().slice(0, 8)}`,
            NOTIFY_BACKOFF_BASE_MS: "500",
            NOTIFY_BACKOFF_MAX_MS: "2000",
            NOTIFY_POLL_MS: "100",
            // A send that got no answer at all (a time-out on a loaded machine) is in doubt: it is looked up in the
            // conversation after the send lease, 60 s by default, here 3 s so the wait below covers it.
            NOTIFY_SEND_LEASE_MS: "3000",
          },
        });
      });
      afterAll(async () => {
        await bot?.close();
      });

      it("20 messages sent during a 10-second outage all get their answer once Zalo is back, each once", async () => {
        bot.zalo.fail("cs", { status: 503 }, 1_000_000);
        const users = Array.from({ length: 20 }, () => newUser());
        const started = Date.now();
        for (const [i, user] of users.entries()) {
          const res = await bot.post(
            zaloEvent.text({
              userId: user,
              text: i % 2 ? "ngày không hẹn là gì" : "lệ phí đăng ký hộ kinh doanh",
              timestamp: String(bot.nowMs()),
              msgId: randomUUID(),
            }),
          );
          expect(res.status).toBe(200);
          await new Promise((r) => setTimeout(r, 400));
        }
        await bot.settle();
        expect(bot.zalo.csMessages).toHaveLength(0);
        expect(bot.zalo.rejected.length).toBeGreaterThanOrEqual(20);
        await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - started))));
        bot.zalo.clearFaults();
        await bot.zalo.waitFor("cs", 20, 30_000);
        // Anything still pending would show now: nothing more arrives, each citizen got exactly one answer.
        await new Promise((r) => setTimeout(r, 3000));
        const perUser = users.map((u) => bot.zalo.csMessages.filter((m) => m.recipient === u).length);
        expect(perUser).toEqual(users.map(() => 1));
        const rows = await t.db.selectFrom("outbox").select(["status"]).where("kind", "=", "chat_reply").execute();
        expect(rows.map((r) => r.status)).toEqual(users.map(() => "sent"));
      }, 60_000);
    },
  );
});
