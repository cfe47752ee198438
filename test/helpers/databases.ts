/**
 * The dialect loop for every storage and API test, and the Redis switch.
 *
 *   forEachDatabase((name, open) => {
 *     let t: TestDatabase;
 *     beforeAll(async () => { t = await open(); });   // fresh, migrated, isolated
 *     afterAll(() => t.close());                      // also done automatically at the end of the describe
 *     it("…", async () => { await t.db.selectFrom("dossiers")… });
 *   });
 *
 * SQLite: a file in a fresh temp folder (WAL, as in production). PostgreSQL (when PG_URL is set): a uniquely
 * named schema on PG_URL, put on search_path, dropped on close, so parallel jest workers never meet.
 * Without PG_URL the PostgreSQL suite is skipped with a warning, or fails when REQUIRE_POSTGRES=1 (CI).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "@jest/globals";
import { adminQuery } from "./pg-admin.js";
import { openDatabase, type DatabaseConfig, type DatabaseHandle } from "../../bot-server/src/store/connect.js";
import { migrateToLatest } from "../../bot-server/src/store/migrate.js";

export type DialectName = "sqlite" | "postgres";

export interface TestDatabase extends DatabaseHandle {
  name: DialectName;
  /** Another independent connection (pool) to the same database; closed together with this one. */
  connectAgain(): DatabaseHandle;
}

export interface OpenOptions {
  /** Run migrateToLatest before returning (default true). */
  migrate?: boolean;
}

export type OpenTestDatabase = (options?: OpenOptions) => Promise<TestDatabase>;

interface Isolated {
  config: DatabaseConfig;
  dispose(): Promise<void>;
}

let warnedPostgres = false;

export function forEachDatabase(fn: (name: DialectName, open: OpenTestDatabase) => void): void {
  describeDialect("sqlite", isolatedSqlite, fn);
  forPostgres(fn);
}

/** The PostgreSQL half of forEachDatabase alone, for what only PostgreSQL has (schemas, other clients' catalogs). */
export function forPostgres(fn: (name: DialectName, open: OpenTestDatabase) => void): void {
  const pgUrl = process.env.PG_URL;
  if (pgUrl) {
    describeDialect("postgres", () => isolatedPostgres(pgUrl), fn);
  } else if (process.env.REQUIRE_POSTGRES === "1") {
    describe("postgres", () => {
      it("has a PostgreSQL server to test against", () => {
        throw new Error("PostgreSQL suites REQUIRED (REQUIRE_POSTGRES=1) but PG_URL is not set");
      });
    });
  } else {
    if (!warnedPostgres) console.warn("PostgreSQL suites SKIPPED: PG_URL not set");
    warnedPostgres = true;
    describe.skip("postgres", () => fn("postgres", () => Promise.reject(new Error("PG_URL not set"))));
  }
}

function describeDialect(
  name: DialectName,
  isolate: () => Promise<Isolated>,
  fn: (name: DialectName, open: OpenTestDatabase) => void,
): void {
  describe(name, () => {
    const open = new Set<TestDatabase>();
    afterAll(async () => {
      for (const t of [...open]) await t.close();
    });
    fn(name, async (options = {}) => {
      const t = await openIsolated(name, await isolate(), () => open.delete(t));
      open.add(t);
      if (options.migrate ?? true) await migrateToLatest(t.db);
      return t;
    });
  });
}

async function openIsolated(name: DialectName, isolated: Isolated, onClose: () => void): Promise<TestDatabase> {
  const main = openDatabase(isolated.config);
  const extra: DatabaseHandle[] = [];
  let closed = false;
  return {
    ...main,
    name,
    connectAgain() {
      const h = openDatabase(isolated.config);
      extra.push(h);
      return h;
    },
    async close() {
      if (closed) return;
      closed = true;
      onClose();
      for (const h of extra) await h.close();
      await main.close();
      await isolated.dispose();
    },
  };
}

async function isolatedSqlite(): Promise<Isolated> {
  const dir = mkdtempSync(join(tmpdir(), "khonghen-test-"));
  return {
    config: { kind: "sqlite", file: join(dir, "test.sqlite") },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function isolatedPostgres(url: string): Promise<Isolated> {
  const schema = `test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await adminQuery(url, `create schema ${schema}`);
  return {
    config: { kind: "postgres", url, searchPath: schema, max: 10 },
    dispose: () => adminQuery(url, `drop schema if exists ${schema} cascade`),
  };
}

/**
 * REDIS_URL_TEST for Redis suites: `const url = requireRedis(); (url ? describe : describe.skip)(…)`.
 * Unset: throws when REQUIRE_REDIS=1 (CI), otherwise warns loudly and returns undefined.
 */
export function requireRedis(): string | undefined {
  const url = process.env.REDIS_URL_TEST;
  if (url) return url;
  if (process.env.REQUIRE_REDIS === "1") {
    throw new Error("Redis suites REQUIRED (REQUIRE_REDIS=1) but REDIS_URL_TEST is not set");
  }
  console.warn("Redis suites SKIPPED: REDIS_URL_TEST not set");
  return undefined;
}
