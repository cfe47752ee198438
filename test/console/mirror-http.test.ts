/**
 * The mirror over HTTP: the pairing code joins, the event streams reach both screens uncompressed (a gzip buffer
 * would hold the events back), the citizen's confirmation marks the received dossier "checked by the citizen".
 */
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
import { firstEvent } from "./helpers/event-stream.js";
import { maritalIntake } from "./helpers/intake-fixtures.js";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t);
    s.clock.set(at(WEDNESDAY, "09:30"));
    await createOfficer(s.deps, "qk.motcua", "counter_officer", QUANG_KHE, { displayName: "Trần Thị Một Cửa" });
  });
  afterAll(() => s.close());

  it("streams what the officer types to the citizen, and the confirmation reaches the dossier", async () => {
    const c = await consoleClient(s.baseUrl);
    await c.login("qk.motcua");
    const { body: pair } = await c.json<{ code: string }>("POST", "/console/api/mirror/pair");
    const join = await fetch(`${s.baseUrl}/console/mirror/api/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: pair.code }),
    });
    const { token } = (await join.json()) as { token: string };
    const state = {
      title: "Cấp Giấy xác nhận tình trạng hôn nhân",
      fields: [{ label: "Họ, chữ đệm, tên người yêu cầu", value: "Nguyễn Văn Thử" }],
    };
    const { body: published } = await c.json<{ version: number }>("POST", "/console/api/mirror/state", state);
    const stream = await fetch(`${s.baseUrl}/console/mirror/api/events?token=${token}`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(stream.headers.get("content-encoding")).toBeNull();
    expect(await firstEvent(stream)).toMatchObject({
      officerName: "Trần Thị Một Cửa",
      training: false,
      state,
      version: published.version,
      confirmed: false,
    });
    const officerStream = await c.get("/console/api/mirror/events");
    expect(officerStream.headers.get("content-encoding")).toBeNull();
    expect(await firstEvent(officerStream)).toMatchObject({ joined: true, confirmed: false });

    const confirm = await fetch(`${s.baseUrl}/console/mirror/api/confirm`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, version: published.version }),
    });
    expect(confirm.status).toBe(200);
    const r = await c.json<{ dossierId: string; checkedByCitizen: boolean }>(
      "POST",
      "/console/api/intake/receive",
      maritalIntake(),
    );
    expect(r.body.checkedByCitizen).toBe(true);
    const event = await t.db
      .selectFrom("dossier_events")
      .select("data")
      .where("dossier_id", "=", r.body.dossierId)
      .where("type", "=", "receive")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.data)).toMatchObject({ checkedByCitizen: true, assistedWriting: true });
  });

  const join = (
    code: string,
    userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  ) =>
    fetch(`${s.baseUrl}/console/mirror/api/join`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": userAgent },
      body: JSON.stringify({ code }),
    });

  it("a second join of the same code is refused in Vietnamese and English; the officer sees the paired screen and revokes it", async () => {
    const c = await consoleClient(s.baseUrl);
    await c.login("qk.motcua");
    const { body: pair } = await c.json<{ code: string }>("POST", "/console/api/mirror/pair");
    const first = await join(pair.code);
    expect(first.status).toBe(200);
    const { token } = (await first.json()) as { token: string };

    const second = await join(pair.code, "curl/8.5.0");
    expect(second.status).toBe(409);
    const { error } = (await second.json()) as { error: { code: string; message: string; detail: string } };
    expect(error).toMatchObject({
      code: "mirror_already_joined",
      message: expect.stringContaining("đã được một màn hình khác sử dụng"),
      detail: expect.stringContaining("already joined"),
    });

    const { body: status } = await c.json<{ joined: boolean; screen: { joinedAt: string; browser: string } }>(
      "GET",
      "/console/api/mirror/status",
    );
    expect(status).toMatchObject({
      joined: true,
      screen: { joinedAt: at(WEDNESDAY, "09:30").toISOString(), browser: "Chrome 126 · Linux" },
    });
    // The first screen still follows the officer.
    const { body: published } = await c.json<{ version: number }>("POST", "/console/api/mirror/state", {
      title: "T",
      fields: [{ label: "Họ, chữ đệm, tên", value: "Nguyễn Văn Thử" }],
    });
    expect(await firstEvent(await fetch(`${s.baseUrl}/console/mirror/api/events?token=${token}`))).toMatchObject({
      version: published.version,
    });

    expect((await c.json("POST", "/console/api/mirror/revoke")).body).toEqual({ revoked: true });
    expect((await fetch(`${s.baseUrl}/console/mirror/api/events?token=${token}`)).status).toBe(404);
    const confirm = await fetch(`${s.baseUrl}/console/mirror/api/confirm`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, version: published.version }),
    });
    expect(confirm.status).toBe(404);
    expect((await c.json("GET", "/console/api/mirror/status")).body).toMatchObject({ paired: false, screen: null });
  });

  it("the pairing ends with the intake and with the officer's sign-out", async () => {
    const c = await consoleClient(s.baseUrl);
    await c.login("qk.motcua");
    const { body: pair } = await c.json<{ code: string }>("POST", "/console/api/mirror/pair");
    const { token } = (await (await join(pair.code)).json()) as { token: string };
    const r = await c.json<{ dossierId: string }>("POST", "/console/api/intake/receive", maritalIntake());
    expect(r.status).toBe(200);
    expect((await fetch(`${s.baseUrl}/console/mirror/api/events?token=${token}`)).status).toBe(404);
    expect((await join(pair.code)).status).toBe(404);

    const { body: again } = await c.json<{ code: string }>("POST", "/console/api/mirror/pair");
    const { token: token2 } = (await (await join(again.code)).json()) as { token: string };
    expect((await c.post("/console/api/logout")).status).toBe(200);
    expect((await fetch(`${s.baseUrl}/console/mirror/api/events?token=${token2}`)).status).toBe(404);
  });

  it("a wrong pairing code is refused", async () => {
    const res = await fetch(`${s.baseUrl}/console/mirror/api/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: "12345" }),
    });
    expect(res.status).toBe(404);
  });
});
