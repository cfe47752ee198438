/** Sends the one error format `{ error: { code, message, detail, fields? } }` of an outcome code. */
import type { ServerResponse } from "node:http";
import { errorBodyOf, fail, type Failure } from "../../../shared/outcomes.js";
import { statusOf } from "./outcome-status.js";

/** The edge's name for a use-case's refusal (kept for the routes that spell it so). */
export type ApiFailure = Failure;
export { fail };

export const errorBody = errorBodyOf;

/** Works on a plain Node response too (the webhook answers without Express). */
export function sendError(res: ServerResponse, f: Omit<Failure, "ok">): void {
  sendJson(res, statusOf(f.code), errorBodyOf(f));
}

/** What Express's res.status(n).json(body) sends, on a plain Node response. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(json) });
  res.end(json);
}
