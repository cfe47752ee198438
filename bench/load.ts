/**
 * A Wednesday morning at the counters (npm run bench -- load): a mixed load of Zalo webhook messages, scheme
 * lookups, unit pages, citizens' pre-registrations, counter intakes and public status lookups, sent at a fixed
 * rate (open loop) that rises step by step until the p99 latency exceeds 200 ms (or the server no longer keeps the
 * rate). The last rate held is the sustained rate. Measured on SQLite with one process, on PostgreSQL + Redis with
 * two instances behind nginx, and on a bare Express endpoint in the same run (the ratio). "Where the time goes":
 * at the last rate held, each kind's share of the requests and of the summed answer time, with its p50 and p99.
 * BENCH_SECONDS (default 5) per step; PG_URL and REDIS_URL_TEST (defaults: local servers) for the second layout.
 */
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CONSENT_NOTICE } from "../shared/api/consent.js";
import { hashPassword } from "../bot-server/src/console/session-auth.js";
import { openDatabase, type DatabaseConfig } from "../bot-server/src/store/connect.js";
import { insertOfficer } from "../bot-server/src/store/users.js";
import { insertDossier } from "../test/helpers/dossier-rows.js";
import { adminQuery } from "../test/helpers/pg-admin.js";
import { startZaloStandIn } from "../test/helpers/zalo-openapi-stand-in.js";
import { consoleClient, QUANG_KHE } from "../test/console/helpers/console-server.js";
import { maritalIntake } from "../test/console/helpers/intake-fixtures.js";
import { freePort, startNginx, startProc, type Proc } from "../test/e2e/helpers/instances.js";
import { startServerChild } from "./_server-child.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const P99_LIMIT_MS = 200;
const PG_URL = process.env.PG_URL ?? "postgres://khonghen:khonghen@127.0.0.1:5432/khonghen";
const REDIS_URL = process.env.REDIS_URL_TEST ?? "redis://127.0.0.1:6379";
const PASSWORD = "mat-khau-do-tai-123";
const STATUS_CODES = Array.from({ length: 200 }, (_, i) => `000.00.06.H98-251015-${String(i + 1).padStart(4, "0")}`);
const COMMUNES = [
  "24611",
  "24615",
  "24616",
  "24617",
  "24620",
  "24631",
  "24637",
  "24640",
  "24646",
  "24649",
  "24697",
  "24760",
];

interface Req {
  kind: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  webhookText?: string;
}

interface Step {
  rate: number;
  achieved: number;
  p50: number;
  p99: number;
  bad: number;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

interface Run extends Step {
  kinds: Record<string, { count: number; p50: number; p99: number; totalMs: number }>;
}

/** The paced generator (bench/_mixed-load.ts) in its own process; one JSON line back. */
function paced(
  url: string,
  requests: Req[],
  rate: number,
  seconds: number,
  zalo?: { appId: string; oaSecretKey: string },
): Promise<Run> {
  const spec = JSON.stringify({ url, seconds, rate, requests, zalo });
  const proc = spawn(process.execPath, ["--import", "tsx", join(root, "bench", "_mixed-load.ts"), spec], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    proc.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`load generator exited ${code}`));
      const r = JSON.parse(out) as { rps: number; p50: number; p99: number; bad: number; kinds: Run["kinds"] };
      resolve({ rate, achieved: r.rps, p50: r.p50, p99: r.p99, bad: r.bad, kinds: r.kinds });
    });
  });
}

/** Rising rates (×1.4 per step) until p99 > 200 ms, fewer than 95 % answered in time, or a failed answer. */
async function rise(
  label: string,
  url: string,
  requests: Req[],
  zalo?: { appId: string; oaSecretKey: string },
): Promise<{ sustained: number; at?: Run; limit?: Run }> {
  await paced(url, requests, 50, 2, zalo); // warm-up: JIT, caches, connection pools
  let sustained = 0;
  let at: Run | undefined;
  let limit: Run | undefined;
  for (let rate = 100; rate < 20_000; rate = Math.round(rate * 1.4)) {
    const s = await paced(url, requests, rate, SECONDS, zalo);
    const held = s.p99 <= P99_LIMIT_MS && s.achieved >= rate * 0.95 && s.bad === 0;
    console.log(
      `  ${label.padEnd(26)} ${fmt(rate).padStart(6)}/s asked  ${fmt(s.achieved).padStart(6)}/s done  p50 ${String(s.p50).padStart(5)} ms  p99 ${String(s.p99).padStart(6)} ms${s.bad ? `  ${s.bad} failed` : ""}${held ? "" : "  ← limit"}`,
    );
    if (!held) {
      limit = s;
      break;
    }
    sustained = s.achieved;
    at = s;
  }
  console.log(`  ${label}: sustained ${fmt(sustained)} req/s at p99 ≤ ${P99_LIMIT_MS} ms`);
  return { sustained, ...(at ? { at } : {}), ...(limit ? { limit } : {}) };
}

