/**
 * "Kịp 15:00 không?" on a scheme day: citizens at the counter now and a range for the wait, from today's intake
 * events at the unit (GET /api/units/:unitCode/counter-wait), with how the estimate is made.
 */
import type { CounterWait } from "../../api/types.js";
import { useDeps } from "../../deps.js";
import { useApi } from "../../hooks/use-api.js";

const VERDICT: Record<NonNullable<CounterWait["estimate"]>["verdict"], (cutoff: string) => string> = {
  "in-time": (c) => `Nếu đến ngay, nhiều khả năng kịp nộp trước ${c}.`,
  maybe: (c) => `Đến ngay thì có thể kịp hoặc không kịp ${c}.`,
  "too-late": (c) => `Khó kịp nộp trước ${c} hôm nay.`,
  unknown: () => "Hôm nay chưa đủ số liệu để ước thời gian chờ.",
};

const range = (r: { low: number; high: number }) => (r.low === r.high ? `${r.low}` : `${r.low}–${r.high}`);

/** The lines of the card (also what a test reads). */
export function counterWaitLines(w: CounterWait): { title: string; lines: string[] } | null {
  const e = w.estimate;
  if (!w.schemeDay || !e || w.intakeState === "closed" || w.intakeState === "not-scheme-day") return null;
  const cutoff = w.intakeCutoff ?? "15:00";
  const lines = [
    e.waiting === 0
      ? `Lúc ${w.time}, tại quầy không có ai đang được tiếp nhận.`
      : `Lúc ${w.time}, tại quầy có ít nhất ${e.waiting} người đang được tiếp nhận.`,
  ];
  if (e.wait && e.minutesPerCitizen) {
    lines.push(
      e.wait.high === 0
        ? `Thời gian chờ: gần như không phải chờ; mỗi hồ sơ mất khoảng ${range(e.minutesPerCitizen)} phút.`
        : `Thời gian chờ ước tính: ${range(e.wait)} phút (mỗi hồ sơ khoảng ${range(e.minutesPerCitizen)} phút, ${e.counters} cán bộ đang tiếp nhận).`,
    );
  }
  lines.push(VERDICT[e.verdict](cutoff));
  return { title: `Kịp ${cutoff} không?`, lines };
}

export function CounterWaitCard({ unitCode }: { unitCode: string }) {
  const { api } = useDeps();
  const wait = useApi(() => api.getCounterWait(unitCode), unitCode);
  if (wait.state !== "ok") return null;
  const text = counterWaitLines(wait.value);
  if (!text) return null;
  return (
    <section className="kh-card kh-stack" aria-labelledby="counter-wait" data-testid="counter-wait">
      <h2 className="kh-h2" id="counter-wait">
        {text.title}
      </h2>
      {text.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <details className="kh-help">
        <summary>Cách ước tính</summary>
        <p>{wait.value.method}</p>
      </details>
    </section>
  );
}
