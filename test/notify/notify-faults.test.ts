/**
 * Fault tests, 1,000 events each, against a real Redis and the Zalo stand-in: a worker killed with SIGKILL
 * mid-burst and restarted; Redis itself killed mid-burst (no persistence: every job lost) and restarted; two
 * worker processes at once. In each: delivered = 1,000, duplicates = 0, every outbox row sent. The outbox and the
 * delivery claims hold the truth; a send that was in flight when its worker died is looked up in the OA
 * conversation before anything is resent.
 */
import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import type { Deps } from "../../bot-server/src/deps.js";
import { startNotifications, type Notifications } from "../../bot-server/src/notify/start-notifications.js";
import { requireRedis } from "../helpers/databases.js";
import { killAll, spawnWorker, startRedisServer, type RedisServer } from "./helpers/child-processes.js";
import { buildNotifyDeps, MINIAPP_API_KEY, notifyEnv } from "./helpers/notify-deps.js";
import { countDeliveries, insertEvents, nowIso, oaUserId } from "./helpers/notify-fixtures.js";
import { outboxCounts, outboxSettled } from "./helpers/outbox-counts.js";
import { deleteRedisPrefix } from "./helpers/redis-keys.js";
import { createSharedDatabase, type SharedDatabase } from "./helpers/shared-database.js";
import { waitUntil } from "./helpers/wait-until.js";
import { startZaloWithConversation, type ZaloWithConversation } from "./helpers/zalo-with-conversation.js";

const redisUrl = requireRedis();
const N = 1000;
type Dialect = "sqlite" | "postgres";
/** Queue faults run once, on PostgreSQL when available (a Redis deployment's database); two processes on both. */
const queueDialect: Dialect = process.env.PG_URL ? "postgres" : "sqlite";
const processDialects: Dialect[] = process.env.PG_URL ? ["sqlite", "postgres"] : ["sqlite"];
if (!process.env.PG_URL && process.env.REQUIRE_POSTGRES === "1")
  throw new Error("PostgreSQL suites REQUIRED (REQUIRE_POSTGRES=1) but PG_URL is not set");

const burst = (from: number) =>
  Array.from({ length: N }, (_, i) => ({
    code: `000.00.24.H41-251015-${String(from + i).padStart(5, "0")}`,
    reach: { oaUserId: oaUserId(from + i), interactedAt: nowIso() },
  }));

(redisUrl ? describe : describe.skip).each(processDialects)("fault tolerance (%s)", (dialect) => {
  let shared: SharedDatabase | undefined;
  let zalo: ZaloWithConversation | undefined;
  let inProcess: Notifications | undefined;
  let redis: RedisServer | undefined;
  let deps: Deps | undefined;

  afterEach(async () => {
    await inProcess?.stop();
    inProcess = undefined;
    // Before the private Redis goes: the runtime's lock connection would wait for it for ever.
    if (deps) await deps.zalo.close();
    await killAll();
    await deps?.database.close();
    if (deps && !redis) await deleteRedisPrefix(redisUrl!, deps.config.NOTIFY_QUEUE_PREFIX);
    deps = undefined;
    await zalo?.close();
    zalo = undefined;
    await shared?.dispose();
    shared = undefined;
    redis = undefined;
  });
  afterAll(killAll);

  /** The test process only writes outbox rows (as the counter would); the sending happens elsewhere. */
  async function setup(redisFor: string): Promise<Record<string, string>> {
    shared = await createSharedDatabase(dialect);
    zalo = await startZaloWithConversation({ miniAppApiKey: MINIAPP_API_KEY });
    const env = notifyEnv(zalo, { DATABASE_URL: shared.url, REDIS_URL: redisFor, NOTIFY_WORKERS: "1" });
    deps = await buildNotifyDeps(shared.handle, env);
    return env;
  }

  async function expectAllDeliveredOnce(): Promise<void> {
    await waitUntil(() => outboxSettled(shared!.handle.db), "every outbox row to settle", 100_000, 100);
    expect(await outboxCounts(shared!.handle.db)).toEqual({ sent: N });
    expect(countDeliveries(zalo!.zalo.csMessages)).toEqual({ delivered: N, duplicates: 0 });
    const sentRecords = await shared!.handle.db
      .selectFrom("deliveries")
      .select("outbox_id")
      .where("status", "=", "sent")
      .execute();
    expect(new Set(sentRecords.map((r) => r.outbox_id)).size).toBe(N);
    expect(sentRecords).toHaveLength(N);
    // Sends a dead worker left in doubt were all resolved (looked up in the OA conversation), none abandoned.
    const inDoubt = await shared!.handle.db
      .selectFrom("deliveries")
      .select("id")
      .where("status", "=", "sending")
      .execute();
    expect(inDoubt).toEqual([]);
  }

  // Registered on one dialect only (not skipped on the other: nothing is hidden as passing).
  const queueIt: typeof it = dialect === queueDialect ? it : ((() => {}) as unknown as typeof it);

  queueIt(
    "kill -9 of the worker mid-burst, then a restart: 1,000 delivered, none twice",
    async () => {
      const env = await setup(redisUrl!);
      const first = spawnWorker(env);
      await first.ready;
      await insertEvents(shared!.handle.db, burst(10_000));
      await waitUntil(() => zalo!.zalo.csMessages.length >= N / 4, "a quarter of the burst to go out", 60_000, 10);
      first.child.kill("SIGKILL");
      await first.exited;
      const sentAtKill = zalo!.zalo.csMessages.length;
      expect(sentAtKill).toBeLessThan(N);

      const second = spawnWorker(env);
      await second.ready;
      await expectAllDeliveredOnce();
    },
    150_000,
  );

  queueIt(
    "Redis killed and restarted mid-burst (all jobs lost): 1,000 delivered from the outbox, none twice",
    async () => {
      redis = await startRedisServer();
      await setup(redis.url);
      inProcess = startNotifications(deps!);
      await insertEvents(shared!.handle.db, burst(20_000));
      await waitUntil(() => zalo!.zalo.csMessages.length >= N / 4, "a quarter of the burst to go out", 60_000, 10);
      await redis.kill();
      const sentAtKill = zalo!.zalo.csMessages.length;
      await new Promise((r) => setTimeout(r, 500));
      await redis.start();
      expect(sentAtKill).toBeLessThan(N);
      await expectAllDeliveredOnce();
    },
    150_000,
  );

  it("two worker processes at once: 1,000 delivered, none twice; both stop cleanly on SIGTERM", async () => {
    const env = await setup(redisUrl!);
    const a = spawnWorker(env);
    const b = spawnWorker(env);
    await Promise.all([a.ready, b.ready]);
    await insertEvents(shared!.handle.db, burst(30_000));
    await expectAllDeliveredOnce();
    // SIGTERM: both finish what they hold, close their connections and exit 0.
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
  }, 150_000);
});
