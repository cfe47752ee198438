/**
 * The three sending channels as the notification sender uses them, on top of the product's one Zalo client
 * (zalo/oa-client.ts, created with a single attempt: retries belong to the queue) and its one token store. Adds
 * what the client lacks: the in-doubt check after a crash, which reads the OA conversation
 * (`GET /v2.0/oa/conversation?data={"user_id",offset,count}`, as public SDKs call it [SECONDARY]).
 */
import { createZaloHttp, type ZaloHttp } from "../zalo/zalo-http.js";
import type { OaClient, ZaloSendResult } from "../zalo/oa-client.js";
import type { CsButton } from "../zalo/oa-requests.js";
import type { TokenStore } from "../zalo/token-store.js";
import { classifyTransport, classifyZaloCode, type ZaloFailure } from "../zalo/zalo-error.js";

export type NotifySendResult = { ok: true; messageId: string | null } | { ok: false; failure: ZaloFailure };
export type LookupResult = { ok: true; found: boolean } | { ok: false; failure: ZaloFailure };

export interface NotifyZalo {
  sendCs(m: { oaUserId: string; text: string; button?: { title: string; url: string } }): Promise<NotifySendResult>;
  /** A chatbot reply: text with any buttons of the CS message. */
  sendChat?(m: { oaUserId: string; text: string; buttons: readonly CsButton[] }): Promise<NotifySendResult>;
  sendMiniApp(m: {
    zaloUserId: string;
    templateId: string;
    templateData: Record<string, string>;
  }): Promise<NotifySendResult>;
  sendZns(m: {
    phone: string;
    templateId: string;
    params: Record<string, string>;
    trackingId: string;
  }): Promise<NotifySendResult>;
  /** Did the OA already send exactly `text` to this user since `sinceMs`? (a claim whose sender died) */
  findCsMessage(q: { oaUserId: string; text: string; sinceMs: number }): Promise<LookupResult>;
}

export interface NotifyZaloOptions {
  client: OaClient;
  tokens: TokenStore;
  openapiBase: string;
  miniApp?: { apiKey: string; miniAppId: string };
  /** The process's one Zalo HTTP client (zalo/zalo-http.ts). */
  http?: ZaloHttp;
  timeoutMs?: number;
}

/** Messages looked at when checking a claim: a citizen rarely gets more than a few per dossier event. */
const LOOKUP_COUNT = 10;
/** Clocks of Zalo and of this server differ a little. */
const LOOKUP_SKEW_MS = 60_000;

export function createNotifyZalo(options: NotifyZaloOptions): NotifyZalo {
  const http = options.http ?? createZaloHttp(options.timeoutMs ?? 10_000);
  const openapi = options.openapiBase.replace(/\/+$/, "");
  return {
    sendChat: async (m) =>
      toResult(await options.client.sendCsMessage(m.oaUserId, { text: m.text, buttons: m.buttons })),
    sendCs: async (m) =>
      toResult(
        await options.client.sendCsMessage(m.oaUserId, { text: m.text, ...(m.button ? { buttons: [m.button] } : {}) }),
      ),
    async sendMiniApp(m) {
      if (!options.miniApp)
        return { ok: false, failure: { kind: "configuration", message: "Mini App notification is not configured" } };
      return toResult(
        await options.client.sendMiniAppNotification({
          ...options.miniApp,
          userId: m.zaloUserId,
          templateId: m.templateId,
          templateData: m.templateData,
        }),
      );
    },
    sendZns: async (m) =>
      toResult(
        await options.client.sendZns({
          phone: m.phone,
          templateId: m.templateId,
          templateData: m.params,
          trackingId: m.trackingId,
        }),
      ),
    async findCsMessage(q) {
      const token = await options.tokens.getAccessToken();
      if (!token.ok)
        return { ok: false, failure: { kind: "configuration", message: `OA token: ${token.error.message}` } };
      try {
        const res = await http.get(`${openapi}/v2.0/oa/conversation`, {
          params: { data: JSON.stringify({ user_id: q.oaUserId, offset: 0, count: LOOKUP_COUNT }) },
          headers: { access_token: token.accessToken },
          validateStatus: () => true,
        });
        const body = (typeof res.data === "object" && res.data !== null ? res.data : {}) as {
          error?: unknown;
          message?: unknown;
          data?: unknown;
        };
        const code = Number(body.error ?? 0);
        if (res.status === 200 && Number.isFinite(code) && code !== 0)
          return { ok: false, failure: classifyZaloCode(code, String(body.message ?? "")) };
        if (res.status !== 200 || !Array.isArray(body.data))
          return { ok: false, failure: classifyTransport(res.status, `HTTP ${res.status}`) };
        const found = (body.data as { message?: unknown; time?: unknown }[]).some(
          (msg) => msg.message === q.text && (typeof msg.time !== "number" || msg.time >= q.sinceMs - LOOKUP_SKEW_MS),
        );
        return { ok: true, found };
      } catch (e) {
        return { ok: false, failure: classifyTransport(undefined, (e as Error).message) };
      }
    },
  };
}

function toResult(r: ZaloSendResult): NotifySendResult {
  return r.ok ? { ok: true, messageId: r.messageId ?? null } : { ok: false, failure: r.error };
}
