/**
 * /healthz says the process lives; /readyz says this instance can take traffic: the database answers, every
 * migration is applied and, with REDIS_URL, Redis answers. A proxy or orchestrator reads them separately.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { sql } from "kysely";
import { forEachDatabase, requireRedis, type TestDatabase } from "../helpers/databases.js";
import { startTestApp, type TestApp } from "../helpers/app.js";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    t = await open();
    app = await startTestApp(t);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("is not ready while a migration is missing, then ready once it is applied", async () => {
    const rows = await sql<{
      name: string;
      timestamp: string;
    }>`select name, timestamp from kysely_migration order by name desc`.execute(t.db);
    const last = rows.rows[0]!;
    await sql`delete from kysely_migration where name = ${last.name}`.execute(t.db);
    const pending = await app.request("/readyz");
    expect(pending.status).toBe(503);
    expect(await pending.json()).toEqual({ status: "unavailable", checks: { database: "ok", migrations: "pending" } });
    expect((await app.request("/healthz")).status).toBe(200);

    await sql`insert into kysely_migration (name, timestamp) values (${last.name}, ${last.timestamp})`.execute(t.db);
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok" } });
  });

  it("/healthz stays 200 and /readyz turns 503 when the database is gone", async () => {
    const t2 = await open();
    const app2 = await startTestApp(t2);
    try {
      expect((await app2.request("/readyz")).status).toBe(200);
      await t2.close();
      const res = await app2.request("/readyz");
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: "unavailable", checks: { database: "down" } });
      const health = await app2.request("/healthz");
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "ok", uptimeSeconds: expect.any(Number) });
    } finally {
      await app2.close();
    }
  });

  const redisUrl = requireRedis();
  (redisUrl ? it : it.skip)(
    "checks Redis when REDIS_URL is set: ready while it answers, 503 naming it when it does not",
    async () => {
      const up = await startTestApp(t, { env: { REDIS_URL: redisUrl! } });
      const down = await startTestApp(t, { env: { REDIS_URL: "redis://127.0.0.1:1" } });
      try {
        const ok = await up.request("/readyz");
        expect(await ok.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok", redis: "ok" } });
        const res = await down.request("/readyz");
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({
          status: "unavailable",
          checks: { database: "ok", migrations: "ok", redis: "down" },
        });
        expect((await down.request("/healthz")).status).toBe(200);
      } finally {
        await up.close();
        await down.close();
      }
    },
  );
});
