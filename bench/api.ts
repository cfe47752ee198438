/**
 * Public API throughput (npm run bench -- api). The server runs in its own process (bench/_api-server.ts, rate
 * limit off, logs at warn) and autocannon in another; a bare Express JSON endpoint (bench/_bare-express.ts)
 * measured in the same run is the ceiling each figure is compared with. Measured: pre-registration creates/s on
 * SQLite and on PostgreSQL (PG_URL, default postgres://postgres@127.0.0.1:5432/test), public status lookups/s and
 * scheme lookups/s, with p99 latencies, and the public unit page (/don-vi/:unitCode) against the scheme API. Status lookups are spread over 1,000 dossiers and scheme lookups over 12 communes
 * (no single hot row); with the default STATUS_CACHE_MS (1 s) each code is reused for a second at most, so the
 * same lookups are also measured with the cache off. BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 50) tune a run.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { CONSENT_NOTICE } from "../shared/api/consent.js";
import { openDatabase, parseDatabaseUrl } from "../bot-server/src/store/connect.js";
import { insertDossier } from "../test/helpers/dossier-rows.js";
import { startServerChild } from "./_server-child.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PG_URL = process.env.PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
/** Status lookups are spread over this many dossiers of one receiving day (codes …-0001 to …-1000). */
const DOSSIERS = 1_000;
const dossierCode = (n: number) => `000.00.06.H98-251015-${String(n).padStart(4, "0")}`;

interface Load {
  rps: number;
  /** Requests answered in the measured run. */
  total: number;
  /** Server CPU (user + system) per request, µs, when the server's pid was given. */
  cpuUs?: number;
  p99: number;
  p50: number;
  non2xx: number;
  errors: number;
}

/** autocannon in its own process (bench/_load.ts); JSON result on stdout. */
function autocannon(url: string, opts: LoadSpec & { seconds: number }): Promise<Load> {
  const spec = JSON.stringify({ url, connections: CONNECTIONS, ...opts });
  const proc = spawn(process.execPath, ["--import", "tsx", join(root, "bench", "_load.ts"), spec], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    proc.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`load generator exited ${code}`));
      const r = JSON.parse(out) as {
        requests: { average: number; total: number };
        latency: { p99: number; p50: number };
        non2xx: number;
        errors: number;
      };
      resolve({
        rps: r.requests.average,
        total: r.requests.total,
        p99: r.latency.p99,
        p50: r.latency.p50,
        non2xx: r.non2xx,
        errors: r.errors,
      });
    });
  });
}

interface LoadSpec {
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  /** Spread GET requests over these paths. */
  paths?: string[];
}

async function measure(url: string, opts: LoadSpec = {}, serverPid?: number): Promise<Load> {
  await autocannon(url, { ...opts, seconds: 1 }); // warm-up: JIT, caches, connection pools
  const before = serverPid === undefined ? 0 : cpuTicks(serverPid);
  const load = await autocannon(url, { ...opts, seconds: SECONDS });
  if (serverPid === undefined || load.total === 0) return load;
  // CPU the server spent per answer: unlike req/s it does not depend on what else runs on the machine.
  return { ...load, cpuUs: ((cpuTicks(serverPid) - before) * (1_000_000 / CLOCK_TICKS)) / load.total };
}

/** Linux USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s. */
const CLOCK_TICKS = 100;

/** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return Number.NaN;
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function report(label: string, l: Load, bare: Load): void {
  const bad = l.non2xx + l.errors > 0 ? `  (${l.non2xx} non-2xx, ${l.errors} errors)` : "";
  const cpu = l.cpuUs === undefined ? "" : `  server CPU ${fmt(l.cpuUs)} µs/req`;
  console.log(
    `${label.padEnd(44)} ${fmt(l.rps).padStart(7)} req/s  p50 ${String(l.p50).padStart(3)} ms  p99 ${String(l.p99).padStart(4)} ms  ${(l.rps / bare.rps).toFixed(2)} × bare${cpu}${bad}`,
  );
}

/** A complete 1.004873 declaration with synthetic data (docs/domain/personal-data.md#cccd-qr-payload): about 1 kB of JSON. */
const CREATE_BODY = JSON.stringify({
  unitCode: "24631",
  procedureCode: "1.004873",
  consent: { accepted: true, version: CONSENT_NOTICE.version },
  formData: {
    recipientAgency: "Ủy ban nhân dân xã Quảng Khê",
    requesterName: "Nguyễn Văn Thử",
    requesterBirthDate: "15/06/1985",
    requesterResidence: "Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng",
    requesterIdType: "Căn cước",
    requesterIdNumber: "067085000001",
    requesterIdIssuedOn: "20/04/2021",
    requesterIdIssuer: "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
    relationship: "Bản thân",
    subjectName: "Nguyễn Văn Thử",
    subjectBirthDate: "15/06/1985",
    subjectSex: "Nam",
    subjectEthnicity: "Kinh",
    subjectNationality: "Việt Nam",
    subjectResidence: "Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng",
    subjectIdType: "Căn cước",
    subjectIdNumber: "067085000001",
    subjectIdIssuedOn: "20/04/2021",
    subjectIdIssuer: "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
    maritalStatus: "Hiện tại chưa đăng ký kết hôn với ai",
    purpose: "Bổ sung hồ sơ vay vốn ngân hàng",
  },
});

