/**
 * Control characters (NUL and the other C0/C1 codes) in any text that enters over HTTP: PostgreSQL refuses NUL in
 * text and jsonb, so before this rule such input gave HTTP 500 there while SQLite stored it. Now the edge refuses it
 * with 400 `invalid_characters` on every surface (path, query, JSON body; public API, /tra-cuu, console, mirror), in
 * the one error format, and stores nothing. Newlines and tabs stay allowed in bodies (multi-line feedback text).
 * The webhook cannot refuse a signed event (Zalo would retry it forever): there control characters are removed.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { CONSENT_NOTICE } from "../../shared/api/consent.js";
import { createOfficer, consoleClient, PASSWORD, QUANG_KHE } from "../console/helpers/console-server.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { zaloEvent } from "../helpers/zalo-openapi-stand-in.js";
import { startBot, type Bot } from "../zalo/bot.js";

const VIETNAMESE = /[ạảãáàâấầẩẫậăắằẳẵặđẹẻẽéèêếềểễệịỉĩíìọỏõóòôốồổỗộơớờởỡợụủũúùưứừửữựỵỷỹýỳ]/i;

async function expectRefused(res: Response): Promise<void> {
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { code: string; message: string; detail: string } };
  expect(body.error.code).toBe("invalid_characters");
  expect(body.error.message).toMatch(VIETNAMESE);
  expect(body.error.detail).toMatch(/control character/i);
}

forEachDatabase((name, open) => {
  let t: TestDatabase;
  let bot: Bot;
  let token: string;
  beforeAll(async () => {
    t = await open();
    bot = await startBot(t);
    token = ((await (await bot.app.request("/api/citizens/device", { method: "POST" })).json()) as { token: string })
      .token;
    await createOfficer(bot.app.deps, "ctl-officer", "counter_officer", QUANG_KHE);
  });
  afterAll(async () => {
    await bot?.close();
  });

  const citizen = (path: string, init: RequestInit & { json?: unknown } = {}) =>
    bot.app.request(path, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });

  it(`${name}: a NUL in a path parameter is 400, without signing in and signed in`, async () => {
    await expectRefused(await bot.app.request("/api/dossiers/%00/status"));
    await expectRefused(await bot.app.request("/api/units/24631%00/scheme"));
    await expectRefused(await citizen("/api/pre-registrations/%00"));
    await expectRefused(await citizen("/api/pre-registrations/abc%01def/submit", { method: "POST" }));
  });

  it(`${name}: a control character in a query string is 400`, async () => {
    await expectRefused(await bot.app.request("/api/units?q=Qu%00ang"));
    await expectRefused(await bot.app.request("/api/procedures?unit=24631&at=%1B"));
    // A newline has no place in a query either.
    await expectRefused(await bot.app.request("/api/units?q=a%0Ab"));
  });

  it(`${name}: /tra-cuu answers a page, in Vietnamese, with 400`, async () => {
    const res = await bot.app.request("/tra-cuu?code=%00", { headers: { accept: "text/html" } });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("ký tự điều khiển");
    expect(html).not.toContain("\u0000");
  });

  it(`${name}: a control character in a JSON body is 400 and nothing is stored; a newline in feedback text is kept`, async () => {
    const before = await t.db
      .selectFrom("feedback")
      .select((e) => e.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    await expectRefused(
      await citizen("/api/feedback", {
        method: "POST",
        json: { unitCode: "24631", kind: "suggestion", text: "Góp ý\u0000 về giờ làm việc" },
      }),
    );
    await expectRefused(
      await citizen("/api/feedback", {
        method: "POST",
        json: { unitCode: "24631", kind: "suggestion", text: "Góp ý\u0085" },
      }),
    );
    const after = await t.db
      .selectFrom("feedback")
      .select((e) => e.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    const multiLine = await citizen("/api/feedback", {
      method: "POST",
      json: { unitCode: "24631", kind: "suggestion", text: "Dòng một\nDòng hai\tcột" },
    });
    expect(multiLine.status).toBe(201);
    const mine = (await (await citizen("/api/feedback?mine=1")).json()) as { items: { text: string }[] };
    expect(mine.items.map((i) => i.text)).toContain("Dòng một\nDòng hai\tcột");
  });

  it(`${name}: a NUL in a JSON key is 400 too (jsonb refuses it as well)`, async () => {
    await expectRefused(
      await citizen("/api/pre-registrations", {
        method: "POST",
        json: {
          unitCode: "24631",
          procedureCode: "1.004873",
          formData: { "requesterName\u0000": "A" },
          consent: { accepted: true, version: CONSENT_NOTICE.version },
        },
      }),
    );
    const rows = await t.db.selectFrom("pre_registrations").select("id").execute();
    expect(rows).toEqual([]);
  });

  it(`${name}: console sign-in, intake lookup, dossier ids and the mirror refuse control characters with 400`, async () => {
    const client = await consoleClient(bot.app.url);
    await client.login("x"); // fetches the CSRF token of the anonymous session
    await expectRefused(await client.post("/console/api/login", { username: "ctl-officer\u0000", password: PASSWORD }));
    expect((await client.login("ctl-officer")).status).toBe(200);
    await expectRefused(await client.post("/console/api/intake/lookup", { code: "\u0000" }));
    await expectRefused(await client.get("/console/api/dossiers/%00"));
    await expectRefused(await client.get("/console/api/dossiers/%00/forms/01"));
    await expectRefused(await client.post("/console/api/feedback/%00/answer", { answer: "Trả lời" }));
    await expectRefused(
      await bot.app.request("/console/mirror/api/join", { method: "POST", json: { code: "12345\u0000" } }),
    );
    await expectRefused(await bot.app.request("/console/mirror/api/events?token=%00"));
  });

  it(`${name}: a signed webhook event with control characters is received and answered, the characters removed`, async () => {
    const userId = "2468458835296197999";
    const res = await bot.post(
      zaloEvent.text({ userId, text: "xin chào\u0000 thủ tục\u0007 nào", timestamp: String(bot.nowMs()) }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true });
    await bot.settle();
    const replies = await bot.zalo.waitFor("cs", 1);
    expect(replies[0]!.recipient).toBe(userId);
  });
});
