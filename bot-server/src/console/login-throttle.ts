/**
 * Sign-in throttling per (user name, client address), the same for existing and unknown names: the first
 * FREE_FAILURES wrong passwords cost nothing, each further one doubles the wait before the next attempt from that
 * address for that name (1 s, 2 s, 4 s … at most MAX_DELAY_SECONDS). No account is ever locked: a flood from one
 * address does not stop the officer signing in from the counter's own computer. OWASP Authentication Cheat Sheet,
 * "Protect Against Automated Attacks" (https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html).
 * State lives in this process (one server per counter office); it is bounded, oldest entries go first.
 */
import { createHash } from "node:crypto";

export const FREE_FAILURES = 3;
export const MAX_DELAY_SECONDS = 15 * 60;
/** Consecutive wrong passwords on one existing account (any address) that raise an alert to the unit admin; again at every multiple. */
export const ALERT_AFTER_FAILURES = 10;
const FORGET_AFTER_MS = 60 * 60_000;
const MAX_ENTRIES = 50_000;

interface Entry {
  failures: number;
  nextAllowedAt: number;
  lastFailureAt: number;
}

export interface LoginThrottle {
  /** Seconds to wait before this name may be tried from this address; 0 when it may be tried now. */
  waitSeconds(username: string, address: string, now: number): number;
  failed(username: string, address: string, now: number): void;
  succeeded(username: string, address: string): void;
}

const keyOf = (username: string, address: string) =>
  createHash("sha256").update(`${username.trim().toLowerCase()}\n${address}`).digest("base64url");

export function delaySecondsAfter(failures: number): number {
  return failures < FREE_FAILURES ? 0 : Math.min(2 ** (failures - FREE_FAILURES), MAX_DELAY_SECONDS);
}

export function createLoginThrottle(): LoginThrottle {
  const entries = new Map<string, Entry>();
  return {
    waitSeconds(username, address, now) {
      const e = entries.get(keyOf(username, address));
      if (!e) return 0;
      if (now - e.lastFailureAt > Math.max(FORGET_AFTER_MS, MAX_DELAY_SECONDS * 1000)) {
        entries.delete(keyOf(username, address));
        return 0;
      }
      return Math.max(0, Math.ceil((e.nextAllowedAt - now) / 1000));
    },
    failed(username, address, now) {
      const key = keyOf(username, address);
      const e = entries.get(key) ?? { failures: 0, nextAllowedAt: 0, lastFailureAt: 0 };
      e.failures += 1;
      e.lastFailureAt = now;
      e.nextAllowedAt = now + delaySecondsAfter(e.failures) * 1000;
      entries.delete(key);
      entries.set(key, e);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    },
    succeeded(username, address) {
      entries.delete(keyOf(username, address));
    },
  };
}
