/**
 * One request function for the whole app: JSON in and out, the public API's error envelope turned into
 * a result, and a network failure reported as such (the caller keeps the draft and says so).
 */

import { networkError } from "./network-error.js";

export { NETWORK_ERROR_MESSAGE, networkError } from "./network-error.js";

export interface FieldError {
  path: string;
  message: string;
}

export interface ApiError {
  /** HTTP status; 0 when the request never reached the server. */
  status: number;
  code: string;
  /** Vietnamese, shown to the citizen. */
  message: string;
  detail: string;
  fields: FieldError[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  body?: unknown;
  headers?: Record<string, string>;
  /** Parse the body as text instead of JSON (the QR SVG). */
  text?: boolean;
  timeoutMs?: number;
}

export async function requestJson<T>(fetchFn: Fetch, url: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {
    Accept: options.text ? "image/svg+xml, text/plain" : "application/json",
    ...options.headers,
  };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const controller = typeof AbortController === "function" ? new AbortController() : undefined;
  const timer = controller ? setTimeout(() => controller.abort(), options.timeoutMs ?? 15_000) : undefined;
  let res: Response;
  try {
    res = await fetchFn(url, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: controller?.signal,
    });
  } catch (err) {
    return { ok: false, error: networkError(err instanceof Error ? err.message : String(err)) };
  } finally {
    if (timer) clearTimeout(timer);
  }
  if (res.status === 204) return { ok: true, value: undefined as T };
  const raw = await res.text().catch(() => "");
  if (res.ok) {
    if (options.text) return { ok: true, value: raw as T };
    try {
      return { ok: true, value: (raw ? JSON.parse(raw) : undefined) as T };
    } catch {
      return {
        ok: false,
        error: {
          status: res.status,
          code: "bad_response",
          message: "Máy chủ trả lời không đúng định dạng. Vui lòng thử lại sau.",
          detail: "response is not JSON",
          fields: [],
        },
      };
    }
  }
  return { ok: false, error: parseErrorBody(res.status, raw) };
}

/** `{ error: { code, message, detail, fields? } }`, or a sensible Vietnamese default per status. */
export function parseErrorBody(status: number, raw: string): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    body = undefined;
  }
  const e = (body as { error?: Partial<ApiError> } | undefined)?.error;
  const fields = Array.isArray(e?.fields)
    ? e.fields.filter((f): f is FieldError => typeof f?.path === "string" && typeof f?.message === "string")
    : [];
  return {
    status,
    code: typeof e?.code === "string" ? e.code : `http_${status}`,
    message: typeof e?.message === "string" && e.message ? e.message : defaultMessage(status),
    detail: typeof e?.detail === "string" ? e.detail : raw.slice(0, 200),
    fields,
  };
}

const STATUS_MESSAGES: Record<number, string> = {
  400: "Thông tin gửi lên chưa hợp lệ.",
  401: "Phiên làm việc đã hết hạn. Vui lòng mở lại ứng dụng.",
  403: "Bạn không có quyền xem thông tin này.",
  404: "Không tìm thấy thông tin bạn cần.",
  409: "Thông tin đã thay đổi. Vui lòng tải lại.",
  410: "Phiếu này đã hết hạn.",
  413: "Nội dung gửi lên quá lớn.",
  422: "Thông tin chưa hợp lệ.",
  429: "Bạn thao tác quá nhanh. Vui lòng đợi một chút rồi thử lại.",
};

function defaultMessage(status: number): string {
  return (
    STATUS_MESSAGES[status] ??
    (status >= 500 ? "Máy chủ đang bận. Vui lòng thử lại sau ít phút." : "Yêu cầu không thực hiện được.")
  );
}
