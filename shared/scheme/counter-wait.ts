/**
 * "Kịp 15:00 không?": how many citizens are at the one-stop counter now and how long a citizen arriving now may wait,
 * estimated from today's intake events at the unit only (times and which officer received; no personal data).
 *
 * How the estimate is made (said the same way to the citizen, COUNTER_WAIT_METHOD):
 * - at the counter now: dossiers an officer has started typing (console drafts) in the last 60 minutes and not yet
 *   received. A citizen sitting in the queue before an officer starts on them is not seen by the system, so the
 *   figure is a lower bound;
 * - minutes per citizen: for each officer, the gaps between two receptions in a row today; gaps over 45 minutes
 *   (a break, an idle counter) are left out. The range is the middle half of those gaps (25th to 75th percentile),
 *   and needs at least 3 gaps today;
 * - counters: the officers who received a dossier in the last 60 minutes (at least one);
 * - wait: citizens at the counter × minutes per citizen ÷ counters (low and high ends), plus the time until the counter
 *   reopens when it is paused;
 * - in time: the wait and the citizen's own reception (high end) end by the cut-off ("đến 15 giờ"); too late when even
 *   the low ends pass it. Travel time is the citizen's to add.
 */

export const COUNTER_WAIT_RULES = { inProgressWindow: 60, maxGap: 45, minGaps: 3, countersWindow: 60 } as const;

export const COUNTER_WAIT_METHOD =
  "Ước tính từ hồ sơ tiếp nhận hôm nay tại đơn vị (không dùng thông tin cá nhân): số người đang ở quầy là số hồ sơ cán bộ đang nhập trong 60 phút qua (người đang ngồi chờ chưa được gọi thì hệ thống chưa biết); mỗi người mất khoảng thời gian giữa hai lần tiếp nhận liên tiếp của một cán bộ hôm nay (bỏ các quãng trên 45 phút), lấy khoảng giữa; chia cho số cán bộ đang tiếp nhận. Chưa tính thời gian bạn đi đường.";

export interface CounterDay {
  /** Minutes since midnight in Việt Nam. */
  nowMinutes: number;
  /** Same-day intake cut-off (15:00 → 900); null on a day without one. */
  cutoffMinutes: number | null;
  /** Today's receptions at the unit: when, and by which officer (an opaque id). */
  receptions: readonly { atMinutes: number; officer: string | null }[];
  /** Console drafts not yet received today: when the officer started. */
  inProgress: readonly { startedMinutes: number }[];
  /** When the counter is paused (before opening, over lunch): the minute it reopens. */
  resumesAtMinutes?: number | null;
}

export interface MinutesRange {
  low: number;
  high: number;
}

export interface CounterWaitEstimate {
  /** Citizens at the counter now (a lower bound). */
  waiting: number;
  counters: number;
  /** Null until today has enough receptions. */
  minutesPerCitizen: MinutesRange | null;
  wait: MinutesRange | null;
  verdict: "in-time" | "maybe" | "too-late" | "unknown";
  /** How many gaps between receptions the minutes per citizen come from. */
  basis: number;
}

/** Nearest-rank percentile of a sorted list. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function estimateCounterWait(day: CounterDay): CounterWaitEstimate {
  const { nowMinutes: now, cutoffMinutes: cutoff } = day;
  const R = COUNTER_WAIT_RULES;
  const past = day.receptions.filter((r) => r.atMinutes <= now);
  const waiting = day.inProgress.filter(
    (d) => d.startedMinutes <= now && now - d.startedMinutes <= R.inProgressWindow,
  ).length;

  const byOfficer = new Map<string, number[]>();
  for (const r of past) {
    const key = r.officer ?? "";
    const list = byOfficer.get(key) ?? [];
    list.push(r.atMinutes);
    byOfficer.set(key, list);
  }
  const gaps: number[] = [];
  for (const times of byOfficer.values()) {
    times.sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) {
      const gap = times[i]! - times[i - 1]!;
      if (gap > 0 && gap <= R.maxGap) gaps.push(gap);
    }
  }
  gaps.sort((a, b) => a - b);
  const counters = Math.max(
    1,
    new Set(past.filter((r) => now - r.atMinutes <= R.countersWindow).map((r) => r.officer ?? "")).size,
  );
  const minutesPerCitizen =
    gaps.length >= R.minGaps
      ? { low: Math.max(1, percentile(gaps, 25)), high: Math.max(1, percentile(gaps, 75)) }
      : null;
  const pause = day.resumesAtMinutes != null && day.resumesAtMinutes > now ? day.resumesAtMinutes - now : 0;
  const wait = minutesPerCitizen
    ? {
        low: pause + Math.floor((waiting * minutesPerCitizen.low) / counters),
        high: pause + Math.ceil((waiting * minutesPerCitizen.high) / counters),
      }
    : null;

  let verdict: CounterWaitEstimate["verdict"] = "unknown";
  if (cutoff !== null && now + pause > cutoff) verdict = "too-late";
  else if (cutoff !== null && wait && minutesPerCitizen) {
    if (now + wait.high + minutesPerCitizen.high <= cutoff) verdict = "in-time";
    else if (now + wait.low + minutesPerCitizen.low > cutoff) verdict = "too-late";
    else verdict = "maybe";
  }
  return { waiting, counters, minutesPerCitizen, wait, verdict, basis: gaps.length };
}
