/**
 * express-rate-limit's Store on Redis: a fixed window per key shared by every instance behind the proxy, so the
 * per-IP limit of public routes holds for the deployment, not per process. One Lua call per request increments
 * the counter, starts its window on the first hit and returns the hits and the time left.
 */
import type { Redis } from "ioredis";
import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from "express-rate-limit";

const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {hits, ttl}`;

export function redisRateLimitStore(redis: Redis, prefix: string): Store {
  let windowMs = 60_000;
  const key = (k: string) => `${prefix}${k}`;
  const info = (hits: number, ttl: number): ClientRateLimitInfo => ({
    totalHits: hits,
    resetTime: new Date(Date.now() + Math.max(0, ttl)),
  });
  return {
    prefix,
    localKeys: false,
    init(options: Options) {
      windowMs = options.windowMs;
    },
    async increment(k: string): Promise<IncrementResponse> {
      const [hits, ttl] = (await redis.eval(INCREMENT, 1, key(k), String(windowMs))) as [number, number];
      return info(hits, ttl);
    },
    async get(k: string) {
      const [hits, ttl] = await Promise.all([redis.get(key(k)), redis.pttl(key(k))]);
      return hits === null ? undefined : info(Number(hits), ttl);
    },
    async decrement(k: string) {
      await redis.decr(key(k));
    },
    async resetKey(k: string) {
      await redis.del(key(k));
    },
  };
}
