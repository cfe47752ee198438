/**
 * The server of bench/webhook.ts, in its own process: the real server (createServer over buildDeps) with the Zalo webhook
 * configured from the environment. BENCH_WORKER=0 keeps the BullMQ worker out of this process (another process
 * drains the queue); BENCH_QUEUE=in-process forces the embedded queue. BENCH_BARE=1 serves a bare Express endpoint
 * instead (the ceiling). Prints {"port":N} when listening.
 */
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { buildDeps } from "../bot-server/src/build-deps.js";
import { parseConfig } from "../bot-server/src/config.js";
import { createLog } from "../bot-server/src/log.js";
import { createServer } from "../bot-server/src/server.js";

async function start(): Promise<{ server: Server; stop(): Promise<void> }> {
  if (process.env.BENCH_BARE === "1") {
    const app = express();
    app.disable("x-powered-by");
    app.set("etag", false);
    app.post("/webhook/zalo", express.raw({ type: () => true, limit: "100kb" }), (_req, res) => {
      res.json({ received: true });
    });
    return { server: createHttpServer(app), stop: async () => {} };
  }
  const parsed = parseConfig(process.env);
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  const deps = await buildDeps(parsed.config, createLog(parsed.config.LOG_LEVEL), {
    printOnce: () => {},
    zalo: {
      worker: process.env.BENCH_WORKER !== "0",
      ...(process.env.BENCH_QUEUE === "in-process" ? { queue: "in-process" as const } : {}),
    },
  });
  const runtime = deps.zalo;
  return {
    server: createServer(deps),
    async stop() {
      // Nothing drains a Redis queue whose worker runs elsewhere: do not wait for it.
      if (runtime.queue.kind === "in-process" || process.env.BENCH_WORKER !== "0") await runtime.queue.idle();
      await runtime.close();
      await deps.database.close();
    },
  };
}

const { server, stop } = await start();
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => void stop().finally(() => process.exit(0)));
});
