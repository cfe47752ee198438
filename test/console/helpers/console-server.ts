/**
 * Starts the real app (createServer over buildDeps: migrated, seeded database, domain loaded from it) on port 0 with a
 * settable clock, creates officers with known passwords, and gives a small cookie + CSRF aware client.
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { buildDeps } from "../../../bot-server/src/build-deps.js";
import { createSettableClock, type SettableClock } from "../../../bot-server/src/clock.js";
import { parseConfig } from "../../../bot-server/src/config.js";
import { hashPassword } from "../../../bot-server/src/console/session-auth.js";
import type { Deps } from "../../../bot-server/src/deps.js";
import { createLog } from "../../../bot-server/src/log.js";
import { createServer } from "../../../bot-server/src/server.js";
import type { DatabaseHandle } from "../../../bot-server/src/store/connect.js";
import { insertOfficer } from "../../../bot-server/src/store/users.js";
import type { Role } from "../../../shared/data/lifecycle.js";

export const QUANG_KHE = "24631@2025-07-01";
export const NAM_DA = "24697@2025-07-01";
export const PASSWORD = "mat-khau-thu-nghiem-123";

export interface ConsoleServer {
  deps: Deps;
  clock: SettableClock;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startConsoleServer(
  database: DatabaseHandle,
  env: Record<string, string> = {},
): Promise<ConsoleServer> {
  // These suites move the clock by hours between an officer's requests: the idle timeout (session-idle.test.ts) is
  // set to the 12 h absolute lifetime unless a suite sets CONSOLE_IDLE_MINUTES itself.
  const parsed = parseConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: "0",
    PURGE_INTERVAL_MINUTES: "0",
    CONSOLE_IDLE_MINUTES: "720",
    ...env,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  const clock = createSettableClock();
  clock.set(new Date("2025-07-16T02:00:00Z"));
  const deps = await buildDeps(parsed.config, createLog("silent"), { clock, database, printOnce: () => {} });
  const server: Server = createServer(deps).listen(0);
  await new Promise<void>((r) => server.once("listening", () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    deps: { ...deps, clock },
    clock,
    baseUrl: `http://localhost:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function createOfficer(
  deps: Deps,
  username: string,
  role: Role,
  unitId: string | null,
  extra: { delegateFor?: string; displayName?: string } = {},
): Promise<string> {
  const id = randomUUID();
  await insertOfficer(deps.db, {
    id,
    username,
    passwordHash: await hashPassword(PASSWORD),
    displayName: extra.displayName ?? `Cán bộ ${username}`,
    role,
    unitId,
    delegateFor: extra.delegateFor ?? null,
    now: deps.clock.now().toISOString(),
  });
  return id;
}

export interface ConsoleClient {
  csrf: string;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  put(path: string, body?: unknown): Promise<Response>;
  json<T = Record<string, unknown>>(
    method: "GET" | "POST" | "PUT",
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
}

/** A browser-like client: keeps cookies, sends the CSRF header on state changes. */
export async function consoleClient(
  baseUrl: string,
): Promise<ConsoleClient & { login(username: string, password?: string): Promise<Response> }> {
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const remember = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === "") cookies.delete(name);
      else cookies.set(name, value);
    }
    return res;
  };
  const client = {
    csrf: "",
    async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie: cookieHeader(),
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
          ...(method !== "GET" ? { "x-csrf-token": client.csrf } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return remember(res);
    },
    get: (path: string) => client.request("GET", path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      client.request("POST", path, body ?? {}, headers),
    put: (path: string, body?: unknown) => client.request("PUT", path, body ?? {}),
    async json<T>(method: "GET" | "POST" | "PUT", path: string, body?: unknown) {
      const res = await client.request(method, path, method === "GET" ? undefined : (body ?? {}));
      return { status: res.status, body: (await res.json()) as T };
    },
    async login(username: string, password = PASSWORD) {
      const s = (await (await client.get("/console/api/session")).json()) as { csrfToken: string };
      client.csrf = s.csrfToken;
      const res = await client.post("/console/api/login", { username, password });
      if (res.ok) client.csrf = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
      return res;
    },
  };
  return client;
}

/** A client already signed in as `username` (throws when the sign-in is refused). */
export async function signedInClient(
  baseUrl: string,
  username: string,
): Promise<Awaited<ReturnType<typeof consoleClient>>> {
  const client = await consoleClient(baseUrl);
  const res = await client.login(username);
  if (res.status !== 200) throw new Error(`sign-in of ${username} refused: HTTP ${res.status}`);
  return client;
}

/** Creates these officers (username, role, unit) and signs each in: their ids and clients, in the same order. */
export async function signedInOfficers(
  s: ConsoleServer,
  officers: [string, Role, string | null][],
): Promise<{ id: string; client: Awaited<ReturnType<typeof consoleClient>> }[]> {
  const ids: string[] = [];
  for (const [username, role, unitId] of officers) ids.push(await createOfficer(s.deps, username, role, unitId));
  const signedIn = [];
  for (const [i, [username]] of officers.entries())
    signedIn.push({ id: ids[i]!, client: await signedInClient(s.baseUrl, username) });
  return signedIn;
}

/** A Wednesday in the Lâm Đồng demo plan (Quảng Khê applies Ngày không hẹn on Wednesdays until 15:00). */
export const WEDNESDAY = "2025-07-16";
export const at = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);
