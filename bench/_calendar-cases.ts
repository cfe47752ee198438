/**
 * Calendar workload for benchmarks: deterministic receipts over 2023–2030 (data years and lunar-fallback years),
 * with the time limits of the Đắk Nông procedures (0 with a 15:00 cutoff, 3, 5, 7, 15 working days).
 * `measureCalendar()` returns operations per CPU-second for isWorkingDay, addWorkingDays and computeDueDate.
 */
import { createCalendar } from "../shared/calendar/calendar.js";
import { computeDueDate, type DueDateInput } from "../shared/calendar/due-date.js";
import { VN_CIVIL_SERVICE_CALENDAR } from "../shared/data/calendar-vn.js";
import { formatDay, parseDay } from "../shared/calendar/day-number.js";

const LIMITS = [0, 0, 3, 5, 7, 15] as const;

export function calendarCases(count = 10_000): DueDateInput[] {
  const first = parseDay("2023-01-01")!;
  const span = parseDay("2030-12-31")! - first;
  let seed = 12345;
  const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
  return Array.from({ length: count }, () => {
    const n = LIMITS[next() % LIMITS.length]!;
    return {
      receivedAt: { date: formatDay(first + (next() % span)), minutes: 420 + (next() % 600) },
      timeLimitWorkingDays: n,
      ...(n === 0 ? { sameDayCutoff: "15:00" } : {}),
    };
  });
}

/** Operations per second of CPU time (user + system), so a busy shared machine does not halve the figure. */
function opsPerSecond(run: () => void, ops: number, minMs = 400): number {
  run(); // warm-up
  let done = 0;
  const start = process.cpuUsage();
  let used = 0;
  while (used < minMs * 1000) {
    run();
    done += ops;
    const d = process.cpuUsage(start);
    used = d.user + d.system;
  }
  return done / (used / 1e6);
}

export function measureCalendar(): { isWorkingDay: number; addWorkingDays: number; computeDueDate: number } {
  const calendar = createCalendar(VN_CIVIL_SERVICE_CALENDAR);
  const cases = calendarCases();
  let sink = 0;
  const result = {
    isWorkingDay: opsPerSecond(() => {
      for (const c of cases) if (calendar.isWorkingDay(c.receivedAt.date)) sink += 1;
    }, cases.length),
    addWorkingDays: opsPerSecond(() => {
      for (const c of cases) sink += calendar.addWorkingDays(c.receivedAt.date, c.timeLimitWorkingDays).length;
    }, cases.length),
    computeDueDate: opsPerSecond(() => {
      for (const c of cases) sink += computeDueDate(c, calendar).dueDate.length;
    }, cases.length),
  };
  if (sink < 0) console.log(sink);
  return result;
}
