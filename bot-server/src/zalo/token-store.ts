/**
 * The OA access token and its refresh token (docs/zalo.md#oa-access-token [SECONDARY]). The refresh token is single-use and
 * rotates, so: ZALO_OA_REFRESH_TOKEN seeds the store only while the database holds no pair; every new pair is written
 * to zalo_tokens BEFORE the new access token is used; a refresh is single-flight (one shared promise in the process,
 * plus a Redis lock `SET key NX PX` when Redis is configured, so several processes refresh once), and the holder
 * re-reads the stored pair under the lock, because another process may have refreshed already.
 */
import { randomUUID } from "node:crypto";
import { createZaloHttp, type ZaloHttp } from "./zalo-http.js";
import type { Redis } from "ioredis";
import type { Kysely } from "kysely";
import type { Clock } from "../clock.js";
import type { Log } from "../log.js";
import type { Database } from "../store/database.js";
import { readZaloTokens, saveZaloTokens } from "../store/zalo-tokens.js";

export interface TokenStoreOptions {
  db: Kysely<Database>;
  oauthBase: string;
  appId: string;
  /** The Zalo App secret key (header `secret_key` of the OAuth call). */
  appSecret: string;
  seedRefreshToken?: string;
  /** Cross-process lock; without it only this process is single-flight. */
  redis?: Redis;
  lockKey?: string;
  clock: Clock;
  log: Log;
  /** The process's one Zalo HTTP client (zalo/zalo-http.ts). */
  http?: ZaloHttp;
  /** Refresh when the access token has less than this left (default 1 hour of its 25). */
  refreshMarginMs?: number;
  /** How long a refresh may hold the lock, and how long others wait for it (default 30 s). */
  lockTtlMs?: number;
  /** Waiters re-read the database this often (default 50 ms). */
  pollMs?: number;
}

export type TokenErrorCode = "not_configured" | "refresh_failed" | "store_failed" | "lock_timeout";

export type TokenResult =
  | { ok: true; accessToken: string }
  | { ok: false; error: { code: TokenErrorCode; message: string; zaloCode?: number } };

export interface TokenStore {
  /** A usable access token, refreshed first when missing or about to expire. */
  getAccessToken(): Promise<TokenResult>;
  /** Zalo refused `rejected` (-216, -220, -124): refresh once for every caller holding it, unless already done. */
  refreshAfterRejection(rejected: string): Promise<TokenResult>;
  /** Refreshes made by this store (OAuth calls that returned a pair). */
  readonly refreshCount: number;
}

interface Pair {
  accessToken: string;
  refreshToken: string;
  expiresAtMs: number;
}

const ROW_ID = "oa";
/**
 * The refresh token is single-use per stored pair, so refreshes are single-flight per database handle, not per
 * store object: the chatbot and the notifications may each build a store over the same handle in one process.
 */
const inflightByDb = new WeakMap<object, Promise<TokenResult>>();
const DEFAULT_LOCK_KEY = "khonghen:zalo:oa-token-refresh";
/** A Redis that is down would keep the lock command (and the reply or notification behind it) waiting for ever. */
const LOCK_COMMAND_WAIT_MS = 2000;
const TIMED_OUT: unique symbol = Symbol("timed out");

