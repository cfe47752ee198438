/**
 * Composition root: configuration, logger, dependencies (database migrated and seeded, domain, clients), the
 * app, the purge job and the notification dispatch; then listen on PORT and shut down gracefully on SIGTERM/SIGINT (stop accepting,
 * finish what is in flight, close the database).
 */
import type { Server } from "node:http";
import { buildDeps } from "./build-deps.js";
import { loadConfigOrExit } from "./config.js";
import { createServer } from "./server.js";
import { createRedisMirrorSync } from "./console/mirror-sync.js";
import { createLog } from "./log.js";
import { startNotifications } from "./notify/start-notifications.js";
import { startIntegrationWebhooks } from "./integration/webhooks.js";
import { startPurgeTimer } from "./use-cases/purge-pre-registrations.js";

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLog(config.LOG_LEVEL);
  const deps = await buildDeps(config, log);
  const stopPurge = startPurgeTimer(deps);
  // Outbox → Zalo: in-process without REDIS_URL, relay (and workers unless NOTIFY_WORKERS=0) with it.
  const notifications = startNotifications(deps);
  // Dossier events → outbox rows of kind tthc_webhook (one per covering integration target), which the pipeline above
  // sends to the province's TTHC system; idle while no target is configured.
  const webhooks = startIntegrationWebhooks(deps);
  // Several instances share the citizen mirror through Redis pub/sub.
  const mirrorSync = config.REDIS_URL
    ? createRedisMirrorSync(config.REDIS_URL, `${config.NOTIFY_QUEUE_PREFIX}:console-mirror`, log)
    : undefined;
  const server: Server = createServer(deps, mirrorSync ? { mirrorSync } : {}).listen(config.PORT, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    // Start-up time: from the process's start (module loading included) to listening.
    const startupMs = Math.round(performance.now());
    log.info({ port, database: deps.database.kind, url: config.PUBLIC_BASE_URL, startupMs }, "Khong Hen listening");
  });
  server.keepAliveTimeout = 65_000;

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    stopPurge();
    const force = setTimeout(() => {
      log.warn("in-flight requests did not finish in time; closing connections");
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(async () => {
      await notifications.stop();
      await webhooks.stop();
      await mirrorSync?.close();
      await deps.zalo.close();
      await deps.database.close();
      log.info("stopped");
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((e: unknown) => {
  process.stderr.write(`Khong Hen failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
