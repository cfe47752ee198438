/**
 * How a province scales out, run for real on loopback: nginx in front of two app processes and one notification
 * worker (compiled build, NODE_ENV=production) sharing PostgreSQL and Redis. Checked across the instances: an
 * officer's session and CSRF token; the per-IP rate limit (one budget for the deployment, not one per process);
 * one OA token refresh under concurrent chatbot replies; dossier codes without gaps or duplicates per unit and day;
 * the citizen mirror with the console and the citizen's screen on different instances; the public status cache
 * forgetting a change made on the other instance within STATUS_CACHE_MS.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { hashPassword } from "../../bot-server/src/console/session-auth.js";
import { openDatabase, type DatabaseHandle } from "../../bot-server/src/store/connect.js";
import { insertOfficer } from "../../bot-server/src/store/users.js";
import { adminQuery } from "../helpers/pg-admin.js";
import { startZaloStandIn, signWebhook, zaloEvent, type ZaloStandIn } from "../helpers/zalo-openapi-stand-in.js";
import { consoleClient, PASSWORD, QUANG_KHE } from "../console/helpers/console-server.js";
import { maritalIntake } from "../console/helpers/intake-fixtures.js";
import { buildServer, freePort, startNginx, startProc, type Proc } from "./helpers/instances.js";

const PG_URL = process.env.PG_URL;
const REDIS_URL = process.env.REDIS_URL_TEST;
const missing = [!PG_URL && "PG_URL", !REDIS_URL && "REDIS_URL_TEST"].filter(Boolean);
if (missing.length > 0 && (process.env.REQUIRE_POSTGRES === "1" || process.env.REQUIRE_REDIS === "1")) {
  throw new Error(`several instances REQUIRE ${missing.join(" and ")} (REQUIRE_POSTGRES/REQUIRE_REDIS=1)`);
}
const describeIf = missing.length === 0 ? describe : describe.skip;
if (missing.length > 0) console.warn(`several instances SKIPPED: ${missing.join(", ")} not set`);

const WEDNESDAY_10 = "2025-07-16T10:00:00+07:00";
const RATE_LIMIT = 40;
const STATUS_CACHE_MS = 1000;

describeIf("two app instances and a worker behind nginx, on PostgreSQL and Redis", () => {
  const schema = `instances_${randomBytes(4).toString("hex")}`;
  const prefix = `khonghen-test-${randomBytes(4).toString("hex")}`;
  let zalo: ZaloStandIn;
  let apps: Proc[] = [];
  let worker: Proc;
  let nginx: ReturnType<typeof startNginx>;
  let appPorts: number[];
  let base: string;
  let db: DatabaseHandle;

  /** A request through nginx as if from client address `ip` (a proxy in front of nginx put it in X-Forwarded-For). */
  const via = (path: string, init: RequestInit = {}, ip = `198.51.100.${1 + Math.floor(Math.random() * 250)}`) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { "x-forwarded-for": ip, ...(init.headers as Record<string, string>) },
    });

  beforeAll(async () => {
    buildServer();
    await adminQuery(PG_URL!, `create schema ${schema}`);
    const u = new URL(PG_URL!);
    u.searchParams.set("options", `-c search_path=${schema}`);
    zalo = await startZaloStandIn();
    const nginxPort = await freePort();
    appPorts = [await freePort(), await freePort()];
    const env: Record<string, string | undefined> = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      DATABASE_URL: u.toString(),
      REDIS_URL,
      NOTIFY_QUEUE_PREFIX: prefix,
      NOTIFY_WORKERS: "0",
      LOG_LEVEL: "info",
      PURGE_INTERVAL_MINUTES: "0",
      TEST_CLOCK: "1",
      TRUST_PROXY: "2",
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      STATUS_CACHE_MS: String(STATUS_CACHE_MS),
      PUBLIC_BASE_URL: `http://127.0.0.1:${nginxPort}`,
      ZALO_APP_ID: zalo.appId,
      ZALO_APP_SECRET: zalo.appSecret,
      ZALO_OA_ID: zalo.oaId,
      ZALO_OA_SECRET_KEY: zalo.oaSecretKey,
      ZALO_OA_REFRESH_TOKEN: zalo.seedRefreshToken,
      ZALO_OPENAPI_BASE: zalo.url,
      ZALO_OAUTH_BASE: zalo.url,
      ZALO_BUSINESS_BASE: zalo.url,
    };
    apps = appPorts.map((port, i) =>
      startProc(`app${i + 1}`, process.execPath, ["bot-server/start.js"], { ...env, PORT: String(port) }),
    );
    worker = startProc("worker", process.execPath, ["bot-server/start.js", "worker"], env);
    for (const a of apps) await a.waitFor(/"startupMs":\d+[^\n]*Khong Hen listening/, 90_000);
    await worker.waitFor(/notification worker ready/, 90_000);
    nginx = startNginx(nginxPort, appPorts);
    base = `http://127.0.0.1:${nginxPort}`;
    for (let i = 0; ; i++) {
      const r = await fetch(`${base}/readyz`).catch(() => undefined);
      if (r?.status === 200) break;
      if (i > 100) throw new Error(`nginx did not answer: ${nginx.proc.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const port of appPorts) {
      const r = await fetch(`http://127.0.0.1:${port}/__test/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ now: WEDNESDAY_10 }),
      });
      expect(r.status).toBe(200);
    }
    db = openDatabase({ kind: "postgres", url: PG_URL!, searchPath: schema, max: 2 });
    const now = new Date(WEDNESDAY_10).toISOString();
    const passwordHash = await hashPassword(PASSWORD);
    for (const [username, role] of [
      ["nhieu.motcua", "counter_officer"],
      ["nhieu.xuly", "processing_officer"],
    ] as const) {
      await insertOfficer(db.db, {
        id: crypto.randomUUID(),
        username,
        passwordHash,
        displayName: `Cán bộ ${username}`,
        role,
        unitId: QUANG_KHE,
        delegateFor: null,
        now,
      });
    }
  }, 300_000);

  afterAll(async () => {
    await nginx?.close();
    for (const p of [...apps, worker]) await p?.stop("SIGKILL");
    await db?.close();
    await zalo?.close();
    if (PG_URL) await adminQuery(PG_URL, `drop schema if exists ${schema} cascade`);
  }, 60_000);

  const upstreamOf = (r: Response) => r.headers.get("x-upstream") ?? "";

  async function officer(username: string) {
    const client = await consoleClient(base);
    const res = await client.login(username);
    expect(res.status).toBe(200);
    return client;
  }

  it("an officer signed in on one instance stays signed in, CSRF token included, on the other", async () => {
    const counter = await officer("nhieu.motcua");
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const r = await counter.get("/console/api/session");
      seen.add(upstreamOf(r));
      expect(((await r.json()) as { officer: { username?: string } | null }).officer).not.toBeNull();
    }
    expect(seen.size).toBe(2);
    const statuses = new Map<string, number>();
    for (let i = 0; i < 4; i++) {
      const r = await counter.post("/console/api/intake/receive", maritalIntake());
      statuses.set(upstreamOf(r), r.status);
    }
    expect([...statuses.values()]).toEqual([200, 200]);
    // The same request without the token is refused on either instance.
    const forged = await Promise.all(
      [0, 1].map(() => counter.post("/console/api/intake/receive", maritalIntake(), { "x-csrf-token": "forged" })),
    );
    expect(forged.map((r) => r.status)).toEqual([403, 403]);
    expect(new Set(forged.map(upstreamOf)).size).toBe(2);
  });

  it("allocates dossier codes without gaps or duplicates per unit and day under concurrent intakes on both instances", async () => {
    const counters = [await officer("nhieu.motcua"), await officer("nhieu.motcua")];
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => counters[i % 2]!.post("/console/api/intake/receive", maritalIntake())),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    expect(new Set(results.map(upstreamOf)).size).toBe(2);
    const rows = await db.db
      .selectFrom("dossiers")
      .select(["code"])
      .where("receiving_unit_id", "=", QUANG_KHE)
      .execute();
    const byDay = new Map<string, number[]>();
    for (const { code } of rows) {
      const m = /-(\d{6})-(\d{4})$/.exec(code)!;
      byDay.set(m[1]!, [...(byDay.get(m[1]!) ?? []), Number(m[2])]);
    }
    expect([...byDay.keys()]).toEqual(["250716"]);
    const numbers = byDay.get("250716")!.sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it("counts the per-IP rate limit once for the deployment (shared in Redis), not once per instance", async () => {
    const ip = "203.0.113.77";
    const answers = [];
    for (let i = 0; i < RATE_LIMIT + 5; i++) answers.push(await via("/api/consent", {}, ip));
    expect(new Set(answers.map(upstreamOf)).size).toBe(2);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(RATE_LIMIT);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(5);
    // Another address keeps its own budget.
    expect((await via("/api/consent", {}, "203.0.113.78")).status).toBe(200);
  });

  it("refreshes the OA token once when it expires under concurrent chatbot replies handled by both instances", async () => {
    const nowMs = new Date(WEDNESDAY_10).getTime();
    const post = (userId: string, text: string) => {
      const signed = signWebhook(zaloEvent.text({ userId, text, timestamp: String(nowMs) }), {
        appId: zalo.appId,
        oaSecretKey: zalo.oaSecretKey,
      });
      return fetch(`${base}/webhook/zalo`, { method: "POST", headers: signed.headers, body: signed.body });
    };
    expect((await post("5521772797175800001", "xin chào")).status).toBe(200);
    await zalo.waitFor("cs", 1);
    zalo.reset();
    zalo.expireAccessTokens();
    const people = Array.from({ length: 40 }, (_, i) => `55217727971759${String(i).padStart(5, "0")}`);
    const acks = await Promise.all(people.map((u) => post(u, "thủ tục nào được trả trong ngày")));
    expect(acks.map((r) => r.status)).toEqual(acks.map(() => 200));
    expect(new Set(acks.map(upstreamOf)).size).toBe(2);
    await zalo.waitFor("cs", people.length);
    expect(zalo.csMessages.map((m) => m.recipient).sort()).toEqual([...people].sort());
    expect(zalo.refreshCount).toBe(1);
  });

  it("forgets a cached public status within STATUS_CACHE_MS when the other instance changes the dossier", async () => {
    const [a, b] = appPorts.map((p) => `http://127.0.0.1:${p}`) as [string, string];
    const counter = await consoleClient(a);
    expect((await counter.login("nhieu.motcua")).status).toBe(200);
    const received = (await (await counter.post("/console/api/intake/receive", maritalIntake())).json()) as {
      dossierId: string;
      code: string;
    };
    const statusOnB = async () =>
      ((await (await fetch(`${b}/api/dossiers/${received.code}/status`)).json()) as { state: string }).state;
    expect(await statusOnB()).toBe("received");
    const processor = await consoleClient(a);
    expect((await processor.login("nhieu.xuly")).status).toBe(200);
    const changed = await processor.post(`/console/api/dossiers/${received.dossierId}/events`, {
      event: "start_processing",
    });
    expect(changed.status).toBe(200);
    const changedAt = Date.now();
    let state = await statusOnB();
    while (state !== "processing" && Date.now() - changedAt < 10_000) {
      await new Promise((r) => setTimeout(r, 50));
      state = await statusOnB();
    }
    expect(state).toBe("processing");
    // The documented delay (STATUS_CACHE_MS) plus a margin for a loaded machine.
    expect(Date.now() - changedAt).toBeLessThan(STATUS_CACHE_MS + 1500);
  });

  it("shows the officer's typing on the citizen's mirror served by the other instance, and the confirmation back", async () => {
    const [a, b] = appPorts.map((p) => `http://127.0.0.1:${p}`) as [string, string];
    const counter = await consoleClient(a);
    expect((await counter.login("nhieu.motcua")).status).toBe(200);
    const { code } = (await (await counter.post("/console/api/mirror/pair")).json()) as { code: string };
    await new Promise((r) => setTimeout(r, 200));
    const join = async () =>
      fetch(`${b}/console/mirror/api/join`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code }),
      });
    const joined = await join();
    expect(joined.status).toBe(200);
    const { token } = (await joined.json()) as { token: string };

    const events = await fetch(`${b}/console/mirror/api/events?token=${encodeURIComponent(token)}`);
    expect(events.status).toBe(200);
    const reader = events.body!.getReader();
    let received = "";
    const nextState = async (version: number) => {
      const deadline = Date.now() + 5000;
      for (;;) {
        const states = [...received.matchAll(/^data: (.+)$/gm)].map(
          (m) =>
            JSON.parse(m[1]!) as {
              type: string;
              version: number;
              state: { fields: { value: string }[] } | null;
              confirmed: boolean;
            },
        );
        const found = states.find((s) => s.type === "state" && s.version === version);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`mirror on the other instance never showed version ${version}: ${received}`);
        const chunk = await reader.read();
        received += new TextDecoder().decode(chunk.value);
      }
    };
    const published = await counter.post("/console/api/mirror/state", {
      title: "Tờ khai",
      fields: [{ label: "Họ, chữ đệm, tên", value: "Nguyễn Văn Thử" }],
    });
    expect(published.status).toBe(200);
    const { version } = (await published.json()) as { version: number };
    const shown = await nextState(version);
    expect(shown.state!.fields[0]!.value).toBe("Nguyễn Văn Thử");

    const confirmed = await fetch(`${b}/console/mirror/api/confirm`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, version }),
    });
    expect(confirmed.status).toBe(200);
    let status = { confirmed: false };
    for (let i = 0; i < 50 && !status.confirmed; i++) {
      status = (await (await counter.get("/console/api/mirror/status")).json()) as { confirmed: boolean };
      if (!status.confirmed) await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toMatchObject({ paired: true, joined: true, version, confirmed: true });
    await reader.cancel();
  });

  it("the notification worker and both instances stop cleanly on SIGTERM", async () => {
    expect(await worker.stop("SIGTERM")).toBe(0);
    for (const a of apps) expect(await a.stop("SIGTERM")).toBe(0);
    expect(apps.map((a) => a.output()).join("\n")).not.toMatch(/"level":50/);
  });
});
