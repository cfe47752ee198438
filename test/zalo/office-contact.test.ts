/**
 * The unit administrator enters the one-stop office's telephone and address in the console; the chatbot then gives
 * them to a citizen who asks for an officer or for the office. Nobody else can change them; a bad number is refused
 * with a Vietnamese message.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { zaloEvent } from "../helpers/zalo-openapi-stand-in.js";
import { consoleClient, createOfficer, QUANG_KHE } from "../console/helpers/console-server.js";
import { startBot, type Bot } from "./bot.js";

type Client = Awaited<ReturnType<typeof consoleClient>>;
interface Contact {
  phone: string | null;
  address: string | null;
  error?: { code: string; message: string; fields?: { path: string; message: string }[] };
}

let serial = 0;
const newUser = () => `24684588352962${String(10000 + (serial += 1)).padStart(5, "0")}`;

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let bot: Bot;
  let admin: Client, counter: Client;
  beforeAll(async () => {
    t = await open();
    bot = await startBot(t);
    await createOfficer(bot.app.deps, "qk.quantri", "unit_admin", QUANG_KHE);
    await createOfficer(bot.app.deps, "qk.motcua", "counter_officer", QUANG_KHE);
    admin = await consoleClient(bot.app.url);
    counter = await consoleClient(bot.app.url);
    expect((await admin.login("qk.quantri")).status).toBe(200);
    expect((await counter.login("qk.motcua")).status).toBe(200);
  });
  afterAll(async () => {
    await bot?.close();
  });

  const ask = async (message: string) => {
    bot.zalo.reset();
    await bot.post(zaloEvent.text({ userId: newUser(), text: message, timestamp: String(bot.nowMs()) }));
    const [reply] = await bot.zalo.waitFor("cs", 1);
    return reply!.text;
  };

  it("before anything is entered the bot says the number is not known yet rather than invent one", async () => {
    expect(await ask("cho tôi gặp cán bộ xã Quảng Khê")).toMatch(/điện thoại chưa cập nhật/);
  });

  it("only the unit administrator changes the contact; a wrong number gets a Vietnamese message beside the field", async () => {
    const denied = await counter.json<Contact>("PUT", "/console/api/office-contact", {
      phone: "0261 3544 123",
      address: "",
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error!.message).toContain("Chỉ quản trị đơn vị");
    const wrong = await admin.json<Contact>("PUT", "/console/api/office-contact", { phone: "12345", address: "" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error!.fields).toEqual([
      { path: "phone", message: expect.stringContaining("Số điện thoại chưa đúng") },
    ]);
  });

  it("once entered, every officer of the unit reads it and the bot gives it to citizens", async () => {
    const saved = await admin.json<Contact>("PUT", "/console/api/office-contact", {
      phone: "0261 3544 123",
      address: "Số 1 đường Hùng Vương, xã Quảng Khê, tỉnh Lâm Đồng",
    });
    expect(saved.status).toBe(200);
    expect((await counter.json<Contact>("GET", "/console/api/office-contact")).body).toMatchObject({
      phone: "0261 3544 123",
    });
    expect(await ask("cho tôi gặp cán bộ xã Quảng Khê")).toContain("điện thoại 0261 3544 123");
    const where = await ask("bộ phận một cửa xã Quảng Khê ở đâu");
    expect(where).toContain("Địa chỉ: Số 1 đường Hùng Vương, xã Quảng Khê, tỉnh Lâm Đồng.");
    expect(where).toContain("Điện thoại: 0261 3544 123.");
  });
});
