/**
 * Starts the real app on port 0 against a given (test) database, with a clock the test controls and the
 * configuration it needs; `request` is fetch against that server. The database stays open after `close`:
 * its owner (the dialect loop) closes it.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buildDeps } from "../../bot-server/src/build-deps.js";
import { createSettableClock, type SettableClock } from "../../bot-server/src/clock.js";
import { parseConfig } from "../../bot-server/src/config.js";
import type { Deps } from "../../bot-server/src/deps.js";
import { createLog } from "../../bot-server/src/log.js";
import { createServer } from "../../bot-server/src/server.js";
import type { DatabaseHandle } from "../../bot-server/src/store/connect.js";

export interface TestApp {
  url: string;
  deps: Deps;
  /** The server's clock: `clock.set(new Date("2025-10-15T14:59:00+07:00"))`. */
  clock: SettableClock;
  /** What the first start printed once (demo accounts and passwords). */
  printed: string[];
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Initial instant of the clock (ISO). */
  now?: string;
  miniAppDir?: string;
}

export async function startTestApp(database: DatabaseHandle, options: TestAppOptions = {}): Promise<TestApp> {
  const parsed = parseConfig({
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: "0",
    PURGE_INTERVAL_MINUTES: "0",
    DATABASE_URL: "sqlite::memory:",
    ...options.env,
  });
  if (!parsed.ok) throw new Error(`test config: ${parsed.errors.join("; ")}`);
  const clock = createSettableClock();
  if (options.now) clock.set(new Date(options.now));
  const printed: string[] = [];
  const deps = await buildDeps(parsed.config, createLog("silent"), {
    database: { ...database, close: async () => {} },
    clock,
    printOnce: (t) => printed.push(t),
  });
  const server: Server = await new Promise((resolve) => {
    const s = createServer(deps, options.miniAppDir ? { miniAppDir: options.miniAppDir } : {}).listen(
      0,
      "127.0.0.1",
      () => resolve(s),
    );
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    deps,
    clock: deps.testClock ?? clock,
    printed,
    request(path, init = {}) {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
      return fetch(`${url}${path}`, {
        ...rest,
        headers,
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }).finally(() => {
        deps.sqliteReads?.close();
        deps.redis?.disconnect();
      }),
  };
}
