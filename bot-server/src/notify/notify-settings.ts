/** The notification module's settings, read once from the NOTIFY_* configuration keys (config.ts). */
import { NOTIFY_CHANNELS, isNotifyChannel, type NotifyChannel } from "../../../shared/notify/channels.js";
import { isNotifyKind, type NotifyKind } from "../../../shared/notify/notification-kinds.js";
import { MINIAPP_LIMITS, parseHours, type Hours } from "../../../shared/notify/miniapp-rules.js";
import type { BackoffPolicy } from "../../../shared/notify/send-schedule.js";
import type { Config } from "../config.js";

export interface RateLimit {
  max: number;
  durationMs: number;
}

export interface NotifySettings {
  /** Channels in use, in order of preference. */
  channels: readonly NotifyChannel[];
  maxAttempts: number;
  backoff: BackoffPolicy;
  /** After -32 / HTTP 429: how long the channel pauses. */
  rateLimitBackoff: BackoffPolicy;
  /** A "sending" record older than this lost its worker and is resolved before any resend. */
  sendLeaseMs: number;
  nightResumeAt: string;
  znsTemplates: Partial<Record<NotifyKind, string>>;
  miniAppTemplateId?: string;
  /** Mini App notification rules: sending hours (local) and the app's daily quota. */
  miniAppHours: Hours;
  miniAppDailyCap: number;
  /** Per channel, across every worker sharing the Redis. */
  rates: Record<NotifyChannel, RateLimit>;
  concurrency: number;
  pollMs: number;
  requeueAfterMs: number;
  jobLockMs: number;
  queuePrefix: string;
  httpTimeoutMs: number;
}

export function notifySettingsFrom(config: Config): NotifySettings {
  return {
    channels: parseChannels(config.NOTIFY_CHANNELS),
    maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
    backoff: { baseMs: config.NOTIFY_BACKOFF_BASE_MS, maxMs: config.NOTIFY_BACKOFF_MAX_MS },
    rateLimitBackoff: { baseMs: config.NOTIFY_RATE_LIMIT_PAUSE_MS, maxMs: config.NOTIFY_RATE_LIMIT_PAUSE_MS },
    sendLeaseMs: config.NOTIFY_SEND_LEASE_MS,
    nightResumeAt: config.NOTIFY_NIGHT_RESUME_AT,
    znsTemplates: parseZnsTemplates(config.NOTIFY_ZNS_TEMPLATES),
    ...(config.NOTIFY_MINIAPP_TEMPLATE_ID ? { miniAppTemplateId: config.NOTIFY_MINIAPP_TEMPLATE_ID } : {}),
    miniAppHours: parseHours(config.NOTIFY_MINIAPP_HOURS) ?? MINIAPP_LIMITS.hours,
    miniAppDailyCap: config.NOTIFY_MINIAPP_DAILY_CAP,
    rates: {
      oa_cs: perSecond(config.NOTIFY_RATE_OA_CS_PER_MINUTE),
      miniapp: perSecond(config.NOTIFY_RATE_MINIAPP_PER_MINUTE),
      zns: perSecond(config.NOTIFY_RATE_ZNS_PER_MINUTE),
    },
    concurrency: config.NOTIFY_CONCURRENCY,
    pollMs: config.NOTIFY_POLL_MS,
    requeueAfterMs: config.NOTIFY_REQUEUE_AFTER_MS,
    jobLockMs: config.NOTIFY_JOB_LOCK_MS,
    queuePrefix: config.NOTIFY_QUEUE_PREFIX,
    httpTimeoutMs: config.NOTIFY_HTTP_TIMEOUT_MS,
  };
}

/** A per-minute quota spread over seconds, so a full minute's quota never leaves in one burst. */
function perSecond(perMinute: number): RateLimit {
  return { max: Math.max(1, Math.ceil(perMinute / 60)), durationMs: 1000 };
}

function parseChannels(list: string): NotifyChannel[] {
  const chosen = list
    .split(",")
    .map((s) => s.trim())
    .filter(isNotifyChannel);
  return NOTIFY_CHANNELS.filter((c) => chosen.includes(c));
}

/** "result_ready=7895417a7d3f9461cd2e,receipt_issued=…" */
export function parseZnsTemplates(list: string): Partial<Record<NotifyKind, string>> {
  const out: Partial<Record<NotifyKind, string>> = {};
  for (const pair of list.split(",")) {
    const [kind, id] = pair.split("=").map((s) => s.trim());
    if (kind && id && isNotifyKind(kind)) out[kind] = id;
  }
  return out;
}
