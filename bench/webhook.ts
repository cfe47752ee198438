/**
 * `npm run bench -- webhook`: signed Zalo events acknowledged per second by POST /webhook/zalo, and the p99
 * acknowledgement latency, each beside a bare Express endpoint measured in the same run (the reference; the real server
 * is made by bot-server/src/server.ts, whose requests cost Express less, so it can beat it). The real server runs in
 * its own process (bench/_webhook-server.ts: SQLite, Zalo pointed at the stand-in in this process), autocannon in
 * another (bench/_webhook-load.ts signs every event with a fresh msg_id).
 *
 * Two configurations, as deployed:
 * - Redis queue (REDIS_URL set): the request verifies, checks the replay window and adds the event to BullMQ; the
 *   worker runs in a separate process, started after the load, whose drain rate (answers accepted by the stand-in
 *   per second: understand, answer, database, OA call) is printed too.
 * - In-process queue (no Redis, the embedded default): the same process answers every event after acknowledging it,
 *   so acknowledgements share the CPU with the answers.
 * Figures: max rate with autocannon, BENCH_CONNECTIONS (default 50) for BENCH_SECONDS (default 10) after a 1 s warm-up;
 * p50/p99 of open-loop arrivals at a steady 3,000 and 1,000 events/s (bench/_webhook-paced.ts). Each server gets its
 * own OA grant (a fresh refresh token: they are single-use). BENCH_REDIS_URL (default redis://127.0.0.1:6379).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { WEBHOOK_QUEUE } from "../bot-server/src/zalo/event-queue.js";
import { labelledMessages, messageText } from "../test/chatbot/labelled-messages.js";
import { startZaloStandIn } from "../test/helpers/zalo-openapi-stand-in.js";
import { startServerChild } from "./_server-child.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const GOAL_RATE = 3000;
const GOAL_P99_MS = 20;
const DRAIN_SECONDS = 15;

interface Load {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  bad: number;
}

const startChild = (env: Record<string, string>) => startServerChild("_webhook-server.ts", env);

const zalo = await startZaloStandIn();
const texts = labelledMessages.map(messageText);

function autocannon(url: string, seconds: number, rate?: number): Promise<Load> {
  const spec = JSON.stringify({
    url,
    connections: CONNECTIONS,
    seconds,
    ...(rate ? { rate } : {}),
    appId: zalo.appId,
    oaSecretKey: zalo.oaSecretKey,
    texts,
  });
  const proc = spawn(process.execPath, ["--import", "tsx", join(root, "bench", "_webhook-load.ts"), spec], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    proc.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`load generator exited ${code}`));
      const r = JSON.parse(out) as {
        requests: { average: number };
        latency: { p50: number; p99: number };
        "2xx": number;
        non2xx: number;
        errors: number;
        timeouts: number;
      };
      resolve({
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        ok: r["2xx"],
        bad: r.non2xx + r.errors + r.timeouts,
      });
    });
  });
}

interface Figures {
  max: Load;
  atGoal: Load;
  /** A steady 1,000 events/s: what a busy province-wide OA could see. */
  atThousand: Load;
  acknowledged: number;
}

/** Open-loop arrivals at a fixed rate (bench/_webhook-paced.ts): latency percentiles of a steady load. */
function paced(url: string, seconds: number, rate: number): Promise<Load> {
  const spec = JSON.stringify({ url, seconds, rate, appId: zalo.appId, oaSecretKey: zalo.oaSecretKey, texts });
  const proc = spawn(process.execPath, ["--import", "tsx", join(root, "bench", "_webhook-paced.ts"), spec], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    proc.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`paced load exited ${code}`));
      const r = JSON.parse(out) as { rps: number; p50: number; p99: number; ok: number; bad: number };
      resolve({ rps: r.rps, p50: r.p50, p99: r.p99, ok: r.ok, bad: r.bad });
    });
  });
}

