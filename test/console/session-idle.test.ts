/**
 * Console sessions end after CONSOLE_IDLE_MINUTES without the officer's activity (default 30), besides the 12 h
 * absolute end. The console's own timers send X-Console-Background: 1 and do not keep a session alive.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { parseConfig } from "../../bot-server/src/config.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import {
  at,
  createOfficer,
  QUANG_KHE,
  signedInClient,
  startConsoleServer,
  WEDNESDAY,
  type ConsoleServer,
} from "./helpers/console-server.js";

const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

it("the idle timeout defaults to 30 minutes and is read from CONSOLE_IDLE_MINUTES", () => {
  const def = parseConfig({});
  const set = parseConfig({ CONSOLE_IDLE_MINUTES: "10" });
  expect(def.ok && def.config.CONSOLE_IDLE_MINUTES).toBe(30);
  expect(set.ok && set.config.CONSOLE_IDLE_MINUTES).toBe(10);
  expect(parseConfig({ CONSOLE_IDLE_MINUTES: "0" }).ok).toBe(false);
});

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  const start = at(WEDNESDAY, "07:30");
  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t, { CONSOLE_IDLE_MINUTES: "30" });
    await createOfficer(s.deps, "qk.motcua", "counter_officer", QUANG_KHE);
  });
  afterAll(() => s.close());

  it("an officer active every 25 minutes stays signed in; 31 idle minutes end the session", async () => {
    s.clock.set(start);
    const c = await signedInClient(s.baseUrl, "qk.motcua");
    const session = await c.json<{ idle: { timeoutSeconds: number; endsAt: string } }>("GET", "/console/api/session");
    expect(session.body.idle).toEqual({ timeoutSeconds: 1800, endsAt: minutes(start, 30).toISOString() });
    for (const m of [25, 50, 75]) {
      s.clock.set(minutes(start, m));
      expect((await c.get("/console/api/board")).status).toBe(200);
    }
    s.clock.set(minutes(start, 75 + 31));
    const res = await c.get("/console/api/board");
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      "Vui lòng đăng nhập để tiếp tục.",
    );
  });

  it("the console's background polls do not count as activity; 'stay signed in' does", async () => {
    s.clock.set(start);
    const c = await signedInClient(s.baseUrl, "qk.motcua");
    s.clock.set(minutes(start, 20));
    const polled = await background(c, "/console/api/board");
    expect(polled.status).toBe(200);
    s.clock.set(minutes(start, 29));
    const kept = await c.json<{ idle: { endsAt: string } }>("POST", "/console/api/session/keep-alive");
    expect(kept).toEqual({
      status: 200,
      body: { idle: { timeoutSeconds: 1800, endsAt: minutes(start, 59).toISOString() } },
    });
    s.clock.set(minutes(start, 58));
    expect((await background(c, "/console/api/board")).status).toBe(200);
    s.clock.set(minutes(start, 60));
    expect((await c.get("/console/api/board")).status).toBe(401);
  });

  it("the 12-hour absolute end stays, however active the officer", async () => {
    s.clock.set(start);
    const c = await signedInClient(s.baseUrl, "qk.motcua");
    for (let m = 20; m < 12 * 60; m += 20) {
      s.clock.set(minutes(start, m));
      expect((await c.get("/console/api/board")).status).toBe(200);
    }
    s.clock.set(minutes(start, 12 * 60 + 1));
    expect((await c.get("/console/api/board")).status).toBe(401);
  });
});

/** A GET the console makes on a timer: the client's cookies, marked as background. */
function background(c: Awaited<ReturnType<typeof signedInClient>>, path: string): Promise<Response> {
  const client = c as unknown as {
    request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  };
  return client.request("GET", path, undefined, { "x-console-background": "1" });
}
