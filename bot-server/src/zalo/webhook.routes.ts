/**
 * POST /webhook/zalo: the OA webhook (zalo.md §3). Reads the raw body (the signature covers the exact bytes),
 * checks X-ZEvent-Signature (401), refuses replays older than ZALO_WEBHOOK_MAX_AGE_HOURS, ignores the OA's own
 * `oa_send_*` echoes, queues the event and answers 200 at once: the reply is produced after the acknowledgement,
 * never inside the request (Zalo retries after 2 s and may disable a slow webhook).
 *
 * Status choices: 401 bad or missing signature; 400 a body that is not JSON or has no timestamp (nothing Zalo sends,
 * and no signature can be checked without it); 413 a body over 100 kB; 503 when Zalo is not configured. A correctly
 * signed event that is stale, of an unknown shape or not for the bot gets 200 with `received: false`, so Zalo does
 * not retry what can never succeed.
 */
import express, { Router, type NextFunction, type Request, type Response } from "express";
import type { Deps } from "../deps.js";
import { sendError } from "../http/api-error.js";
import { parseZaloEvent, timestampOf } from "./events.js";
import { verifySignature } from "./signature.js";
import { zaloRuntimeFor, type ZaloRuntime } from "./zalo-runtime.js";

export const WEBHOOK_BODY_LIMIT = "100kb";
/** Zalo's clock and ours may differ a little; an event from further in the future is refused like a replay. */
const MAX_FUTURE_MS = 10 * 60_000;

export function createZaloWebhookRouter(deps: Deps, runtime: ZaloRuntime = zaloRuntimeFor(deps)): Router {
  const router = Router();
  const log = deps.log.child({ module: "zalo-webhook" });
  const notConfigured = (res: Response) =>
    sendError(res, {
      code: "service_unavailable",
      message: "Chatbot Zalo chưa được cấu hình trên máy chủ này (cần ZALO_APP_ID và ZALO_OA_SECRET_KEY).",
      detail: "The Zalo OA webhook is not configured on this server: set ZALO_APP_ID and ZALO_OA_SECRET_KEY.",
    });

  router.get("/", (_req, res) => {
    if (!runtime.webhookKeys) return notConfigured(res);
    res.json({ ok: true, service: "zalo-oa-webhook" });
  });

  router.post("/", express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }), async (req: Request, res: Response) => {
    const keys = runtime.webhookKeys;
    if (!keys) return notConfigured(res);
    const header = req.get("x-zevent-signature");
    if (!header) return unauthorized(res, "Thiếu chữ ký X-ZEvent-Signature.", "Missing X-ZEvent-Signature.");
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);

    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      return sendError(res, { code: "malformed_json" });
    }
    const timestamp = timestampOf(body);
    if (timestamp === undefined) {
      return sendError(res, { code: "bad_request", message: "Sự kiện thiếu trường timestamp.", detail: "The event has no timestamp field." });
    }
    const check = verifySignature(header, raw, timestamp, keys);
    if (!check.ok) return unauthorized(res, "Chữ ký X-ZEvent-Signature không hợp lệ.", "Invalid X-ZEvent-Signature.");
    if (check.matched === "oa_id") log.debug("webhook signature matched with the OA id as first term");

    const ageMs = deps.clock.now().getTime() - Number(timestamp);
    if (ageMs > runtime.maxAgeMs || ageMs < -MAX_FUTURE_MS) {
      log.warn({ ageMs }, "Zalo event refused: outside the replay window");
      return res.json({ received: false, reason: "stale" });
    }
    const parsed = parseZaloEvent(body);
    if (!parsed.ok) {
      log.warn({ reason: parsed.reason }, "signed Zalo event of an unknown shape ignored");
      return res.json({ received: false, reason: "unknown_event" });
    }
    const event = parsed.event;
    if (event.kind === "echo" || event.kind === "ignored") return res.json({ received: true, ignored: event.kind });
    await runtime.queue.enqueue(event);
    res.json({ received: true });
  });

  router.all("/", (_req, res) => {
    res.set("allow", "GET, POST");
    sendError(res, { code: "bad_request", message: "Chỉ nhận POST.", detail: "Use POST." });
  });

  // Body-parser errors of this route (413, aborted uploads) in the app's one error format, whatever the mount.
  router.use((err: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (err?.type === "entity.too.large") return sendError(res, { code: "payload_too_large" });
    if (err?.status && err.status >= 400 && err.status < 500) return sendError(res, { code: "bad_request" });
    next(err);
  });
  return router;
}

function unauthorized(res: Response, message: string, detail: string) {
  sendError(res, { code: "unauthenticated", message, detail });
}
