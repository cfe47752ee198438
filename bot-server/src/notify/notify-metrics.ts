/**
 * The notification pipeline's metrics. From the database (every mode): outbox rows by status, the age of the oldest
 * notification not yet sent, delivery attempts per channel and outcome. From Redis (REDIS_URL): jobs per channel
 * queue and state, and the age of each queue's oldest waiting job. The Redis connection lives for one scrape only.
 */
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { QUEUE_CHANNELS } from "../../../shared/notify/channels.js";
import type { Deps } from "../deps.js";
import type { MetricFamily } from "../metrics/prometheus-text.js";
import { outboxCounts } from "../store/outbox.js";
import { queueName } from "./channel-queues.js";

const OUTBOX_STATUSES = ["pending", "queued", "sent", "not_notified", "dead"];
const QUEUE_STATES = ["wait", "delayed", "active", "prioritized"] as const;
const REDIS_TIMEOUT_MS = 2000;

export async function collectNotifyMetrics(deps: Deps): Promise<MetricFamily[]> {
  const nowMs = deps.clock.now().getTime();
  const { byStatus, oldest, deliveries } = await outboxCounts(deps.db);
  const count = new Map(byStatus.map((r) => [r.status, Number(r.n)]));
  const oldestMs = oldest ? Date.parse(oldest) : NaN;
  const families: MetricFamily[] = [
    {
      name: "khonghen_notify_outbox",
      help: "Notifications in the outbox by status (pending and queued are not delivered yet).",
      type: "gauge",
      samples: [...new Set([...OUTBOX_STATUSES, ...count.keys()])].map((status) => ({
        labels: { status },
        value: count.get(status) ?? 0,
      })),
    },
    {
      name: "khonghen_notify_oldest_undelivered_age_seconds",
      help: "Age of the oldest notification not yet sent or settled (0 when none).",
      type: "gauge",
      samples: [{ value: Number.isFinite(oldestMs) ? Math.max(0, (nowMs - oldestMs) / 1000) : 0 }],
    },
    {
      name: "khonghen_notify_deliveries_total",
      help: "Send attempts per channel and outcome: sent, failed (retried), rejected (next channel), sending (in flight or in doubt).",
      type: "counter",
      samples: deliveries.map((r) => ({ labels: { channel: r.channel, status: r.status }, value: Number(r.n) })),
    },
  ];
  if (deps.config.REDIS_URL)
    families.push(...(await queueFamilies(deps.config.REDIS_URL, deps.config.NOTIFY_QUEUE_PREFIX, nowMs)));
  return families;
}

async function queueFamilies(url: string, prefix: string, nowMs: number): Promise<MetricFamily[]> {
  const down: MetricFamily[] = [
    {
      name: "khonghen_notify_redis_up",
      help: "1 when the queue's Redis answered this scrape.",
      type: "gauge",
      samples: [{ value: 0 }],
    },
  ];
  // One connection for one scrape, no reconnecting: an unreachable Redis costs one connect timeout, nothing lingers.
  const connection = new Redis(url, {
    lazyConnect: true,
    connectTimeout: REDIS_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: () => null,
    disconnectTimeout: 50,
  });
  connection.on("error", () => {});
  try {
    await connection.connect();
  } catch {
    connection.disconnect();
    return down;
  }
  const queues = QUEUE_CHANNELS.map((channel) => {
    const queue = new Queue(queueName(channel), { connection, prefix });
    queue.on("error", () => {}); // reported as khonghen_notify_redis_up 0
    return { channel, queue };
  });
  try {
    const per = await withTimeout(
      Promise.all(
        queues.map(async ({ channel, queue }) => {
          const [counts, [oldest]] = await Promise.all([
            queue.getJobCounts(...QUEUE_STATES),
            queue.getJobs(["wait"], 0, 0, true),
          ]);
          return { channel, counts, oldestAgeS: oldest ? Math.max(0, (nowMs - oldest.timestamp) / 1000) : 0 };
        }),
      ),
    );
    return [
      {
        name: "khonghen_notify_redis_up",
        help: "1 when the queue's Redis answered this scrape.",
        type: "gauge",
        samples: [{ value: 1 }],
      },
      {
        name: "khonghen_notify_queue_jobs",
        help: "Jobs in each channel queue by state (queue depth).",
        type: "gauge",
        samples: per.flatMap((p) =>
          QUEUE_STATES.map((state) => ({ labels: { channel: p.channel, state }, value: p.counts[state] ?? 0 })),
        ),
      },
      {
        name: "khonghen_notify_queue_oldest_waiting_age_seconds",
        help: "Age of the oldest job waiting in each channel queue (0 when none).",
        type: "gauge",
        samples: per.map((p) => ({ labels: { channel: p.channel }, value: p.oldestAgeS })),
      },
    ];
  } catch {
    return down;
  } finally {
    await Promise.all(queues.map(({ queue }) => queue.close().catch(() => {})));
    if (connection.status === "ready") await connection.quit().catch(() => connection.disconnect());
    else connection.disconnect();
  }
}

function withTimeout<T>(p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error("redis timeout")), REDIS_TIMEOUT_MS);
    }),
  ]);
}
