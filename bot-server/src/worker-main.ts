/**
 * `npm run worker`: a notification worker process (REDIS_URL required). It runs the outbox relay and the channel
 * workers; start as many as needed, beside servers with NOTIFY_WORKERS=0 or not. SIGTERM/SIGINT: sends in flight
 * finish, connections close, exit 0. A kill -9 loses nothing: the outbox and the delivery records hold the truth.
 */
import { buildDeps } from "./build-deps.js";
import { loadConfigOrExit } from "./config.js";
import { createLog } from "./log.js";
import { startNotifications } from "./notify/start-notifications.js";

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createLog(config.LOG_LEVEL);
  if (!config.REDIS_URL) {
    process.stderr.write(
      "npm run worker cần REDIS_URL; không có Redis thì máy chủ tự gửi thông báo. / " +
        "npm run worker needs REDIS_URL; without Redis the server sends notifications itself.\n",
    );
    process.exit(2);
  }
  // The shared OA token store (and its cross-process refresh lock); webhook events stay with the servers' workers.
  const deps = await buildDeps(config, log, { zalo: { worker: false } });
  const notifications = startNotifications(deps, { workers: true });
  log.info({ pid: process.pid, mode: notifications.mode }, "notification worker ready");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "notification worker stopping");
    // Sends in flight get this long; the outbox keeps whatever did not finish.
    setTimeout(() => process.exit(1), 30_000).unref();
    await notifications.stop();
    await deps.zalo.close();
    await deps.database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((e: unknown) => {
  process.stderr.write(`notification worker failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
