import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import type { Kysely } from "kysely";
import { systemClock } from "../../bot-server/src/clock.js";
import { createLog } from "../../bot-server/src/log.js";
import type { Database } from "../../bot-server/src/store/database.js";
import { createOaClient } from "../../bot-server/src/zalo/oa-client.js";
import { createTokenStore, type TokenStore } from "../../bot-server/src/zalo/token-store.js";
import { forEachDatabase, requireRedis, type TestDatabase } from "../helpers/databases.js";
import { startZaloStandIn, zaloEvent, type ZaloStandIn } from "../helpers/zalo-openapi-stand-in.js";
import { startBot, type Bot } from "./bot.js";

const log = createLog("silent");
const users = (n: number, base = 3100) =>
  Array.from({ length: n }, (_, i) => `55217727971758${String(base + i).padStart(4, "0")}`);

function storeFor(
  db: Kysely<Database>,
  zalo: ZaloStandIn,
  extra: Partial<Parameters<typeof createTokenStore>[0]> = {},
): TokenStore {
  return createTokenStore({
    db,
    oauthBase: zalo.url,
    appId: zalo.appId,
    appSecret: zalo.appSecret,
    seedRefreshToken: zalo.seedRefreshToken,
    clock: systemClock,
    log,
    ...extra,
  });
}

