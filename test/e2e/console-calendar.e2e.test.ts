/**
 * The province administrator enters next year's holiday notice through the console's "Lịch làm việc" page, from the
 * lunar draft, and a Wednesday the notice gives off stops being a scheme day in the mini-app at once (xã Quảng Khê,
 * viewed on that date through the test clock). The real server (`npm start`, TEST_CLOCK=1) in Debian Chromium;
 * screenshots (1366×800 console, 360×740 mini-app) go to test-output/screenshots/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { ensureConsoleBuilt } from "../../bot-server/console-app/build.js";
import { describeWithChromium, launchChromium } from "./helpers/chromium-launch.js";
import { demoPasswords } from "./helpers/counter-console.js";
import { ensureMiniAppBuild } from "./helpers/mini-app-build.js";
import { PHONE, SCREENSHOT_DIR, shoot } from "./helpers/phone-screenshots.js";
import { startServerProcess, type ServerProcess } from "./helpers/server-process.js";

const TODAY = "2026-12-02T09:00:00+07:00";
/** Next year's Wednesday that the notice gives off (invented for the test: a province's own day). */
const WEDNESDAY_2027 = "2027-03-10T09:00:00+07:00";
/** A step waits this long at most (a wait costs time only on failure; two cores are shared with other suites). */
const STEP_MS = 40_000;

describeWithChromium("console: the province administrator's working-day calendar", () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    await ensureMiniAppBuild();
    await ensureConsoleBuilt();
    server = await startServerProcess();
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function miniAppBanner(): Promise<string> {
    const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    await context.route(/^https?:\/\/([^/]*\.)?(zadn|zdn|zalo)\.(vn|me)\//, (r) => r.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    try {
      await page.goto(`${server.url}/m/don-vi/24631`);
      await page
        .getByText(/Ngày không hẹn/)
        .first()
        .waitFor();
      await shoot(page, "calendar-mini-app-unit");
      return await page.locator("body").innerText();
    } finally {
      await context.close();
    }
  }

  it("tinh.quantri enters a 2027 notice from the lunar draft; Wednesday 10/03/2027 is then no scheme day", async () => {
    // Before the notice, Wednesday 10/03/2027 is a scheme day at Quảng Khê.
    await server.setClock(WEDNESDAY_2027);
    expect(await miniAppBanner()).toMatch(/Hôm nay là Ngày không hẹn tại xã Quảng Khê/);

    await server.setClock(TODAY);
    const context = await browser.newContext({
      viewport: { width: 1366, height: 800 },
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    try {
      await page.goto(`${server.url}/console/`);
      await page.getByLabel("Tên đăng nhập").fill("tinh.quantri");
      await page.getByLabel("Mật khẩu").fill(demoPasswords(server.output()).get("tinh.quantri")!);
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      // This year's calendar answers late (a slow line): switching to 2027 meanwhile must still show 2027.
      await page.route("**/console/api/admin/calendar/years/2026", async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      const late = page.waitForEvent("requestfinished", (r) => r.url().endsWith("/admin/calendar/years/2026"));
      await page.getByRole("link", { name: "Lịch làm việc" }).click();
      await page.getByLabel("Năm", { exact: true }).selectOption("2027");
      await late;
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      await page.getByRole("heading", { name: "Lịch làm việc năm 2027" }).waitFor();
      await page.getByText("Chưa nhập thông báo chính thức").waitFor();

      await page.getByRole("button", { name: "Lấy bản nháp theo lịch âm" }).click();
      await page.getByLabel("Tên, dòng 1").waitFor();
      expect(await page.getByLabel("Tên, dòng 1").inputValue()).toBe("Tết Dương lịch");
      // A bad row is answered beside it, nothing is saved.
      await page.getByRole("button", { name: "Thêm dòng" }).click();
      const rows = await page.locator('input[aria-label^="Từ ngày, dòng"]').count();
      await page.getByLabel(`Từ ngày, dòng ${rows}`).fill("11/03/2027");
      await page.getByLabel(`Loại, dòng ${rows}`).selectOption("makeup_working");
      await page.getByLabel(`Tên, dòng ${rows}`).fill("Làm bù");
      await page.getByLabel("Số văn bản").fill("99/TB-UBND");
      await page.getByLabel("Ngày văn bản").fill("01/12/2026");
      await page.getByLabel("Cơ quan ban hành").fill("Ủy ban nhân dân tỉnh Lâm Đồng");
      await page.getByRole("button", { name: "Lưu thông báo" }).click();
      await page.getByText("Thứ Năm 11/03/2027 vốn là ngày làm việc").waitFor();
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, "console-calendar-draft-1366.png"), fullPage: true });

      await page.getByLabel(`Từ ngày, dòng ${rows}`).fill("10/03/2027");
      await page.getByLabel(`Loại, dòng ${rows}`).selectOption("holiday");
      await page.getByLabel(`Tên, dòng ${rows}`).fill("Nghỉ lễ của tỉnh");
      await page.getByRole("button", { name: "Lưu thông báo" }).click();
      await page.getByText("Đã lưu thông báo năm 2027").waitFor();
      await page.getByText("Theo văn bản số 99/TB-UBND ngày 01/12/2026 của Ủy ban nhân dân tỉnh Lâm Đồng").waitFor();
      const table = page.getByRole("table", { name: "Ngày nghỉ và ngày làm bù năm 2027" });
      await table.getByRole("row", { name: /Thứ Tư 10\/03\/2027 Nghỉ lễ Nghỉ lễ của tỉnh/ }).waitFor();

      await page.evaluate("window.scrollTo(0, 0)");
      await page.screenshot({ path: join(SCREENSHOT_DIR, "console-calendar-1366.png") });
      await page.screenshot({ path: join(SCREENSHOT_DIR, "console-calendar-1366-full.png"), fullPage: true });
    } finally {
      await context.close();
    }

    // On that Wednesday the mini-app no longer says it is a scheme day, and names the next one.
    await server.setClock(WEDNESDAY_2027);
    const after = await miniAppBanner();
    expect(after).not.toMatch(/Hôm nay là Ngày không hẹn/);
    expect(after).toContain("Ngày không hẹn tiếp theo");
    expect(after).toContain("17/03/2027");
  }, 300_000);
});
