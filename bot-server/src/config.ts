/**
 * Configuration: the only module that reads process.env. Parsed once at start with zod; a bad value stops
 * the process with a message naming the variable. Every key documents itself (README lists the same table).
 */
import { z } from "zod";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl, type DatabaseConfig } from "./store/connect.js";

const port = z.coerce.number().int().min(0).max(65535);
const nonNegativeInt = z.coerce.number().int().min(0);
const url = z.string().url();
const optionalText = z.string().trim().min(1).optional();
const flag = z
  .enum(["0", "1"])
  .default("0")
  .transform((v) => v === "1");

const ConfigSchema = z
  .object({
    NODE_ENV: z.string().default("development"),
    PORT: port.default(3000),
    /** `postgres://…` or `sqlite:<file path>` (`sqlite::memory:` for throwaway runs). */
    DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/.+/, "expected redis://…")
      .optional(),
    /** Base of links and QR codes printed on slips; defaults to http://localhost:PORT. */
    PUBLIC_BASE_URL: url.optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DRAFT_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Requests per minute per IP on public routes; 0 disables (benchmarks only). */
    RATE_LIMIT_PER_MINUTE: nonNegativeInt.default(300),
    STATUS_CACHE_MS: nonNegativeInt.max(60_000).default(1000),
    /** How often an instance looks for another instance's administration change (units, plans, calendar…); 0 = never. */
    DOMAIN_REFRESH_MS: nonNegativeInt.max(600_000).default(5000),
    METRICS_TOKEN: z
      .string()
      .min(16, "METRICS_TOKEN phải dài ít nhất 16 ký tự / must be at least 16 characters")
      .optional(),
    /** HMAC key of the status token printed in slip QR codes; generated once and stored when unset. */
    STATUS_TOKEN_SECRET: z.string().min(16, "at least 16 characters").optional(),
    /** Express "trust proxy": false, true, a hop count or addresses ("loopback"); needed for per-IP limits behind a proxy. */
    TRUST_PROXY: z
      .string()
      .default("false")
      .transform((v): boolean | number | string =>
        v === "true" ? true : v === "false" ? false : /^\d+$/.test(v) ? Number(v) : v,
      ),
    /** "1" enables POST/DELETE /__test/clock so browser tests control time. Never in production. */
    TEST_CLOCK: flag,
    /** A console session without officer activity for this long ends (besides its 12 h absolute end); decimals allowed (tests). */
    CONSOLE_IDLE_MINUTES: z.coerce.number().positive().max(720).default(30),
    /** Interval of the expired-draft purge job, minutes; 0 disables the timer (tests call the function). */
    PURGE_INTERVAL_MINUTES: nonNegativeInt.default(60),

    /**
     * Origins allowed to call the citizen API from a browser (CORS), comma-separated. Inside Zalo the Mini App runs
     * at https://h5.zdn.vn, so every /api call is cross-origin (http/cors.ts).
     * Exact origins only: "*" is refused (the API is called with identity headers).
     */
    CORS_ORIGINS: z
      .string()
      .default("https://h5.zdn.vn")
      .transform((v, ctx) => {
        const origins = v
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== "");
        for (const o of origins) {
          if (!isOrigin(o)) {
            ctx.addIssue({
              code: "custom",
              message: `"${o}" is not an origin (scheme://host[:port], no "*", no path)`,
            });
            return z.NEVER;
          }
        }
        return origins;
      }),
    ZALO_APP_ID: optionalText,
    ZALO_APP_SECRET: optionalText,
    ZALO_OA_ID: optionalText,
    /** Key of the webhook signature (X-ZEvent-Signature); distinct from the app secret. */
    ZALO_OA_SECRET_KEY: optionalText,
    /** Seeds the OA token store once; rotated tokens then live in the database. */
    ZALO_OA_REFRESH_TOKEN: optionalText,
    ZALO_MINIAPP_ID: optionalText,
    ZALO_OPENAPI_BASE: url.default("https://openapi.zalo.me"),
    ZALO_OAUTH_BASE: url.default("https://oauth.zaloapp.com"),
    ZALO_GRAPH_BASE: url.default("https://graph.zalo.me"),
    ZALO_BUSINESS_BASE: url.default("https://business.openapi.zalo.me"),
    /** Webhook events older than this are replays (Zalo retries for an hour or more). */
    ZALO_WEBHOOK_MAX_AGE_HOURS: z.coerce.number().positive().max(72).default(6),
    /** Zalo domain verification, "<file name>:<content>" (e.g. "zalo_verifierABC.html:<meta …>"). */
    ZALO_DOMAIN_VERIFICATION: z
      .string()
      .regex(/^[\w.-]+:.+$/s, "expected <file name>:<content>")
      .optional(),

    // --- Notifications (owned by the notification module; keys are added below this line) ---
    /** BullMQ key prefix in Redis: one per deployment sharing a Redis. */
    NOTIFY_QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, _ and - only")
      .default("khonghen"),
    /** With REDIS_URL: "1" also runs the channel workers in this process; "0" leaves sending to `npm run worker`. */
    NOTIFY_WORKERS: z
      .enum(["0", "1"])
      .default("1")
      .transform((v) => v === "1"),
    /** Channels in use, in order of preference (docs/zalo.md#channel-choice). */
    NOTIFY_CHANNELS: z
      .string()
      .regex(/^(oa_cs|miniapp|zns)(,(oa_cs|miniapp|zns))*$/, "comma-separated oa_cs, miniapp, zns")
      .default("oa_cs,miniapp,zns"),
    /** Sends in flight per channel per process. */
    NOTIFY_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
    /** Per channel across all workers. OA API: 4,000 requests/min per app (docs/zalo.md#sending-apis); a quarter is left for chatbot replies. */
    NOTIFY_RATE_OA_CS_PER_MINUTE: z.coerce.number().int().positive().default(3000),
    /** No documented per-minute quota for Mini App notifications or ZNS (daily quotas answer -144): cần kiểm tra. */
    NOTIFY_RATE_MINIAPP_PER_MINUTE: z.coerce.number().int().positive().default(1000),
    NOTIFY_RATE_ZNS_PER_MINUTE: z.coerce.number().int().positive().default(1000),
    /** How long a channel pauses after Zalo answers -32 (per-minute limit reached). */
    NOTIFY_RATE_LIMIT_PAUSE_MS: z.coerce.number().int().positive().default(15_000),
    /** Failed sends (network, 5xx, token) before a notification becomes a dead letter. */
    NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    /** Retry n waits about BASE·2^(n−1) with jitter, at most MAX. */
    NOTIFY_BACKOFF_BASE_MS: z.coerce.number().int().positive().default(5_000),
    NOTIFY_BACKOFF_MAX_MS: z.coerce.number().int().positive().default(900_000),
    /** Timeout of one Zalo call. */
    NOTIFY_HTTP_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    /** A send with no recorded outcome after this long lost its worker; it is checked with Zalo before any resend. */
    NOTIFY_SEND_LEASE_MS: z.coerce.number().int().positive().default(60_000),
    /** How often the relay (Redis) or the dispatcher (embedded) reads the outbox. */
    NOTIFY_POLL_MS: z.coerce.number().int().min(10).default(100),
    /** Queued rows whose job is missing from Redis after this long (Redis lost it) are queued again. */
    NOTIFY_REQUEUE_AFTER_MS: z.coerce.number().int().positive().default(120_000),
    /** BullMQ job lock: a killed worker's jobs return to the queue after about this long. */
    NOTIFY_JOB_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
    /** ZNS sends blocked by the night window (-133, 22:00–06:00) resume at this local time. */
    NOTIFY_NIGHT_RESUME_AT: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:mm")
      .default("06:05"),
    /** ZNS/ZBS template id per kind, "result_ready=<id>,receipt_issued=<id>"; a kind without one is not sent by ZNS. */
    NOTIFY_ZNS_TEMPLATES: z.string().default(""),
    /** Mini App notification (docs/zalo.md#mini-app-notification): Open API key with scope apps.send.notification, template id, API host. */
    NOTIFY_MINIAPP_API_KEY: optionalText,
    NOTIFY_MINIAPP_TEMPLATE_ID: optionalText,
    NOTIFY_MINIAPP_OPENAPI_BASE: url.default("https://openapi.mini.zalo.me"),
    /** Mini App notifications go out only in these local hours (Zalo: 06:00–22:00); a send outside waits for them. */
    NOTIFY_MINIAPP_HOURS: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, "HH:mm-HH:mm")
      .default("06:00-22:00"),
    /** Mini App notifications per day for the whole app (Zalo: about 1,000); beyond it sends wait for the next day. */
    NOTIFY_MINIAPP_DAILY_CAP: z.coerce.number().int().positive().default(1000),
  })
  .transform((c, ctx) => {
    const db = parseDatabaseUrl(c.DATABASE_URL);
    if (!db.ok) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: db.error.messageEn });
      return z.NEVER;
    }
    const database: DatabaseConfig = db.config;
    return { ...c, database, PUBLIC_BASE_URL: (c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, "") };
  });

export type Config = z.output<typeof ConfigSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Empty strings count as unset, so `FOO= npm start` behaves like no FOO. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== "") cleaned[k] = v;
  const r = ConfigSchema.safeParse(cleaned);
  if (r.success) return { ok: true, config: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${i.path.join(".") || "(config)"}: ${i.message}`) };
}

/** For main.ts: parse process.env or print what is wrong and exit non-zero. */
export function loadConfigOrExit(): Config {
  const r = parseConfig(process.env);
  if (r.ok) return r.config;
  process.stderr.write(`Invalid configuration:\n${r.errors.map((e) => `  - ${e}`).join("\n")}\n`);
  process.exit(2);
}

/** "https://h5.zdn.vn", "http://127.0.0.1:5173": what a browser sends as Origin; never "*" or a path. */
function isOrigin(s: string): boolean {
  if (!/^https?:\/\/[^/*\s]+$/.test(s)) return false;
  try {
    return new URL(s).origin === s;
  } catch {
    return false;
  }
}

/** Zalo identity verification needs the app secret (appsecret_proof). */
export function zaloGraphConfigured(c: Config): boolean {
  return c.ZALO_APP_SECRET !== undefined;
}
