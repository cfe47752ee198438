/**
 * The Zalo stand-in for bench/notify.ts in its own process (Zalo is another machine): answers every call after
 * BENCH_STANDIN_LATENCY_MS (default 20 ms). Prints {"url":…} once listening; on the IPC message "report" it sends
 * back when each CS message was accepted, per recipient.
 */
import { startZaloStandIn } from "../test/helpers/zalo-openapi-stand-in.js";

const zalo = await startZaloStandIn({ latencyMs: Number(process.env.BENCH_STANDIN_LATENCY_MS ?? 20) });
process.stdout.write(`${JSON.stringify({ url: zalo.url, appId: zalo.appId, appSecret: zalo.appSecret, refreshToken: zalo.seedRefreshToken })}\n`);
process.on("message", (m) => {
  if (m === "report") process.send!({ accepted: zalo.csMessages.map((c) => [c.recipient, c.at]), rejected: zalo.rejected.length });
});
process.on("SIGTERM", () => void zalo.close().then(() => process.exit(0)));
