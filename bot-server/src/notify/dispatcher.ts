/**
 * The embedded mode (no REDIS_URL): this process reads due outbox rows and runs the same sender step as the
 * BullMQ workers, channel after channel. A retry waits in the outbox (status pending, available_at later), never
 * in memory, so a restart loses nothing; rows a crashed process left "queued" are taken back after the send lease.
 */
import type { SenderContext } from "./deliver-step.js";
import { deliverStep } from "./deliver-step.js";
import { markQueued, releaseToPending, scheduleOutbox, selectDuePending, selectStaleQueued } from "../store/outbox.js";
import type { RateGate } from "./rate-gate.js";
import type { DeliveryChannel } from "../../../shared/notify/channels.js";

export interface DispatcherHandle {
  stop(): Promise<void>;
  /** One pass now, after the rows already in flight: dispatches the due rows and waits for them (tests). */
  runOnce(): Promise<number>;
}

/** Channels tried within one pass before the row goes back to the outbox. */
const MAX_HOPS = 4;
const WAITS = new Set(["in_flight", "claimed_elsewhere", "resolved_elsewhere"]);

/** `kinds`: only these outbox kinds (the webhooks alone when no Zalo sending is configured). */
export function startDispatcher(ctx: SenderContext, gate: RateGate, kinds?: readonly string[]): DispatcherHandle {
  const inFlight = new Map<string, Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let lastRecovery = 0;

  async function runRow(id: string): Promise<void> {
    let requested: DeliveryChannel | undefined;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const outcome = await deliverStep(ctx, id, requested);
      if (outcome.kind === "done") return;
      if (outcome.kind === "forward") {
        requested = outcome.channel;
        continue;
      }
      if (outcome.kind === "rate_limited") gate.pause(outcome.channel, outcome.delayMs);
      // Failures already moved available_at; a wait for another sender's claim has to move it here.
      if (outcome.kind === "retry" && WAITS.has(outcome.reason)) {
        const now = ctx.clock.now();
        await scheduleOutbox(ctx.db, id, {
          availableAt: new Date(now.getTime() + outcome.delayMs).toISOString(),
          countAttempt: false,
          lastError: null,
          at: now.toISOString(),
        });
      }
      break;
    }
    await releaseToPending(ctx.db, id, ctx.clock.now().toISOString());
  }

  let filling: Promise<Promise<void>[]> = Promise.resolve([]);
  /** Starts due rows up to the concurrency; returns their promises. One pass at a time, so runOnce sees a tick's rows. */
  function fill(): Promise<Promise<void>[]> {
    filling = filling.catch(() => []).then(fillNow);
    return filling;
  }

  async function fillNow(): Promise<Promise<void>[]> {
    const now = ctx.clock.now();
    if (now.getTime() - lastRecovery >= ctx.settings.sendLeaseMs) {
      lastRecovery = now.getTime();
      const stale = await selectStaleQueued(
        ctx.db,
        new Date(now.getTime() - 2 * ctx.settings.sendLeaseMs).toISOString(),
        500,
        kinds,
      );
      for (const row of stale) if (!inFlight.has(row.id)) await releaseToPending(ctx.db, row.id, now.toISOString());
    }
    const free = ctx.settings.concurrency - inFlight.size;
    if (free <= 0) return [];
    const rows = (await selectDuePending(ctx.db, now.toISOString(), free + inFlight.size, kinds))
      .filter((r) => !inFlight.has(r.id))
      .slice(0, free);
    const claimed = await markQueued(
      ctx.db,
      rows.map((r) => r.id),
      now.toISOString(),
    );
    const started = claimed.map((id) => {
      const p = runRow(id)
        .catch((e: unknown) => {
          ctx.log.error(
            { outboxId: id, err: e instanceof Error ? e.message : String(e) },
            "notification dispatch failed",
          );
          return releaseToPending(ctx.db, id, ctx.clock.now().toISOString()).catch(() => {});
        })
        .finally(() => inFlight.delete(id));
      inFlight.set(id, p);
      return p;
    });
    return started;
  }

  async function runOnce(): Promise<number> {
    await filling.catch(() => []);
    await Promise.all(inFlight.values());
    const started = await fill();
    await Promise.all(started);
    return started.length;
  }

  async function tick(): Promise<void> {
    try {
      await fill();
    } catch (e) {
      ctx.log.error({ err: e instanceof Error ? e.message : String(e) }, "notification dispatcher pass failed");
    }
    if (!stopped) timer = setTimeout(() => (running = tick()), ctx.settings.pollMs);
  }

  running = tick();
  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await Promise.all(inFlight.values());
    },
  };
}
