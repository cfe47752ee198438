/**
 * The real server as `npm start` runs it (tsx bot-server/src/main.ts) in a child process: port 0, a
 * throwaway SQLite file, TEST_CLOCK=1 so the test sets the server's time. Pages load it from
 * http://localhost:<port> (not 127.0.0.1): zmp-sdk only mocks itself on a "localhost" hostname.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ServerProcess {
  url: string;
  port: number;
  databaseUrl: string;
  /** What the server printed (the demo officers' one-time passwords at first start). */
  output(): string;
  /** Pin the server's clock (POST /__test/clock). */
  setClock(iso: string): Promise<void>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), "khonghen-e2e-"));
  const databaseUrl = `sqlite:${join(dir, "khonghen.sqlite")}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "bot-server/src/main.ts"], {
    env: {
      ...process.env,
      PORT: "0",
      DATABASE_URL: databaseUrl,
      TEST_CLOCK: "1",
      // The test clock jumps hours ahead between steps; an officer's session must not go idle over a jump.
      CONSOLE_IDLE_MINUTES: "720",
      LOG_LEVEL: "info",
      RATE_LIMIT_PER_MINUTE: "0",
      PURGE_INTERVAL_MINUTES: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in time: ${err.slice(-2000)}`)),
      START_TIMEOUT_MS,
    );
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /"port":(\d+),[^\n]*Khong Hen listening/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err.slice(-2000)}`));
    });
  });
  const url = `http://localhost:${port}`;
  return {
    url,
    port,
    databaseUrl,
    output: () => out,
    setClock: async (iso) => {
      const r = await fetch(`${url}/__test/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ now: iso }),
      });
      if (!r.ok) throw new Error(`clock not set: ${r.status} ${await r.text()}`);
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
