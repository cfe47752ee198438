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
 * A plain Node handler, mounted first in the app: it is the busiest route (every citizen message, Zalo's retries),
 * so it reads its body itself and runs none of the app's middleware, setting what that would: X-Request-Id, the
 * access-log line and the API headers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Deps } from "../deps.js";
import { sendError, sendJson } from "../http/api-error.js";
import { stripControlCharacters } from "../http/control-characters.js";
import { requestBeginner } from "../http/request-context.js";
import { setApiHeaders } from "../http/security.js";
import { recordZnsReceipt } from "../store/zns-receipts.js";
import { parseZaloEvent, parseZnsReceipt, timestampOf } from "./events.js";
import { verifySignature } from "./signature.js";
import { zaloRuntimeFor, type ZaloRuntime } from "./zalo-runtime.js";

export const WEBHOOK_PATH = "/webhook/zalo";
export const WEBHOOK_BODY_LIMIT_BYTES = 100 * 1024;
/** Zalo's clock and ours may differ a little; an event from further in the future is refused like a replay. */
const MAX_FUTURE_MS = 10 * 60_000;

export type PlainHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function createZaloWebhookHandler(deps: Deps, runtime: ZaloRuntime = zaloRuntimeFor(deps)): PlainHandler {
  const log = deps.log.child({ module: "zalo-webhook" });
  const begin = requestBeginner(deps.log);
  const notConfigured = (res: ServerResponse) =>
    sendError(res, {
      code: "service_unavailable",
      message: "Chatbot Zalo chưa được cấu hình trên máy chủ này (cần ZALO_APP_ID và ZALO_OA_SECRET_KEY).",
      detail: "The Zalo OA webhook is not configured on this server: set ZALO_APP_ID and ZALO_OA_SECRET_KEY.",
    });

  async function receive(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> {
    const keys = runtime.webhookKeys;
    if (!keys) return notConfigured(res);
    const header = req.headers["x-zevent-signature"];
    if (typeof header !== "string") return unauthorized(res, "Thiếu chữ ký X-ZEvent-Signature.", "Missing X-ZEvent-Signature.");

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
      return sendJson(res, 200, { received: false, reason: "stale" });
    }
    const cleaned = stripControlCharacters(body);
    // A ZNS delivery receipt: kept so that a send in doubt is not sent again (notify/deliver-step.ts).
    const receipt = parseZnsReceipt(cleaned);
    if (receipt) {
      await recordZnsReceipt(deps.db, receipt, deps.clock.now().toISOString());
      return sendJson(res, 200, { received: true });
    }
    const parsed = parseZaloEvent(cleaned);
    if (!parsed.ok) {
      log.warn({ reason: parsed.reason }, "signed Zalo event of an unknown shape ignored");
      return sendJson(res, 200, { received: false, reason: "unknown_event" });
    }
    const event = parsed.event;
    if (event.kind === "echo" || event.kind === "ignored") return sendJson(res, 200, { received: true, ignored: event.kind });
    await runtime.queue.enqueue(event);
    sendJson(res, 200, { received: true });
  }

  return (req, res) => {
    const reqId = begin(req, res);
    setApiHeaders(res);
    if (req.method === "GET" || req.method === "HEAD") {
      if (!runtime.webhookKeys) return notConfigured(res);
      return sendJson(res, 200, { ok: true, service: "zalo-oa-webhook" });
    }
    if (req.method !== "POST") {
      res.setHeader("Allow", "GET, POST");
      return sendError(res, { code: "bad_request", message: "Chỉ nhận POST.", detail: "Use POST." });
    }
    const encoding = (req.headers["content-encoding"] ?? "identity").toLowerCase();
    if (encoding !== "identity") return refuseBody(req, res, "unsupported_media_type");
    readBody(req, WEBHOOK_BODY_LIMIT_BYTES, (outcome, raw) => {
      if (outcome === "too_large") return refuseBody(req, res, "payload_too_large");
      if (outcome === "aborted") return;
      receive(req, res, raw).catch((e: unknown) => {
        log.error({ reqId, err: (e as Error)?.message }, "Zalo webhook failed");
        if (!res.headersSent) sendError(res, { code: "internal_error" });
      });
    });
  };
}

type BodyOutcome = "ok" | "too_large" | "aborted";

/** The whole body, or "too_large" as soon as it passes `limit` bytes (by Content-Length or as it arrives). */
function readBody(req: IncomingMessage, limit: number, done: (outcome: BodyOutcome, raw: Buffer) => void): void {
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) return done("too_large", Buffer.alloc(0));
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (outcome: BodyOutcome) => {
    if (finished) return;
    finished = true;
    req.off("data", onData);
    done(outcome, outcome === "ok" ? (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)) : Buffer.alloc(0));
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) return finish("too_large");
    chunks.push(chunk);
  };
  req.on("data", onData);
  req.on("end", () => finish("ok"));
  // After "end", "close" finds the body already finished; before it, the client went away.
  req.on("close", () => finish("aborted"));
  req.on("error", () => finish("aborted"));
}

/** Answers at once and closes the connection after the answer: the rest of an unwanted body is not read. */
function refuseBody(req: IncomingMessage, res: ServerResponse, code: "payload_too_large" | "unsupported_media_type"): void {
  res.setHeader("Connection", "close");
  sendError(res, { code });
  req.resume();
}

function unauthorized(res: ServerResponse, message: string, detail: string) {
  sendError(res, { code: "unauthenticated", message, detail });
}
