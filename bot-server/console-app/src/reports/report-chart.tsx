/** One bar chart (Chart.js, loaded on first use so the console's first screen does not carry it). */
import { useEffect, useRef } from "react";

export interface Bars {
  labels: string[];
  values: number[];
  colors: string[];
  /** Read by screen readers and shown when the chart cannot draw. */
  summary: string;
}

export function BarChart({ bars, height = 180 }: { bars: Bars; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import("chart.js").then(({ Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip }) => {
      if (cancelled || !canvas.current) return;
      Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
      chart = new Chart(canvas.current, {
        type: "bar",
        data: { labels: bars.labels, datasets: [{ data: bars.values, backgroundColor: bars.colors }] },
        options: {
          indexAxis: "y",
          animation: false,
          maintainAspectRatio: false,
          plugins: { legend: { display: false } },
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [bars]);
  return (
    <div style={{ position: "relative", height }}>
      <canvas ref={canvas} role="img" aria-label={bars.summary}>
        {bars.summary}
      </canvas>
    </div>
  );
}
