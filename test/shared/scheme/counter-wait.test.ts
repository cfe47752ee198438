import { describe, expect, test } from "@jest/globals";
import { estimateCounterWait, type CounterDay } from "../../../shared/scheme/counter-wait.js";

const hm = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/**
 * A synthetic scheme Wednesday at one commune: officer A receives every 12 minutes from 07:10, takes an hour off
 * at 08:00, then two more; officer B every 15 minutes from 07:30, away from 08:15 to 09:40.
 */
const MORNING = [
  ...["07:10", "07:22", "07:34", "07:46", "07:58", "09:02", "09:14"].map((t) => ({ atMinutes: hm(t), officer: "A" })),
  ...["07:30", "07:45", "08:00", "08:15", "09:40", "09:55"].map((t) => ({ atMinutes: hm(t), officer: "B" })),
];
const day = (now: string, inProgress: string[], extra: Partial<CounterDay> = {}): CounterDay => ({
  nowMinutes: hm(now),
  cutoffMinutes: hm("15:00"),
  receptions: MORNING.filter((r) => r.atMinutes <= hm(now)),
  inProgress: inProgress.map((t) => ({ startedMinutes: hm(t) })),
  ...extra,
});

describe("Kịp 15:00 không? on a synthetic morning", () => {
  test("10:00, two being served, two officers: 12–15 minutes per citizen, a 12–15 minute wait, in time", () => {
    // A draft started at 07:30 and never finished is not someone at the counter now.
    const e = estimateCounterWait(day("10:00", ["09:50", "09:58", "07:30"]));
    expect(e).toEqual({
      waiting: 2,
      counters: 2,
      minutesPerCitizen: { low: 12, high: 15 },
      wait: { low: 12, high: 15 },
      verdict: "in-time",
      basis: 9,
    });
  });

  test("the hour off and B's absence are not counted as slow service", () => {
    expect(estimateCounterWait(day("10:00", [])).minutesPerCitizen).toEqual({ low: 12, high: 15 });
  });

  test("one counter in the afternoon (nobody received in the last hour): two at the counter wait 24–30 minutes", () => {
    // 14:00 + 30 + own 15 = 14:45: in time.
    expect(estimateCounterWait(day("14:00", ["13:50", "13:55"]))).toMatchObject({
      waiting: 2,
      counters: 1,
      wait: { low: 24, high: 30 },
      verdict: "in-time",
    });
    // 14:20 + 24 + 12 = 14:56 in, 14:20 + 30 + 15 = 15:05 out: may or may not.
    expect(estimateCounterWait(day("14:20", ["14:10", "14:15"]))).toMatchObject({
      wait: { low: 24, high: 30 },
      verdict: "maybe",
    });
    // 14:30 + 15 + 15 = 15:00: in time at the edge (15:00 itself is still open).
    expect(estimateCounterWait(day("14:30", ["14:25"])).verdict).toBe("in-time");
  });

  test("a long queue late in the day: even the short end passes 15:00", () => {
    const queue = Array.from({ length: 6 }, (_, i) => `14:${String(10 + i).padStart(2, "0")}`);
    // 6 × 12 = 72 minutes at the short end: 14:20 + 72 + 12 = 15:44.
    expect(estimateCounterWait(day("14:20", queue))).toMatchObject({
      waiting: 6,
      wait: { low: 72, high: 90 },
      verdict: "too-late",
    });
  });

  test("over the lunch break the wait runs from 13:30", () => {
    const e = estimateCounterWait(day("11:40", [], { resumesAtMinutes: hm("13:30") }));
    expect(e).toMatchObject({ waiting: 0, wait: { low: 110, high: 110 }, verdict: "in-time" });
  });

  test("at 07:20 there is not enough of today yet: the count only, no range", () => {
    const e = estimateCounterWait(day("07:20", ["07:15"]));
    expect(e).toMatchObject({ waiting: 1, minutesPerCitizen: null, wait: null, verdict: "unknown", basis: 0 });
  });

  test("after the cut-off it is too late whatever the queue", () => {
    expect(estimateCounterWait(day("15:05", [])).verdict).toBe("too-late");
  });
});
