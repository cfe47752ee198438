/**
 * Outbox → queues (Redis mode). Reads due "pending" rows, adds one job per row to the queue of its first usable
 * channel (job id = outbox id), then marks the rows "queued". Safe with several relays: duplicate adds are no-ops
 * while the job exists, and a job that runs after its row was sent does nothing. A sweep re-adds "queued" rows
 * whose job Redis no longer has (restart without persistence): the outbox, not Redis, holds the truth.
 */
import { chooseChannels, NOTIFY_CHANNELS, type NotifyChannel } from "../../../shared/notify/channels.js";
import type { SenderContext } from "./deliver-step.js";
import { channelsFor } from "./deliver-step.js";
import { enqueue, type ChannelQueues } from "./channel-queues.js";
import { markQueued, selectDuePending, selectStaleQueued, touchOutbox, type OutboxRow } from "./notify-store.js";
import { loadTargets } from "./notify-target.js";
import { CHAT_REPLY_KIND } from "./chat-reply-step.js";

const BATCH = 500;
const SWEEP_BATCH = 200;

export interface RelayHandle {
  stop(): Promise<void>;
  /** Runs one relay pass now (tests, and the server right after a state change if it wants). */
  relayOnce(): Promise<number>;
  sweepOnce(): Promise<number>;
}

export function startRelay(ctx: SenderContext, queues: ChannelQueues): RelayHandle {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let lastSweep = 0;
  const sweepEveryMs = Math.max(ctx.settings.pollMs * 5, Math.floor(ctx.settings.requeueAfterMs / 4));

  async function relayOnce(): Promise<number> {
    const now = ctx.clock.now();
    const rows = await selectDuePending(ctx.db, now.toISOString(), BATCH);
    if (rows.length === 0) return 0;
    await addToQueues(ctx, queues, rows, now.getTime());
    await markQueued(ctx.db, rows.map((r) => r.id), ctx.clock.now().toISOString());
    return rows.length;
  }

  async function sweepOnce(): Promise<number> {
    const now = ctx.clock.now().getTime();
    const stale = await selectStaleQueued(ctx.db, new Date(now - ctx.settings.requeueAfterMs).toISOString(), SWEEP_BATCH);
    if (stale.length === 0) return 0;
    const lost: OutboxRow[] = [];
    await Promise.all(
      stale.map(async (row) => {
        const states = await Promise.all(NOTIFY_CHANNELS.map((c) => queues[c].getJobState(row.id)));
        const alive = states.some((s) => s !== "unknown" && s !== "completed" && s !== "failed");
        if (alive) return;
        // A finished job keeps its id and would make the re-add a no-op.
        await Promise.all(NOTIFY_CHANNELS.map((c, i) => (states[i] === "completed" || states[i] === "failed" ? queues[c].remove(row.id) : undefined)));
        lost.push(row);
      }),
    );
    if (lost.length > 0) {
      ctx.log.warn({ count: lost.length }, "notification jobs missing from Redis: queued again from the outbox");
      await addToQueues(ctx, queues, lost, now);
    }
    await touchOutbox(ctx.db, stale.map((r) => r.id), new Date(now).toISOString());
    return lost.length;
  }

  async function tick(): Promise<void> {
    let moved = 0;
    try {
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
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** Groups rows by the queue of their first usable channel; a row no channel reaches goes to the first queue to be closed there. */
async function addToQueues(ctx: SenderContext, queues: ChannelQueues, rows: readonly OutboxRow[], nowMs: number): Promise<void> {
  const targets = await loadTargets(ctx.db, rows, ctx.target);
  const groups = new Map<string, { channel: NotifyChannel; delayMs: number; ids: string[] }>();
  for (const row of rows) {
    const t = targets.get(row.id);
    const channel = row.kind === CHAT_REPLY_KIND ? "oa_cs" : (t && chooseChannels(t.recipient, nowMs, channelsFor(ctx.settings, t.kind))[0]) ?? ctx.settings.channels[0] ?? "oa_cs";
    const delayMs = Math.max(0, Date.parse(row.available_at) - nowMs);
    const key = `${channel}/${delayMs}`;
    const g = groups.get(key) ?? { channel, delayMs, ids: [] };
    g.ids.push(row.id);
    groups.set(key, g);
  }
  await Promise.all([...groups.values()].map((g) => enqueue(queues[g.channel], g.ids, g.delayMs)));
}
