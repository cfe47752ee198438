/**
 * The console's safeguards in Debian Chromium against the real server: the citizen mirror joins one screen only
 * (a second screen with the same code is told so), the officer sees which screen is paired and cuts it off; a
 * pre-registration addressed to another commune shows only that commune's name until the officer, with the citizen
 * at the counter, moves it here.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { at, createOfficer, QUANG_KHE, WEDNESDAY, type ConsoleServer } from "../console/helpers/console-server.js";
import { describeWithChromium } from "./helpers/chromium-launch.js";
import { startConsoleE2e, type ConsoleE2e } from "./helpers/console-e2e-server.js";
import { maritalForm } from "../console/helpers/intake-fixtures.js";
import { preRegister, signIn } from "./helpers/console-session.js";

const SHOTS = join(process.cwd(), "test-output", "console-e2e");
const CONSOLE_VIEWPORT = { width: 1366, height: 800 };

describeWithChromium("console safeguards in Chromium", () => {
  let e2e: ConsoleE2e | undefined;
  let s: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startConsoleE2e("console-security-e2e", at(WEDNESDAY, "09:00"));
    ({ s, browser } = e2e);
    await createOfficer(s.deps, "qk.motcua", "counter_officer", QUANG_KHE, { displayName: "Trần Thị Một Cửa" });
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it("a second screen cannot take the mirror over; the officer sees the paired screen and cuts it off", async () => {
    const { page, context } = await signIn(browser, s.baseUrl, "qk.motcua", CONSOLE_VIEWPORT);
    await page.getByRole("link", { name: "Tiếp nhận", exact: true }).click();
    const popup = page.waitForEvent("popup");
    await page.getByRole("button", { name: "Mở màn hình công dân" }).click();
    const mirror = await popup;
    await mirror.getByText("Xin chào ông/bà").waitFor();
    const status = page.getByTestId("mirror-status");
    await status.getByText("đã kết nối").waitFor();
    await expect(page.getByTestId("mirror-screen").innerText()).resolves.toMatch(
      /kết nối lúc 09:00, Chrome \d+ · Linux/,
    );
    const code = await page.getByTestId("mirror-code").innerText();

    // Someone who read the code tries it on another device.
    const other = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
    const stranger = await other.newPage();
    await stranger.goto(`${s.baseUrl}/console/mirror?code=${code}`);
    await stranger.getByText("Mã kết nối này đã được một màn hình khác sử dụng").waitFor();
    await other.close();
    await status.getByText("đã kết nối").waitFor();
    await page.screenshot({ path: join(SHOTS, "mirror-paired-screen.png") });

    await page.getByRole("button", { name: "Ngắt màn hình" }).click();
    await mirror.getByTestId("mirror-ended").getByText("Cán bộ đã ngắt kết nối màn hình này.").waitFor();
    await expect(mirror.locator(".error").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Mở màn hình công dân" }).waitFor();
    await mirror.screenshot({ path: join(SHOTS, "mirror-revoked.png") });
    await context.close();
  }, 60_000);

  it("a pre-registration for another commune names that commune; with the citizen present the officer moves it here", async () => {
    const code = await preRegister(s.baseUrl, "24697", "1.004873", maritalForm());
    const { page, context } = await signIn(browser, s.baseUrl, "qk.motcua", CONSOLE_VIEWPORT);
    await page.getByRole("link", { name: "Tiếp nhận", exact: true }).click();
    await page.getByLabel("Quét mã").fill(`KH1:${code}`);
    await page.getByLabel("Quét mã").press("Enter");
    await page.getByRole("alert").getByText("Hồ sơ đăng ký trước này gửi đến Ủy ban nhân dân xã Nam Đà").waitFor();
    const move = page.getByRole("button", { name: "Chuyển về đơn vị tôi" });
    await expect(move.isDisabled()).resolves.toBe(true);
    await expect(page.getByText("Nguyễn Văn Thử").count()).resolves.toBe(0);
    await page.screenshot({ path: join(SHOTS, "pre-registration-other-unit.png") });
    await page.getByLabel("Công dân đang có mặt tại quầy và đề nghị nộp hồ sơ tại đơn vị này").check();
    await move.click();
    await page.getByText(`Hồ sơ đăng ký trước ${code}`).waitFor();
    await expect(page.getByLabel("Họ, chữ đệm, tên người yêu cầu *").inputValue()).resolves.toBe("Nguyễn Văn Thử");
    await context.close();
  }, 60_000);
});
