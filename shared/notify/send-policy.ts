/**
 * What the notification sender does after a failed Zalo call, per error kind of the shared code table
 * (shared/data/zalo-errors.ts, docs/zalo.md#channel-choice, #error-codes): permanent for this recipient on this channel → next channel;
 * -32 → pause the channel; night window → 06:05 Asia/Ho_Chi_Minh; daily quota → next morning; network errors,
 * timeouts, 5xx → bounded retry with exponential backoff and jitter. Token errors reach here only when the one
 * single-flight refresh and retry (in the OA client) did not help: they are retried like any transient failure.
 */
import type { ZaloErrorKind } from "../data/zalo-errors.js";

export type SendAction = "rate_limited" | "next_channel" | "night_window" | "next_day" | "retry";

export const SEND_ACTION_BY_KIND: Readonly<Record<ZaloErrorKind, SendAction>> = {
  token_expired: "retry",
  rate_limited: "rate_limited",
  permanent_for_channel: "next_channel",
  night_window: "night_window",
  daily_limit: "next_day",
  transient: "retry",
  // An administrator must act (template, API not enabled…): another channel may still reach the applicant.
  configuration: "next_channel",
  // Zalo refused this request on this channel (content, parameters): retrying it cannot help.
  invalid_request: "next_channel",
};

export function sendActionFor(kind: ZaloErrorKind): SendAction {
  return SEND_ACTION_BY_KIND[kind];
}