async function measure(port: number): Promise<Figures> {
  const url = `http://127.0.0.1:${port}/webhook/zalo`;
  const warm = await autocannon(url, 1);
  const max = await autocannon(url, SECONDS);
  const settle = () => new Promise((r) => setTimeout(r, 2000));
  await settle();
  const atThousand = await paced(url, SECONDS, 1000);
  await settle();
  const atGoal = await paced(url, SECONDS, GOAL_RATE);
  return { max, atGoal, atThousand, acknowledged: warm.ok + max.ok + atGoal.ok + atThousand.ok };
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
function report(label: string, f: Figures, bare: Figures): void {
  const bad = (l: Load) => (l.bad > 0 ? `, ${l.bad} failed` : "");
  console.log(
    `${label.padEnd(34)} max ${fmt(f.max.rps).padStart(6)} events/s (${(f.max.rps / bare.max.rps).toFixed(2)} × bare), p50 ${f.max.p50} ms, p99 ${f.max.p99} ms${bad(f.max)}; ` +
      `at ${fmt(GOAL_RATE)}/s: ${fmt(f.atGoal.rps)}/s, p99 ${f.atGoal.p99} ms (bare ${bare.atGoal.p99} ms, ${(f.atGoal.p99 / bare.atGoal.p99).toFixed(2)} × bare)${bad(f.atGoal)}; ` +
      `at 1,000/s: p99 ${f.atThousand.p99} ms (bare ${bare.atThousand.p99} ms)${bad(f.atThousand)}`,
  );
}

async function redisReachable(): Promise<boolean> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await r.connect();
    return (await r.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

const dir = mkdtempSync(join(tmpdir(), "khonghen-webhook-bench-"));
const zaloEnv = {
  ZALO_APP_ID: zalo.appId,
  ZALO_APP_SECRET: zalo.appSecret,
  ZALO_OA_ID: zalo.oaId,
  ZALO_OA_SECRET_KEY: zalo.oaSecretKey,
  ZALO_OA_REFRESH_TOKEN: zalo.seedRefreshToken,
  ZALO_OPENAPI_BASE: zalo.url,
  ZALO_OAUTH_BASE: zalo.url,
  ZALO_BUSINESS_BASE: zalo.url,
  ZALO_MINIAPP_ID: "4321987650001",
  PUBLIC_BASE_URL: "https://khonghen.example",
  LOG_LEVEL: "warn",
  RATE_LIMIT_PER_MINUTE: "0",
  PURGE_INTERVAL_MINUTES: "0",
};
const goals: string[] = [];
const goal = (what: string, f: Figures | undefined) => {
  if (!f) {
    goals.push(
      `goal ${what} events/s acknowledged: not measured (≥ ${GOAL_RATE}) short`,
      `goal ${what} p99 acknowledgement at ${GOAL_RATE}/s: not measured (< ${GOAL_P99_MS} ms) short`,
    );
    return;
  }
  goals.push(
    `goal ${what} events/s acknowledged: ${fmt(f.max.rps)} (≥ ${GOAL_RATE}) ${f.max.rps >= GOAL_RATE && f.max.bad === 0 ? "ok" : "short"}`,
    `goal ${what} p99 acknowledgement at ${GOAL_RATE}/s: ${f.atGoal.p99} ms (< ${GOAL_P99_MS} ms) ${f.atGoal.p99 < GOAL_P99_MS && f.atGoal.bad === 0 && f.atGoal.rps >= GOAL_RATE * 0.97 ? "ok" : "short"}`,
  );
};

try {
  console.log(
    `webhook bench: node ${process.version}, ${CONNECTIONS} connections, ${SECONDS} s per figure after 1 s warm-up; server, autocannon and this process (stand-in) separate`,
  );
  const bareServer = await startChild({ BENCH_BARE: "1" });
  const bare = await measure(bareServer.port);
  await bareServer.stop();
  report("bare Express 5 POST (raw body)", bare, bare);

  let redisFigures: Figures | undefined;
  if (await redisReachable()) {
    const prefix = `bench-${randomBytes(4).toString("hex")}`;
    const env = {
      ...zaloEnv,
      ZALO_OA_REFRESH_TOKEN: zalo.issuePair().refreshToken,
      DATABASE_URL: `sqlite:${join(dir, "redis.sqlite")}`,
      REDIS_URL,
      NOTIFY_QUEUE_PREFIX: prefix,
    };
    const server = await startChild({ ...env, BENCH_WORKER: "0" });
    redisFigures = await measure(server.port);
    await server.stop();
    report("webhook, Redis queue", redisFigures, bare);
    zalo.reset();
    const worker = await startChild({ ...env, BENCH_WORKER: "1" });
    const started = Date.now();
    await new Promise((r) => setTimeout(r, DRAIN_SECONDS * 1000));
    const answered = zalo.csMessages.length;
    const elapsed = (Date.now() - started) / 1000;
    const queue = new Queue(WEBHOOK_QUEUE, { connection: { url: REDIS_URL }, prefix });
    await queue.pause();
    await worker.stop();
    await queue.obliterate({ force: true });
    await queue.close();
    console.log(
      `  worker process draining the queue: ${fmt(answered / elapsed)} answers/s accepted by the stand-in over ${DRAIN_SECONDS} s ` +
        `(${fmt(answered)} of ${fmt(redisFigures.acknowledged)} acknowledged; the rest discarded)`,
    );
  } else {
    console.log(`Redis unavailable at ${REDIS_URL}: Redis-queue figures not measured`);
  }

  zalo.reset();
  const inProcess = await startChild({
    ...zaloEnv,
    ZALO_OA_REFRESH_TOKEN: zalo.issuePair().refreshToken,
    DATABASE_URL: `sqlite:${join(dir, "embedded.sqlite")}`,
    BENCH_QUEUE: "in-process",
  });
  const embedded = await measure(inProcess.port);
  await inProcess.stop();
  report("webhook, in-process queue", embedded, bare);
  console.log(
    `  answers accepted by the stand-in: ${fmt(zalo.csMessages.length)} of ${fmt(embedded.acknowledged)} acknowledged (in-process queue bounded at 10,000 waiting)`,
  );

  goal("(Redis queue)", redisFigures);
  goal("(in-process queue)", embedded);
  for (const g of goals) console.log(g);
} finally {
  await zalo.close();
  rmSync(dir, { recursive: true, force: true });
}
