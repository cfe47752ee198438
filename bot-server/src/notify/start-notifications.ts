/**
 * Starts the notification pipeline in the mode the configuration asks for:
 * - REDIS_URL set: a relay (outbox → BullMQ queues, one per channel) and, unless NOTIFY_WORKERS=0, the channel
 *   workers; `npm run worker` processes run the same with workers on. Any number of processes may run both.
 * - no REDIS_URL (the embedded default): an in-process dispatcher over the outbox, calling the same sender step.
 * Without any Zalo sending configuration it sends no notification and says so: outbox rows wait, nothing is lost;
 * the webhooks to the province's TTHC system (outbox kind tthc_webhook) are still sent, in the same mode.
 * The OA client and token store are the Zalo runtime's (`deps.zalo`, zalo/zalo-runtime.ts), shared with the chatbot;
 * its owner closes it.
 * Every Redis connection opened here is closed by stop().
 */
import { Redis } from "ioredis";
import { WEBHOOK_KIND } from "../../../shared/notify/channels.js";
import type { Deps } from "../deps.js";
import { closeQueues, createChannelQueues } from "./channel-queues.js";
import { startChannelWorkers, type WorkersHandle } from "./channel-workers.js";
import type { SenderContext } from "./deliver-step.js";
import { startDispatcher, type DispatcherHandle } from "./dispatcher.js";
import { notifySettingsFrom } from "./notify-settings.js";
import type { TargetOptions } from "./notify-target.js";
import type { NotifyZalo } from "./notify-zalo.js";
import { createRateGate } from "./rate-gate.js";
import { createSendStore } from "./send-store.js";
import { startRelay, type RelayHandle } from "./relay.js";

export interface NotificationsOptions {
  /** Redis mode: run the channel workers in this process (default NOTIFY_WORKERS). */
  workers?: boolean;
  /** Redis mode: run a relay in this process (default true). */
  relay?: boolean;
  /** Replaces the Zalo adapter (tests). */
  zalo?: NotifyZalo;
}

export interface Notifications {
  /** "disabled": no Zalo sending configured; only the province system's webhooks are sent (in the same way). */
  mode: "redis" | "embedded" | "disabled";
  /** Stops reading the outbox, lets sends in flight finish, closes every connection it opened. */
  stop(): Promise<void>;
  /** Embedded mode: one dispatch pass, awaited (tests). */
  runOnce?(): Promise<number>;
  relay?: RelayHandle;
}

export function startNotifications(deps: Deps, options: NotificationsOptions = {}): Notifications {
  const { config, log } = deps;
  const hasOa = config.ZALO_APP_ID !== undefined && config.ZALO_APP_SECRET !== undefined;
  const hasMiniApp = config.NOTIFY_MINIAPP_API_KEY !== undefined && config.ZALO_MINIAPP_ID !== undefined;
  const configured = notifySettingsFrom(config);
  // Channels that cannot work here are not tried at all (no OA token: neither CS messages nor ZNS).
  const replaced = options.zalo !== undefined;
  const settings = {
    ...configured,
    channels: configured.channels.filter((c) => replaced || (c === "miniapp" ? hasMiniApp : hasOa)),
  };
  // Without any Zalo sending configuration citizen notifications wait in the outbox (nothing is lost); the province
  // system's webhooks need no Zalo and still go.
  const webhooksOnly = !options.zalo && !hasOa && !hasMiniApp;
  if (webhooksOnly)
    log.warn(
      "notifications not started: no Zalo sending configuration (ZALO_APP_ID/ZALO_APP_SECRET or NOTIFY_MINIAPP_API_KEY/ZALO_MINIAPP_ID); outbox rows wait (webhooks to the province's system are sent)",
    );
  const kinds = webhooksOnly ? [WEBHOOK_KIND] : undefined;

  const redisUrl = config.REDIS_URL;
  // BullMQ needs maxRetriesPerRequest null; a Redis restart then delays commands instead of failing them.
  const connections: Redis[] = [];
  const connect = (): Redis => {
    const r = new Redis(redisUrl!, { maxRetriesPerRequest: null });
    r.on("error", () => {}); // reconnects on its own; errors surface on the commands that need Redis
    connections.push(r);
    return r;
  };
  // The product's one sending client and token store (single-flight refresh, Redis lock shared by every process).
  const zalo = options.zalo ?? deps.zalo.sender;

  const target: TargetOptions = {
    domain: deps.domain,
    linkFor: (kind, code) =>
      kind === "leader_alert"
        ? `${config.PUBLIC_BASE_URL}/console`
        : config.ZALO_MINIAPP_ID
          ? `https://zalo.me/s/${config.ZALO_MINIAPP_ID}/${code ? `ho-so/${encodeURIComponent(code)}` : ""}`
          : `${config.PUBLIC_BASE_URL}/m/${code ? `ho-so/${encodeURIComponent(code)}` : ""}`,
  };
  const base: SenderContext = {
    db: deps.db,
    clock: deps.clock,
    log,
    zalo,
    settings,
    target,
    store: createSendStore(deps.db, target),
  };

  if (!redisUrl) {
    const gate = createRateGate(settings.rates);
    const dispatcher: DispatcherHandle = startDispatcher({ ...base, beforeSend: (c) => gate.take(c) }, gate, kinds);
    if (!webhooksOnly) log.info({ mode: "embedded" }, "notifications started");
    return {
      mode: webhooksOnly ? "disabled" : "embedded",
      runOnce: dispatcher.runOnce,
      async stop() {
        gate.close();
        await dispatcher.stop();
      },
    };
  }

  const onRedisError = throttled((e: Error) =>
    log.warn({ err: e.message }, "notification queue: Redis error (jobs wait; the outbox keeps every notification)"),
  );
  const queueConnection = connect();
  const queues = createChannelQueues(queueConnection, settings.queuePrefix, onRedisError);
  const relay = options.relay === false ? undefined : startRelay(base, queues, queueConnection, kinds);
  const runWorkers = options.workers ?? config.NOTIFY_WORKERS;
  const workers: WorkersHandle | undefined = runWorkers
    ? startChannelWorkers(base, queues, connect(), onRedisError)
    : undefined;
  if (!webhooksOnly)
    log.info({ mode: "redis", relay: relay !== undefined, workers: runWorkers }, "notifications started");
  return {
    mode: webhooksOnly ? "disabled" : "redis",
    ...(relay ? { relay } : {}),
    async stop() {
      await relay?.stop();
      await workers?.close();
      await closeQueues(queues);
      await Promise.all(connections.map(closeConnection));
    },
  };
}

/** quit() waits for a Redis that is down (commands wait for a reconnect): give it 2 s, then drop the socket. */
async function closeConnection(c: Redis): Promise<void> {
  if (c.status !== "ready") return c.disconnect();
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 2000);
  });
  await Promise.race([c.quit().catch(() => {}), gaveUp]);
  clearTimeout(timer);
  c.disconnect();
}

/** At most one log line per 30 s: a Redis outage raises an error per command. */
function throttled(f: (e: Error) => void, everyMs = 30_000): (e: Error) => void {
  let last = 0;
  return (e) => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    f(e);
  };
}