const clientFor = (tokens: TokenStore, zalo: ZaloStandIn) =>
  createOaClient({ openapiBase: zalo.url, businessBase: zalo.url, tokens, log, retryDelayMs: 1 });

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
  });

  describe("token expiry in the middle of a conversation", () => {
    let bot: Bot;
    beforeAll(async () => {
      bot = await startBot(t);
    });
    afterAll(() => bot?.close());

    it("seeds the store once from ZALO_OA_REFRESH_TOKEN and keeps the rotated pair in the database", async () => {
      await bot.post(zaloEvent.text({ userId: users(1)[0]!, text: "xin chào", timestamp: String(bot.nowMs()) }));
      await bot.zalo.waitFor("cs", 1);
      expect(bot.zalo.refreshCount).toBe(1);
      const row = await t.db.selectFrom("zalo_tokens").selectAll().executeTakeFirstOrThrow();
      expect(row.refresh_token).not.toBe(bot.zalo.seedRefreshToken);
      expect(row.access_token).toBe(bot.zalo.csMessages[0]!.accessToken);
    });

    it("refreshes exactly once when the token expires under 50 concurrent webhook replies", async () => {
      bot.zalo.reset();
      bot.zalo.expireAccessTokens();
      const people = users(50, 4000);
      const acks = await Promise.all(
        people.map((userId) =>
          bot.post(zaloEvent.text({ userId, text: "thủ tục nào được trả trong ngày", timestamp: String(bot.nowMs()) })),
        ),
      );
      expect(acks.every((r) => r.status === 200)).toBe(true);
      await bot.settle();
      expect(bot.zalo.csMessages.map((m) => m.recipient).sort()).toEqual([...people].sort());
      expect(bot.zalo.refreshCount).toBe(1);
      expect(bot.zalo.oauthCalls).toBe(1);
    });

    it("refreshes once for a chatbot store and a notification store built over the same database handle", async () => {
      bot.zalo.reset();
      bot.zalo.expireAccessTokens();
      const other = createTokenStore({
        db: bot.app.deps.db,
        oauthBase: bot.zalo.url,
        appId: bot.zalo.appId,
        appSecret: bot.zalo.appSecret,
        clock: systemClock,
        log,
      });
      const notifications = clientFor(other, bot.zalo);
      const results = await Promise.all(
        users(20, 7000).map((userId, i) =>
          i % 2 === 0
            ? notifications.sendCsMessage(userId, { text: "Hồ sơ đã có kết quả." })
            : bot.runtime.oa!.sendCsMessage(userId, { text: "Xin chào." }),
        ),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      expect(bot.zalo.refreshCount).toBe(1);
    });

    it("refreshes exactly once for 50 replies sent at the same instant through the shared client", async () => {
      bot.zalo.reset();
      bot.zalo.expireAccessTokens();
      const results = await Promise.all(
        users(50, 5000).map((userId) => bot.runtime.oa!.sendCsMessage(userId, { text: "Xin chào ông/bà." })),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      expect(bot.zalo.refreshCount).toBe(1);
      const tokens = new Set(bot.zalo.csMessages.map((m) => m.accessToken));
      expect(tokens.size).toBe(1);
      const row = await t.db.selectFrom("zalo_tokens").selectAll().executeTakeFirstOrThrow();
      expect(tokens.has(row.access_token)).toBe(true);
    });
  });

  describe("token store", () => {
    let zalo: ZaloStandIn;
    beforeAll(async () => {
      zalo = await startZaloStandIn();
    });
    afterAll(() => zalo.close());
    beforeEach(async () => {
      await t.db.deleteFrom("zalo_tokens").execute();
      zalo.reset();
    });

    it("stores a new pair before using it: when the write fails, the new token is not used until stored", async () => {
      let failWrites = 1;
      const db = new Proxy(t.db, {
        get(target, prop, receiver) {
          if (prop === "insertInto") {
            return (table: string) => {
              if (table === "zalo_tokens" && failWrites > 0) {
                failWrites -= 1;
                const failing = {
                  values: () => failing,
                  onConflict: () => failing,
                  execute: () => Promise.reject(new Error("disk full")),
                };
                return failing;
              }
              return target.insertInto(table as "zalo_tokens");
            };
          }
          const value = Reflect.get(target, prop, receiver) as unknown;
          return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      const tokens = storeFor(db, zalo);
      const client = clientFor(tokens, zalo);
      const first = await client.sendCsMessage("2468458835296197922", { text: "Xin chào." });
      expect(first.ok).toBe(false);
      expect(zalo.refreshCount).toBe(1);
      expect(zalo.csMessages).toHaveLength(0);
      const second = await client.sendCsMessage("2468458835296197922", { text: "Xin chào." });
      expect(second.ok).toBe(true);
      expect(zalo.refreshCount).toBe(1); // the pending pair was stored, not a second refresh
      const row = await t.db.selectFrom("zalo_tokens").selectAll().executeTakeFirstOrThrow();
      expect(zalo.csMessages[0]!.accessToken).toBe(row.access_token);
    });

    it("ignores the seed once the database holds a pair", async () => {
      const pair = zalo.issuePair();
      await t.db
        .insertInto("zalo_tokens")
        .values({
          id: "oa",
          access_token: "AT-expired",
          refresh_token: pair.refreshToken,
          access_expires_at: new Date(Date.now() - 1000).toISOString(),
          updated_at: new Date().toISOString(),
        })
        .execute();
      const tokens = storeFor(t.db, zalo, { seedRefreshToken: "RT-never-valid" });
      const r = await tokens.getAccessToken();
      expect(r.ok).toBe(true);
      expect(zalo.refreshCount).toBe(1);
    });

    it("reports a refused refresh without crashing, and the reply fails as a configuration problem", async () => {
      const tokens = storeFor(t.db, zalo, { seedRefreshToken: "RT-unknown" });
      const r = await clientFor(tokens, zalo).sendCsMessage("2468458835296197922", { text: "Xin chào." });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.kind).toBe("configuration");
      expect(zalo.csMessages).toHaveLength(0);
    });
  });

  it("with the lock's Redis down, a refresh gives up after a bounded wait and uses the refresh token not at all", async () => {
    const zalo = await startZaloStandIn();
    // Nothing listens on port 1; ioredis would retry each command for a long time.
    const dead = new Redis("redis://127.0.0.1:1", { lazyConnect: true });
    dead.on("error", () => {});
    try {
      await t.db.deleteFrom("zalo_tokens").execute();
      const tokens = storeFor(t.db, zalo, { redis: dead, lockKey: `test:${randomUUID()}:zalo-refresh` });
      const started = Date.now();
      const r = await tokens.getAccessToken();
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("lock_timeout");
      expect(Date.now() - started).toBeLessThan(10_000);
      // The single-use refresh token was never spent: it is still there for when Redis is back.
      expect(zalo.oauthCalls).toBe(0);
    } finally {
      dead.disconnect();
      await zalo.close();
      await t.db.deleteFrom("zalo_tokens").execute();
    }
  });

  const redisUrl = requireRedis();
  (redisUrl ? describe : describe.skip)("two processes sharing Redis", () => {
    let zalo: ZaloStandIn;
    let redisA: Redis;
    let redisB: Redis;
    beforeAll(async () => {
      zalo = await startZaloStandIn();
      redisA = new Redis(redisUrl!);
      redisB = new Redis(redisUrl!);
    });
    afterAll(async () => {
      await redisA?.quit();
      await redisB?.quit();
      await zalo?.close();
    });

    it("refresh once across two client instances under 50 concurrent replies (Redis lock, re-read under the lock)", async () => {
      await t.db.deleteFrom("zalo_tokens").execute();
      const lockKey = `test:${randomUUID()}:zalo-refresh`;
      const a = storeFor(t.db, zalo, { redis: redisA, lockKey });
      // Another connection to the same database: what a second process sees (no shared in-process single-flight).
      const b = storeFor(t.connectAgain().db, zalo, { redis: redisB, lockKey });
      expect((await a.getAccessToken()).ok).toBe(true);
      expect((await b.getAccessToken()).ok).toBe(true);
      const before = a.refreshCount + b.refreshCount;
      zalo.reset();
      zalo.expireAccessTokens();
      const clientA = clientFor(a, zalo);
      const clientB = clientFor(b, zalo);
      const results = await Promise.all(
        users(50, 6000).map((userId, i) =>
          (i % 2 === 0 ? clientA : clientB).sendCsMessage(userId, { text: "Hồ sơ đã có kết quả." }),
        ),
      );
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(zalo.refreshCount).toBe(1);
      expect(zalo.oauthCalls).toBe(1);
      expect(a.refreshCount + b.refreshCount - before).toBe(1);
      await t.db.deleteFrom("zalo_tokens").execute();
    });
  });
});
