/**
 * Redis loses its data (FLUSHALL; a restart without persistence) while notifications wait in its queues: the relay
 * notices it on its next pass (its marker key is gone) and queues them again from the outbox at once. The sweep's
 * own delay (NOTIFY_REQUEUE_AFTER_MS) is set to an hour here, so only that detection can explain the recovery.
 * A private redis-server on a free port, killed and restarted by the test; SQLite and PostgreSQL.
 */
import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import type { Deps } from "../../bot-server/src/deps.js";
import { startNotifications, type Notifications } from "../../bot-server/src/notify/start-notifications.js";
import { forEachDatabase, requireRedis, type TestDatabase } from "../helpers/databases.js";
import { killAll, startRedisServer, type RedisServer } from "./helpers/child-processes.js";
import { buildNotifyDeps, MINIAPP_API_KEY, notifyEnv } from "./helpers/notify-deps.js";
import { countDeliveries, insertEvents, nowIso, oaUserId } from "./helpers/notify-fixtures.js";
import { outboxCounts } from "./helpers/outbox-counts.js";
import { waitUntil } from "./helpers/wait-until.js";
import { startZaloWithConversation, type ZaloWithConversation } from "./helpers/zalo-with-conversation.js";

const redisAvailable = requireRedis();
const describeRedis = redisAvailable ? describe : describe.skip;
const ROWS = 20;
const HOUR_MS = "3600000";

describeRedis("Redis loses its data while notifications wait in its queues", () => {
  afterAll(killAll);

  forEachDatabase((name, open) => {
    let t: TestDatabase | undefined;
    let redis: RedisServer | undefined;
    let zalo: ZaloWithConversation | undefined;
    let deps: Deps | undefined;
    const running: Notifications[] = [];

    afterEach(async () => {
      for (const r of running.splice(0)) await r.stop();
      if (deps) await deps.zalo.close();
      await deps?.database.close();
      await zalo?.close();
      await redis?.kill();
      await t?.close();
    });

    /** Rows relayed into Redis with no worker running: they wait there, "queued" in the outbox. */
    async function queuedInRedis(first: number): Promise<string[]> {
      t = await open();
      redis = await startRedisServer();
      zalo = await startZaloWithConversation({ miniAppApiKey: MINIAPP_API_KEY });
      deps = await buildNotifyDeps(
        t,
        notifyEnv(zalo, { REDIS_URL: redis.url, NOTIFY_REQUEUE_AFTER_MS: HOUR_MS, NOTIFY_POLL_MS: "50" }),
      );
      running.push(startNotifications(deps, { workers: false }));
      const users = Array.from({ length: ROWS }, (_, i) => oaUserId(first + i));
      await insertEvents(
        t.db,
        users.map((u, i) => ({
          code: `000.00.24.H41-251015-${String(first + i).padStart(4, "0")}`,
          reach: { oaUserId: u, interactedAt: nowIso() },
        })),
      );
      await waitUntil(async () => (await outboxCounts(t!.db)).queued === ROWS, "every row queued in Redis", 20_000);
      return users;
    }

    async function deliveredOnceEach(users: string[]): Promise<void> {
      // Workers now start; the jobs they would have taken are gone with Redis' data.
      running.push(startNotifications(deps!, { relay: false, workers: true }));
      await waitUntil(
        async () => (await outboxCounts(t!.db)).sent === ROWS,
        "every notification sent after Redis lost its data",
        30_000,
      );
      const mine = zalo!.zalo.csMessages.filter((m) => users.includes(m.recipient ?? ""));
      expect(countDeliveries(mine)).toEqual({ delivered: ROWS, duplicates: 0 });
    }

    it(`${name}: after FLUSHALL the queued notifications are queued again at once and each sent once`, async () => {
      const users = await queuedInRedis(3100);
      const admin = new Redis(redis!.url);
      await admin.flushall();
      await admin.quit();
      await deliveredOnceEach(users);
    }, 90_000);

    it(`${name}: after Redis restarts empty the queued notifications are queued again at once and each sent once`, async () => {
      const users = await queuedInRedis(3200);
      await redis!.kill();
      await redis!.start();
      await deliveredOnceEach(users);
    }, 90_000);
  });
});
