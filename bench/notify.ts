/**
 * Notifications (npm run bench -- notify), in one run on this machine: a worker process (npm run worker: relay and
 * channel workers, BullMQ on Redis), the Zalo stand-in in another process answering in 20 ms, and this process
 * writing outbox rows as the counter's approval transaction does. Measured:
 *  1. approval → stand-in-accepted latency p50/p99 at 200 events/s (BENCH_SECONDS, default 10);
 *  2. drain rate of a 10,000-event burst;
 * each beside a bare BullMQ no-op job (latency at the same pace, throughput of the same burst) measured in the same
 * run: the ceiling. Redis: REDIS_URL, else a private redis-server on a free port. Database: a fresh PostgreSQL
 * database on PG_URL's server (dropped afterwards) when PG_URL is set, as a Redis deployment would run; else a SQLite
 * file in a temp folder (BENCH_DB=sqlite forces it). Per-channel rate limits are raised for the stand-in (Zalo's quota would cap the
 * burst at 3,000/min: that is the production default, not a limit of the pipeline).
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { sql } from "kysely";
import { buildDeps } from "../bot-server/src/build-deps.js";
import { parseConfig } from "../bot-server/src/config.js";
import { createLog } from "../bot-server/src/log.js";
import { adminQuery } from "../test/helpers/pg-admin.js";
import { startRedisServer } from "../test/notify/helpers/child-processes.js";
import { insertEvents, oaUserId, type EventSpec } from "../test/notify/helpers/notify-fixtures.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = 200;
const BURST = 10_000;
/** Sends in flight in the worker (NOTIFY_CONCURRENCY); the stand-in's 20 ms per answer makes a send mostly waiting. */
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? "100";

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number) => Math.round(n);

// ---- infrastructure -------------------------------------------------------------------------------------------
const privateRedis = process.env.REDIS_URL ? undefined : await startRedisServer();
const redisUrl = process.env.REDIS_URL ?? privateRedis!.url;
const dir = mkdtempSync(join(tmpdir(), "khonghen-bench-notify-"));
const pgDatabase =
  process.env.PG_URL && process.env.BENCH_DB !== "sqlite"
    ? `bench_notify_${randomBytes(4).toString("hex")}`
    : undefined;
const databaseUrl = pgDatabase
  ? await createPgDatabase(process.env.PG_URL!, pgDatabase)
  : `sqlite:${join(dir, "bench.sqlite")}`;
const prefix = `bench-notify-${randomBytes(4).toString("hex")}`;
const children: ChildProcess[] = [];

async function cleanup(): Promise<void> {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  await privateRedis?.kill();
  if (pgDatabase) await adminQuery(process.env.PG_URL!, `drop database if exists ${pgDatabase} with (force)`);
  rmSync(dir, { recursive: true, force: true });
}

