/**
 * These machines cannot pull images, so the deployment files are checked as text: compose.yaml parses and runs
 * PostgreSQL, Redis, two app instances, a notification worker and a reverse proxy, each with a health check,
 * data on named volumes, and an app environment the server's own configuration accepts; the Dockerfile is
 * multi-stage on a Debian-based Node image, runs as a non-root user and ships compiled output only.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { parse } from "yaml";
import { parseConfig } from "../../bot-server/src/config.js";

const ROOT = join(__dirname, "..", "..");
const compose = parse(readFileSync(join(ROOT, "compose.yaml"), "utf8")) as {
  services: Record<
    string,
    {
      image?: string;
      build?: unknown;
      command?: string[];
      environment?: Record<string, string>;
      healthcheck?: { test: string[] };
      volumes?: string[];
      depends_on?: Record<string, { condition: string }>;
      ports?: string[];
    }
  >;
  volumes: Record<string, unknown>;
};

/** Compose's ${VAR:?msg} / ${VAR:-default} with sample values for the required ones. */
function interpolate(value: string): string {
  const samples: Record<string, string> = {
    POSTGRES_PASSWORD: "mat-khau-csdl",
    KHONGHEN_DOMAIN: "motcua.example.vn",
    STATUS_TOKEN_SECRET: "s".repeat(32),
  };
  return value.replace(
    /\$\{(\w+)(?::([?-])([^}]*))?\}/g,
    (_m, name: string, op?: string, rest?: string) => samples[name] ?? (op === "-" ? (rest ?? "") : ""),
  );
}

describe("compose.yaml", () => {
  const s = compose.services;

  it("runs PostgreSQL, Redis, two app instances, a notification worker and a reverse proxy", () => {
    expect(Object.keys(s).sort()).toEqual(["app1", "app2", "postgres", "proxy", "redis", "worker"]);
    expect(s.postgres!.image).toMatch(/^postgres:\d+-bookworm$/);
    expect(s.redis!.image).toMatch(/^redis:\d+-bookworm$/);
    expect(s.app1!.build).toBe(".");
    expect([s.app2!.image, s.worker!.image]).toEqual([s.app1!.image, s.app1!.image]);
    expect(s.worker!.command).toEqual(["node", "bot-server/start.js", "worker"]);
    expect(s.proxy!.ports).toEqual(expect.arrayContaining(["443:443"]));
  });

  it("gives every service a health check, the apps' one being /readyz, and starts apps after healthy data stores", () => {
    for (const [name, svc] of Object.entries(s))
      expect([name, Array.isArray(svc.healthcheck?.test)]).toEqual([name, true]);
    for (const app of ["app1", "app2"]) {
      expect(s[app]!.healthcheck!.test.join(" ")).toContain("/readyz");
      expect(s[app]!.depends_on).toMatchObject({
        postgres: { condition: "service_healthy" },
        redis: { condition: "service_healthy" },
      });
    }
    expect(s.proxy!.depends_on).toMatchObject({
      app1: { condition: "service_healthy" },
      app2: { condition: "service_healthy" },
    });
  });

  it("keeps the data on named volumes", () => {
    expect(Object.keys(compose.volumes).sort()).toEqual(["pgdata", "redisdata"]);
    expect(s.postgres!.volumes).toContain("pgdata:/var/lib/postgresql/data");
    expect(s.redis!.volumes).toContain("redisdata:/data");
  });

  it("fills in an environment the server's configuration accepts: PostgreSQL, Redis, production, one trusted proxy", () => {
    for (const name of ["app1", "app2", "worker"]) {
      const env = Object.fromEntries(
        Object.entries(s[name]!.environment!).map(([k, v]) => [k, interpolate(String(v))]),
      );
      const parsed = parseConfig(env);
      expect(parsed).toMatchObject({ ok: true });
      if (!parsed.ok) continue;
      expect(parsed.config).toMatchObject({
        NODE_ENV: "production",
        TRUST_PROXY: 1,
        REDIS_URL: "redis://redis:6379",
        PUBLIC_BASE_URL: "https://motcua.example.vn",
      });
      expect(parsed.config.database).toMatchObject({
        kind: "postgres",
        url: "postgres://khonghen:mat-khau-csdl@postgres:5432/khonghen",
      });
    }
  });

  it("proxies to both app instances, passing the client's address for the per-IP limit", () => {
    const conf = readFileSync(join(ROOT, "deploy", "nginx.conf"), "utf8");
    expect(conf).toMatch(/server app1:3000/);
    expect(conf).toMatch(/server app2:3000/);
    expect(conf).toMatch(/X-Forwarded-For \$remote_addr/);
    expect(conf).toMatch(/listen 443 ssl/);
    expect(conf).toMatch(/proxy_buffering off/);
  });
});

describe("Dockerfile", () => {
  const text = readFileSync(join(ROOT, "Dockerfile"), "utf8");
  const stages = text
    .split(/^FROM /m)
    .slice(1)
    .map((s) => `FROM ${s}`);
  const runtime = stages[stages.length - 1]!;

  it("is multi-stage on a Debian-based Node image", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage).toMatch(/^FROM node:\d+-(bookworm|trixie)(-slim)? AS \w+/);
  });

  it("builds in the first stage and ships only compiled output, builds and production dependencies", () => {
    expect(stages[0]).toMatch(/npm run build/);
    expect(stages[0]).toMatch(/npm prune --omit=dev/);
    expect(runtime).not.toMatch(/^COPY \. /m);
    const copied = [...runtime.matchAll(/^COPY --from=build \S+ (.+) \S+$/gm)].flatMap((m) => m[1]!.split(" "));
    expect(copied.sort()).toEqual([
      "/app/bot-server/start.js",
      "/app/dist",
      "/app/mini-app/www",
      "/app/node_modules",
      "/app/package-lock.json",
      "/app/package.json",
    ]);
    expect(runtime).toMatch(/ENV NODE_ENV=production/);
    expect(runtime).not.toMatch(/tsx/);
  });

  it("runs as a non-root user with a health check", () => {
    const user = /^USER (\S+)$/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(["root", "0"]).not.toContain(user);
    expect(runtime).toMatch(/^HEALTHCHECK /m);
  });
});