/** Where the time goes at the sustained rate: each kind's share of the requests and of the summed latency. */
function whereTimeGoes(run: Run | undefined): void {
  if (!run) return;
  const total = Object.values(run.kinds).reduce((t, k) => t + k.totalMs, 0);
  const count = Object.values(run.kinds).reduce((t, k) => t + k.count, 0);
  console.log(
    `  where the time goes at ${fmt(run.rate)}/s (share of requests, share of the summed answer time, p50, p99):`,
  );
  for (const [kind, k] of Object.entries(run.kinds).sort(([, a], [, b]) => b.totalMs - a.totalMs)) {
    console.log(
      `    ${kind.padEnd(18)} ${((k.count * 100) / count).toFixed(0).padStart(3)} %  ${((k.totalMs * 100) / total).toFixed(0).padStart(3)} % of time  p50 ${String(k.p50).padStart(5)} ms  p99 ${String(k.p99).padStart(6)} ms`,
    );
  }
}

/** The mix: per 20 requests, 5 scheme lookups, 3 unit pages, 4 status lookups, 3 webhook messages, 3 pre-registrations, 2 intakes. */
function mix(token: string, officer: { cookie: string; csrf: string }): Req[] {
  const pre = JSON.stringify({
    unitCode: "24631",
    procedureCode: "1.004873",
    consent: { accepted: true, version: CONSENT_NOTICE.version },
    formData: {
      recipientAgency: "Ủy ban nhân dân xã Quảng Khê",
      requesterName: "Nguyễn Văn Thử",
      requesterBirthDate: "15/06/1985",
      requesterResidence: "Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng",
    },
  });
  const intake = JSON.stringify(maritalIntake());
  const out: Req[] = [];
  for (let i = 0; i < 12; i++) {
    const c = COMMUNES[i % COMMUNES.length]!;
    const scheme: Req = { kind: "scheme lookup", method: "GET", path: `/api/units/${c}/scheme` };
    out.push(scheme, { ...scheme, path: `/api/units/${COMMUNES[(i + 5) % 12]}/scheme` });
    if (i % 4 !== 3) out.push({ kind: "unit page", method: "GET", path: `/api/units/${c}` });
    out.push({
      kind: "status lookup",
      method: "GET",
      path: `/api/dossiers/${STATUS_CODES[(i * 17) % STATUS_CODES.length]}/status`,
    });
    if (i % 2 === 0)
      out.push({
        kind: "status lookup",
        method: "GET",
        path: `/api/dossiers/${STATUS_CODES[(i * 31) % STATUS_CODES.length]}/status`,
      });
    if (i % 4 !== 3)
      out.push({
        kind: "webhook message",
        method: "POST",
        path: "/webhook/zalo",
        webhookText: [
          "thủ tục nào được trả trong ngày",
          "giấy xác nhận tình trạng hôn nhân cần gì",
          "thứ tư mấy giờ nghỉ",
        ][i % 3]!,
      });
    if (i % 4 !== 3)
      out.push({
        kind: "pre-registration",
        method: "POST",
        path: "/api/pre-registrations",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: pre,
      });
    if (i % 2 === 0)
      out.push({
        kind: "counter intake",
        method: "POST",
        path: "/console/api/intake/receive",
        headers: { "content-type": "application/json", cookie: officer.cookie, "x-csrf-token": officer.csrf },
        body: intake,
      });
  }
  // Interleave the kinds so that every connection's cycle carries the whole mix.
  return out
    .map((r, i) => [r, i] as const)
    .sort(([, i], [, j]) => (i % 7) - (j % 7) || i - j)
    .map(([r]) => r);
}

async function prepare(
  config: DatabaseConfig,
  base: string,
): Promise<{ token: string; officer: { cookie: string; csrf: string } }> {
  const h = openDatabase(config);
  for (const [n, code] of STATUS_CODES.entries())
    await insertDossier(h.db, { code, state: ["received", "processing", "result_ready"][n % 3]! });
  await insertOfficer(h.db, {
    id: randomUUID(),
    username: "tai.motcua",
    passwordHash: await hashPassword(PASSWORD),
    displayName: "Cán bộ một cửa",
    role: "counter_officer",
    unitId: QUANG_KHE,
    delegateFor: null,
    now: new Date().toISOString(),
  });
  await h.close();
  const client = await consoleClient(base);
  const res = await client.login("tai.motcua", PASSWORD);
  if (res.status !== 200) throw new Error(`officer sign-in refused: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { token } = (await (await fetch(`${base}/api/citizens/device`, { method: "POST" })).json()) as {
    token: string;
  };
  return { token, officer: { cookie, csrf: client.csrf } };
}

async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await fetch(`${url}/readyz`).catch(() => undefined))?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never ready`);
}

