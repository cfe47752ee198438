/**
 * Which Zalo channel may carry a notification to an applicant, in the order docs/zalo.md#channel-choice recommends
 * [INFERRED]: OA customer-service message inside the 7-day interaction window (docs/zalo.md#customer-service-message), else the Mini App
 * notification after opt-in (docs/zalo.md#mini-app-notification), else ZNS/ZBS by phone with consent (docs/zalo.md#zns-and-zbs-template-messages). Rules are rows, not branches.
 */
import { MINIAPP_LIMITS } from "./miniapp-rules.js";

export const NOTIFY_CHANNELS = ["oa_cs", "miniapp", "zns"] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];
/**
 * Not a citizen channel: signed webhooks of dossier events to the province's TTHC information system travel the same
 * outbox, queue and delivery records under this channel (and the outbox kind of the same name).
 */
export const WEBHOOK_CHANNEL = "tthc_webhook";
export const WEBHOOK_KIND = "tthc_webhook";
/** A delivery record's channel: a citizen channel or the province system's webhook. */
export type DeliveryChannel = NotifyChannel | typeof WEBHOOK_CHANNEL;
export const QUEUE_CHANNELS: readonly DeliveryChannel[] = [...NOTIFY_CHANNELS, WEBHOOK_CHANNEL];

/** What we hold about the recipient; instants are ISO-8601 strings, absent when unknown. */
export interface RecipientFacts {
  oaUserId?: string;
  oaLastInteractionAt?: string;
  zaloUserId?: string;
  notifyOptInAt?: string;
  /** Last time the citizen used the Mini App inside Zalo (its notifications need one in the last 7 days). */
  miniAppOpenedAt?: string;
  phone?: string;
  phoneConsentAt?: string;
  /** Officers (leader alerts): no known interaction time, Zalo itself answers -230 when out of window. */
  interactionUnknown?: boolean;
}

export interface ChannelRule {
  channel: NotifyChannel;
  /** Whether this channel can reach the recipient at `nowMs`. */
  reaches(facts: RecipientFacts, nowMs: number): boolean;
  source: string;
}

/** CS messages need an interaction within 7 days, else error -230 (docs/zalo.md#customer-service-message) [SECONDARY]. */
export const CS_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

function within(iso: string | undefined, nowMs: number, days: number): boolean {
  if (!iso) return false;
  const t = Date.parse(iso);
  return Number.isFinite(t) && t <= nowMs + 60_000 && nowMs - t < days * DAY_MS;
}

export const CHANNEL_RULES: readonly ChannelRule[] = [
  {
    channel: "oa_cs",
    reaches: (f, now) =>
      !!f.oaUserId && (f.interactionUnknown === true || within(f.oaLastInteractionAt, now, CS_WINDOW_DAYS)),
    source: "docs/zalo.md#customer-service-message, #channel-choice [SECONDARY]",
  },
  {
    channel: "miniapp",
    reaches: (f, now) =>
      !!f.zaloUserId && !!f.notifyOptInAt && within(f.miniAppOpenedAt, now, MINIAPP_LIMITS.activeWithinDays),
    source: MINIAPP_LIMITS.source,
  },
  {
    channel: "zns",
    reaches: (f) => !!f.phone && !!f.phoneConsentAt,
    source: "docs/zalo.md#zns-and-zbs-template-messages, #channel-choice [SECONDARY]",
  },
];

/** Channels that may reach the recipient now, best first; `enabled` drops channels not configured here. */
export function chooseChannels(
  facts: RecipientFacts,
  nowMs: number,
  enabled: readonly NotifyChannel[] = NOTIFY_CHANNELS,
  rules: readonly ChannelRule[] = CHANNEL_RULES,
): NotifyChannel[] {
  return rules.filter((r) => enabled.includes(r.channel) && r.reaches(facts, nowMs)).map((r) => r.channel);
}

export function isNotifyChannel(s: string): s is NotifyChannel {
  return (NOTIFY_CHANNELS as readonly string[]).includes(s);
}
