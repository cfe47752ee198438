/**
 * The README's two commands on a fresh clone: a copy of the repository's files (no mini-app/www, no dist, no data;
 * node_modules linked as `npm ci` would have made it), then `npm start` as a user types it. /m/ serves the mini-app
 * built at first start, the console too; SIGTERM to the npm process (what a service manager sends) stops the
 * server after the request in flight, and so does SIGINT (Ctrl-C), with the port free afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";

const REPO = resolve(__dirname, "..", "..");
const FIRST_START_MS = 300_000;

interface NpmStart {
  npm: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function freshClone(): string {
  const dir = mkdtempSync(join(tmpdir(), "khonghen-clone-"));
  const listed = spawnSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: REPO,
    encoding: "utf8",
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split("\0").filter(Boolean)) {
    if (!existsSync(join(REPO, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(REPO, file), join(dir, file));
  }
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

function npmStart(cwd: string, timeoutMs: number): Promise<NpmStart> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "development",
    PORT: "0",
    LOG_LEVEL: "info",
    PURGE_INTERVAL_MINUTES: "0",
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const npm = spawn("npm", ["start"], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  npm.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => npm.on("exit", (code) => r(code)));
  return new Promise((resolvePort, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start did not listen in time:\n${out.slice(-3000)}`)),
      timeoutMs,
    );
    npm.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /"port":(\d+),[^\n]*"startupMs":\d+[^\n]*Khong Hen listening/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePort({ npm, port: Number(m[1]), output: () => out, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${out.slice(-3000)}`));
    });
  });
}

function slowPost(port: number, path: string): { finish: () => void; response: Promise<number> } {
  const req = http.request({
    port,
    host: "127.0.0.1",
    path,
    method: "POST",
    headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
  });
  req.write("{");
  const response = new Promise<number>((res, rej) => {
    req.on("response", (r) => {
      r.resume();
      r.on("end", () => res(r.statusCode ?? 0));
    });
    req.on("error", rej);
  });
  return { finish: () => req.end("}"), response };
}

function portRefuses(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = net.connect(port, "127.0.0.1");
    s.on("connect", () => {
      s.destroy();
      res(false);
    });
    s.on("error", () => res(true));
  });
}

async function get(port: number, path: string): Promise<{ status: number; body: string }> {
  const r = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(FIRST_START_MS) });
  return { status: r.status, body: await r.text() };
}

describe("npm ci && npm start on a fresh clone", () => {
  let clone: string;
  const started: ChildProcess[] = [];
  beforeAll(() => {
    clone = freshClone();
  });
  afterAll(() => {
    for (const c of started) if (c.exitCode === null) c.kill("SIGKILL");
    if (clone) rmSync(clone, { recursive: true, force: true });
  });

  it(
    "serves /m/ and the console built at first start, and stops on SIGTERM then on SIGINT to npm",
    async () => {
      expect(existsSync(join(clone, "mini-app", "www"))).toBe(false);
      const first = await npmStart(clone, 120_000);
      started.push(first.npm);
      const m = await get(first.port, "/m/");
      expect(m.status).toBe(200);
      expect(m.body).toContain('<div id="app">');
      const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(m.body)?.[1];
      expect(script).toBeDefined();
      expect((await get(first.port, `/m/${script}`)).status).toBe(200);
      expect((await get(first.port, "/console/")).body).toContain("<script");
      expect(first.output()).toContain("mini-app built");

      const inFlight = slowPost(first.port, "/api/citizens/device");
      await new Promise((r) => setTimeout(r, 200));
      first.npm.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
      inFlight.finish();
      expect(await inFlight.response).toBe(201);
      expect(await first.exited).not.toBeNull();
      expect(first.output()).toContain('"msg":"stopped"');
      expect(await portRefuses(first.port)).toBe(true);

      const second = await npmStart(clone, 120_000);
      started.push(second.npm);
      expect(second.output()).not.toContain("building the mini-app");
      expect((await get(second.port, "/m/")).status).toBe(200);
      second.npm.kill("SIGINT");
      await second.exited;
      await new Promise((r) => setTimeout(r, 500));
      expect(second.output()).toContain('"msg":"stopped"');
      expect(await portRefuses(second.port)).toBe(true);
    },
    FIRST_START_MS + 120_000,
  );
});
