/**
 * JSON bodies only, up to a limit: a body in another type, charset or content encoding is 415, an oversized one
 * 413 (read to the end first, so the client sees the answer), broken JSON or a bare JSON value 400, each in the
 * one error format. Requests without a body pass through. A lean reader instead of body-parser: this runs on
 * every write of the public API.
 */
import type { NextFunction, Request, Response } from "express";
import { sendError } from "./api-error.js";
import { hasControlCharacters } from "./control-characters.js";

export const JSON_BODY_LIMIT_BYTES = 100 * 1024;
/** An oversized body is drained up to this much, then the connection is dropped. */
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

function hasBody(req: Request): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/** application/json or application/<something>+json, in UTF-8. */
function acceptable(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [media = "", ...params] = contentType.toLowerCase().split(";");
  const type = media.trim();
  if (type !== "application/json" && !(type.startsWith("application/") && type.endsWith("+json"))) return false;
  const charset = params.map((p) => p.trim()).find((p) => p.startsWith("charset="));
  return !charset || /^charset="?utf-?8"?$/.test(charset);
}

function drainThen(req: Request, answer: () => void): void {
  let drained = 0;
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) req.socket.destroy();
  });
  req.on("end", answer);
  req.resume();
}

export function jsonBody(limitBytes = JSON_BODY_LIMIT_BYTES) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!hasBody(req)) return next();
    const encoding = req.headers["content-encoding"];
    if (!acceptable(req.headers["content-type"]) || (encoding !== undefined && encoding !== "identity")) {
      return drainThen(req, () => sendError(res, { code: "unsupported_media_type" }));
    }
    if (Number(req.headers["content-length"] ?? 0) > limitBytes) {
      return drainThen(req, () => sendError(res, { code: "payload_too_large" }));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
      else if (size - chunk.length <= limitBytes) chunks.length = 0; // chunked body over the limit: keep nothing more
      if (size > DRAIN_LIMIT_BYTES) req.socket.destroy();
    };
    req.on("data", onData);
    req.on("end", () => {
      if (size > limitBytes) return sendError(res, { code: "payload_too_large" });
      const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)).toString("utf8");
      const first = text.trimStart()[0];
      // Like body-parser's strict mode: a body is an object or an array, never a bare string or number.
      if (first !== "{" && first !== "[") return sendError(res, { code: "malformed_json" });
      try {
        req.body = JSON.parse(text) as unknown;
      } catch {
        return sendError(res, { code: "malformed_json" });
      }
      if (hasControlCharacters(req.body, "multi_line")) return sendError(res, { code: "invalid_characters" });
      next();
    });
    // The client went away mid-body: nobody is left to answer.
    req.on("error", () => {});
  };
}