async function answerWithin<T>(ms: number, command: Promise<T>): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    const answered: Promise<T | typeof TIMED_OUT> = command.catch(() => TIMED_OUT);
    return await Promise.race([answered, gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}

const RELEASE_LOCK =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export function createTokenStore(options: TokenStoreOptions): TokenStore {
  const { db, clock, log } = options;
  const http = options.http ?? createZaloHttp();
  const margin = options.refreshMarginMs ?? 3_600_000;
  const lockTtl = options.lockTtlMs ?? 30_000;
  const pollMs = options.pollMs ?? 50;
  const lockKey = options.lockKey ?? DEFAULT_LOCK_KEY;
  let cached: Pair | undefined;
  /** A pair Zalo issued that the database did not take: it must be stored before anyone uses it. */
  let unpersisted: Pair | undefined;
  let refreshCount = 0;

  const fresh = (p: Pair | undefined): boolean => p !== undefined && p.expiresAtMs - margin > clock.now().getTime();

  async function load(): Promise<Pair | undefined> {
    const row = await readZaloTokens(db, ROW_ID);
    if (!row) return undefined;
    cached = {
      accessToken: row.accessToken,
      refreshToken: row.refreshToken,
      expiresAtMs: Date.parse(row.accessExpiresAt),
    };
    return cached;
  }

  async function persist(pair: Pair): Promise<boolean> {
    const stored = {
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      accessExpiresAt: new Date(pair.expiresAtMs).toISOString(),
    };
    try {
      await saveZaloTokens(db, ROW_ID, stored, clock.now().toISOString());
      unpersisted = undefined;
      cached = pair;
      return true;
    } catch (e) {
      unpersisted = pair;
      log.error(
        { err: (e as Error).message },
        "Zalo OA tokens could not be stored: retrying before any use; if the process stops now an OA admin must grant access again",
      );
      return false;
    }
  }

  async function callOAuth(
    refreshToken: string,
  ): Promise<{ ok: true; pair: Pair } | { ok: false; message: string; zaloCode?: number }> {
    try {
      const body = new URLSearchParams({
        refresh_token: refreshToken,
        app_id: options.appId,
        grant_type: "refresh_token",
      });
      const res = await http.post(`${options.oauthBase.replace(/\/+$/, "")}/v4/oa/access_token`, body.toString(), {
        headers: { secret_key: options.appSecret, "content-type": "application/x-www-form-urlencoded" },
        validateStatus: () => true,
      });
      const data = (res.data ?? {}) as Record<string, unknown>;
      if (res.status === 200 && typeof data.access_token === "string" && typeof data.refresh_token === "string") {
        const seconds = Number(data.expires_in);
        const lifetime = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 3_600_000;
        return {
          ok: true,
          pair: {
            accessToken: data.access_token,
            refreshToken: data.refresh_token,
            expiresAtMs: clock.now().getTime() + lifetime,
          },
        };
      }
      const zaloCode = typeof data.error === "number" ? data.error : undefined;
      const message =
        typeof data.error_description === "string"
          ? data.error_description
          : typeof data.error_name === "string"
            ? data.error_name
            : `HTTP ${res.status}`;
      return { ok: false, message, ...(zaloCode === undefined ? {} : { zaloCode }) };
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
  }

  /** Under the lock (or alone): re-read, then refresh unless someone else already replaced `stale`. */
  async function refreshHolding(stale: string | undefined): Promise<TokenResult> {
    if (unpersisted && !(await persist(unpersisted))) return storeFailed();
    const current = await load();
    if (current && current.accessToken !== stale && fresh(current))
      return { ok: true, accessToken: current.accessToken };
    const refreshToken = current?.refreshToken ?? options.seedRefreshToken;
    if (!refreshToken)
      return {
        ok: false,
        error: { code: "not_configured", message: "no OA refresh token: set ZALO_OA_REFRESH_TOKEN once" },
      };
    const r = await callOAuth(refreshToken);
    if (!r.ok) {
      log.error(
        { zaloCode: r.zaloCode, reason: r.message },
        "Zalo OA token refresh failed: an OA admin may have to grant access again",
      );
      return {
        ok: false,
        error: {
          code: "refresh_failed",
          message: r.message,
          ...(r.zaloCode === undefined ? {} : { zaloCode: r.zaloCode }),
        },
      };
    }
    refreshCount += 1;
    // The old refresh token is dead from here on: store the new pair before anyone uses the new access token.
    if (!(await persist(r.pair))) return storeFailed();
    log.info("Zalo OA access token refreshed");
    return { ok: true, accessToken: r.pair.accessToken };
  }

  async function refreshLocked(stale: string | undefined): Promise<TokenResult> {
    const redis = options.redis;
    if (!redis) return refreshHolding(stale);
    const owner = randomUUID();
    const deadline = Date.now() + lockTtl;
    for (;;) {
      const taken = await answerWithin(LOCK_COMMAND_WAIT_MS, redis.set(lockKey, owner, "PX", lockTtl, "NX"));
      if (taken === TIMED_OUT)
        return { ok: false, error: { code: "lock_timeout", message: "Redis did not answer the refresh lock" } };
      if (taken === "OK") {
        try {
          return await refreshHolding(stale);
        } finally {
          await redis.eval(RELEASE_LOCK, 1, lockKey, owner).catch(() => undefined);
        }
      }
      // Another process refreshes: wait for its pair to appear in the database.
      const current = await load();
      if (current && current.accessToken !== stale && fresh(current))
        return { ok: true, accessToken: current.accessToken };
      if (Date.now() > deadline)
        return {
          ok: false,
          error: { code: "lock_timeout", message: "another process held the refresh lock too long" },
        };
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  function refresh(stale: string | undefined): Promise<TokenResult> {
    let inflight = inflightByDb.get(db);
    if (!inflight) {
      inflight = refreshLocked(stale).finally(() => inflightByDb.delete(db));
      inflightByDb.set(db, inflight);
    }
    return inflight.then(async (r) => {
      // Another store over this handle refreshed: take its pair from the database.
      if (r.ok && cached?.accessToken !== r.accessToken) await load();
      return r;
    });
  }

  function storeFailed(): TokenResult {
    return { ok: false, error: { code: "store_failed", message: "new OA tokens could not be stored" } };
  }

  return {
    get refreshCount() {
      return refreshCount;
    },
    async getAccessToken() {
      if (inflightByDb.has(db)) return refresh(undefined);
      if (!unpersisted && cached && fresh(cached)) return { ok: true, accessToken: cached.accessToken };
      const current = unpersisted ? undefined : await load();
      if (current && fresh(current)) return { ok: true, accessToken: current.accessToken };
      return refresh(current?.accessToken);
    },
    async refreshAfterRejection(rejected) {
      if (inflightByDb.has(db)) return refresh(rejected);
      if (!unpersisted && cached && cached.accessToken !== rejected && fresh(cached))
        return { ok: true, accessToken: cached.accessToken };
      return refresh(rejected);
    },
  };
}
