/**
 * Everything Zalo, built once by the composition root (build-deps.ts) and carried as `deps.zalo`: webhook keys
 * (absent → the webhook answers 503), the OA token store, the one sending client (shared by the chatbot's replies and
 * the notifications), the chatbot and the queue its events wait in. The Redis lock connection opens when first
 * needed; `close()` ends every connection (once, however often it is called).
 */
import { Redis, type RedisOptions } from "ioredis";
import type { Understand } from "../../../shared/chatbot/understand.js";
import { understandOf } from "../domain.js";
import type { Deps } from "../deps.js";
import { createNotifyZalo, type NotifyZalo } from "../notify/notify-zalo.js";
import { notifySettingsFrom } from "../notify/notify-settings.js";
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
  /**
   * The one OA client (one attempt per call: retries and backoff belong to the outbox and its queue). Without
   * ZALO_APP_ID/ZALO_APP_SECRET its OA calls answer "configuration" and only the Mini App channel can send.
   */
  oa: OaClient;
  /** The sending channels over `oa`, as the chatbot's replies and the notifications use them. */
  sender: NotifyZalo;
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

/** Built by buildDeps before `deps` is complete: the runtime is the part of Deps it completes. */
export function createZaloRuntime(deps: Omit<Deps, "zalo">, options: ZaloRuntimeOptions = {}): ZaloRuntime {
  const c = deps.config;
  const log = deps.log.child({ module: "zalo" });
  const prefix = options.redisPrefix ?? c.NOTIFY_QUEUE_PREFIX;
  const useRedis = c.REDIS_URL !== undefined && options.queue !== "in-process";
  // lazyConnect: no socket until a refresh needs the lock.
  const lockRedis = c.REDIS_URL ? new Redis({ ...redisOptions(c.REDIS_URL), lazyConnect: true }) : undefined;
  lockRedis?.on("error", (e) => log.warn({ err: e.message }, "Redis (Zalo token lock) error"));

  const webhookKeys: SignatureKeys | undefined =
    c.ZALO_APP_ID && c.ZALO_OA_SECRET_KEY
      ? { appId: c.ZALO_APP_ID, oaSecretKey: c.ZALO_OA_SECRET_KEY, ...(c.ZALO_OA_ID ? { oaId: c.ZALO_OA_ID } : {}) }
      : undefined;
  const tokens =
    c.ZALO_APP_ID && c.ZALO_APP_SECRET
      ? createTokenStore({
          db: deps.db,
          oauthBase: c.ZALO_OAUTH_BASE,
          appId: c.ZALO_APP_ID,
          appSecret: c.ZALO_APP_SECRET,
          clock: deps.clock,
          log,
          http: deps.zaloHttp,
          ...(c.ZALO_OA_REFRESH_TOKEN ? { seedRefreshToken: c.ZALO_OA_REFRESH_TOKEN } : {}),
          // The default lock key: every process of the deployment (chatbot, notifications, workers) takes the same lock.
          ...(lockRedis ? { redis: lockRedis } : {}),
        })
      : undefined;
  const settings = notifySettingsFrom(c);
  const oaTokens = tokens ?? NO_OA_TOKENS;
  const oa = createOaClient({
    openapiBase: c.ZALO_OPENAPI_BASE,
    businessBase: c.ZALO_BUSINESS_BASE,
    miniAppOpenapiBase: c.NOTIFY_MINIAPP_OPENAPI_BASE,
    tokens: oaTokens,
    log,
    http: deps.zaloHttp,
    timeoutMs: settings.httpTimeoutMs,
    maxAttempts: 1,
  });
  const hasMiniApp = c.NOTIFY_MINIAPP_API_KEY !== undefined && c.ZALO_MINIAPP_ID !== undefined;
  const sender = createNotifyZalo({
    client: oa,
    tokens: oaTokens,
    openapiBase: c.ZALO_OPENAPI_BASE,
    http: deps.zaloHttp,
    timeoutMs: settings.httpTimeoutMs,
    ...(hasMiniApp ? { miniApp: { apiKey: c.NOTIFY_MINIAPP_API_KEY!, miniAppId: c.ZALO_MINIAPP_ID! } } : {}),
  });

  const understand: Understand = (text) => understandOf(deps.domain)(text);
  const env: ChatbotEnv = {
    db: deps.db,
    domain: deps.domain,
    clock: deps.clock,
    log,
    understand,
    links: { publicBaseUrl: c.PUBLIC_BASE_URL, ...(c.ZALO_MINIAPP_ID ? { miniAppId: c.ZALO_MINIAPP_ID } : {}) },
    ...(tokens ? { replies: createChatReplies(deps, sender, log) } : {}),
    area: cachedArea(deps.db, deps.clock),
    async lookupDossier(code) {
      // The chatbot names the procedure, never the missing documents.
      // The whole of Deps: this runtime (defined below) included.
      const r = await lookupDossierStatus({ ...deps, zalo: runtime }, code, { full: true });
      if (!r.ok) return null;
      const s = r.status;
      return {
        code: s.code,
        procedureName: s.procedure?.name ?? "",
        state: s.state,
        stateLabel: s.stateLabel,
        dueDate: s.dueDate,
      };
    },
  };
  const handle = (event: ZaloEvent) => handleZaloEvent(env, event);
  const queue = useRedis
    ? createBullmqQueue(handle, log, {
        connection: { url: c.REDIS_URL!, maxRetriesPerRequest: null },
        prefix,
        worker: options.worker ?? true,
        eager: webhookKeys !== undefined && (options.worker ?? true),
      })
    : createInProcessQueue(handle, log);

  const purge = setInterval(() => {
    purgeOldEvents(env).catch((e: unknown) => log.warn({ err: (e as Error).message }, "webhook dedupe purge failed"));
  }, PURGE_EVERY_MS);
  purge.unref();

  let closing: Promise<void> | undefined;
  const runtime: ZaloRuntime = {
    ...(webhookKeys ? { webhookKeys } : {}),
    ...(tokens ? { tokens } : {}),
    oa,
    sender,
    queue,
    maxAgeMs: c.ZALO_WEBHOOK_MAX_AGE_HOURS * 3_600_000,
    handle,
    close() {
      closing ??= (async () => {
        clearInterval(purge);
        await queue.close();
        // quit() would wait for a Redis that is down: drop the socket instead.
        if (lockRedis)
          await (lockRedis.status === "ready"
            ? lockRedis.quit().catch(() => lockRedis.disconnect())
            : lockRedis.disconnect());
      })();
      return closing;
    },
  };
  return runtime;
}

/** Without ZALO_APP_ID/ZALO_APP_SECRET: OA channels answer "configuration" and the mini-app channel is tried. */
const NO_OA_TOKENS: TokenStore = {
  getAccessToken: async () => ({
    ok: false,
    error: { code: "not_configured", message: "ZALO_APP_ID and ZALO_APP_SECRET are not set" },
  }),
  refreshAfterRejection: async () => ({
    ok: false,
    error: { code: "not_configured", message: "ZALO_APP_ID and ZALO_APP_SECRET are not set" },
  }),
  refreshCount: 0,
};
