/**
 * Recent public status answers, by dossier code. The public status is the same for every caller, is read far
 * more often than it changes (a slip's QR scanned again, a citizen refreshing /tra-cuu, the chatbot asked twice),
 * and its lookup costs a database read per call. An answer is kept for STATUS_CACHE_MS (default 1 s) and forgotten
 * at once when this process changes the dossier's state; another process's change (a second app instance) shows
 * within that time. Only found dossiers are kept: a code that does not exist yet is looked up every time.
 */
import type { DossierStatus } from "../../../shared/api/dossiers.js";
import { TtlCache } from "../ttl-cache.js";

export interface StatusCache {
  get(code: string): DossierStatus | undefined;
  set(code: string, status: DossierStatus): void;
  forget(code: string): void;
}

export interface StatusCacheOptions {
  ttlMs: number;
  /** Oldest entries go first beyond this many (memory stays bounded whatever is looked up). */
  maxEntries?: number;
  /** Monotonic milliseconds. */
  now?: () => number;
}

const OFF: StatusCache = { get: () => undefined, set: () => {}, forget: () => {} };

export function createStatusCache({
  ttlMs,
  maxEntries = 10_000,
  now = () => performance.now(),
}: StatusCacheOptions): StatusCache {
  if (ttlMs <= 0) return OFF;
  const cache = new TtlCache<string, DossierStatus>(maxEntries, now);
  return {
    get: (code) => cache.get(code),
    set: (code, status) => cache.set(code, status, ttlMs),
    forget: (code) => cache.delete(code),
  };
}
