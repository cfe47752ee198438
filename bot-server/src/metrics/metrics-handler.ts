/**
 * GET /metrics: Prometheus text for the notification pipeline (queue depth, age of the oldest waiting notification,
 * sent and failed per channel). Counts come from the database, so every server and worker process reports the same
 * totals; queue depths come from Redis when REDIS_URL is set. No personal data: counts and channel names only.
 * With METRICS_TOKEN set, only a scraper presenting it as a bearer token reads them.
 */
import { timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";
import type { Deps } from "../deps.js";
import { collectNotifyMetrics } from "../notify/notify-metrics.js";
import { sendError } from "../http/api-error.js";
import { formatMetrics } from "./prometheus-text.js";

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith("Bearer ") ? header.slice(7) : "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function metricsHandler(deps: Deps) {
  const token = deps.config.METRICS_TOKEN;
  return async (req: Request, res: Response): Promise<void> => {
    if (token && !bearerMatches(req.get("authorization"), token)) {
      return sendError(res, {
        code: "unauthenticated",
        message: "Cần mã truy cập để đọc số liệu giám sát.",
        detail: "Send the METRICS_TOKEN as a bearer token.",
      });
    }
    const { contentType, text } = await formatMetrics(await collectNotifyMetrics(deps));
    res.set("content-type", contentType).set("cache-control", "no-store").send(text);
  };
}
