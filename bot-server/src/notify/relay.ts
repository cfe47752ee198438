/**
 * Outbox → queues (Redis mode). Reads due "pending" rows, adds one job per row to the queue of its first usable
 * channel (a webhook to the province's system: its own queue "notify-tthc_webhook"; job id = outbox id), then marks the rows "queued". Safe with several relays: duplicate adds are no-ops
 * while the job exists, and a job that runs after its row was sent does nothing. A sweep re-adds "queued" rows
 * whose job Redis no longer has (restart without persistence): the outbox, not Redis, holds the truth.
 *
 * Redis losing its data (a restart without persistence, FLUSHALL, a fail-over to an empty replica) is noticed at
 * once: the relay keeps a marker key in Redis and reads it on every pass; when it is gone, every "queued" row whose
 * job is missing is queued again right away, instead of waiting NOTIFY_REQUEUE_AFTER_MS for the sweep.
 */
import type { Redis } from "ioredis";
import {
  chooseChannels,
  QUEUE_CHANNELS,
  WEBHOOK_CHANNEL,
  WEBHOOK_KIND,
  type DeliveryChannel,
} from "../../../shared/notify/channels.js";
import type { SenderContext } from "./deliver-step.js";
import { channelsFor } from "./deliver-step.js";
import { enqueue, type ChannelQueues } from "./channel-queues.js";
import { markQueued, selectDuePending, selectStaleQueued, touchOutbox, type OutboxRow } from "../store/outbox.js";
import { loadTargets } from "./notify-target.js";
import { CHAT_REPLY_KIND } from "./chat-reply-step.js";

const BATCH = 500;
const SWEEP_BATCH = 200;
/** Set by the relay; absent means Redis lost its keys since (or this is the first start on this Redis). */
export const MARKER_KEY = "relay-marker";

export interface RelayHandle {
  stop(): Promise<void>;
  /** Runs one relay pass now (tests, and the server right after a state change if it wants). */
  relayOnce(): Promise<number>;
  sweepOnce(): Promise<number>;
  /** Reads the marker; when Redis lost it, re-queues every queued row whose job is gone. Returns rows re-queued. */
  checkRedisOnce(): Promise<number>;
}

/** `redis`: the queues' connection, for the marker (the queues do not expose theirs). */
export function startRelay(
  ctx: SenderContext,
  queues: ChannelQueues,
  redis: Redis,
  kinds?: readonly string[],
): RelayHandle {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let lastSweep = 0;
  const sweepEveryMs = Math.max(ctx.settings.pollMs * 5, Math.floor(ctx.settings.requeueAfterMs / 4));

  async function relayOnce(): Promise<number> {
    const now = ctx.clock.now();
    const rows = await selectDuePending(ctx.db, now.toISOString(), BATCH, kinds);
    if (rows.length === 0) return 0;
    await addToQueues(ctx, queues, rows, now.getTime());
    await markQueued(
      ctx.db,
      rows.map((r) => r.id),
      ctx.clock.now().toISOString(),
    );
    return rows.length;
  }

  async function sweepOnce(): Promise<number> {
    const now = ctx.clock.now().getTime();
    return (await sweep(new Date(now - ctx.settings.requeueAfterMs).toISOString(), now)).lost;
  }

  /** Re-adds the "queued" rows last touched before `cutoffIso` whose job Redis no longer has. */
  async function sweep(cutoffIso: string, now: number): Promise<{ stale: number; lost: number }> {
    const stale = await selectStaleQueued(ctx.db, cutoffIso, SWEEP_BATCH, kinds);
    if (stale.length === 0) return { stale: 0, lost: 0 };
    const lost: OutboxRow[] = [];
    await Promise.all(
      stale.map(async (row) => {
        const states = await Promise.all(QUEUE_CHANNELS.map((c) => queues[c].getJobState(row.id)));
        const alive = states.some((s) => s !== "unknown" && s !== "completed" && s !== "failed");
        if (alive) return;
        // A finished job keeps its id and would make the re-add a no-op.
        await Promise.all(
          QUEUE_CHANNELS.map((c, i) =>
            states[i] === "completed" || states[i] === "failed" ? queues[c].remove(row.id) : undefined,
          ),
        );
        lost.push(row);
      }),
    );
    if (lost.length > 0) {
      ctx.log.warn({ count: lost.length }, "notification jobs missing from Redis: queued again from the outbox");
      await addToQueues(ctx, queues, lost, now);
    }
    await touchOutbox(
      ctx.db,
      stale.map((r) => r.id),
      new Date(now).toISOString(),
    );
    return { stale: stale.length, lost: lost.length };
  }

  async function checkRedisOnce(): Promise<number> {
    const client = redis;
    // While Redis is away commands would wait for it: the next pass asks again.
    if (client.status !== "ready") return 0;
    const key = `${ctx.settings.queuePrefix}:${MARKER_KEY}`;
    // A read first: one that waited through a reconnect still tells the truth (a write could hide the loss).
    if ((await client.get(key)) !== null) return 0;
    await client.set(key, String(ctx.clock.now().getTime()));
    const now = ctx.clock.now().getTime();
    const cutoff = new Date(now).toISOString();
    let requeued = 0;
    for (;;) {
      const r = await sweep(cutoff, now);
      requeued += r.lost;
      if (r.stale < SWEEP_BATCH) break;
    }
    if (requeued > 0)
      ctx.log.warn({ count: requeued }, "Redis lost its data: queued notifications were queued again at once");
    return requeued;
  }

  async function tick(): Promise<void> {
    let moved = 0;
    try {
      await checkRedisOnce();
      moved = await relayOnce();
      if (Date.now() - lastSweep >= sweepEveryMs) {
        lastSweep = Date.now();
        await sweepOnce();
      }
    } catch (e) {
      ctx.log.error({ err: e instanceof Error ? e.message : String(e) }, "notification relay pass failed");
    }
    if (!stopped) timer = setTimeout(loop, moved === BATCH ? 0 : ctx.settings.pollMs);
  }

  function loop(): void {
    running = tick();
  }

  lastSweep = Date.now();
  loop();
  return {
    relayOnce,
    sweepOnce,
    checkRedisOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** Groups rows by the queue of their first usable channel; a row no channel reaches goes to the first queue to be closed there. */
async function addToQueues(
  ctx: SenderContext,
  queues: ChannelQueues,
  rows: readonly OutboxRow[],
  nowMs: number,
): Promise<void> {
  const targets = await loadTargets(ctx.db, rows, ctx.target);
  const groups = new Map<string, { channel: DeliveryChannel; delayMs: number; ids: string[] }>();
  for (const row of rows) {
    const t = targets.get(row.id);
    const channel: DeliveryChannel =
      row.kind === WEBHOOK_KIND
        ? WEBHOOK_CHANNEL
        : row.kind === CHAT_REPLY_KIND
          ? "oa_cs"
          : ((t && chooseChannels(t.recipient, nowMs, channelsFor(ctx.settings, t.kind))[0]) ??
            ctx.settings.channels[0] ??
            "oa_cs");
    const delayMs = Math.max(0, Date.parse(row.available_at) - nowMs);
    const key = `${channel}/${delayMs}`;
    const g = groups.get(key) ?? { channel, delayMs, ids: [] };
    g.ids.push(row.id);
    groups.set(key, g);
  }
  await Promise.all([...groups.values()].map((g) => enqueue(queues[g.channel], g.ids, g.delayMs)));
}
