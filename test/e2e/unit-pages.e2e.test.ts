/**
 * The public unit pages in Debian Chromium with JavaScript disabled, as on a phone that blocks scripts: the unit
 * page reads, its status lookup form and the province search work by plain form submission, and the button leads
 * to the mini-app at the unit; a unit website places the widget with one script tag (the only framable path).
 * Screenshots at 360×740 and 1366×800 go to test-output/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { openDatabase, type DatabaseHandle } from "../../bot-server/src/store/connect.js";
import { migrateToLatest } from "../../bot-server/src/store/migrate.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { describeWithChromium, launchChromium } from "./helpers/chromium-launch.js";
import { SCREENSHOT_DIR } from "./helpers/phone-screenshots.js";

const WED_10 = "2025-10-15T10:00:00+07:00";
const STEP_MS = 15_000;

describeWithChromium("public unit pages in Chromium (the pages without JavaScript)", () => {
  let dir: string;
  let db: DatabaseHandle;
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kh-unit-pages-"));
    db = openDatabase({ kind: "sqlite", file: join(dir, "e2e.sqlite") });
    await migrateToLatest(db.db);
    app = await startTestApp(db, { now: WED_10 });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function noScriptPage(width: number, height: number): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height },
      javaScriptEnabled: false,
      locale: "vi-VN",
    });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    return page;
  }

  async function shot(page: Page, name: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }

  it("shows the unit and today's status, and the lookup form works by plain submission", async () => {
    const page = await noScriptPage(360, 740);
    try {
      await page.goto(`${app.url}/don-vi/24631`);
      await page.getByRole("heading", { level: 1, name: "Xã Quảng Khê" }).waitFor();
      await page
        .getByRole("heading", { name: "Hôm nay là Ngày không hẹn — nhận hồ sơ trả trong ngày đến 15:00" })
        .waitFor();
      await page.getByRole("heading", { name: "Cấp Giấy xác nhận tình trạng hôn nhân" }).waitFor();
      await shot(page, "unit-page-360");
      // What to bring opens in place (a native disclosure, no script).
      const marital = page.locator("details").last();
      expect(await marital.locator("li").first().isVisible()).toBe(false);
      await marital.locator("summary").click();
      await marital.locator("li").first().waitFor({ state: "visible" });
      // Nothing is hidden off the side of a narrow phone.
      const overflow = await page.locator("main").evaluate((m) => m.scrollWidth > m.clientWidth);
      expect(overflow).toBe(false);

      await page.getByLabel("Mã hồ sơ in trên Giấy tiếp nhận và hẹn trả kết quả").fill("000.00.06.H98-251015-9999");
      await page.getByRole("button", { name: "Tra cứu" }).click();
      await page.waitForURL(/\/tra-cuu\?code=000\.00\.06\.H98-251015-9999$/);
      await page.getByText("Không tìm thấy hồ sơ có mã").waitFor();

      await page.goto(`${app.url}/don-vi/24631`);
      // The button opens the mini-app at this unit (PUBLIC_BASE_URL is the default http://localhost:3000 here).
      const href = await page
        .getByRole("link", { name: "Mở ứng dụng Ngày không hẹn tại xã Quảng Khê" })
        .getAttribute("href");
      expect(href).toBe("http://localhost:3000/m/don-vi/24631");
    } finally {
      await page.context().close();
    }
  });

  it("searches the province's communes by a former name, without diacritics, and opens the successor", async () => {
    const page = await noScriptPage(1366, 800);
    try {
      await page.goto(`${app.url}/don-vi/24631`);
      await page.getByRole("heading", { level: 1, name: "Xã Quảng Khê" }).waitFor();
      await shot(page, "unit-page-1366");
      await page.goto(`${app.url}/don-vi`);
      await page.getByLabel(/Tìm xã, phường/).fill("dak plao");
      await page.getByRole("button", { name: "Tìm" }).click();
      await page.waitForURL(/\/don-vi\?q=dak\+plao$/);
      await page.getByText("trước đây: xã Đắk Plao").waitFor();
      await shot(page, "units-search-1366");
      await page.getByRole("link", { name: "Xã Quảng Khê" }).click();
      await page.waitForURL(/\/don-vi\/24631$/);
      await page.getByRole("heading", { name: "Lịch Ngày không hẹn" }).waitFor();
    } finally {
      await page.context().close();
    }
  });

  it("a unit's website shows the widget with one script tag, while the page itself refuses to be framed", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    try {
      // The commune's own website, on another origin.
      await page.route("http://xa-quangkhe.example/", (r) =>
        r.fulfill({
          contentType: "text/html; charset=utf-8",
          body: `<!doctype html><html lang="vi"><body><h1>Cổng thông tin xã</h1><script src="http://localhost:3000/don-vi/24631/widget.js" async></script><iframe id="page" src="http://localhost:3000/don-vi/24631"></iframe></body></html>`,
        }),
      );
      // PUBLIC_BASE_URL is the default http://localhost:3000 here: that address is served by the test server, its
      // answers (headers included) passed through unchanged.
      await context.route("http://localhost:3000/**", async (r) => {
        const response = await r.fetch({ url: r.request().url().replace("http://localhost:3000", app.url) });
        await r.fulfill({ response });
      });
      await page.goto("http://xa-quangkhe.example/");
      const widget = page.frameLocator(`iframe[src="http://localhost:3000/don-vi/24631/widget"]`);
      await widget.getByText("Hôm nay là Ngày không hẹn — nhận hồ sơ trả trong ngày đến 15:00").waitFor();
      await widget.getByRole("link", { name: /Giấy tờ cần mang/ }).waitFor();
      await shot(page, "widget-on-unit-website");
      // The full page keeps frame-ancestors 'self': Chromium refuses to show it inside the other site.
      const refused = page.waitForEvent("console", (m) => m.text().includes("frame-ancestors 'self'"));
      await page.reload();
      await refused;
      await widget.getByText("Hôm nay là Ngày không hẹn — nhận hồ sơ trả trong ngày đến 15:00").waitFor();
      expect(await page.frameLocator("#page").getByRole("heading", { name: "Xã Quảng Khê" }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
