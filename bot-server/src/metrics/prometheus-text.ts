/**
 * Prometheus text exposition through prom-client: each scrape's families (read fresh from the database and Redis,
 * notify/notify-metrics.ts) go into a registry of their own, so a family absent from this scrape is absent from the
 * text.
 */
import { Counter, Gauge, Registry } from "prom-client";

export interface MetricSample {
  labels?: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: "gauge" | "counter";
  samples: MetricSample[];
}

export async function formatMetrics(families: readonly MetricFamily[]): Promise<{ contentType: string; text: string }> {
  const registry = new Registry();
  for (const f of families) {
    const labelNames = [...new Set(f.samples.flatMap((s) => Object.keys(s.labels ?? {})))];
    const options = { name: f.name, help: f.help, labelNames, registers: [registry] };
    if (f.type === "counter") {
      const counter = new Counter(options);
      for (const s of f.samples) counter.inc(s.labels ?? {}, s.value);
    } else {
      const gauge = new Gauge(options);
      for (const s of f.samples) gauge.set(s.labels ?? {}, s.value);
    }
  }
  return { contentType: registry.contentType, text: await registry.metrics() };
}
