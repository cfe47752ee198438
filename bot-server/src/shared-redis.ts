/**
 * The server's shared Redis connection (REDIS_URL): readiness checks and the state every instance behind the proxy
 * must share. Commands fail after one retry instead of queueing for ever, so a Redis outage answers quickly.
 */
import { Redis } from "ioredis";
import type { Config } from "./config.js";
import type { Log } from "./log.js";
import { redisOptions } from "./zalo/zalo-runtime.js";

export function createSharedRedis(config: Pick<Config, "REDIS_URL">, log: Log): Redis | undefined {
  if (!config.REDIS_URL) return undefined;
  const redis = new Redis({ ...redisOptions(config.REDIS_URL), lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on("error", (e: Error) => log.warn({ err: e.message }, "Redis (shared) error"));
  return redis;
}
