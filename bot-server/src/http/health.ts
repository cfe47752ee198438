/**
 * GET /healthz: the process lives and serves (200 {"status":"ok"}), nothing else is checked, so a restart is never
 * decided on the database's account. GET /readyz: this instance can take traffic: the database answers, every
 * migration in code is applied and, when REDIS_URL is set, Redis answers; 200 {"status":"ready",checks} or
 * 503 {"status":"unavailable",checks} naming what failed (a proxy or orchestrator stops routing to it meanwhile).
 */
import type { Request, Response } from "express";
import type { Deps } from "../deps.js";
import { pendingMigrations } from "../store/migrate.js";

const CHECK_TIMEOUT_MS = 2000;

export function healthHandler() {
  return (_req: Request, res: Response) => {
    res
      .status(200)
      .set("Cache-Control", "no-store")
      .json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) });
  };
}

type Check = "ok" | "down" | "pending";

function withTimeout<T>(p: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), CHECK_TIMEOUT_MS)));
  return Promise.race([p.catch(() => fallback), timeout]).finally(() => clearTimeout(timer));
}

export function readinessHandler(deps: Pick<Deps, "database" | "db" | "redis">) {
  let migrated = false;
  return async (_req: Request, res: Response) => {
    const database: Check = (await withTimeout(deps.database.ping(), false)) ? "ok" : "down";
    let migrations: Check = migrated ? "ok" : "down";
    if (!migrated && database === "ok") {
      const pending = await withTimeout(pendingMigrations(deps.db), undefined);
      migrations = pending === undefined ? "down" : pending.length === 0 ? "ok" : "pending";
      migrated = migrations === "ok";
    }
    const checks: Record<string, Check> = { database, migrations };
    if (deps.redis) checks.redis = (await withTimeout(deps.redis.ping(), "")) === "PONG" ? "ok" : "down";
    const ready = Object.values(checks).every((c) => c === "ok");
    res
      .status(ready ? 200 : 503)
      .set("Cache-Control", "no-store")
      .json({ status: ready ? "ready" : "unavailable", checks });
  };
}
