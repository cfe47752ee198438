/**
 * Sign-in throttling (finding: five wrong passwords locked a real account for 15 minutes with 423 while unknown names
 * got 401). Now: the same answers for existing and unknown names, waits that grow per (name, address), an officer
 * who signs in from another address while one address floods, and an alert the unit admin sees. Requests carry
 * X-Forwarded-For behind a trusted loopback proxy, so each test chooses the client's address.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import {
  at,
  createOfficer,
  NAM_DA,
  PASSWORD,
  QUANG_KHE,
  signedInClient,
  startConsoleServer,
  WEDNESDAY,
  type ConsoleServer,
} from "./helpers/console-server.js";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  let minute = 0;
  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t, { TRUST_PROXY: "loopback" });
    s.clock.set(at(WEDNESDAY, "07:00"));
    await createOfficer(s.deps, "qk.motcua", "counter_officer", QUANG_KHE);
    await createOfficer(s.deps, "qk.quantri", "unit_admin", QUANG_KHE);
    await createOfficer(s.deps, "namda.quantri", "unit_admin", NAM_DA);
    await createOfficer(s.deps, "qk.bi.tan.cong", "counter_officer", QUANG_KHE, { displayName: "Trần Thị Bị Thử" });
  });
  afterAll(() => s.close());

  /** Each test starts at a later minute so earlier waits are over. */
  const freshMinute = () => {
    minute += 30;
    const start = at(WEDNESDAY, "07:00").getTime() + minute * 60_000;
    s.clock.set(new Date(start));
    return start;
  };

  async function signIn(
    username: string,
    password: string,
    address: string,
  ): Promise<{ status: number; retryAfter: string | null; body: unknown }> {
    const session = await fetch(`${s.baseUrl}/console/api/session`, { headers: { "x-forwarded-for": address } });
    const cookie = session.headers.getSetCookie()[0]!.split(";")[0]!;
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const res = await fetch(`${s.baseUrl}/console/api/login`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken, "x-forwarded-for": address },
      body: JSON.stringify({ username, password }),
    });
    return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() };
  }

  it("answers an existing and an unknown name alike, attempt after attempt, and never with 423", async () => {
    const start = freshMinute();
    const known = [],
      unknown = [];
    for (let i = 0; i < 7; i += 1) {
      s.clock.set(new Date(start + i * 1500));
      known.push(await signIn("qk.motcua", "sai-mat-khau", "10.0.0.1"));
      unknown.push(await signIn("khong.co.ai", "sai-mat-khau", "10.0.0.2"));
    }
    expect(known).toEqual(unknown);
    expect(known.map((r) => r.status)).not.toContain(423);
    expect(known.map((r) => r.status)).toEqual([401, 401, 401, 401, 429, 401, 429]);
    expect(known[4]!.body).toMatchObject({
      error: { code: "login_throttled", message: expect.stringContaining("Đăng nhập sai nhiều lần từ máy này") },
    });
  });

  it("waits grow per name and address: 1 s, 2 s, 4 s", async () => {
    const start = freshMinute();
    for (let i = 0; i < 3; i += 1) expect((await signIn("qk.motcua", "sai", "10.0.1.1")).status).toBe(401);
    expect(await signIn("qk.motcua", PASSWORD, "10.0.1.1")).toMatchObject({ status: 429, retryAfter: "1" });
    s.clock.set(new Date(start + 1000));
    expect((await signIn("qk.motcua", "sai", "10.0.1.1")).status).toBe(401);
    expect((await signIn("qk.motcua", "sai", "10.0.1.1")).retryAfter).toBe("2");
    s.clock.set(new Date(start + 3000));
    expect((await signIn("qk.motcua", "sai", "10.0.1.1")).status).toBe(401);
    expect((await signIn("qk.motcua", "sai", "10.0.1.1")).retryAfter).toBe("4");
    s.clock.set(new Date(start + 7000));
    expect((await signIn("qk.motcua", PASSWORD, "10.0.1.1")).status).toBe(200);
  });

  it("a flood from one address does not stop the officer signing in from the counter", async () => {
    const start = freshMinute();
    for (let i = 0; i < 40; i += 1) {
      s.clock.set(new Date(start + i * 100));
      await signIn("qk.motcua", `doan-${i}`, "203.0.113.9");
    }
    expect((await signIn("qk.motcua", PASSWORD, "203.0.113.9")).status).toBe(429);
    expect((await signIn("qk.motcua", PASSWORD, "192.168.1.20")).status).toBe(200);
  });

  it("ten wrong passwords in a row on an account alert its unit admin, and nobody else", async () => {
    const start = freshMinute();
    for (let i = 0; i < 10; i += 1) {
      s.clock.set(new Date(start + i * 60_000));
      expect((await signIn("qk.bi.tan.cong", "sai", `198.51.100.${i % 2}`)).status).toBe(401);
    }
    const admin = await signedInClient(s.baseUrl, "qk.quantri");
    const { status, body } = await admin.json<{ alerts: { username: string; displayName: string; reason: string }[] }>(
      "GET",
      "/console/api/security/alerts",
    );
    expect(status).toBe(200);
    expect(body.alerts.filter((a) => a.username === "qk.bi.tan.cong")).toEqual([
      expect.objectContaining({
        username: "qk.bi.tan.cong",
        displayName: "Trần Thị Bị Thử",
        reason: "10 lần đăng nhập sai liên tiếp vào tài khoản qk.bi.tan.cong; lần gần nhất từ địa chỉ 198.51.100.1",
      }),
    ]);
    const other = await signedInClient(s.baseUrl, "namda.quantri");
    expect((await other.json<{ alerts: unknown[] }>("GET", "/console/api/security/alerts")).body.alerts).toEqual([]);
    const counter = await signedInClient(s.baseUrl, "qk.motcua");
    expect((await counter.json("GET", "/console/api/security/alerts")).status).toBe(403);
  });
});

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t);
    s.clock.set(at(WEDNESDAY, "07:00"));
  });
  afterAll(() => s.close());

  it("an account with a one-time password can only change it, then works; the change is audited", async () => {
    const id = await createOfficer(s.deps, "qk.moi", "counter_officer", QUANG_KHE);
    await t.db.updateTable("users").set({ must_change_password: 1 }).where("id", "=", id).execute();
    const c = await signedInClient(s.baseUrl, "qk.moi");
    expect((await c.json("GET", "/console/api/session")).body).toMatchObject({ mustChangePassword: true });
    const board = await c.json<{ error: { code: string; message: string } }>("GET", "/console/api/board");
    expect(board).toMatchObject({
      status: 403,
      body: {
        error: { code: "password_change_required", message: "Vui lòng đổi mật khẩu dùng một lần trước khi làm việc." },
      },
    });
    expect((await c.get("/console/api/feedback")).status).toBe(403);
    expect(
      (await c.json("POST", "/console/api/password", { current: "sai", next: "mat-khau-moi-cua-toi" })).status,
    ).toBe(401);
    expect((await c.json("POST", "/console/api/password", { current: PASSWORD, next: "ngan" })).status).toBe(400);
    expect(
      (await c.json("POST", "/console/api/password", { current: PASSWORD, next: "mat-khau-moi-cua-toi" })).status,
    ).toBe(200);
    expect((await c.get("/console/api/board")).status).toBe(200);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "fields"])
      .where("subject_kind", "=", "user")
      .where("subject_id", "=", id)
      .execute();
    expect(audit).toEqual([{ action: "update", fields: '["password_hash"]' }]);
    const again = await signedInClient(s.baseUrl, "qk.moi").catch((e: Error) => e);
    expect(again).toBeInstanceOf(Error);
  });
});
