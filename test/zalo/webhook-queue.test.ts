import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { forEachDatabase, requireRedis, type TestDatabase } from "../helpers/databases.js";
import { zaloEvent } from "../helpers/zalo-openapi-stand-in.js";
import { startBot, type Bot } from "./bot.js";

const redisUrl = requireRedis();

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let bot: Bot;
  beforeAll(async () => {
    if (!redisUrl) return;
    t = await open();
    bot = await startBot(t, { env: { REDIS_URL: redisUrl, NOTIFY_QUEUE_PREFIX: `test-${randomUUID().slice(0, 8)}` } });
  });
  afterAll(() => bot?.close());

  (redisUrl ? it : it.skip)(
    "with REDIS_URL, acknowledges first and answers through the BullMQ queue, once per event",
    async () => {
      expect(bot.runtime.queue.kind).toBe("bullmq");
      const user = "2468458835296199001";
      const payload = zaloEvent.text({
        userId: user,
        text: "đăng ký hộ kinh doanh cần giấy tờ gì",
        timestamp: String(bot.nowMs()),
        msgId: "q-0001",
      });
      const acks = await Promise.all([bot.post(payload), bot.post(payload)]);
      expect(acks.map((r) => r.status)).toEqual([200, 200]);
      await bot.post(zaloEvent.follow({ userId: "2468458835296199002", timestamp: String(bot.nowMs()) }));
      await bot.zalo.waitFor("cs", 2);
      await bot.settle();
      const texts = bot.zalo.csMessages.map((m) => `${m.recipient}: ${(m.text ?? "").split("\n")[0]}`).sort();
      expect(texts).toEqual([
        `${user}: Đăng ký thành lập hộ kinh doanh. Giấy tờ cần mang:`,
        "2468458835296199002: Chào mừng ông/bà đến với Bộ phận Một cửa trên Zalo! Tôi là trợ lý tự động.",
      ]);
    },
  );
});
