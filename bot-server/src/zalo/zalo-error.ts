/**
 * One classification for every failed Zalo call, from the code table in shared/data/zalo-errors.ts: the chatbot and
 * the notification sender both decide refresh / back off / next channel / retry from the `kind` here.
 */
import { ZALO_ERRORS, type ZaloErrorKind } from "../../../shared/data/zalo-errors.js";

export type { ZaloErrorKind } from "../../../shared/data/zalo-errors.js";

export interface ZaloFailure {
  kind: ZaloErrorKind;
  /** Zalo's `error` field when the body had one. */
  code?: number;
  httpStatus?: number;
  /** Zalo's message or the transport error, never personal data. */
  message: string;
}

const BY_CODE = new Map(ZALO_ERRORS.map((e) => [e.code, e]));

/** A non-zero Zalo error code; codes not in the table are treated as wrong for this channel. */
export function classifyZaloCode(code: number, message?: string): ZaloFailure {
  const entry = BY_CODE.get(code);
  return {
    kind: entry?.kind ?? "permanent_for_channel",
    code,
    message: message ?? entry?.meaning ?? `Zalo error ${code}`,
  };
}

/** A call that got no usable Zalo body: network error, timeout, HTTP status. */
export function classifyTransport(httpStatus: number | undefined, message: string): ZaloFailure {
  if (httpStatus === 429) return { kind: "rate_limited", httpStatus, message };
  if (httpStatus === 401) return { kind: "token_expired", httpStatus, message };
  if (httpStatus === undefined || httpStatus >= 500 || httpStatus === 408) {
    return { kind: "transient", ...(httpStatus === undefined ? {} : { httpStatus }), message };
  }
  return { kind: "invalid_request", httpStatus, message };
}
