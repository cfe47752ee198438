/**
 * One BullMQ worker per channel in use (and one for the province system's webhooks, without a limiter), each with the channel's rate limiter (shared through Redis by every
 * worker process). The processor is the sender step; the outcome decides what happens to the job: finished,
 * handed to the next channel's queue, delayed (backoff, night window, another worker's claim) or, on -32, the
 * whole channel paused.
 */
import { DelayedError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { WEBHOOK_CHANNEL, type DeliveryChannel } from "../../../shared/notify/channels.js";
import { deliverStep, type SenderContext } from "./deliver-step.js";
import { enqueue, queueName, type ChannelQueues, type NotifyJobData } from "./channel-queues.js";

export interface WorkersHandle {
  close(): Promise<void>;
}

export function startChannelWorkers(
  ctx: SenderContext,
  queues: ChannelQueues,
  connection: Redis,
  onError: (e: Error) => void,
): WorkersHandle {
  const { settings } = ctx;
  // The province system's webhooks have their own queue and no Zalo quota.
  const channels: DeliveryChannel[] = [...settings.channels, WEBHOOK_CHANNEL];
  const workers = channels.map((channel) => {
    const worker: Worker<NotifyJobData> = new Worker<NotifyJobData>(
      queueName(channel),
      (job, token) => processJob(ctx, queues, worker, channel, job, token),
      {
        connection,
        prefix: settings.queuePrefix,
        concurrency: settings.concurrency,
        ...(channel === WEBHOOK_CHANNEL
          ? {}
          : { limiter: { max: settings.rates[channel].max, duration: settings.rates[channel].durationMs } }),
        lockDuration: settings.jobLockMs,
        stalledInterval: Math.max(500, Math.floor(settings.jobLockMs / 2)),
        // A killed worker's job is recovered, not failed: the step itself knows whether it was sent.
        maxStalledCount: 100,
      },
    );
    worker.on("error", onError);
    return worker;
  });
  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}

async function processJob(
  ctx: SenderContext,
  queues: ChannelQueues,
  worker: Worker<NotifyJobData>,
  channel: DeliveryChannel,
  job: Job<NotifyJobData>,
  token: string | undefined,
): Promise<string> {
  const outcome = await deliverStep(ctx, job.data.outboxId, channel);
  switch (outcome.kind) {
    case "done":
      return outcome.status;
    case "forward":
      await enqueue(queues[outcome.channel], [job.data.outboxId]);
      return `forward:${outcome.channel}`;
    case "retry":
      await job.moveToDelayed(Date.now() + outcome.delayMs, token);
      throw new DelayedError();
    case "rate_limited":
      await worker.rateLimit(outcome.delayMs);
      throw Worker.RateLimitError();
  }
}
