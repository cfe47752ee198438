/**
 * The citizen mirror across instances: every change one instance makes (pairing, joining, a new state, a
 * confirmation) is published on a Redis channel and replayed by the others (console/mirror-hub.ts), so the
 * officer's console and the citizen's screen can be served by different instances behind the proxy. Redis
 * pub/sub delivers in one order to every subscriber; a change published while an instance is away is not
 * replayed to it (the officer pairs again).
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { Log } from "../log.js";
import { redisOptions } from "../zalo/zalo-runtime.js";
import type { MirrorOp, MirrorSync } from "./mirror-hub.js";

export function createRedisMirrorSync(
  redisUrl: string,
  channel: string,
  log: Log,
): MirrorSync & {
  close(): Promise<void>;
  /** Settles once this instance listens on the channel. */ ready: Promise<void>;
} {
  const origin = randomUUID();
  const pub = new Redis({ ...redisOptions(redisUrl), maxRetriesPerRequest: 1 });
  const sub = new Redis(redisOptions(redisUrl));
  for (const [name, r] of [
    ["publish", pub],
    ["subscribe", sub],
  ] as const)
    r.on("error", (e: Error) => log.warn({ err: e.message, connection: name }, "Redis (console mirror) error"));
  const handlers: ((op: MirrorOp) => void)[] = [];
  const ready = sub
    .subscribe(channel)
    .then(() => undefined)
    .catch((e: unknown) => log.error({ err: String(e) }, "console mirror: cannot subscribe"));
  sub.on("message", (_channel: string, text: string) => {
    try {
      const m = JSON.parse(text) as { origin: string; op: MirrorOp };
      if (m.origin === origin) return;
      for (const h of handlers) h(m.op);
    } catch (e) {
      log.warn({ err: String(e) }, "console mirror: unreadable message");
    }
  });
  return {
    origin,
    ready,
    broadcast(op) {
      pub
        .publish(channel, JSON.stringify({ origin, op }))
        .catch((e: unknown) => log.warn({ err: String(e) }, "console mirror: publish failed"));
    },
    onRemote(handler) {
      handlers.push(handler);
    },
    async close() {
      sub.disconnect();
      await pub.quit().catch(() => pub.disconnect());
    },
  };
}
