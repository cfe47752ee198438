/**
 * A local stand-in of the Zalo Graph API speaking the documented /me contract (zalo.md §2.1, §7):
 * GET /v2.0/me?fields=… with headers `access_token` and `appsecret_proof` = hex(HMAC-SHA256(app secret, token)).
 * Answers are flat with `error` (0 = success), and errors come with HTTP 200 as Zalo does.
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
  close(): Promise<void>;
}

export async function startGraphStandIn(appSecret: string): Promise<GraphStandIn> {
  const app = express();
  const state = { users: new Map<string, string>(), calls: 0, badProofs: 0, down: false };
  app.get("/v2.0/me", (req, res) => {
    state.calls++;
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
    res.json({ id, name: "Người dùng thử", picture: { data: { url: "https://example.invalid/a.png" } }, error: 0, message: "Success" });
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
