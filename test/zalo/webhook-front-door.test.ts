/**
 * The server hands /webhook/zalo to the webhook handler before Express (bot-server/src/server.ts); createApp mounts
 * the same handler for an app served without that front door. Both must answer Zalo, a forger or a broken client
 * exactly alike, with the request id and the API headers the rest of the app sets.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, expect, it } from "@jest/globals";
import { createApp } from "../../bot-server/src/app.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { signWebhook, zaloEvent } from "../helpers/zalo-openapi-stand-in.js";
import { startBot, type Bot } from "./bot.js";

let serial = 0;
const newUser = () => `24684588352961${String(96000 + (serial += 1)).padStart(5, "0")}`;

interface Answer {
  status: number;
  body: unknown;
  contentType: string | null;
  csp: string | null;
  allow: string | null;
  hasRequestId: boolean;
}

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let bot: Bot;
  let expressOnly: Server;
  let expressUrl: string;
  beforeAll(async () => {
    t = await open();
    bot = await startBot(t);
    expressOnly = await new Promise<Server>((resolve) => {
      const s = createApp(bot.app.deps).listen(0, "127.0.0.1", () => resolve(s));
    });
    expressUrl = `http://127.0.0.1:${(expressOnly.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    expressOnly?.closeAllConnections();
    await new Promise((r) => expressOnly?.close(r));
    await bot?.close();
  });
  beforeEach(() => bot.zalo.reset());

  const keys = () => ({ appId: bot.zalo.appId, oaSecretKey: bot.zalo.oaSecretKey });
  const signedText = (text: string) => signWebhook(zaloEvent.text({ userId: newUser(), text, timestamp: String(bot.nowMs()) }), keys());

  /** The same request (built afresh for each server: a signed event gets its own msg_id) to both servers. */
  async function both(path: string, init: () => RequestInit): Promise<[Answer, Answer]> {
    const ask = async (base: string): Promise<Answer> => {
      const res = await fetch(`${base}${path}`, init());
      const text = await res.text();
      return {
        status: res.status,
        body: text === "" ? "" : JSON.parse(text),
        contentType: res.headers.get("content-type"),
        csp: res.headers.get("content-security-policy"),
        allow: res.headers.get("allow"),
        hasRequestId: /^[\w.-]{1,64}$/.test(res.headers.get("x-request-id") ?? ""),
      };
    };
    return [await ask(bot.app.url), await ask(expressUrl)];
  }

  it("answers signed events, forgeries and broken bodies alike with or without the front door", async () => {
    const cases: [string, string, () => RequestInit, number][] = [
      ["signed question", "/webhook/zalo", () => { const s = signedText("lệ phí đăng ký hộ kinh doanh"); return { method: "POST", headers: s.headers, body: s.body }; }, 200],
      ["signed, trailing slash", "/webhook/zalo/", () => { const s = signedText("cảm ơn"); return { method: "POST", headers: s.headers, body: s.body }; }, 200],
      ["missing signature", "/webhook/zalo", () => ({ method: "POST", headers: { "content-type": "application/json" }, body: signedText("xin chào").body }), 401],
      ["malformed JSON", "/webhook/zalo", () => ({ method: "POST", headers: { "x-zevent-signature": `mac=${"a".repeat(64)}` }, body: '{"event_name":' }), 400],
      ["over 100 kB", "/webhook/zalo", () => ({ method: "POST", headers: { "x-zevent-signature": `mac=${"a".repeat(64)}` }, body: "x".repeat(101 * 1024) }), 413],
      ["gzip body", "/webhook/zalo", () => ({ method: "POST", headers: { ...signedText("xin chào").headers, "content-encoding": "gzip" }, body: gzipSync(signedText("xin chào").body) }), 415],
      ["GET (Zalo's check)", "/webhook/zalo", () => ({ method: "GET" }), 200],
      ["PUT", "/webhook/zalo", () => ({ method: "PUT", body: "{}" }), 400],
    ];
    for (const [label, path, init, status] of cases) {
      const [front, express] = await both(path, init);
      expect({ label, ...front }).toEqual({ label, ...express });
      expect({ label, status: front.status }).toEqual({ label, status });
      expect(front.contentType).toBe("application/json; charset=utf-8");
      expect(front.csp).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(front.hasRequestId).toBe(true);
    }
    // Each server queued both of its signed events, and nothing else.
    await bot.settle();
    expect(bot.zalo.csMessages).toHaveLength(4);
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
