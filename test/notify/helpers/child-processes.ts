/**
 * Processes the fault tests start and kill: `npm run worker` (bot-server/src/worker-main.ts through tsx, as the
 * script runs it) and a private redis-server on a free port. Every process started here is killed by `killAll`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const started = new Set<ChildProcess>();

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves once the worker logged "notification worker ready". */
  ready: Promise<void>;
  exited: Promise<number | null>;
  output(): string;
}

export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "bot-server/src/worker-main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(child);
  let out = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      if (out.includes("notification worker ready")) resolve();
    });
    child.stderr!.on("data", (b: Buffer) => (out += b.toString()));
    child.on("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${out.slice(-2000)}`)));
  });
  ready.catch(() => {});
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      started.delete(child);
      resolve(code);
    }),
  );
  return { child, ready, exited, output: () => out };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export interface RedisServer {
  url: string;
  /** kill -9, as a crashed or restarted Redis without persistence: every key is gone. */
  kill(): Promise<void>;
  start(): Promise<void>;
}

/** redis-server --port P --save "" --appendonly no, in the foreground, as a child of this test. */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const url = `redis://127.0.0.1:${port}`;
  async function start(): Promise<void> {
    child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
      { stdio: "ignore" },
    );
    started.add(child);
    const c = child;
    c.on("exit", () => started.delete(c));
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => {});
    try {
      for (let i = 0; ; i++) {
        try {
          await probe.connect();
          await probe.ping();
          return;
        } catch {
          if (i > 100) throw new Error("redis-server did not start");
          probe.disconnect();
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    } finally {
      probe.disconnect();
    }
  }
  await start();
  return {
    url,
    start,
    async kill() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      const gone = new Promise((r) => c.once("exit", r));
      c.kill("SIGKILL");
      await gone;
    },
  };
}

export async function killAll(): Promise<void> {
  await Promise.all(
    [...started].map(async (c) => {
      if (c.exitCode !== null || c.signalCode !== null) return;
      const gone = new Promise((r) => c.once("exit", r));
      c.kill("SIGKILL");
      await gone;
    }),
  );
}
