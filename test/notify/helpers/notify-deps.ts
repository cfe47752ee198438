/**
 * The real dependencies (buildDeps: migrated, seeded, domain loaded) on a test database, configured against the
 * Zalo stand-in, with timings short enough for tests yet safe on a loaded 2-core machine: 2 s Zalo timeout, 5 s send
 * lease (a send in doubt is looked up only after every answer must have come), 20 ms polling, backoff from 30 ms,
 * rate limits far above the burst sizes. `notifyEnv` is also what a worker child process gets.
 */
import { randomBytes } from "node:crypto";
import { buildDeps } from "../../../bot-server/src/build-deps.js";
import type { Clock } from "../../../bot-server/src/clock.js";
import { parseConfig } from "../../../bot-server/src/config.js";
import type { Deps } from "../../../bot-server/src/deps.js";
import { createLog } from "../../../bot-server/src/log.js";
import type { DatabaseHandle } from "../../../bot-server/src/store/connect.js";
import type { ZaloWithConversation } from "./zalo-with-conversation.js";

export const MINIAPP_API_KEY = "test-miniapp-key";

export function randomPrefix(): string {
  return `test-notify-${process.pid}-${randomBytes(4).toString("hex")}`;
}

export function notifyEnv(zalo: ZaloWithConversation, extra: Record<string, string> = {}): Record<string, string> {
  return {
    LOG_LEVEL: "silent",
    PURGE_INTERVAL_MINUTES: "0",
    RATE_LIMIT_PER_MINUTE: "0",
    DATABASE_URL: "sqlite::memory:",
    ZALO_APP_ID: zalo.zalo.appId,
    ZALO_APP_SECRET: zalo.zalo.appSecret,
    ZALO_OA_ID: zalo.zalo.oaId,
    ZALO_OA_REFRESH_TOKEN: zalo.zalo.seedRefreshToken,
    ZALO_MINIAPP_ID: "3000000000000000001",
    ZALO_OPENAPI_BASE: zalo.url,
    ZALO_OAUTH_BASE: zalo.url,
    ZALO_BUSINESS_BASE: zalo.url,
    NOTIFY_MINIAPP_OPENAPI_BASE: zalo.url,
    NOTIFY_MINIAPP_API_KEY: MINIAPP_API_KEY,
    NOTIFY_MINIAPP_TEMPLATE_ID: "00126fd75392bacce383",
    NOTIFY_ZNS_TEMPLATES: "result_ready=7895417a7d3f9461cd2e",
    NOTIFY_QUEUE_PREFIX: randomPrefix(),
    NOTIFY_HTTP_TIMEOUT_MS: "2000",
    NOTIFY_SEND_LEASE_MS: "5000",
    NOTIFY_POLL_MS: "20",
    NOTIFY_BACKOFF_BASE_MS: "30",
    NOTIFY_BACKOFF_MAX_MS: "300",
    NOTIFY_MAX_ATTEMPTS: "40",
    NOTIFY_RATE_LIMIT_PAUSE_MS: "100",
    NOTIFY_REQUEUE_AFTER_MS: "1000",
    NOTIFY_JOB_LOCK_MS: "1500",
    NOTIFY_CONCURRENCY: "20",
    NOTIFY_RATE_OA_CS_PER_MINUTE: "3000000",
    NOTIFY_RATE_MINIAPP_PER_MINUTE: "3000000",
    NOTIFY_RATE_ZNS_PER_MINUTE: "3000000",
    // Suites that do not test Zalo's Mini App sending hours must not depend on the time of day they run at.
    NOTIFY_MINIAPP_HOURS: "00:00-24:00",
    ...extra,
  };
}

export async function buildNotifyDeps(
  database: DatabaseHandle,
  env: Record<string, string>,
  clock?: Clock,
): Promise<Deps> {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(`test config: ${parsed.errors.join("; ")}`);
  return buildDeps(parsed.config, createLog("silent"), {
    database: { ...database, close: async () => {} },
    printOnce: () => {},
    ...(clock ? { clock } : {}),
  });
}
