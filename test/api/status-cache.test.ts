/** The public status cache: an answer is reused for its time only, forgotten on a change, and memory stays bounded. */
import { describe, expect, it } from "@jest/globals";
import type { DossierStatus } from "../../shared/api/dossiers.js";
import { createStatusCache } from "../../bot-server/src/use-cases/status-cache.js";

const status = (code: string, state: string) => ({ code, state }) as unknown as DossierStatus;

describe("status cache", () => {
  it("reuses an answer for ttlMs only, so a change made by another server shows within that time", () => {
    let now = 0;
    const cache = createStatusCache({ ttlMs: 1000, now: () => now });
    cache.set("A", status("A", "received"));
    now = 999;
    expect(cache.get("A")?.state).toBe("received");
    now = 1000;
    expect(cache.get("A")).toBeUndefined();
  });

  it("forgets a dossier at once when this server changes it", () => {
    const cache = createStatusCache({ ttlMs: 60_000 });
    cache.set("A", status("A", "received"));
    cache.forget("A");
    expect(cache.get("A")).toBeUndefined();
  });

  it("keeps at most maxEntries answers, dropping the oldest", () => {
    const cache = createStatusCache({ ttlMs: 60_000, maxEntries: 2 });
    cache.set("A", status("A", "received"));
    cache.set("B", status("B", "received"));
    cache.set("C", status("C", "received"));
    expect([cache.get("A"), cache.get("B")?.code, cache.get("C")?.code]).toEqual([undefined, "B", "C"]);
  });

  it("STATUS_CACHE_MS=0 keeps nothing", () => {
    const cache = createStatusCache({ ttlMs: 0 });
    cache.set("A", status("A", "received"));
    expect(cache.get("A")).toBeUndefined();
  });
});
