/** Sends the one error format `{ error: { code, message, detail, fields? } }` from the code table. */
import type { Response } from "express";
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

export function sendError(res: Response, f: Omit<ApiFailure, "ok">): void {
  res.status(API_ERRORS[f.code].status).json(errorBody(f));
}
