/**
 * GET /metrics: Prometheus text for the notification pipeline (queue depth, age of the oldest waiting notification,
 * sent and failed per channel). Counts come from the database, so every server and worker process reports the same
 * totals; queue depths come from Redis when REDIS_URL is set. No personal data: counts and channel names only.
 */
import type { Request, Response } from "express";
import type { Deps } from "../deps.js";
import { collectNotifyMetrics } from "../notify/notify-metrics.js";
import { formatMetrics, PROMETHEUS_CONTENT_TYPE } from "./prometheus-text.js";

export function metricsHandler(deps: Deps) {
  return async (_req: Request, res: Response): Promise<void> => {
    const families = await collectNotifyMetrics(deps);
    res.set("content-type", PROMETHEUS_CONTENT_TYPE).set("cache-control", "no-store").send(formatMetrics(families));
  };
}
