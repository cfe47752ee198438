/**
 * The shared Zalo stand-in (test/helpers/zalo-openapi-stand-in.ts) behind a thin front that adds the one call it
 * lacks: `GET /v2.0/oa/conversation?data={"user_id","offset","count"}` (public SDKs [SECONDARY]), answered from the
 * CS messages the stand-in accepted, newest first. Everything else is piped through unchanged, faults included
 * (a dropped connection stays dropped, a delayed answer stays delayed).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startZaloStandIn, type StandInOptions, type ZaloStandIn } from "../../helpers/zalo-openapi-stand-in.js";

export interface ZaloWithConversation {
  url: string;
  zalo: ZaloStandIn;
  /** Conversation lookups answered (the in-doubt checks). */
  readonly lookups: number;
  close(): Promise<void>;
}

export async function startZaloWithConversation(options: StandInOptions = {}): Promise<ZaloWithConversation> {
  const zalo = await startZaloStandIn(options);
  const upstream = new URL(zalo.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let lookups = 0;
  const server = http.createServer((req, res) => {
    if (req.method === "GET" && req.url?.startsWith("/v2.0/oa/conversation")) {
      lookups += 1;
      const q = new URL(req.url, "http://x").searchParams.get("data") ?? "{}";
      let userId = "";
      let count = 10;
      try {
        const data = JSON.parse(q) as { user_id?: unknown; count?: unknown };
        userId = String(data.user_id ?? "");
        count = Number(data.count ?? 10);
      } catch {
        /* answered below as invalid */
      }
      const token = req.headers.access_token;
      res.setHeader("content-type", "application/json");
      if (!userId || typeof token !== "string")
        return res.end(JSON.stringify({ error: -201, message: "data is invalid" }));
      const data = zalo.csMessages
        .filter((m) => m.recipient === userId)
        .slice(-count)
        .reverse()
        .map((m) => ({
          msg_id: m.messageId,
          src: 0,
          time: m.at,
          type: "text",
          message: m.text,
          from_id: zalo.oaId,
          to_id: userId,
        }));
      return res.end(JSON.stringify({ error: 0, message: "Success", data }));
    }
    const up = http.request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers, agent },
      (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on("error", () => res.destroy());
    res.on("close", () => {
      if (!res.writableEnded) up.destroy();
    });
    req.pipe(up);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    zalo,
    get lookups() {
      return lookups;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      agent.destroy();
      await zalo.close();
    },
  };
}
