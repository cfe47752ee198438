/**
 * The real app in its own process for bench/api.ts: configuration from env (DATABASE_URL…, rate limit off),
 * migrated and seeded like `npm start`, listening on an ephemeral port printed as one JSON line.
 */
import type { AddressInfo } from "node:net";
import { buildDeps } from "../bot-server/src/build-deps.js";
import { loadConfigOrExit } from "../bot-server/src/config.js";
import { createLog } from "../bot-server/src/log.js";
import { createServer } from "../bot-server/src/server.js";

const config = loadConfigOrExit();
const deps = await buildDeps(config, createLog(config.LOG_LEVEL), { printOnce: () => {} });
const server = createServer(deps).listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
const stop = () => server.close(() => void deps.database.close().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
