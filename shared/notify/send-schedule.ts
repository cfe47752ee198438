/** When to try again: bounded exponential backoff with jitter, and the next 06:05 in Việt Nam for night-blocked sends. */
import { VN_OFFSET_MINUTES } from "../time/vn-time.js";

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Delay before retry number `attempt` (1 = first retry): base·2^(attempt−1), capped, then "equal jitter"
 * (half fixed, half random) so a burst of failures does not retry in lockstep.
 */
export function retryDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

const DAY_MS = 86_400_000;

/** The next instant at local time `hhmm` (default 06:05) in Asia/Ho_Chi_Minh strictly after `nowMs`. */
export function nextLocalTimeMs(nowMs: number, hhmm = "06:05"): number {
  const [h, m] = hhmm.split(":").map(Number);
  const offsetMs = VN_OFFSET_MINUTES * 60_000;
  const localMidnight = Math.floor((nowMs + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
  let at = localMidnight + ((h ?? 6) * 60 + (m ?? 5)) * 60_000;
  while (at <= nowMs) at += DAY_MS;
  return at;
}