try {
  console.log(
    `notify bench: ${SECONDS} s at ${RATE} events/s, burst of ${BURST.toLocaleString("en")}, stand-in answers in 20 ms, worker concurrency ${CONCURRENCY}`,
  );
  console.log(`  redis ${privateRedis ? "private redis-server" : "REDIS_URL"}, database ${databaseUrl.split(":")[0]}`);

  // ---- 1. bare BullMQ no-op: the ceiling ---------------------------------------------------------------------
  const bare = await bareBullmq(redisUrl, `${prefix}-bare`);
  console.log(
    `bare BullMQ no-op: latency p50 ${bare.p50} ms, p99 ${bare.p99} ms at ${RATE}/s; burst ${round(bare.rate)} jobs/s`,
  );

  // ---- 2. the pipeline ---------------------------------------------------------------------------------------
  const standIn = await startStandIn();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    ZALO_APP_ID: standIn.info.appId,
    ZALO_APP_SECRET: standIn.info.appSecret,
    ZALO_OA_REFRESH_TOKEN: standIn.info.refreshToken,
    ZALO_OPENAPI_BASE: standIn.info.url,
    ZALO_OAUTH_BASE: standIn.info.url,
    ZALO_BUSINESS_BASE: standIn.info.url,
    NOTIFY_QUEUE_PREFIX: prefix,
    NOTIFY_CONCURRENCY: CONCURRENCY,
    NOTIFY_RATE_OA_CS_PER_MINUTE: "6000000",
  };
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  const deps = await buildDeps(parsed.config, createLog("warn"), { printOnce: () => {} });
  const worker = await startWorker(env);

  // Warm-up: token, connections, JIT.
  await insertEvents(deps.db, specs(0, 50));
  await waitSettled(deps.db);

  const committed = new Map<string, number>();
  const start = Date.now();
  for (let i = 0; i < SECONDS * RATE; i++) {
    const target = start + (i * 1000) / RATE;
    const wait = target - Date.now();
    if (wait > 0) await sleep(wait);
    const spec = specs(100_000 + i, 1)[0]!;
    await insertEvents(deps.db, [spec]);
    committed.set(spec.reach.oaUserId!, Date.now());
  }
  await waitSettled(deps.db);
  const report1 = await standIn.report();
  const latencies = report1.accepted.filter(([r]) => committed.has(r)).map(([r, at]) => at - committed.get(r)!);
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  console.log(
    `pipeline: approval → stand-in accepted p50 ${p50} ms, p99 ${p99} ms over ${latencies.length} events at ${RATE}/s`,
  );

  // The burst is written first and falls due at one instant: the drain is measured from that instant.
  const writeStart = Date.now();
  const due = writeStart + 15_000;
  const burstSpecs = specs(1_000_000, BURST, new Date(due).toISOString());
  const burstUsers = new Set(burstSpecs.map((s) => s.reach.oaUserId!));
  await insertEvents(deps.db, burstSpecs);
  const written = Date.now() - writeStart;
  if (Date.now() > due) throw new Error("writing the burst took longer than 15 s");
  await sleep(due - Date.now());
  const cpuBefore = [cpuMs(worker.pid!), cpuMs(standIn.proc.pid!)];
  await waitSettled(deps.db, 300_000);
  const cpuAfter = [cpuMs(worker.pid!), cpuMs(standIn.proc.pid!)];
  const report2 = await standIn.report();
  const burstAccepts = report2.accepted.filter(([r]) => burstUsers.has(r));
  const last = Math.max(...burstAccepts.map(([, at]) => at));
  const rate = (burstAccepts.length / (last - due)) * 1000;
  const distinct = new Set(burstAccepts.map(([r]) => r)).size;
  console.log(
    `pipeline: burst of ${BURST.toLocaleString("en")} (written in ${written} ms, due at once) drained at ${round(rate)}/s; ${distinct} delivered, ${burstAccepts.length - distinct} duplicates`,
  );
  console.log(
    `CPU per notification in the burst: worker ${((cpuAfter[0]! - cpuBefore[0]!) / BURST).toFixed(2)} ms, stand-in ${((cpuAfter[1]! - cpuBefore[1]!) / BURST).toFixed(2)} ms`,
  );
  console.log(
    `ratios to bare BullMQ: latency p99 ${(p99 / Math.max(1, bare.p99)).toFixed(1)}×, drain rate ${((rate / bare.rate) * 100).toFixed(0)} %`,
  );

  worker.kill("SIGTERM");
  await new Promise((r) => worker.once("exit", r));
  standIn.proc.kill("SIGTERM");
  await deps.database.close();

  console.log(
    `goal notify approval → accepted p99 at ${RATE} events/s: ${p99} ms (< 500 ms) ${p99 < 500 ? "ok" : "short"}`,
  );
  console.log(
    `goal notify 10,000-event burst drain rate: ${round(rate)}/s (≥ 1,000/s) ${rate >= 1000 ? "ok" : "short"}`,
  );
  console.log(
    `goal notify burst delivered once: ${distinct}/${BURST}, ${burstAccepts.length - distinct} duplicates (${BURST}, 0) ${distinct === BURST && burstAccepts.length === distinct ? "ok" : "short"}`,
  );
} finally {
  await cleanup();
}
process.exit(0);

// ---------------------------------------------------------------------------------------------------------------

