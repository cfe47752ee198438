/**
 * A bench server in its own process: `node --import tsx bench/<script>` with the given environment, resolved once it
 * prints {"port":N}. stop() sends SIGTERM and, if the process has not exited after 20 s, SIGKILL.
 * BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server there (open it in Chrome DevTools) when it stops.
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export interface ServerChild {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export function startServerChild(script: string, env: Record<string, string>): Promise<ServerChild> {
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const proc = spawn(process.execPath, [...profile, "--import", "tsx", join(root, "bench", script)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => proc.on("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    let out = "";
    proc.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /\{"port":(\d+)\}/.exec(out);
      if (!m) return;
      resolve({
        port: Number(m[1]),
        pid: proc.pid!,
        async stop() {
          proc.kill("SIGTERM");
          const killer = setTimeout(() => proc.kill("SIGKILL"), 20_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
    void exited.then(() => reject(new Error(`${script} exited before listening`)));
  });
}
