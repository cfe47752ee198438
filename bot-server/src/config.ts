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
const flag = z.enum(["0", "1"]).default("0").transform((v) => v === "1");

const ConfigSchema = z
  .object({
    NODE_ENV: z.string().default("development"),
    PORT: port.default(3000),
    /** `postgres://…` or `sqlite:<file path>` (`sqlite::memory:` for throwaway runs). */
    DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
    REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, "expected redis://…").optional(),
    /** Base of links and QR codes printed on slips; defaults to http://localhost:PORT. */
    PUBLIC_BASE_URL: url.optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DRAFT_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Requests per minute per IP on public routes; 0 disables (benchmarks only). */
    RATE_LIMIT_PER_MINUTE: nonNegativeInt.default(300),
    /** HMAC key of the status token printed in slip QR codes; generated once and stored when unset. */
    STATUS_TOKEN_SECRET: z.string().min(16, "at least 16 characters").optional(),
    /** Express "trust proxy": false, true, a hop count or addresses ("loopback"); needed for per-IP limits behind a proxy. */
    TRUST_PROXY: z
      .string()
      .default("false")
      .transform((v): boolean | number | string => (v === "true" ? true : v === "false" ? false : /^\d+$/.test(v) ? Number(v) : v)),
    /** "1" enables POST/DELETE /__test/clock so browser tests control time. Never in production. */
    TEST_CLOCK: flag,
    /** Interval of the expired-draft purge job, minutes; 0 disables the timer (tests call the function). */
    PURGE_INTERVAL_MINUTES: nonNegativeInt.default(60),

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

/** Zalo identity verification needs the app secret (appsecret_proof). */
export function zaloGraphConfigured(c: Config): boolean {
  return c.ZALO_APP_SECRET !== undefined;
}
