/**
 * The one Zalo sending client, shared by the chatbot and the notifications: OA customer-service message (docs/zalo.md#customer-service-message), ZBS template by user id (docs/zalo.md#zns-and-zbs-template-messages), ZNS/ZBS by phone (docs/zalo.md#zns-and-zbs-template-messages), Mini App notification (docs/zalo.md#mini-app-notification). Errors come back with
 * HTTP 200 and a non-zero `error` (docs/zalo.md#sending-apis), so every body is checked and classified through shared/data/zalo-errors.ts:
 * a token error refreshes once (single-flight, token-store.ts) and retries once; rate limits and transient failures
 * are retried a bounded number of times with exponential backoff and jitter; anything else is returned to the caller.
 */
import type { Log } from "../log.js";
import { createZaloHttp, jsonOf, type ZaloHttp } from "./zalo-http.js";
import {
  buildCsMessageBody,
  buildMiniAppNotification,
  MINIAPP_TITLE_MAX,
  buildUidTemplateBody,
  buildZnsBody,
  type CsMessage,
  type MiniAppNotification,
  type UidTemplateMessage,
  type ZnsMessage,
} from "./oa-requests.js";
import type { TokenStore } from "./token-store.js";
import { classifyTransport, classifyZaloCode, type ZaloFailure } from "./zalo-error.js";

