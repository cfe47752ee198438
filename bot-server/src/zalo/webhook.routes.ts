/**
 * POST /webhook/zalo: the OA webhook (docs/zalo.md#oa-webhook). Reads the raw body (the signature covers the exact bytes),
 * checks X-ZEvent-Signature (401), refuses replays older than ZALO_WEBHOOK_MAX_AGE_HOURS, ignores the OA's own
 * `oa_send_*` echoes, queues the event and answers 200 at once: the reply is produced after the acknowledgement,
 * never inside the request (Zalo retries after 2 s and may disable a slow webhook).
 *
 * Status choices: 401 bad or missing signature; 400 a body that is not JSON or has no timestamp (nothing Zalo sends,
 * and no signature can be checked without it); 413 a body over 100 kB; 415 a compressed body (Zalo sends none, and
 * the signature covers the bytes as sent); 503 when Zalo is not configured. A correctly signed event that is stale,
 * of an unknown shape or not for the bot gets 200 with `received: false`, so Zalo does not retry what can never
 * succeed.
 *
 * An ordinary Express route behind the app's request id, access log and API headers; `express.raw` reads the body
 * as bytes (the signature covers them exactly) and its size and encoding errors reach the app's error handler.
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import type { Deps } from "../deps.js";
import { sendError } from "../http/api-error.js";
import { stripControlCharacters } from "../http/control-characters.js";
import { recordZnsReceipt } from "../store/zns-receipts.js";
import { parseZaloEvent, parseZnsReceipt, timestampOf } from "./events.js";
import { verifySignature } from "./signature.js";

export const WEBHOOK_PATH = "/webhook/zalo";
export const WEBHOOK_BODY_LIMIT_BYTES = 100 * 1024;
/** Zalo's clock and ours may differ a little; an event from further in the future is refused like a replay. */
const MAX_FUTURE_MS = 10 * 60_000;

/** The handlers of WEBHOOK_PATH, every method: `app.all(WEBHOOK_PATH, ...zaloWebhook(deps))`. */
export function zaloWebhook(deps: Deps): RequestHandler[] {
  const runtime = deps.zalo;
  const log = deps.log.child({ module: "zalo-webhook" });
  const notConfigured = (res: Response) =>
    sendError(res, {
      code: "service_unavailable",
      message: "Chatbot Zalo chưa được cấu hình trên máy chủ này (cần ZALO_APP_ID và ZALO_OA_SECRET_KEY).",
      detail: "The Zalo OA webhook is not configured on this server: set ZALO_APP_ID and ZALO_OA_SECRET_KEY.",
    });

  async function receive(req: Request, res: Response): Promise<void> {
    const keys = runtime.webhookKeys;
    if (!keys) return notConfigured(res);
    const header = req.headers["x-zevent-signature"];
    if (typeof header !== "string")
      return unauthorized(res, "Thiếu chữ ký X-ZEvent-Signature.", "Missing X-ZEvent-Signature.");
    // No body at all: express.raw leaves an empty object.
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);

    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      return sendError(res, { code: "malformed_json" });
    }
    const timestamp = timestampOf(body);
    if (timestamp === undefined) {
      return sendError(res, {
        code: "bad_request",
        message: "Sự kiện thiếu trường timestamp.",
        detail: "The event has no timestamp field.",
      });
    }
    const check = verifySignature(header, raw, timestamp, keys);
    if (!check.ok) return unauthorized(res, "Chữ ký X-ZEvent-Signature không hợp lệ.", "Invalid X-ZEvent-Signature.");
    if (check.matched === "oa_id") log.debug("webhook signature matched with the OA id as first term");

    const ageMs = deps.clock.now().getTime() - Number(timestamp);
    if (ageMs > runtime.maxAgeMs || ageMs < -MAX_FUTURE_MS) {
      log.warn({ ageMs }, "Zalo event refused: outside the replay window");
      res.json({ received: false, reason: "stale" });
      return;
    }
    const cleaned = stripControlCharacters(body);
    // A ZNS delivery receipt: kept so that a send in doubt is not sent again (notify/deliver-step.ts).
    const receipt = parseZnsReceipt(cleaned);
    if (receipt) {
      await recordZnsReceipt(deps.db, receipt, deps.clock.now().toISOString());
      res.json({ received: true });
      return;
    }
    const parsed = parseZaloEvent(cleaned);
    if (!parsed.ok) {
      log.warn({ reason: parsed.reason }, "signed Zalo event of an unknown shape ignored");
      res.json({ received: false, reason: "unknown_event" });
      return;
    }
    const event = parsed.event;
    if (event.kind === "echo" || event.kind === "ignored") {
      res.json({ received: true, ignored: event.kind });
      return;
    }
    await runtime.queue.enqueue(event);
    res.json({ received: true });
  }

  const methods: RequestHandler = (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") {
      if (!runtime.webhookKeys) return notConfigured(res);
      res.json({ ok: true, service: "zalo-oa-webhook" });
      return;
    }
    if (req.method !== "POST") {
      res.setHeader("Allow", "GET, POST");
      return sendError(res, { code: "bad_request", message: "Chỉ nhận POST.", detail: "Use POST." });
    }
    next();
  };
  // Any content type (Zalo's is JSON, the signature is what is checked); a compressed body is 415 (Zalo sends none).
  const rawBody = express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT_BYTES, inflate: false });
  const handle = (req: Request, res: Response, next: NextFunction) => {
    receive(req, res).catch(next);
  };
  return [methods, rawBody, handle];
}

function unauthorized(res: Response, message: string, detail: string) {
  sendError(res, { code: "unauthenticated", message, detail });
}
