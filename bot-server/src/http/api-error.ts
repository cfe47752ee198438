/** Sends the one error format `{ error: { code, message, detail, fields? } }` from the code table. */
import type { ServerResponse } from "node:http";
import { API_ERRORS, type ApiErrorCode, type FieldError } from "../../../shared/api/errors.js";

export interface ApiFailure {
  ok: false;
  code: ApiErrorCode;
  fields?: FieldError[];
  /** Overrides the table's English detail. */
  detail?: string;
  /** Overrides the table's Vietnamese message. */
  message?: string;
}

export function fail(code: ApiErrorCode, extra: Omit<ApiFailure, "ok" | "code"> = {}): ApiFailure {
  return { ok: false, code, ...extra };
}

export function errorBody(f: Omit<ApiFailure, "ok">) {
  const entry = API_ERRORS[f.code];
  return {
    error: {
      code: f.code,
      message: f.message ?? entry.message,
      detail: f.detail ?? entry.detail,
      ...(f.fields && f.fields.length > 0 ? { fields: f.fields } : {}),
    },
  };
}

/** Works on a plain Node response too (the webhook answers without Express). */
export function sendError(res: ServerResponse, f: Omit<ApiFailure, "ok">): void {
  sendJson(res, API_ERRORS[f.code].status, errorBody(f));
}

/** What Express's res.status(n).json(body) sends, on a plain Node response. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(json) });
  res.end(json);
}