interface DialectResult {
  creates: Load;
  status: Load;
  scheme: Load;
  unitPage: Load;
}

async function runAgainst(name: string, databaseUrl: string, bare: Load): Promise<DialectResult> {
  const server = await startServerChild("_api-server.ts", {
    DATABASE_URL: databaseUrl,
    RATE_LIMIT_PER_MINUTE: "0",
    LOG_LEVEL: "warn",
    PURGE_INTERVAL_MINUTES: "0",
  });
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const parsed = parseDatabaseUrl(databaseUrl);
    if (!parsed.ok) throw new Error(parsed.error.messageEn);
    const handle = openDatabase(parsed.config);
    const states = ["received", "processing", "awaiting_approval", "result_ready", "returned"];
    for (let n = 1; n <= DOSSIERS; n++)
      await insertDossier(handle.db, {
        code: dossierCode(n),
        state: states[n % states.length]!,
        track: n % 3 === 0 ? "normal" : "same-day",
      });
    await handle.close();
    const { token } = (await (await fetch(`${base}/api/citizens/device`, { method: "POST" })).json()) as {
      token: string;
    };

    const creates = await measure(`${base}/api/pre-registrations`, {
      method: "POST",
      body: CREATE_BODY,
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    });
    report(`${name}: POST /api/pre-registrations`, creates, bare);
    const paths = Array.from({ length: DOSSIERS }, (_, n) => `/api/dossiers/${dossierCode(n + 1)}/status`);
    const status = await measure(`${base}${paths[0]}`, { paths });
    report(`${name}: GET /api/dossiers/:code/status`, status, bare);
    // The same lookups with the status cache off (STATUS_CACHE_MS=0): every one reads the database.
    const uncachedServer = await startServerChild("_api-server.ts", {
      DATABASE_URL: databaseUrl,
      RATE_LIMIT_PER_MINUTE: "0",
      LOG_LEVEL: "warn",
      PURGE_INTERVAL_MINUTES: "0",
      STATUS_CACHE_MS: "0",
    });
    try {
      const uncached = await measure(`http://127.0.0.1:${uncachedServer.port}${paths[0]}`, { paths });
      report(`${name}: … status, cache off (every read)`, uncached, bare);
    } finally {
      await uncachedServer.stop();
    }
    const communes = [
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
    const scheme = await measure(
      `${base}/api/units/24631/scheme`,
      { paths: communes.map((c) => `/api/units/${c}/scheme`) },
      server.pid,
    );
    report(`${name}: GET /api/units/:unitCode/scheme`, scheme, bare);
    // The public page of the same communes (HTML, gzipped as a phone asks for it), measured alternately with the
    // scheme API twice so a burst of load from outside the bench does not decide the ratio; the best of each counts.
    const pageLoad = () =>
      measure(
        `${base}/don-vi/24631`,
        { paths: communes.map((c) => `/don-vi/${c}`), headers: { "accept-encoding": "gzip" } },
        server.pid,
      );
    const schemeLoad = () =>
      measure(`${base}/api/units/24631/scheme`, { paths: communes.map((c) => `/api/units/${c}/scheme`) }, server.pid);
    const page1 = await pageLoad();
    report(`${name}: GET /don-vi/:unitCode (page, gzip)`, page1, bare);
    const scheme2 = await schemeLoad();
    report(`${name}: … scheme API again`, scheme2, bare);
    const page2 = await pageLoad();
    report(`${name}: … unit page again`, page2, bare);
    const best = (a: Load, b: Load) => (a.rps >= b.rps ? a : b);
    const leastCpu = (a: Load, b: Load) => Math.min(a.cpuUs ?? Number.NaN, b.cpuUs ?? Number.NaN);
    return {
      creates,
      status,
      scheme: { ...best(scheme, scheme2), cpuUs: leastCpu(scheme, scheme2) },
      unitPage: { ...best(page1, page2), cpuUs: leastCpu(page1, page2) },
    };
  } finally {
    await server.stop();
  }
}

