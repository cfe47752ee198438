/**
 * Everything Zalo, built once per set of Deps from configuration: webhook keys (absent → the webhook answers 503),
 * the OA token store and sending client (shared with the notifications: take them from `zaloRuntimeFor(deps)`),
 * the chatbot and the queue its events wait in. Opens Redis connections only when first needed; `close()` ends them.
 */
import { Redis, type RedisOptions } from "ioredis";
import { createUnderstand } from "../../../shared/chatbot/understand.js";
import type { Deps } from "../deps.js";
import { lookupDossierStatus } from "../use-cases/dossier-status.js";
import { cachedArea, handleZaloEvent, purgeOldEvents, type ChatbotEnv, type HandleOutcome } from "./chatbot.js";
import { createChatReplies } from "./chat-replies.js";
import { createBullmqQueue, createInProcessQueue, type EventQueue } from "./event-queue.js";
import type { ZaloEvent } from "./events.js";
import { createOaClient, type OaClient } from "./oa-client.js";
import type { SignatureKeys } from "./signature.js";
import { createTokenStore, type TokenStore } from "./token-store.js";

export interface ZaloRuntime {
  /** Absent when ZALO_APP_ID or ZALO_OA_SECRET_KEY is missing: the webhook answers 503. */
  webhookKeys?: SignatureKeys;
  /** Absent when ZALO_APP_ID or ZALO_APP_SECRET is missing: nothing can be sent. */
  tokens?: TokenStore;
  oa?: OaClient;
  queue: EventQueue;
  /** Events older than this are replays. */
  maxAgeMs: number;
  /** The chatbot's processing of one event (what the queue runs). */
  handle(event: ZaloEvent): Promise<HandleOutcome>;
  close(): Promise<void>;
}

export interface ZaloRuntimeOptions {
  /** "in-process" even when REDIS_URL is set (benchmarks, tests). */
  queue?: "in-process" | "bullmq";
  /** BullMQ key prefix and lock key namespace; default NOTIFY_QUEUE_PREFIX (one per deployment sharing a Redis). */
  redisPrefix?: string;
  /** Run the BullMQ worker in this process (default true). */
  worker?: boolean;
  /** Passed to the OA client (tests: no backoff sleeps). */
  retryDelayMs?: number;
}

const PURGE_EVERY_MS = 6 * 3_600_000;

/** ioredis options from redis://[user:password@]host:port[/db] (rediss:// for TLS). */
export function redisOptions(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    ...(u.protocol === "rediss:" ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

export function createZaloRuntime(deps: Deps, options: ZaloRuntimeOptions = {}): ZaloRuntime {
  const c = deps.config;
  const log = deps.log.child({ module: "zalo" });
  const prefix = options.redisPrefix ?? c.NOTIFY_QUEUE_PREFIX;
  const useRedis = c.REDIS_URL !== undefined && options.queue !== "in-process";
  // lazyConnect: no socket until a refresh needs the lock.
  const lockRedis = c.REDIS_URL ? new Redis({ ...redisOptions(c.REDIS_URL), lazyConnect: true }) : undefined;
  lockRedis?.on("error", (e) => log.warn({ err: e.message }, "Redis (Zalo token lock) error"));

  const webhookKeys: SignatureKeys | undefined = c.ZALO_APP_ID && c.ZALO_OA_SECRET_KEY
    ? { appId: c.ZALO_APP_ID, oaSecretKey: c.ZALO_OA_SECRET_KEY, ...(c.ZALO_OA_ID ? { oaId: c.ZALO_OA_ID } : {}) }
    : undefined;
  const tokens = c.ZALO_APP_ID && c.ZALO_APP_SECRET
    ? createTokenStore({
      db: deps.db, oauthBase: c.ZALO_OAUTH_BASE, appId: c.ZALO_APP_ID, appSecret: c.ZALO_APP_SECRET, clock: deps.clock, log,
      ...(c.ZALO_OA_REFRESH_TOKEN ? { seedRefreshToken: c.ZALO_OA_REFRESH_TOKEN } : {}),
      // The default lock key: every process of the deployment (chatbot, notifications, workers) takes the same lock.
      ...(lockRedis ? { redis: lockRedis } : {}),
    })
    : undefined;
  const oa = tokens
    ? createOaClient({
      openapiBase: c.ZALO_OPENAPI_BASE, businessBase: c.ZALO_BUSINESS_BASE, tokens, log,
      ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
    })
    : undefined;

  const understand = createUnderstand({ units: deps.domain.units, catalog: deps.domain.catalog });
  const env: ChatbotEnv = {
    db: deps.db, domain: deps.domain, clock: deps.clock, log, understand,
    links: { publicBaseUrl: c.PUBLIC_BASE_URL, ...(c.ZALO_MINIAPP_ID ? { miniAppId: c.ZALO_MINIAPP_ID } : {}) },
    ...(tokens ? { replies: createChatReplies(deps, tokens, log) } : {}),
    area: cachedArea(deps.db, deps.clock),
    async lookupDossier(code) {
      // The chatbot names the procedure, never the missing documents.
      const r = await lookupDossierStatus(deps, code, { full: true });
      if (!r.ok) return null;
      const s = r.status;
      return { code: s.code, procedureName: s.procedure?.name ?? "", state: s.state, stateLabel: s.stateLabel, dueDate: s.dueDate };
    },
  };
  const handle = (event: ZaloEvent) => handleZaloEvent(env, event);
  const queue = useRedis
    ? createBullmqQueue(handle, log, {
      connection: { url: c.REDIS_URL!, maxRetriesPerRequest: null }, prefix, worker: options.worker ?? true,
      eager: webhookKeys !== undefined && (options.worker ?? true),
    })
    : createInProcessQueue(handle, log);

  const purge = setInterval(() => {
    purgeOldEvents(env).catch((e: unknown) => log.warn({ err: (e as Error).message }, "webhook dedupe purge failed"));
  }, PURGE_EVERY_MS);
  purge.unref();

  return {
    ...(webhookKeys ? { webhookKeys } : {}),
    ...(tokens ? { tokens } : {}),
    ...(oa ? { oa } : {}),
    queue,
    maxAgeMs: c.ZALO_WEBHOOK_MAX_AGE_HOURS * 3_600_000,
    handle,
    async close() {
      clearInterval(purge);
      await queue.close();
      // quit() would wait for a Redis that is down: drop the socket instead.
      if (lockRedis) await (lockRedis.status === "ready" ? lockRedis.quit().catch(() => lockRedis.disconnect()) : lockRedis.disconnect());
    },
  };
}

const runtimes = new WeakMap<Deps, ZaloRuntime>();

/** The one runtime of these Deps (the webhook and the notifications share its token store and client). */
export function zaloRuntimeFor(deps: Deps): ZaloRuntime {
  let r = runtimes.get(deps);
  if (!r) runtimes.set(deps, (r = createZaloRuntime(deps)));
  return r;
}

/** Use this runtime for these Deps (a process that builds its own, e.g. without the in-process worker). */
export function registerZaloRuntime(deps: Deps, runtime: ZaloRuntime): void {
  runtimes.set(deps, runtime);
}

/** For shutdown: closes the runtime of these Deps if one was created. */
export async function closeZaloRuntime(deps: Deps): Promise<void> {
  const r = runtimes.get(deps);
  runtimes.delete(deps);
  await r?.close();
}
