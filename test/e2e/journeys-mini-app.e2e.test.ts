/**
 * Citizen journeys of issue 15 on the mini app's production web build in Debian Chromium at 360×740, against the
 * real server (a child process with TEST_CLOCK=1 over a throwaway SQLite file).
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describeWithChromium, launchChromium } from "./helpers/chromium-launch.js";
import { ensureMiniAppBuild } from "./helpers/mini-app-build.js";
import { PHONE, shoot } from "./helpers/phone-screenshots.js";
import { startServerProcess, type ServerProcess } from "./helpers/server-process.js";

const STEP_MS = 15_000;

describeWithChromium("mini app: journeys of issue 15 in Chromium", () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    ensureMiniAppBuild();
    server = await startServerProcess();
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function phone(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    await context.route(/^https?:\/\/([^/]*\.)?(zadn|zdn|zalo)\.(vn|me)\//, (r) => r.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    return { context, page };
  }

  const appUrl = (query = "unit=24631") => `${server.url}/m/?${query}&fake-zalo=1`;
  const sameDay = (page: Page, name: RegExp) => page.locator('section[aria-labelledby="same-day-list"]').getByRole("button", { name }).last();

  it("over the lunch break of a scheme Wednesday: intake resumes at 13:30 and the procedures stay same-day", async () => {
    await server.setClock("2026-12-02T11:35:00+07:00");
    const { context, page } = await phone();
    await page.goto(appUrl());
    await page.getByText("Hôm nay là Ngày không hẹn tại xã Quảng Khê. Đang nghỉ trưa, tiếp nhận lại lúc 13:30 — vẫn kịp trả trong ngày nếu nộp trước 15:00.").waitFor();
    expect(await page.getByText("đã qua giờ nhận hồ sơ trả trong ngày").count()).toBe(0);
    await shoot(page, "journeys-unit-lunch-break");
    await sameDay(page, /Cấp Giấy xác nhận tình trạng hôn nhân/).click();
    await page.getByText("Nộp đủ hồ sơ hôm nay: nhận kết quả trong ngày.").waitFor();
    await shoot(page, "journeys-procedure-lunch-break");
    const api = (await (await fetch(`${server.url}/api/units/24631/scheme`)).json()) as { intakeState: string; resumesAt: string };
    expect(api).toMatchObject({ intakeState: "paused", resumesAt: "13:30" });
    await context.close();
  }, 60_000);
});
