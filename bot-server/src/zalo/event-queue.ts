/**
 * Where an acknowledged webhook event waits for its answer, so the reply is never produced inside the request:
 * a BullMQ queue on Redis when REDIS_URL is set (survives a restart, several workers), else a small in-process
 * queue drained after the response (setImmediate). Adding to Redis is bounded in time: if Redis does not take the
 * event quickly, it is handled in-process rather than delaying the acknowledgement past Zalo's 2 seconds.
 */
import { Queue, Worker, type ConnectionOptions } from "bullmq";
import type { Log } from "../log.js";
import type { ZaloEvent } from "./events.js";

export type EventHandler = (event: ZaloEvent) => Promise<unknown>;

export interface EventQueue {
  readonly kind: "in-process" | "bullmq";
  /** Resolves once the event is safely queued (never after ENQUEUE_TIMEOUT_MS). */
  enqueue(event: ZaloEvent): Promise<void>;
  /** Resolves when nothing is waiting or running (tests, shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface InProcessOptions {
  concurrency?: number;
  /** Beyond this many waiting events new ones are dropped (logged): memory stays bounded under a flood. */
  maxPending?: number;
}

export function createInProcessQueue(handler: EventHandler, log: Log, options: InProcessOptions = {}): EventQueue {
  const concurrency = options.concurrency ?? 4;
  const maxPending = options.maxPending ?? 10_000;
  const pending: ZaloEvent[] = [];
  let running = 0;
  let scheduled = false;
  let closed = false;
  let dropped = 0;
  let idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (running === 0 && pending.length === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  };

  // One answer started per turn of the event loop: each turn first serves the sockets that are ready, so under a
  // flood the acknowledgements keep their pace and the answers wait (or are dropped past maxPending), never the
  // other way round.
  const pump = () => {
    scheduled = false;
    if (running < concurrency && pending.length > 0) {
      const event = pending.shift()!;
      running += 1;
      handler(event)
        .catch((e: unknown) =>
          log.error({ err: (e as Error).message, event: event.name }, "Zalo event handling failed"),
        )
        .finally(() => {
          running -= 1;
          schedule();
          settleIdle();
        });
      if (pending.length > 0) schedule();
    }
    settleIdle();
  };

  function schedule() {
    if (scheduled || closed) return;
    scheduled = true;
    setImmediate(pump);
  }

  return {
    kind: "in-process",
    async enqueue(event) {
      if (closed) return;
      if (pending.length >= maxPending) {
        // One log line per thousand drops: a flood must not also flood the log.
        if (dropped++ % 1000 === 0)
          log.error(
            { pending: pending.length, dropped },
            "Zalo events dropped: in-process queue full (configure REDIS_URL for a durable queue)",
          );
        return;
      }
      pending.push(event);
      schedule();
    },
    idle: () =>
      running === 0 && pending.length === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r)),
    async close() {
      closed = true;
      if (running > 0) await new Promise<void>((r) => idleWaiters.push(r));
    },
  };
}

export interface BullmqOptions {
  connection: ConnectionOptions;
  /** Key prefix (tests use a fresh one). */
  prefix?: string;
  queueName?: string;
  /** Run a worker in this process (default true); false when other processes drain the queue. */
  worker?: boolean;
  /** Connect and start the worker now (jobs left by a previous run are answered without waiting for a new event). */
  eager?: boolean;
  concurrency?: number;
  enqueueTimeoutMs?: number;
}

export const WEBHOOK_QUEUE = "zalo-webhook";

/** BullMQ refuses custom job ids that contain ":" or are plain integers. */
const jobIdOf = (eventId: string) => `ev_${eventId.replace(/:/g, "_")}`;

export function createBullmqQueue(handler: EventHandler, log: Log, options: BullmqOptions): EventQueue {
  const name = options.queueName ?? WEBHOOK_QUEUE;
  const prefix = options.prefix ?? "khonghen";
  const fallback = createInProcessQueue(handler, log);
  const timeoutMs = options.enqueueTimeoutMs ?? 1000;
  // Created on the first event (or at once when eager), so an app that never receives one opens no Redis connection.
  let started: { queue: Queue<ZaloEvent>; worker?: Worker<ZaloEvent> } | undefined;
  const start = () => {
    if (started) return started;
    const queue = new Queue<ZaloEvent>(name, {
      connection: options.connection,
      prefix,
      defaultJobOptions: {
        attempts: 3,
        backoff: { type: "exponential", delay: 1000 },
        removeOnComplete: true,
        removeOnFail: { count: 1000 },
      },
    });
    queue.on("error", (e) => log.warn({ err: e.message }, "Zalo webhook queue error"));
    const worker =
      options.worker === false
        ? undefined
        : new Worker<ZaloEvent>(name, (job) => handler(job.data), {
            connection: options.connection,
            prefix,
            concurrency: options.concurrency ?? 8,
          });
    worker?.on("failed", (job, err) =>
      log.warn({ attempts: job?.attemptsMade, err: err.message }, "Zalo webhook job failed"),
    );
    worker?.on("error", (e) => log.warn({ err: e.message }, "Zalo webhook worker error"));
    started = { queue, ...(worker ? { worker } : {}) };
    return started;
  };

  if (options.eager) start();

  // Events acknowledged in the same turn of the event loop go to Redis in one addBulk: one round trip for many.
  let batch: { event: ZaloEvent; done: () => void }[] = [];
  let flushing = false;
  async function flush(): Promise<void> {
    const items = batch;
    batch = [];
    flushing = false;
    const { queue } = start();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((r) => {
      timer = setTimeout(() => r("timeout"), timeoutMs);
    });
    const added = queue
      .addBulk(items.map(({ event }) => ({ name: event.name, data: event, opts: { jobId: jobIdOf(event.eventId) } })))
      .then(
        () => "added" as const,
        (e: Error) => e,
      );
    const r = await Promise.race([added, timeout]);
    clearTimeout(timer);
    if (r !== "added") {
      log.error(
        { reason: r === "timeout" ? "timeout" : r.message, events: items.length },
        "Redis did not take the Zalo events: handling them in-process",
      );
      for (const { event } of items) await fallback.enqueue(event);
    }
    for (const { done } of items) done();
  }

  return {
    kind: "bullmq",
    enqueue(event) {
      return new Promise<void>((done) => {
        batch.push({ event, done });
        if (!flushing) {
          flushing = true;
          setImmediate(() => void flush());
        }
      });
    },
    async idle() {
      await fallback.idle();
      if (!started) return;
      for (;;) {
        const c = await started.queue.getJobCounts("waiting", "active", "delayed", "prioritized");
        if ((c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0) === 0) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async close() {
      if (started) await closeWithin(CLOSE_WAIT_MS, started);
      await fallback.close();
    },
  };
}

/** How long shutdown waits for BullMQ to close cleanly: a Redis that is down would keep it waiting for ever. */
const CLOSE_WAIT_MS = 2000;

async function closeWithin(
  ms: number,
  { queue, worker }: { queue: Queue<ZaloEvent>; worker?: Worker<ZaloEvent> },
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<"gave_up">((resolve) => {
    timer = setTimeout(() => resolve("gave_up"), ms);
  });
  const closed = (async () => {
    await worker?.close();
    await queue.close();
  })().catch(() => undefined);
  const r = await Promise.race([closed, gaveUp]);
  clearTimeout(timer);
  // Not awaited: BullMQ's disconnect itself waits for a connection that never comes.
  if (r === "gave_up") void Promise.allSettled([worker?.disconnect(), queue.disconnect()]);
}
