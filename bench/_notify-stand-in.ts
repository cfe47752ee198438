/**
 * A lean Zalo stand-in for bench/notify.ts, in its own process as Zalo is another machine: the OAuth refresh and the
 * CS message endpoint with Zalo's envelopes (docs/zalo.md#oa-access-token, #customer-service-message), answering after BENCH_STANDIN_LATENCY_MS (default
 * 20 ms). Plain node:http, so that on a 2-core machine the stand-in's own cost stays small beside the pipeline's;
 * the full stand-in (test/helpers/zalo-openapi-stand-in.ts) checks every request in the tests. Prints {"url":…} once
 * listening; on the IPC message "report" sends back [recipient, accepted at] of every CS message.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const LATENCY_MS = Number(process.env.BENCH_STANDIN_LATENCY_MS ?? 20);
const APP_ID = "1234567890123456789";
const APP_SECRET = "BENCH_APP_SECRET";
let refreshToken = "RT-bench-seed";
const accessTokens = new Set<string>();
const accepted: [string, number][] = [];

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    setTimeout(() => {
      const body = Buffer.concat(chunks).toString();
      res.setHeader("content-type", "application/json");
      if (req.url === "/v4/oa/access_token") {
        const form = new URLSearchParams(body);
        if (req.headers.secret_key !== APP_SECRET || form.get("refresh_token") !== refreshToken) {
          return res.end(JSON.stringify({ error: -14009, error_name: "Invalid refresh token" }));
        }
        const access = `AT-${randomBytes(6).toString("hex")}`;
        refreshToken = `RT-${randomBytes(6).toString("hex")}`;
        accessTokens.add(access);
        return res.end(JSON.stringify({ access_token: access, refresh_token: refreshToken, expires_in: "90000" }));
      }
      if (req.url === "/v3.0/oa/message/cs") {
        if (!accessTokens.has(String(req.headers.access_token)))
          return res.end(JSON.stringify({ error: -216, message: "Access token is invalid" }));
        const userId = (JSON.parse(body) as { recipient?: { user_id?: string } }).recipient?.user_id ?? "";
        accepted.push([userId, Date.now()]);
        return res.end(
          JSON.stringify({
            error: 0,
            message: "Success",
            data: { message_id: `cs${accepted.length}`, user_id: userId },
          }),
        );
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: -1, message: "not in this stand-in" }));
    }, LATENCY_MS);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.stdout.write(`${JSON.stringify({ url, appId: APP_ID, appSecret: APP_SECRET, refreshToken })}\n`);
});
process.on("message", (m) => {
  if (m === "report") process.send!({ accepted, rejected: 0 });
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
