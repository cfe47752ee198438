/**
 * A local stand-in of the Zalo Graph API speaking the documented contracts:
 * - GET /v2.0/me?fields=… with headers `access_token` and `appsecret_proof` = hex(HMAC-SHA256(app secret, token));
 *   answers flat `{ id, error: 0, message }`, only the fields asked for.
 * - GET /v2.0/me/info with headers `access_token`, `code` (getPhoneNumber's single-use token, 2 minutes) and
 *   `secret_key` (the app secret): `{ data: { number: "84…" }, error: 0, message: "Success" }`
 *   (https://mini.zalo.me/documents/api/getPhoneNumber/). A used, expired or unknown code is refused.
 * Errors come with HTTP 200 and a non-zero `error`, as Zalo does.
 */
import { createHmac } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";

export interface GraphStandIn {
  baseUrl: string;
  /** Valid access tokens → Zalo user id. */
  users: Map<string, string>;
  /** Number of /me calls received (to check caching). */
  calls: number;
  /** Calls whose appsecret_proof was missing or wrong. */
  badProofs: number;
  /** When set, /me answers HTTP 503 (Graph unavailable). */
  down: boolean;
  /** The `fields` of every /me call, in order. */
  fieldsAsked: string[];
  /** Phone tokens: code → { access token it was issued to, number }; a code works once. */
  phoneCodes: Map<string, { accessToken: string; number: string }>;
  /** /me/info calls whose secret_key was missing or wrong. */
  badSecretKeys: number;
  close(): Promise<void>;
}

export async function startGraphStandIn(appSecret: string): Promise<GraphStandIn> {
  const app = express();
  const state = {
    users: new Map<string, string>(),
    calls: 0,
    badProofs: 0,
    down: false,
    fieldsAsked: [] as string[],
    phoneCodes: new Map<string, { accessToken: string; number: string }>(),
    badSecretKeys: 0,
  };
  app.get("/v2.0/me/info", (req, res) => {
    const token = req.get("access_token");
    const code = req.get("code");
    if (req.get("secret_key") !== appSecret) {
      state.badSecretKeys++;
      return res.json({ error: -124, message: "secret_key is invalid" });
    }
    if (!token || !state.users.has(token)) return res.json({ error: -124, message: "Access token is invalid" });
    const issued = code ? state.phoneCodes.get(code) : undefined;
    if (!code || !issued || issued.accessToken !== token)
      return res.json({ error: -201, message: "code is invalid or expired" });
    state.phoneCodes.delete(code);
    res.json({ data: { number: issued.number }, error: 0, message: "Success" });
  });
  app.get("/v2.0/me", (req, res) => {
    state.calls++;
    state.fieldsAsked.push(String(req.query.fields ?? ""));
    if (state.down) return res.status(503).send("unavailable");
    const token = req.get("access_token");
    const proof = req.get("appsecret_proof");
    if (!token) return res.json({ error: -216, message: "Access token is empty" });
    const expected = createHmac("sha256", appSecret).update(token).digest("hex");
    if (proof !== expected) {
      state.badProofs++;
      return res.json({ error: -124, message: "appsecret_proof is invalid" });
    }
    const id = state.users.get(token);
    if (!id) return res.json({ error: -124, message: "Access token is invalid" });
    const fields = String(req.query.fields ?? "id").split(",");
    res.json({
      id,
      ...(fields.includes("name") ? { name: "Người dùng thử" } : {}),
      ...(fields.includes("picture") ? { picture: { data: { url: "https://example.invalid/a.png" } } } : {}),
      error: 0,
      message: "Success",
    });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const stand = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get users() {
      return state.users;
    },
    get calls() {
      return state.calls;
    },
    get badProofs() {
      return state.badProofs;
    },
    get down() {
      return state.down;
    },
    get fieldsAsked() {
      return state.fieldsAsked;
    },
    get phoneCodes() {
      return state.phoneCodes;
    },
    get badSecretKeys() {
      return state.badSecretKeys;
    },
    set down(v: boolean) {
      state.down = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return stand as GraphStandIn;
}