/** CPU time (user + system) a process used so far, from /proc (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function createPgDatabase(adminUrl: string, name: string): Promise<string> {
  await adminQuery(adminUrl, `create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

function specs(from: number, n: number, availableAt?: string): EventSpec[] {
  const at = new Date().toISOString();
  return Array.from({ length: n }, (_, i) => ({
    code: `000.00.24.H41-251015-${String(from + i).padStart(7, "0")}`,
    at,
    ...(availableAt ? { availableAt } : {}),
    reach: { oaUserId: oaUserId(from + i), interactedAt: at },
  }));
}

async function waitSettled(db: Awaited<ReturnType<typeof buildDeps>>["db"], timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await db
      .selectFrom("outbox")
      .select(sql<number>`count(*)`.as("n"))
      .where("status", "in", ["pending", "queued"])
      .executeTakeFirst();
    if (Number(r?.n ?? 0) === 0) return;
    if (Date.now() > deadline) throw new Error("outbox did not settle");
    await sleep(20);
  }
}

async function startStandIn() {
  const proc = fork(join(root, "bench", "_notify-stand-in.ts"), [], {
    cwd: root,
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_STANDIN_LATENCY_MS: "20" },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  children.push(proc);
  const info = await new Promise<{ url: string; appId: string; appSecret: string; refreshToken: string }>(
    (resolve, reject) => {
      let out = "";
      proc.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const line = out.split("\n").find((l) => l.startsWith("{"));
        if (line) resolve(JSON.parse(line));
      });
      proc.on("exit", () => reject(new Error("stand-in exited")));
    },
  );
  return {
    proc,
    info,
    report: () =>
      new Promise<{ accepted: [string, number][]; rejected: number }>((resolve) => {
        proc.once("message", (m) => resolve(m as { accepted: [string, number][]; rejected: number }));
        proc.send("report");
      }),
  };
}

async function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ["--import", "tsx", "bot-server/src/worker-main.ts"], {
    cwd: root,
    env: { ...env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(proc);
  await new Promise<void>((resolve, reject) => {
    let out = "";
    proc.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("notification worker ready")) resolve();
    });
    proc.on("exit", (code) => reject(new Error(`worker exited (${code})`)));
  });
  return proc;
}

/** The same Redis, a no-op processor at the same concurrency: paced latency, then a burst of the same size. */
async function bareBullmq(url: string, queuePrefix: string): Promise<{ p50: number; p99: number; rate: number }> {
  const connections = [new Redis(url, { maxRetriesPerRequest: null }), new Redis(url, { maxRetriesPerRequest: null })];
  const queue = new Queue("bare", {
    connection: connections[0]!,
    prefix: queuePrefix,
    defaultJobOptions: { removeOnComplete: true },
  });
  const done = new Map<string, number>();
  const worker = new Worker("bare", async () => {}, {
    connection: connections[1]!,
    prefix: queuePrefix,
    concurrency: Number(CONCURRENCY),
  });
  worker.on("completed", (job) => done.set(job.id!, Date.now()));
  await worker.waitUntilReady();
  const added = new Map<string, number>();
  const start = Date.now();
  for (let i = 0; i < SECONDS * RATE; i++) {
    const wait = start + (i * 1000) / RATE - Date.now();
    if (wait > 0) await sleep(wait);
    const id = `p${i}`;
    added.set(id, Date.now());
    await queue.add("noop", {}, { jobId: id });
  }
  while (done.size < added.size) await sleep(10);
  const lat = [...added].map(([id, at]) => done.get(id)! - at);
  done.clear();
  const t0 = Date.now();
  for (let i = 0; i < BURST; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, BURST - i) }, (_, j) => ({
        name: "noop",
        data: {},
        opts: { jobId: `b${i + j}` },
      })),
    );
  }
  while (done.size < BURST) await sleep(10);
  const rate = (BURST / (Math.max(...done.values()) - t0)) * 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await Promise.all(connections.map((c) => c.quit()));
  return { p50: percentile(lat, 50), p99: percentile(lat, 99), rate };
}