console.log(
  `load bench: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${SECONDS} s per step, open-loop paced rate (rising ×1.4 per step); server(s) and load generator in separate processes`,
);
const zalo = await startZaloStandIn();
const zaloEnv = {
  ZALO_APP_ID: zalo.appId,
  ZALO_APP_SECRET: zalo.appSecret,
  ZALO_OA_ID: zalo.oaId,
  ZALO_OA_SECRET_KEY: zalo.oaSecretKey,
  ZALO_OA_REFRESH_TOKEN: zalo.seedRefreshToken,
  ZALO_OPENAPI_BASE: zalo.url,
  ZALO_OAUTH_BASE: zalo.url,
  ZALO_BUSINESS_BASE: zalo.url,
};
const keys = { appId: zalo.appId, oaSecretKey: zalo.oaSecretKey };
const common = {
  ...process.env,
  NODE_ENV: "production",
  RATE_LIMIT_PER_MINUTE: "0",
  LOG_LEVEL: "warn",
  PURGE_INTERVAL_MINUTES: "0",
  ...zaloEnv,
};
const procs: Proc[] = [];
const dir = mkdtempSync(join(tmpdir(), "khonghen-load-"));
let bare = 0;
let sqlite = 0;
let postgres: number | undefined;
try {
  console.log("bare Express 5, GET /hello:");
  const bareServer = await startServerChild("_bare-express.ts", {});
  try {
    bare = (
      await rise("bare Express", `http://127.0.0.1:${bareServer.port}`, [
        { kind: "hello", method: "GET", path: "/hello" },
      ])
    ).sustained;
  } finally {
    await bareServer.stop();
  }

  console.log("SQLite, one process:");
  {
    const file = join(dir, "load.sqlite");
    const port = await freePort();
    const server = startProc("sqlite", process.execPath, ["--import", "tsx", "bot-server/src/main.ts"], {
      ...common,
      PORT: String(port),
      DATABASE_URL: `sqlite:${file}`,
    });
    procs.push(server);
    const base = `http://127.0.0.1:${port}`;
    await waitReady(base);
    const { token, officer } = await prepare({ kind: "sqlite", file }, base);
    const requests = mix(token, officer);
    const r = await rise("SQLite mixed", base, requests, keys);
    sqlite = r.sustained;
    whereTimeGoes(r.at);
    whereTimeGoes(r.limit);
    await server.stop();
  }

  console.log("PostgreSQL + Redis, two instances behind nginx:");
  const schema = `load_${randomBytes(4).toString("hex")}`;
  let created = false;
  try {
    await adminQuery(PG_URL, `create schema ${schema}`);
    created = true;
    const u = new URL(PG_URL);
    u.searchParams.set("options", `-c search_path=${schema}`);
    const ports = [await freePort(), await freePort()];
    const env = {
      ...common,
      DATABASE_URL: u.toString(),
      REDIS_URL,
      NOTIFY_QUEUE_PREFIX: `load-${schema}`,
      TRUST_PROXY: "1",
    };
    const first = startProc("pg1", process.execPath, ["--import", "tsx", "bot-server/src/main.ts"], {
      ...env,
      PORT: String(ports[0]),
    });
    procs.push(first);
    await waitReady(`http://127.0.0.1:${ports[0]}`);
    const second = startProc("pg2", process.execPath, ["--import", "tsx", "bot-server/src/main.ts"], {
      ...env,
      PORT: String(ports[1]),
    });
    procs.push(second);
    await waitReady(`http://127.0.0.1:${ports[1]}`);
    const nginxPort = await freePort();
    const nginx = startNginx(nginxPort, ports);
    const base = `http://127.0.0.1:${nginxPort}`;
    try {
      await waitReady(base);
      const { token, officer } = await prepare({ kind: "postgres", url: PG_URL, searchPath: schema, max: 2 }, base);
      const requests = mix(token, officer);
      const r = await rise("PostgreSQL+Redis mixed", base, requests, keys);
      postgres = r.sustained;
      whereTimeGoes(r.at);
      whereTimeGoes(r.limit);
    } finally {
      await nginx.close();
      await first.stop();
      await second.stop();
    }
  } catch (e) {
    console.log(`  PostgreSQL + Redis not measured: ${(e as Error).message}`);
  } finally {
    if (created) await adminQuery(PG_URL, `drop schema if exists ${schema} cascade`);
  }
} finally {
  for (const p of procs) await p.stop("SIGKILL");
  await zalo.close();
  rmSync(dir, { recursive: true, force: true });
}

const line = (what: string, measured: number | undefined, target: number) =>
  console.log(
    `goal ${what}: ${measured === undefined ? "not measured" : `${fmt(measured)}/s`} (${fmt(target)}/s) ${measured !== undefined && measured >= target ? "ok" : "short"}`,
  );
console.log(
  `mixed rate vs bare Express in this run: SQLite ${(sqlite / bare).toFixed(2)} ×, PostgreSQL+Redis ${postgres === undefined ? "–" : (postgres / bare).toFixed(2)} × (bare ${fmt(bare)}/s)`,
);
line("mixed Wednesday-morning load at p99 < 200 ms on SQLite, one process", sqlite, 1_500);
line("mixed Wednesday-morning load at p99 < 200 ms on PostgreSQL + Redis, two instances behind nginx", postgres, 1_000);
