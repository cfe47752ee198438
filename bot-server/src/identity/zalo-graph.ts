/**
 * Verifies a mini-app user's access token against the Zalo Graph API:
 * GET {ZALO_GRAPH_BASE}/v2.0/me?fields=id with headers `access_token` and
 * `appsecret_proof` = hex(HMAC-SHA256(key = app secret, msg = access token)), mandatory since 2024-01-01.
 * Only the id is asked: since zmp-sdk 2.35 a token obtained without the user's consent resolves the id alone
 * (zmp-sdk typings of getAccessToken, https://mini.zalo.me/documents/api/getAccessToken/), and the id is all the
 * server needs (the user's id in our Zalo App, the one OA webhook events carry as `user_id_by_app`).
 * The answer is flat and carries its own `error` (0 = success), often with HTTP 200 (docs/zalo.md#pitfalls).
 */
import { createHmac } from "node:crypto";
import { createZaloHttp, jsonOf, type ZaloHttp } from "../zalo/zalo-http.js";

export type GraphMeResult =
  { ok: true; zaloUserId: string } | { ok: false; reason: "invalid_token" | "unavailable"; detail: string };

export type GraphPhoneResult =
  { ok: true; number: string } | { ok: false; reason: "invalid_token" | "unavailable"; detail: string };

export interface ZaloGraph {
  me(accessToken: string): Promise<GraphMeResult>;
  /**
   * The phone number behind getPhoneNumber()'s single-use token (about 2 minutes):
   * GET {ZALO_GRAPH_BASE}/v2.0/me/info with headers `access_token` (the user's), `code` (the token) and `secret_key`
   * (the app secret); answer `{ data: { number: "84…" }, error: 0 }`. Exchanged at once, never queued
   * (https://mini.zalo.me/documents/api/getPhoneNumber/ , "hướng dẫn chuyển đổi token thành số điện thoại").
   */
  phoneNumber(accessToken: string, code: string): Promise<GraphPhoneResult>;
}

export interface ZaloGraphOptions {
  baseUrl: string;
  appSecret: string;
  timeoutMs?: number;
  /** The process's one Zalo HTTP client (zalo/zalo-http.ts). */
  http?: ZaloHttp;
}

export function appSecretProof(appSecret: string, accessToken: string): string {
  return createHmac("sha256", appSecret).update(accessToken).digest("hex");
}

export function createZaloGraph(opts: ZaloGraphOptions): ZaloGraph {
  const base = opts.baseUrl.replace(/\/+$/, "");
  const http = opts.http ?? createZaloHttp();
  /** A Graph answer with a JSON body, or "unavailable" (no answer in time, a 5xx, a body that is not JSON). */
  async function get(
    path: string,
    headers: Record<string, string>,
  ): Promise<{ ok: true; status: number; body: object } | { ok: false; reason: "unavailable"; detail: string }> {
    try {
      const res = await http.get(`${base}${path}`, { headers, timeout: opts.timeoutMs ?? 3000 });
      if (res.status >= 500) return { ok: false, reason: "unavailable", detail: `HTTP ${res.status}` };
      const body = jsonOf(res.data);
      if (!body) return { ok: false, reason: "unavailable", detail: "unreadable Graph answer" };
      return { ok: true, status: res.status, body };
    } catch (e) {
      return { ok: false, reason: "unavailable", detail: (e as Error).name };
    }
  }
  return {
    async me(accessToken) {
      const res = await get("/v2.0/me?fields=id", {
        access_token: accessToken,
        appsecret_proof: appSecretProof(opts.appSecret, accessToken),
      });
      if (!res.ok) return res;
      const body = res.body as { id?: unknown; error?: unknown };
      const error = Number(body.error ?? 0);
      // Ids are big numbers: keep them as strings (docs/zalo.md#pitfalls).
      if (res.status < 300 && error === 0 && typeof body.id === "string" && /^\d+$/.test(body.id)) {
        return { ok: true, zaloUserId: body.id };
      }
      return { ok: false, reason: "invalid_token", detail: `Graph error ${error}` };
    },
    async phoneNumber(accessToken, code) {
      const res = await get("/v2.0/me/info", {
        access_token: accessToken,
        code,
        secret_key: opts.appSecret,
        appsecret_proof: appSecretProof(opts.appSecret, accessToken),
      });
      if (!res.ok) return res;
      const body = res.body as { data?: { number?: unknown }; error?: unknown };
      const error = Number(body.error ?? 0);
      const number = body.data?.number;
      if (res.status < 300 && error === 0 && typeof number === "string" && number !== "") return { ok: true, number };
      return { ok: false, reason: "invalid_token", detail: `Graph error ${error}` };
    },
  };
}
