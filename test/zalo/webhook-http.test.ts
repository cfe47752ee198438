/**
 * The webhook is a plain Node handler mounted first in the app (it reads its own body for the signature): it must
 * still answer every request as the rest of the app does, with the request id and the API headers, in the one error
 * format, and outlive a client that hangs up.
 */
import net from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, expect, it } from "@jest/globals";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { signWebhook, zaloEvent } from "../helpers/zalo-openapi-stand-in.js";
import { startBot, type Bot } from "./bot.js";

let serial = 0;
const newUser = () => `24684588352961${String(96000 + (serial += 1)).padStart(5, "0")}`;

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let bot: Bot;
  beforeAll(async () => {
    t = await open();
    bot = await startBot(t);
  });
  afterAll(async () => {
    await bot?.close();
  });
  beforeEach(() => bot.zalo.reset());

  const keys = () => ({ appId: bot.zalo.appId, oaSecretKey: bot.zalo.oaSecretKey });
  const signedText = (text: string) => signWebhook(zaloEvent.text({ userId: newUser(), text, timestamp: String(bot.nowMs()) }), keys());

  it("answers signed events, forgeries and broken bodies with the app's headers and error format", async () => {
    const cases: [string, string, RequestInit, number, string | undefined][] = [
      ["signed question", "/webhook/zalo", (() => { const s = signedText("lệ phí đăng ký hộ kinh doanh"); return { method: "POST", headers: s.headers, body: s.body }; })(), 200, undefined],
      ["signed, trailing slash", "/webhook/zalo/", (() => { const s = signedText("cảm ơn"); return { method: "POST", headers: s.headers, body: s.body }; })(), 200, undefined],
      ["missing signature", "/webhook/zalo", { method: "POST", headers: { "content-type": "application/json" }, body: signedText("xin chào").body }, 401, "unauthenticated"],
      ["malformed JSON", "/webhook/zalo", { method: "POST", headers: { "x-zevent-signature": `mac=${"a".repeat(64)}` }, body: '{"event_name":' }, 400, "malformed_json"],
      ["over 100 kB", "/webhook/zalo", { method: "POST", headers: { "x-zevent-signature": `mac=${"a".repeat(64)}` }, body: "x".repeat(101 * 1024) }, 413, "payload_too_large"],
      ["gzip body", "/webhook/zalo", { method: "POST", headers: { ...signedText("xin chào").headers, "content-encoding": "gzip" }, body: gzipSync(signedText("xin chào").body) }, 415, "unsupported_media_type"],
      ["GET (Zalo's check)", "/webhook/zalo", { method: "GET" }, 200, undefined],
      ["PUT", "/webhook/zalo", { method: "PUT", body: "{}" }, 400, "bad_request"],
    ];
    for (const [label, path, init, status, code] of cases) {
      const res = await fetch(`${bot.app.url}${path}`, init);
      const body = (await res.json()) as { error?: { code: string; message: string; detail: string } };
      expect({ label, status: res.status, code: body.error?.code }).toEqual({ label, status, code });
      if (code) expect(body.error!.message).toMatch(/[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]/i);
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-request-id")).toMatch(/^[\w.-]{1,64}$/);
    }
    // Both signed events were queued and answered, nothing else.
    await bot.settle();
    expect(bot.zalo.csMessages).toHaveLength(2);
  });
  it("keeps the caller's X-Request-Id and says which methods the webhook takes", async () => {
    const put = await fetch(`${bot.app.url}/webhook/zalo`, { method: "PUT", headers: { "x-request-id": "zalo-retry-42" }, body: "{}" });
    expect(put.headers.get("x-request-id")).toBe("zalo-retry-42");
    expect(put.headers.get("allow")).toBe("GET, POST");
    expect(((await put.json()) as { error: { message: string } }).error.message).toBe("Chỉ nhận POST.");
  });

  it("survives a client that hangs up in the middle of a body, and goes on answering", async () => {
    const { port } = new URL(bot.app.url);
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect({ host: "127.0.0.1", port: Number(port) }, () => {
        socket.write("POST /webhook/zalo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"app_id\":");
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
      socket.on("error", reject);
    });
    const s = signedText("hồ sơ đăng ký thế chấp cần gì");
    const after = await fetch(`${bot.app.url}/webhook/zalo`, { method: "POST", headers: s.headers, body: s.body });
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ received: true });
    await bot.settle();
    expect(bot.zalo.csMessages).toHaveLength(1);
  });
});
