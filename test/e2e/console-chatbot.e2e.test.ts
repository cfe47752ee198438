/**
 * "Thử chatbot" in Debian Chromium against the real server: a counter officer types a citizen's question, picks a
 * unit and sees the reply with its buttons and the understood intent; a query button asks its question in turn.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { at, createOfficer, QUANG_KHE, WEDNESDAY, type ConsoleServer } from "../console/helpers/console-server.js";
import { describeWithChromium } from "./helpers/chromium-launch.js";
import { startConsoleE2e, type ConsoleE2e } from "./helpers/console-e2e-server.js";
import { signIn } from "./helpers/console-session.js";

const SHOTS = join(process.cwd(), "test-output", "console-e2e");

describeWithChromium("'Thử chatbot' in Chromium", () => {
  let e2e: ConsoleE2e | undefined;
  let s: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startConsoleE2e("console-chatbot-e2e", at(WEDNESDAY, "10:00"));
    ({ s, browser } = e2e);
    await createOfficer(s.deps, "qk.motcua", "counter_officer", QUANG_KHE, { displayName: "Trần Thị Một Cửa" });
  }, 120_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it("shows the citizen's exact reply, its buttons and what the chatbot understood", async () => {
    const { page } = await signIn(browser, s.baseUrl, "qk.motcua", { width: 1366, height: 800 });
    await page.getByRole("link", { name: "Thử chatbot", exact: true }).click();
    // The officer's own unit is chosen once the list has loaded.
    await page.locator(`#try-unit option[value="${QUANG_KHE}"]`).waitFor({ state: "attached" });
    await expect(page.getByLabel("OA của đơn vị").inputValue()).resolves.toBe(QUANG_KHE);
    await page.getByLabel("Tin nhắn của người dân").fill("xin giấy xác nhận độc thân cần giấy tờ gì");
    await page.getByRole("button", { name: "Gửi thử" }).click();
    const reply = page.getByTestId("chatbot-reply");
    await reply.getByText("Tại xã Quảng Khê, thủ tục này thuộc Ngày không hẹn", { exact: false }).waitFor();
    await page.getByTestId("chatbot-understood").getByText("Giấy tờ cần mang").waitFor();
    const buttons = page.getByTestId("chatbot-buttons");
    await expect(buttons.getByRole("link", { name: /Khai trước thông tin/ }).getAttribute("href")).resolves.toMatch(
      /\/m\/don-vi\/24631\/thu-tuc\/1\.004873\/khai-truoc$/,
    );
    await page.screenshot({ path: join(SHOTS, "thu-chatbot.png") });
    // A query button is the citizen's next message.
    await buttons.getByRole("button", { name: "Lệ phí" }).click();
    await reply.getByText("Lệ phí cấp Giấy xác nhận tình trạng hôn nhân", { exact: false }).waitFor();
    await page.getByTestId("chatbot-understood").getByText("Lệ phí", { exact: true }).waitFor();
    // The welcome a new follower gets.
    await page.getByRole("button", { name: "Xem tin chào khi bấm Quan tâm" }).click();
    await buttons.getByRole("button", { name: "Ngày không hẹn ở xã tôi" }).waitFor();
    await page.screenshot({ path: join(SHOTS, "thu-chatbot-welcome.png") });
  });
});
