/**
 * One BullMQ queue per channel, so each carries its own rate limiter (Zalo quotas differ per API). Jobs carry the
 * outbox id only and use it as job id: adding the same row twice while its job exists is a no-op.
 */
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { QUEUE_CHANNELS, type DeliveryChannel } from "../../../shared/notify/channels.js";

export interface NotifyJobData {
  outboxId: string;
}

/** One queue per citizen channel, and "notify-tthc_webhook" for the province system's webhooks. */
export type ChannelQueues = Record<DeliveryChannel, Queue<NotifyJobData>>;

export const JOB_NAME = "send";

export function queueName(channel: DeliveryChannel): string {
  return `notify-${channel}`;
}

/**
 * Jobs leave Redis when done (delivery records stay in the database). A processor that throws (database down)
 * is retried a few times; after that the row is still "queued" and the relay's sweep queues it again.
 */
export const JOB_OPTIONS = {
  removeOnComplete: true,
  removeOnFail: true,
  attempts: 5,
  backoff: { type: "exponential", delay: 1000 },
} as const;

/**
 * Every queue exists even when a channel is not in use: a forward or the metrics may name any of them.
 * `onError` hears connection errors (Redis down); without a listener BullMQ prints each one.
 */
export function createChannelQueues(connection: Redis, prefix: string, onError: (e: Error) => void): ChannelQueues {
  const entries = QUEUE_CHANNELS.map((c) => {
    const queue = new Queue<NotifyJobData>(queueName(c), { connection, prefix, defaultJobOptions: JOB_OPTIONS });
    queue.on("error", onError);
    return [c, queue] as const;
  });
  return Object.fromEntries(entries) as ChannelQueues;
}

export async function enqueue(queue: Queue<NotifyJobData>, outboxIds: readonly string[], delayMs = 0): Promise<void> {
  if (outboxIds.length === 0) return;
  await queue.addBulk(
    outboxIds.map((outboxId) => ({
      name: JOB_NAME,
      data: { outboxId },
      opts: { jobId: outboxId, ...(delayMs > 0 ? { delay: delayMs } : {}) },
    })),
  );
}

export async function closeQueues(queues: ChannelQueues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}