export interface OaClientOptions {
  openapiBase: string;
  businessBase: string;
  /** Mini App Open API host (default https://openapi.mini.zalo.me). */
  miniAppOpenapiBase?: string;
  tokens: TokenStore;
  log: Log;
  /** The process's one Zalo HTTP client (zalo/zalo-http.ts). */
  http?: ZaloHttp;
  timeoutMs?: number;
  /** Attempts for rate-limited and transient failures, the first included (default 3; 1 leaves retries to a queue). */
  maxAttempts?: number;
  /** First backoff delay; doubles per attempt, with jitter (default 300 ms; rate limits wait 4× longer). */
  retryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type ZaloSendResult =
  | { ok: true; messageId?: string; data: Record<string, unknown>; attempts: number }
  | { ok: false; error: ZaloFailure; attempts: number };

export interface OaClient {
  sendCsMessage(userId: string, message: CsMessage): Promise<ZaloSendResult>;
  sendTemplateByUid(message: UidTemplateMessage): Promise<ZaloSendResult>;
  sendZns(message: ZnsMessage): Promise<ZaloSendResult>;
  /** Authenticated by the Mini App Open API key, not the OA token. */
  sendMiniAppNotification(message: MiniAppNotification): Promise<ZaloSendResult>;
}

interface CallSpec {
  url: string;
  body: unknown;
  headers?: Record<string, string>;
  /** Send the OA access token (header `access_token`). */
  oaToken: boolean;
  /** Where the message id is in `data`. */
  idField: string;
}

const trimBase = (s: string) => s.replace(/\/+$/, "");

export function createOaClient(options: OaClientOptions): OaClient {
  const http = options.http ?? createZaloHttp();
  const timeout = options.timeoutMs ?? 10_000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const baseDelay = options.retryDelayMs ?? 300;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const openapi = trimBase(options.openapiBase);
  const business = trimBase(options.businessBase);
  const miniApp = trimBase(options.miniAppOpenapiBase ?? "https://openapi.mini.zalo.me");

  async function once(
    spec: CallSpec,
    token: string | undefined,
  ): Promise<{ ok: true; data: Record<string, unknown> } | { ok: false; error: ZaloFailure }> {
    try {
      const answer = await http.post(spec.url, spec.body, {
        timeout,
        headers: { ...(token ? { access_token: token } : {}), ...spec.headers, "content-type": "application/json" },
      });
      const res = { status: answer.status, data: jsonOf(answer.data) };
      if (res.data === undefined && res.status >= 200 && res.status < 300) {
        return { ok: false, error: { kind: "transient", httpStatus: res.status, message: "the answer was not JSON" } };
      }
      const data = typeof res.data === "object" && res.data !== null ? (res.data as Record<string, unknown>) : {};
      const code = typeof data.error === "number" ? data.error : Number(data.error ?? 0);
      if (res.status >= 200 && res.status < 300 && Number.isFinite(code) && code !== 0) {
        return {
          ok: false,
          error: {
            ...classifyZaloCode(code, typeof data.message === "string" ? data.message : undefined),
            httpStatus: res.status,
          },
        };
      }
      if (res.status < 200 || res.status >= 300)
        return { ok: false, error: classifyTransport(res.status, `HTTP ${res.status}`) };
      return { ok: true, data };
    } catch (e) {
      return { ok: false, error: classifyTransport(undefined, (e as Error).message) };
    }
  }

  async function call(spec: CallSpec): Promise<ZaloSendResult> {
    let token: string | undefined;
    if (spec.oaToken) {
      const t = await options.tokens.getAccessToken();
      if (!t.ok)
        return { ok: false, error: { kind: "configuration", message: `OA token: ${t.error.message}` }, attempts: 0 };
      token = t.accessToken;
    }
    let refreshed = false;
    let attempts = 0;
    let failures = 0;
    for (;;) {
      attempts += 1;
      const r = await once(spec, token);
      if (r.ok) {
        const payload = (typeof r.data.data === "object" && r.data.data !== null ? r.data.data : {}) as Record<
          string,
          unknown
        >;
        const id = payload[spec.idField];
        return { ok: true, data: r.data, attempts, ...(typeof id === "string" ? { messageId: id } : {}) };
      }
      const { kind } = r.error;
      if (kind === "token_expired" && spec.oaToken && !refreshed && token) {
        refreshed = true;
        const t = await options.tokens.refreshAfterRejection(token);
        if (!t.ok)
          return {
            ok: false,
            error: { ...r.error, message: `${r.error.message}; refresh failed: ${t.error.message}` },
            attempts,
          };
        token = t.accessToken;
        continue;
      }
      failures += 1;
      if ((kind === "transient" || kind === "rate_limited") && failures < maxAttempts) {
        const delay = baseDelay * (kind === "rate_limited" ? 4 : 1) * 2 ** (failures - 1);
        await sleep(delay / 2 + Math.random() * delay);
        continue;
      }
      options.log.warn({ kind, code: r.error.code, httpStatus: r.error.httpStatus, attempts }, "Zalo call failed");
      return { ok: false, error: r.error, attempts };
    }
  }

  return {
    sendCsMessage: (userId, message) => {
      const body = buildCsMessageBody(userId, message);
      if (!body.ok)
        return Promise.resolve({ ok: false, error: { kind: "invalid_request", message: body.error }, attempts: 0 });
      return call({ url: `${openapi}/v3.0/oa/message/cs`, body: body.body, oaToken: true, idField: "message_id" });
    },
    sendTemplateByUid: (message) =>
      call({
        url: `${openapi}/v3.0/oa/message/template`,
        body: buildUidTemplateBody(message),
        oaToken: true,
        idField: "message_id",
      }),
    sendZns: (message) => {
      const body = buildZnsBody(message);
      if (!body.ok)
        return Promise.resolve({
          ok: false,
          error: { kind: "permanent_for_channel", code: -108, message: body.error },
          attempts: 0,
        });
      return call({ url: `${business}/message/template`, body: body.body, oaToken: true, idField: "msg_id" });
    },
    sendMiniAppNotification: (message) => {
      const title = message.templateData.title ?? "";
      if (title.length > MINIAPP_TITLE_MAX) {
        return Promise.resolve({
          ok: false,
          error: {
            kind: "invalid_request",
            message: `title must be at most ${MINIAPP_TITLE_MAX} characters, got ${title.length}`,
          },
          attempts: 0,
        });
      }
      const req = buildMiniAppNotification(message);
      return call({
        url: `${miniApp}/notification/template`,
        body: req.body,
        headers: req.headers,
        oaToken: false,
        idField: "msg_id",
      });
    },
  };
}
