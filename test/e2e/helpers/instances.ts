/**
 * A small deployment on loopback, as the README's "Triển khai" section lays it out: nginx (Debian package) in
 * front of two app processes and one notification worker, all running the compiled build (`npm run build:bot`)
 * with NODE_ENV=production and sharing one PostgreSQL schema and one Redis (its own key prefix).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => res(port));
    });
    s.on("error", rej);
  });
}

/** Compiles the server once per run (tsc into dist/), as `npm run build:bot` does. */
export function buildServer(): void {
  const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "bot-server/scripts/build-server.ts"], {
    cwd: REPO,
    encoding: "utf8",
    timeout: 240_000,
  });
  if (r.status !== 0) throw new Error(`npm run build:bot failed:\n${r.stdout}\n${r.stderr}`);
}

export interface Proc {
  name: string;
  child: ChildProcess;
  output(): string;
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startProc(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
): Proc {
  const child = spawn(command, args, { cwd: REPO, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return {
    name,
    child,
    output: () => out,
    waitFor(re, timeoutMs = 60_000) {
      return new Promise((res, rej) => {
        const started = Date.now();
        const tick = () => {
          const m = re.exec(out);
          if (m) return res(m);
          if (child.exitCode !== null)
            return rej(new Error(`${name} exited with ${child.exitCode}:\n${out.slice(-3000)}`));
          if (Date.now() - started > timeoutMs)
            return rej(new Error(`${name}: ${re} not seen in ${timeoutMs} ms:\n${out.slice(-3000)}`));
          setTimeout(tick, 50);
        };
        tick();
      });
    },
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      return child.exitCode;
    },
  };
}

/** nginx in front of the given app ports (round robin), answering on `port`; X-Upstream names the instance used. */
export function startNginx(port: number, upstreams: number[]): { proc: Proc; dir: string; close(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), "khonghen-nginx-"));
  chmodSync(dir, 0o755);
  for (const d of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    mkdirSync(join(dir, d));
    chmodSync(join(dir, d), 0o777);
  }
  const runningAsRoot = process.getuid?.() === 0;
  writeFileSync(join(dir, "nginx.conf"), nginxConf({ port, upstreams, dir, user: runningAsRoot ? "root" : undefined }));
  // Debian installs it in /usr/sbin, which a non-root PATH may lack.
  const binary = existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
  const proc = startProc("nginx", binary, ["-p", dir, "-c", join(dir, "nginx.conf")], { ...process.env });
  return {
    proc,
    dir,
    close: async () => {
      await proc.stop("SIGQUIT");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The reverse proxy of the README (without TLS, which the README's site block adds). */
export function nginxConf(o: { port: number; upstreams: number[]; dir: string; user?: string }): string {
  return `${o.user ? `user ${o.user};\n` : ""}worker_processes 1;
daemon off;
pid ${o.dir}/nginx.pid;
error_log ${o.dir}/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${o.dir}/body;
  proxy_temp_path ${o.dir}/proxy;
  fastcgi_temp_path ${o.dir}/fastcgi;
  uwsgi_temp_path ${o.dir}/uwsgi;
  scgi_temp_path ${o.dir}/scgi;
  upstream khonghen {
${o.upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${o.port};
    client_max_body_size 2m;
    location / {
      proxy_pass http://khonghen;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Server-sent events (the citizen mirror) pass through unbuffered and stay open.
      proxy_buffering off;
      proxy_read_timeout 1h;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}
