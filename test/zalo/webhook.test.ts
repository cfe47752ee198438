import net from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { insertDossier } from "../helpers/dossier-rows.js";
import { signWebhook, zaloEvent } from "../helpers/zalo-openapi-stand-in.js";
import { MINI_APP_ID, PUBLIC_BASE_URL, startBot, type Bot } from "./bot.js";

let serial = 0;
/** A fresh synthetic OA user id per test, so conversations never mix. */
const newUser = () => `24684588352961${String(97000 + (serial += 1)).padStart(5, "0")}`;

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

  const text = (userId: string, message: string, extra: { timestamp?: string; msgId?: string } = {}) =>
    zaloEvent.text({ userId, text: message, timestamp: String(bot.nowMs()), ...extra });

  describe("POST /webhook/zalo", () => {
    it("answers a signed question after acknowledging it: the checklist of the procedure, with Mini App buttons", async () => {
      const user = newUser();
      const res = await bot.post(text(user, "xin giấy xác nhận độc thân ở xã Quảng Khê cần giấy tờ gì"));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ received: true });
      const [reply] = await bot.zalo.waitFor("cs", 1);
      expect(reply!.recipient).toBe(user);
      expect(reply!.text).toContain("Cấp Giấy xác nhận tình trạng hôn nhân");
      expect(reply!.text).toContain("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân");
      expect(reply!.text).toContain("xuất trình bản chính");
      expect(reply!.text).toContain("Thứ Tư 15/10/2025");
      expect(reply!.text).toContain("15:00");
      const urls = reply!.buttons!.map((b) => (b.payload as { url?: string }).url).filter(Boolean);
      expect(urls).toContain(`https://zalo.me/s/${MINI_APP_ID}/don-vi/24631/thu-tuc/1.004873/khai-truoc`);
    });

    it("refuses a forged or missing signature with 401 and answers nothing", async () => {
      const forged = await bot.post(text(newUser(), "xin chào"), { signature: `mac=${"0".repeat(64)}` });
      expect(forged.status).toBe(401);
      expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
      const missing = await bot.post(text(newUser(), "xin chào"), { signature: null });
      expect(missing.status).toBe(401);
      // Signed over other bytes than those sent (a re-serialised body).
      const payload = text(newUser(), "xin chào");
      const reordered = await bot.post(payload, { rawBody: JSON.stringify(payload, null, 1) });
      expect(reordered.status).toBe(200);
      const tampered = await fetch(`${bot.app.url}/webhook/zalo`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-zevent-signature": signWebhook(payload, { appId: bot.zalo.appId, oaSecretKey: bot.zalo.oaSecretKey })
            .headers["x-zevent-signature"],
        },
        body: JSON.stringify({ ...payload, message: { msg_id: "x1", text: "đổi nội dung" } }),
      });
      expect(tampered.status).toBe(401);
      await bot.settle();
      expect(bot.zalo.csMessages).toHaveLength(1); // only the correctly signed one
    });

    it("refuses a replay older than ZALO_WEBHOOK_MAX_AGE_HOURS (200, not processed)", async () => {
      const sevenHoursAgo = String(bot.nowMs() - 7 * 3_600_000);
      const res = await bot.post(text(newUser(), "cảm ơn", { timestamp: sevenHoursAgo }));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ received: false, reason: "stale" });
      const recent = await bot.post(text(newUser(), "cảm ơn", { timestamp: String(bot.nowMs() - 3_600_000) }));
      expect(await recent.json()).toEqual({ received: true });
      await bot.settle();
      expect(bot.zalo.csMessages).toHaveLength(1);
    });

    it("answers a duplicated delivery once", async () => {
      const payload = text(newUser(), "ngày không hẹn là gì", { msgId: "dup-0001" });
      const answers = await Promise.all([bot.post(payload), bot.post(payload), bot.post(payload)]);
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
      await bot.settle();
      await bot.post(payload);
      await bot.settle();
      expect(bot.zalo.csMessages).toHaveLength(1);
      expect(bot.zalo.csMessages[0]!.text).toContain("Ngày không viết");
    });

    it("answers malformed JSON with 400 and a 1 MB body with 413, and keeps serving", async () => {
      const malformed = await fetch(`${bot.app.url}/webhook/zalo`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-zevent-signature": `mac=${"a".repeat(64)}` },
        body: '{"event_name":"user_send_text",',
      });
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe("malformed_json");
      const big = await fetch(`${bot.app.url}/webhook/zalo`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-zevent-signature": `mac=${"a".repeat(64)}` },
        body: JSON.stringify({ event_name: "user_send_text", pad: "x".repeat(1024 * 1024) }),
      });
      expect(big.status).toBe(413);
      const after = await bot.post(text(newUser(), "cảm ơn ad"));
      expect(after.status).toBe(200);
      await bot.settle();
      expect(bot.zalo.csMessages).toHaveLength(1);
    });

    it("welcomes a new follower and records the OA user id and interaction time for the 7-day window", async () => {
      const user = newUser();
      const at = bot.nowMs();
      expect((await bot.post(zaloEvent.follow({ userId: user, timestamp: String(at) }))).status).toBe(200);
      const [welcome] = await bot.zalo.waitFor("cs", 1);
      expect(welcome!.recipient).toBe(user);
      expect(welcome!.text).toContain("Chào mừng");
      expect(welcome!.buttons!.some((b) => (b.payload as { url?: string }).url === `${PUBLIC_BASE_URL}/tra-cuu`)).toBe(
        true,
      );
      const citizen = await t.db
        .selectFrom("citizens")
        .selectAll()
        .where("zalo_oa_user_id", "=", user)
        .executeTakeFirstOrThrow();
      expect(citizen.oa_followed).toBe(1);
      expect(citizen.oa_last_interaction_at).toBe(new Date(at).toISOString());
      const conversation = await t.db
        .selectFrom("conversations")
        .selectAll()
        .where("oa_user_id", "=", user)
        .executeTakeFirstOrThrow();
      expect(conversation.citizen_id).toBe(citizen.id);
    });

    it("stays silent on unfollow and marks the citizen as no longer following", async () => {
      const user = newUser();
      await bot.post(zaloEvent.follow({ userId: user, timestamp: String(bot.nowMs() - 60_000) }));
      await bot.settle();
      await bot.post(zaloEvent.unfollow({ userId: user, timestamp: String(bot.nowMs()) }));
      await bot.settle();
      expect(bot.zalo.csMessages).toHaveLength(1); // the welcome only
      const citizen = await t.db
        .selectFrom("citizens")
        .selectAll()
        .where("zalo_oa_user_id", "=", user)
        .executeTakeFirstOrThrow();
      expect(citizen.oa_followed).toBe(0);
      expect(citizen.oa_last_interaction_at).toBe(new Date(bot.nowMs() - 60_000).toISOString());
    });

    it("answers images, stickers and locations politely with what the bot can do", async () => {
      const user = newUser();
      for (const make of [zaloEvent.image, zaloEvent.sticker, zaloEvent.location])
        await bot.post(make({ userId: user, timestamp: String(bot.nowMs()) }));
      const replies = await bot.zalo.waitFor("cs", 3);
      for (const r of replies) {
        expect(r.text).toContain("vui lòng nhắn câu hỏi bằng chữ");
        expect(r.text).toContain("Tra cứu tình trạng hồ sơ");
      }
    });

    it("ignores the OA's own oa_send_* echoes (no reply to itself)", async () => {
      const res = await bot.post(
        zaloEvent.oaSendText({ userId: newUser(), text: "Hồ sơ đã có kết quả.", timestamp: String(bot.nowMs()) }),
      );
      expect(await res.json()).toEqual({ received: true, ignored: "echo" });
      await bot.settle();
      expect(bot.zalo.csMessages).toHaveLength(0);
    });

    it("remembers the unit of the conversation for the next question", async () => {
      const user = newUser();
      await bot.post(text(user, "ngày không hẹn ở xã Nam Đà là thứ mấy"));
      await bot.settle();
      await bot.post(text(user, "đăng ký hộ kinh doanh mất mấy ngày"));
      const [first, second] = await bot.zalo.waitFor("cs", 2);
      expect(first!.text).toContain("Tại xã Nam Đà, Ngày không hẹn là Thứ Tư");
      expect(second!.text).toContain("Đăng ký thành lập hộ kinh doanh");
      expect(second!.text).toContain("xã Nam Đà");
      const conversation = await t.db
        .selectFrom("conversations")
        .selectAll()
        .where("oa_user_id", "=", user)
        .executeTakeFirstOrThrow();
      expect(conversation.unit_id).toBe("24697@2025-07-01");
    });

    it("asks which unit when none is known", async () => {
      await bot.post(text(newUser(), "ngày không hẹn là thứ mấy"));
      const [reply] = await bot.zalo.waitFor("cs", 1);
      expect(reply!.text).toContain("Ông/bà hỏi ở xã/phường nào?");
    });

    it("gives a dossier's state and due date only, no personal data", async () => {
      await insertDossier(t.db, { code: "000.00.06.H98-251014-0042", state: "processing", dueDate: "2025-10-17" });
      await bot.post(text(newUser(), "hồ sơ 000.00.06.h98-251014-0042 sao rồi ad"));
      const [reply] = await bot.zalo.waitFor("cs", 1);
      expect(reply!.text).toContain("000.00.06.H98-251014-0042");
      expect(reply!.text).toContain("Đang giải quyết");
      expect(reply!.text).toContain("17/10/2025");
      expect(reply!.text).not.toContain("Nguyễn Văn Thử");
      expect(reply!.text).not.toContain("067085000001");
      const urls = reply!.buttons!.map((b) => (b.payload as { url?: string }).url);
      expect(urls).toContain(`${PUBLIC_BASE_URL}/tra-cuu?code=000.00.06.H98-251014-0042`);
      await bot.post(text(newUser(), "hồ sơ 000.00.06.H98-251014-0999 xong chưa"));
      const [, missing] = await bot.zalo.waitFor("cs", 2);
      expect(missing!.text).toContain("Không tìm thấy hồ sơ");
    });

    it("hands the conversation to officers when asked for a person", async () => {
      const user = newUser();
      await bot.post(text(user, "xã Quảng Khê ở đâu"));
      await bot.settle();
      const askedAt = bot.nowMs();
      await bot.post(text(user, "cho tôi gặp cán bộ", { timestamp: String(askedAt) }));
      const [, reply] = await bot.zalo.waitFor("cs", 2);
      expect(reply!.text).toContain("chuyển cuộc trò chuyện cho cán bộ");
      expect(reply!.text).toContain("07:00–11:30, 13:30–17:00");
      const conversation = await t.db
        .selectFrom("conversations")
        .selectAll()
        .where("oa_user_id", "=", user)
        .executeTakeFirstOrThrow();
      expect(conversation.needs_human).toBe(1);
      // The console shows since when the citizen waits: the time of the message that asked for an officer.
      expect(conversation.needs_human_since).toBe(new Date(askedAt).toISOString());
    });

    it("says a procedure outside the catalogue is not on the scheme, listing what is", async () => {
      await bot.post(text(newUser(), "làm giấy khai sinh cho con ở xã Quảng Khê có lấy trong ngày không"));
      const [reply] = await bot.zalo.waitFor("cs", 1);
      expect(reply!.text).toContain("Đăng ký khai sinh không thuộc danh mục Ngày không hẹn");
      expect(reply!.text).toContain("Đăng ký thành lập hộ kinh doanh");
    });
  });

  describe("HTTP of the webhook (an Express route that reads its raw body for the signature)", () => {
    const keys = () => ({ appId: bot.zalo.appId, oaSecretKey: bot.zalo.oaSecretKey });
    const signedText = (text: string) =>
      signWebhook(zaloEvent.text({ userId: newUser(), text, timestamp: String(bot.nowMs()) }), keys());

    it("answers signed events, forgeries and broken bodies with the app's headers and error format", async () => {
      const cases: [string, string, RequestInit, number, string | undefined][] = [
        [
          "signed question",
          "/webhook/zalo",
          (() => {
            const s = signedText("lệ phí đăng ký hộ kinh doanh");
            return { method: "POST", headers: s.headers, body: s.body };
          })(),
          200,
          undefined,
        ],
        [
          "signed, trailing slash",
          "/webhook/zalo/",
          (() => {
            const s = signedText("cảm ơn");
            return { method: "POST", headers: s.headers, body: s.body };
          })(),
          200,
          undefined,
        ],
        [
          "missing signature",
          "/webhook/zalo",
          { method: "POST", headers: { "content-type": "application/json" }, body: signedText("xin chào").body },
          401,
          "unauthenticated",
        ],
        [
          "malformed JSON",
          "/webhook/zalo",
          { method: "POST", headers: { "x-zevent-signature": `mac=${"a".repeat(64)}` }, body: '{"event_name":' },
          400,
          "malformed_json",
        ],
        [
          "over 100 kB",
          "/webhook/zalo",
          { method: "POST", headers: { "x-zevent-signature": `mac=${"a".repeat(64)}` }, body: "x".repeat(101 * 1024) },
          413,
          "payload_too_large",
        ],
        [
          "gzip body",
          "/webhook/zalo",
          {
            method: "POST",
            headers: { ...signedText("xin chào").headers, "content-encoding": "gzip" },
            body: gzipSync(signedText("xin chào").body),
          },
          415,
          "unsupported_media_type",
        ],
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
      const put = await fetch(`${bot.app.url}/webhook/zalo`, {
        method: "PUT",
        headers: { "x-request-id": "zalo-retry-42" },
        body: "{}",
      });
      expect(put.headers.get("x-request-id")).toBe("zalo-retry-42");
      expect(put.headers.get("allow")).toBe("GET, POST");
      expect(((await put.json()) as { error: { message: string } }).error.message).toBe("Chỉ nhận POST.");
    });

    it("survives a client that hangs up in the middle of a body, and goes on answering", async () => {
      const { port } = new URL(bot.app.url);
      await new Promise<void>((resolve, reject) => {
        const socket = net.connect({ host: "127.0.0.1", port: Number(port) }, () => {
          socket.write(
            'POST /webhook/zalo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"app_id":',
          );
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
});

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
  });

  it("answers 503 with a clear message when Zalo is not configured, and the rest of the app runs", async () => {
    const bot = await startBot(t, { zalo: false });
    try {
      const res = await bot.post(zaloEvent.text({ userId: newUser(), text: "xin chào" }));
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: { message: string; detail: string } };
      expect(body.error.message).toContain("Chatbot Zalo chưa được cấu hình");
      expect(body.error.detail).toContain("ZALO_OA_SECRET_KEY");
      expect((await bot.app.request("/healthz")).status).toBe(200);
    } finally {
      await bot.close();
    }
  });
});
