/**
 * GET /metrics on the real app: Prometheus text with the outbox by status, the age of the oldest notification not
 * yet sent, attempts per channel and outcome, and (with Redis) the depth of each channel queue.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { startNotifications, type Notifications } from "../../bot-server/src/notify/start-notifications.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { forEachDatabase, requireRedis } from "../helpers/databases.js";
import { freePort } from "./helpers/child-processes.js";
import { notifyEnv } from "./helpers/notify-deps.js";
import { insertEvents, nowIso, oaUserId } from "./helpers/notify-fixtures.js";
import { outboxSettled } from "./helpers/outbox-counts.js";
import { deleteRedisPrefix } from "./helpers/redis-keys.js";
import { waitUntil } from "./helpers/wait-until.js";
import { startZaloWithConversation, type ZaloWithConversation } from "./helpers/zalo-with-conversation.js";

const redisUrl = requireRedis();

function sample(text: string, line: string): number | undefined {
  const found = text.split("\n").find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

forEachDatabase((_name, open) => {
  let app: TestApp | undefined;
  let zalo: ZaloWithConversation | undefined;
  let pipeline: Notifications | undefined;
  afterEach(async () => {
    await pipeline?.stop();
    pipeline = undefined;
    if (app) await app.deps.zalo.close();
    if (app && redisUrl && app.deps.config.REDIS_URL === redisUrl)
      await deleteRedisPrefix(redisUrl, app.deps.config.NOTIFY_QUEUE_PREFIX);
    await app?.close();
    app = undefined;
    await zalo?.close();
    zalo = undefined;
  });

  it("counts sent and failed attempts per channel and what is still waiting", async () => {
    const t = await open();
    zalo = await startZaloWithConversation();
    app = await startTestApp(t, { env: notifyEnv(zalo, { NOTIFY_POLL_MS: "60000" }) });
    pipeline = startNotifications(app.deps);
    zalo.zalo.fail("cs", { status: 502 }, 1);
    await insertEvents(t.db, [
      { code: "000.00.24.H41-251015-0501", reach: { oaUserId: oaUserId(501), interactedAt: nowIso() } },
      { code: "000.00.24.H41-251015-0502", reach: {} },
    ]);
    await pipeline.runOnce!();
    await waitUntil(
      async () =>
        (await t.db.selectFrom("outbox").select("available_at").where("status", "=", "pending").executeTakeFirst()) !==
        undefined,
      "the failed send to be rescheduled",
    );
    const before = await app.request("/metrics");
    expect(before.status).toBe(200);
    expect(before.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text1 = await before.text();
    expect(text1).toContain("# TYPE khonghen_notify_deliveries_total counter");
    expect(sample(text1, 'khonghen_notify_deliveries_total{channel="oa_cs",status="failed"}')).toBe(1);
    expect(sample(text1, 'khonghen_notify_outbox{status="pending"}')).toBe(1);
    expect(sample(text1, 'khonghen_notify_outbox{status="not_notified"}')).toBe(1);
    expect(sample(text1, "khonghen_notify_oldest_undelivered_age_seconds")).toBeGreaterThanOrEqual(0);
    expect(text1).not.toContain("khonghen_notify_queue_jobs");

    await waitUntil(async () => {
      await pipeline!.runOnce!();
      return outboxSettled(t.db);
    }, "the retry to go out");
    const text2 = await (await app.request("/metrics")).text();
    expect(sample(text2, 'khonghen_notify_deliveries_total{channel="oa_cs",status="sent"}')).toBe(1);
    expect(sample(text2, 'khonghen_notify_outbox{status="sent"}')).toBe(1);
    expect(sample(text2, 'khonghen_notify_outbox{status="pending"}')).toBe(0);
    expect(sample(text2, "khonghen_notify_oldest_undelivered_age_seconds")).toBe(0);
  });

  (redisUrl ? describe : describe.skip)("with Redis", () => {
    it("shows each channel queue's depth and the age of its oldest waiting job", async () => {
      const t = await open();
      zalo = await startZaloWithConversation();
      // A relay without workers: the jobs wait in the queue, as when every worker is down.
      app = await startTestApp(t, { env: notifyEnv(zalo, { REDIS_URL: redisUrl!, NOTIFY_WORKERS: "0" }) });
      pipeline = startNotifications(app.deps);
      await insertEvents(
        t.db,
        [1, 2, 3].map((i) => ({
          code: `000.00.24.H41-251015-060${i}`,
          reach: { oaUserId: oaUserId(600 + i), interactedAt: nowIso() },
        })),
      );
      await waitUntil(
        async () =>
          (await t.db.selectFrom("outbox").select("id").where("status", "=", "pending").execute()).length === 0,
        "the relay to queue the rows",
      );
      const text = await (await app.request("/metrics")).text();
      expect(sample(text, "khonghen_notify_redis_up")).toBe(1);
      expect(sample(text, 'khonghen_notify_queue_jobs{channel="oa_cs",state="wait"}')).toBe(3);
      expect(sample(text, 'khonghen_notify_queue_jobs{channel="miniapp",state="wait"}')).toBe(0);
      expect(sample(text, 'khonghen_notify_queue_oldest_waiting_age_seconds{channel="oa_cs"}')).toBeGreaterThanOrEqual(
        0,
      );
      expect(sample(text, 'khonghen_notify_outbox{status="queued"}')).toBe(3);
      expect(zalo.zalo.csMessages).toHaveLength(0);
    });

    it("still answers, with redis_up 0, when Redis is unreachable", async () => {
      const t = await open();
      const port = await freePort();
      app = await startTestApp(t, { env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
      const res = await app.request("/metrics");
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(sample(text, "khonghen_notify_redis_up")).toBe(0);
      expect(text).toContain('khonghen_notify_outbox{status="pending"} 0');
    });
  });

  it("with METRICS_TOKEN set, answers only the scraper that presents it", async () => {
    const t = await open();
    const token = "scrape-0123456789abcdef";
    app = await startTestApp(t, { env: { METRICS_TOKEN: token } });
    const anonymous = await app.request("/metrics");
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { message: string } }).error.message).toContain("mã truy cập");
    expect((await app.request("/metrics", { headers: { authorization: "Bearer wrong-0123456789abcd" } })).status).toBe(
      401,
    );
    const scraper = await app.request("/metrics", { headers: { authorization: `Bearer ${token}` } });
    expect(scraper.status).toBe(200);
    expect(await scraper.text()).toContain("khonghen_notify_outbox");
  });
});
