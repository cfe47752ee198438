/** Console sign-in, server-side sessions, CSRF and no lock-out, against the real app on SQLite and PostgreSQL. */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import {
  at,
  consoleClient,
  createOfficer,
  QUANG_KHE,
  startConsoleServer,
  WEDNESDAY,
  type ConsoleServer,
} from "./helpers/console-server.js";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t);
    s.clock.set(at(WEDNESDAY, "08:00"));
    await createOfficer(s.deps, "motcua.a", "counter_officer", QUANG_KHE);
    await createOfficer(s.deps, "motcua.khoa", "counter_officer", QUANG_KHE);
  });
  afterAll(async () => {
    await s.close();
  });

  it("signs in with the right password and keeps only a hash of the session token", async () => {
    const c = await consoleClient(s.baseUrl);
    const res = await c.login("motcua.a");
    expect(res.status).toBe(200);
    const setCookie = res.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/kh_console=[^;]+; Path=\/console; HttpOnly; SameSite=Strict/);
    const token = /kh_console=([^;]+)/.exec(setCookie)![1]!;
    const rows = await t.db.selectFrom("sessions").select("id").execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.id === token)).toBe(false);
    const board = await c.json<{ date: string }>("GET", "/console/api/board");
    expect(board.status).toBe(200);
    expect(board.body.date).toBe(WEDNESDAY);
  });

  it("refuses a wrong password with a Vietnamese message and no session", async () => {
    const c = await consoleClient(s.baseUrl);
    const res = await c.login("motcua.a", "sai-mat-khau");
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      "Tên đăng nhập hoặc mật khẩu không đúng.",
    );
    expect((await c.get("/console/api/board")).status).toBe(401);
  });

  it("needs the CSRF header on every state change, also for signing in", async () => {
    const c = await consoleClient(s.baseUrl);
    await c.get("/console/api/session");
    const noToken = await c.post("/console/api/login", { username: "motcua.a", password: "x" }, { "x-csrf-token": "" });
    expect(noToken.status).toBe(403);
    await c.login("motcua.a");
    const forged = await c.post(
      "/console/api/intake/drafts",
      { procedureCode: "1.004873" },
      { "x-csrf-token": "forged-token-of-same-len-abcdefgh" },
    );
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("csrf_failed");
  });

  it("never locks an account: after wrong passwords the right one still signs in once the short wait is over", async () => {
    const c = await consoleClient(s.baseUrl);
    for (let i = 0; i < 5; i += 1) expect([401, 429]).toContain((await c.login("motcua.khoa", "sai")).status);
    s.clock.set(at(WEDNESDAY, "08:01"));
    expect((await c.login("motcua.khoa")).status).toBe(200);
    s.clock.set(at(WEDNESDAY, "08:00"));
  });

  it("signs out: the session row is gone and the cookie no longer works", async () => {
    const c = await consoleClient(s.baseUrl);
    await c.login("motcua.a");
    const before = Number(
      (
        await t.db
          .selectFrom("sessions")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect((await c.post("/console/api/logout")).status).toBe(200);
    const after = Number(
      (
        await t.db
          .selectFrom("sessions")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before - 1);
    expect((await c.get("/console/api/board")).status).toBe(401);
  });
});