async function pgSchemaUrl(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
    await admin.query(`create schema ${schema}`);
  } catch (e) {
    console.log(`PostgreSQL unavailable at ${PG_URL.replace(/\/\/[^@]*@/, "//…@")}: ${(e as Error).message}`);
    return undefined;
  } finally {
    await admin.end().catch(() => {});
  }
  const u = new URL(PG_URL);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

function goal(what: string, measured: number | undefined, target: number): void {
  const value = measured === undefined ? "not measured" : `${fmt(measured)}/s`;
  console.log(
    `goal ${what}: ${value} (${fmt(target)}/s) ${measured !== undefined && measured >= target ? "ok" : "short"}`,
  );
}

console.log(
  `api bench: node ${process.version}, ${CONNECTIONS} connections, ${SECONDS} s per figure after 1 s warm-up; server and autocannon in separate processes`,
);

/** The ceiling, measured again before each database's figures so the ratios compare like with like on a noisy machine. */
async function measureBare(): Promise<Load> {
  const bareServer = await startServerChild("_bare-express.ts", {});
  try {
    const bare = await measure(`http://127.0.0.1:${bareServer.port}/hello`);
    report("bare Express 5: GET /hello", bare, bare);
    return bare;
  } finally {
    await bareServer.stop();
  }
}

const dir = mkdtempSync(join(tmpdir(), "khonghen-bench-"));
let sqlite: DialectResult | undefined;
let postgres: DialectResult | undefined;
try {
  sqlite = await runAgainst("SQLite", `sqlite:${join(dir, "bench.sqlite")}`, await measureBare());
  const pgDb = await pgSchemaUrl();
  if (pgDb) {
    try {
      postgres = await runAgainst("PostgreSQL", pgDb.url, await measureBare());
    } finally {
      await pgDb.drop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

goal("pre-registration creates on SQLite", sqlite?.creates.rps, 1_500);
goal("pre-registration creates on PostgreSQL", postgres?.creates.rps, 1_000);
goal("public status lookups (SQLite)", sqlite?.status.rps, 5_000);

/** The public unit page answers at least as fast as the scheme API it is built from (same communes, same run, best of two each). */
function ratioGoal(what: string, page: Load | undefined, api: Load | undefined): void {
  const ratio = page && api ? page.rps / api.rps : undefined;
  console.log(
    `goal ${what}: ${ratio === undefined ? "not measured" : `${ratio.toFixed(2)} × (${fmt(page!.rps)}/s vs ${fmt(api!.rps)}/s)`} (≥ 1.00 ×) ${ratio !== undefined && ratio >= 1 ? "ok" : "short"}`,
  );
}
ratioGoal("unit page vs scheme API (SQLite)", sqlite?.unitPage, sqlite?.scheme);
ratioGoal("unit page vs scheme API (PostgreSQL)", postgres?.unitPage, postgres?.scheme);

/** The same comparison in server CPU per answer (lower is faster), which the machine's other load does not move. */
function cpuGoal(what: string, page: Load | undefined, api: Load | undefined): void {
  const ratio =
    page?.cpuUs !== undefined && api?.cpuUs !== undefined && api.cpuUs > 0 ? page.cpuUs / api.cpuUs : undefined;
  const ok = ratio !== undefined && Number.isFinite(ratio) && ratio <= 1;
  console.log(
    `goal ${what}: ${ratio === undefined || !Number.isFinite(ratio) ? "not measured" : `${ratio.toFixed(2)} × (${fmt(page!.cpuUs!)} vs ${fmt(api!.cpuUs!)} µs/req)`} (≤ 1.00 ×) ${ok ? "ok" : "short"}`,
  );
}
cpuGoal("unit page vs scheme API, server CPU per request (SQLite)", sqlite?.unitPage, sqlite?.scheme);
cpuGoal("unit page vs scheme API, server CPU per request (PostgreSQL)", postgres?.unitPage, postgres?.scheme);
