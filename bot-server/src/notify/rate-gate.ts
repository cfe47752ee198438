/** The embedded mode's per-channel rate limit: at most `max` sends per `durationMs` window, and pauses after -32. */
import type { NotifyChannel } from "../../../shared/notify/channels.js";
import type { RateLimit } from "./notify-settings.js";

export interface RateGate {
  take(channel: NotifyChannel): Promise<void>;
  pause(channel: NotifyChannel, ms: number): void;
  close(): void;
}

export function createRateGate(rates: Record<NotifyChannel, RateLimit>, now: () => number = Date.now): RateGate {
  const windows = new Map<NotifyChannel, { start: number; used: number; pausedUntil: number }>();
  let closed = false;
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());
  return {
    async take(channel) {
      for (;;) {
        if (closed) return;
        const t = now();
        const w = windows.get(channel) ?? { start: t, used: 0, pausedUntil: 0 };
        windows.set(channel, w);
        if (t < w.pausedUntil) {
          await sleep(w.pausedUntil - t);
          continue;
        }
        const rate = rates[channel];
        if (t - w.start >= rate.durationMs) {
          w.start = t;
          w.used = 0;
        }
        if (w.used < rate.max) {
          w.used++;
          return;
        }
        await sleep(w.start + rate.durationMs - t);
      }
    },
    pause(channel, ms) {
      const w = windows.get(channel) ?? { start: now(), used: 0, pausedUntil: 0 };
      w.pausedUntil = Math.max(w.pausedUntil, now() + ms);
      windows.set(channel, w);
    },
    close() {
      closed = true;
    },
  };
}
