/**
 * Builds every dependency from configuration: database (migrated and seeded), domain, clients, clock, secret, and
 * the Zalo runtime (webhook, chatbot, its event queue, the one OA client). Used by main.ts, worker-main.ts and by
 * tests and benchmarks that start the real app.
 */
import { createSettableClock, systemClock, type Clock, type SettableClock } from "./clock.js";
import { zaloGraphConfigured, type Config } from "./config.js";
import type { Deps } from "./deps.js";
import { createLiveDomain } from "./domain.js";
import { createZaloGraph } from "./identity/zalo-graph.js";
import type { Log } from "./log.js";
import { formatCreatedAccounts, seed } from "./seed.js";
import { loadStatusTokenSecret } from "./status-token.js";
import { openDatabase, type DatabaseHandle } from "./store/connect.js";
import { migrateToLatest } from "./store/migrate.js";
import { createPreRegistrationWriter } from "./store/pre-registrations.js";
import { createReceiptWriter } from "./store/receipts.js";
import { openSqliteReads } from "./store/sqlite-reads.js";
import { createStatusCache } from "./use-cases/status-cache.js";
import { createSharedRedis } from "./shared-redis.js";
import { createZaloHttp } from "./zalo/zalo-http.js";
import { createZaloRuntime, type ZaloRuntimeOptions } from "./zalo/zalo-runtime.js";

export interface BuildOptions {
  /** Base clock (tests); the system clock otherwise. */
  clock?: Clock;
  /** Where the first start prints the demo accounts' passwords (stdout by default). */
  printOnce?: (text: string) => void;
  /** An already open database (tests); opened from config.database otherwise. It is closed with the app's deps. */
  database?: DatabaseHandle;
  /** The Zalo runtime's queue mode and worker (a worker process, benchmarks); from configuration otherwise. */
  zalo?: ZaloRuntimeOptions;
}

export async function buildDeps(config: Config, log: Log, options: BuildOptions = {}): Promise<Deps> {
  const clock = options.clock;
  const handle =
    options.database ??
    openDatabase(config.database, { onWarning: (message) => log.warn({ database: "sqlite" }, message) });
  try {
    const { applied } = await migrateToLatest(handle.db);
    if (applied.length > 0) log.info({ applied }, "database migrated");
    const testClock: SettableClock | undefined = config.TEST_CLOCK
      ? createSettableClock(clock ?? systemClock)
      : undefined;
    const effectiveClock = testClock ?? clock ?? systemClock;
    const now = effectiveClock.now().toISOString();
    const report = await seed(handle.db, { now });
    const printed = formatCreatedAccounts(report.createdAccounts, config.PUBLIC_BASE_URL);
    // Printed once on stdout for the operator; deliberately not through the logger.
    if (printed) (options.printOnce ?? ((t) => process.stdout.write(`${t}\n`)))(printed);
    const sqliteReads = await openSqliteReads(handle.db);
    const redis = createSharedRedis(config, log);
    const zaloHttp = createZaloHttp();
    const domain = await createLiveDomain(handle.db, {
      refreshMs: config.DOMAIN_REFRESH_MS,
      onError: (e) => log.warn({ err: e }, "domain refresh failed"),
    });
    const core: Omit<Deps, "zalo"> = {
      db: handle.db,
      database: {
        kind: handle.kind,
        ping: () => handle.ping(),
        close: async () => {
          domain.stop();
          await zalo.close();
          sqliteReads?.close();
          redis?.disconnect();
          await handle.close();
        },
      },
      ...(sqliteReads ? { sqliteReads } : {}),
      ...(redis ? { redis } : {}),
      clock: effectiveClock,
      ...(testClock ? { testClock } : {}),
      config,
      log,
      domain,
      ...(zaloGraphConfigured(config)
        ? {
            zaloGraph: createZaloGraph({
              baseUrl: config.ZALO_GRAPH_BASE,
              appSecret: config.ZALO_APP_SECRET!,
              http: zaloHttp,
            }),
          }
        : {}),
      zaloHttp,
      statusTokenSecret: await loadStatusTokenSecret(handle.db, config, now),
      preRegistrationWriter: createPreRegistrationWriter(handle.db),
      receiptWriter: createReceiptWriter(handle.db),
      statusCache: createStatusCache({ ttlMs: config.STATUS_CACHE_MS }),
    };
    const zalo = createZaloRuntime(core, options.zalo);
    return { ...core, zalo };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
