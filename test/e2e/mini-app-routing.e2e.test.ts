/**
 * The mini app's web build routes real paths under /m/ (issue 15 point 5): a deep link opens its screen, the
 * address follows navigation, the browser's back button goes back a screen (not out of the app) and a reload stays
 * on the screen. Debian Chromium at 360×740 against the real server.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { maritalForm } from "../console/helpers/intake-fixtures.js";
import { describeWithChromium, launchChromium } from "./helpers/chromium-launch.js";
import { ensureMiniAppBuild } from "./helpers/mini-app-build.js";
import { PHONE, shoot } from "./helpers/phone-screenshots.js";
import { startServerProcess, type ServerProcess } from "./helpers/server-process.js";

describeWithChromium("mini app: real paths under /m/ in Chromium", () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    await ensureMiniAppBuild();
    server = await startServerProcess();
    browser = await launchChromium();
    await server.setClock("2026-12-02T09:00:00+07:00");
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function phone(): Promise<{ page: Page; failed: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    await context.route(/^https?:\/\/([^/]*\.)?(zadn|zdn|zalo)\.(vn|me)\//, (r) => r.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.url().startsWith(`${server.url}/m/`) && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    return { page, failed, close: () => context.close() };
  }
  const path = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;
  const button = (page: Page, name: string | RegExp) => page.getByRole("button", { name }).last();

  it("a deep link to a unit: navigate, back, reload", async () => {
    const { page, failed, close } = await phone();
    await page.goto(`${server.url}/m/don-vi/24631`);
    await page
      .getByText(/Hôm nay là Ngày không hẹn/)
      .first()
      .waitFor();
    expect(path(page)).toBe("/m/don-vi/24631");
    await shoot(page, "routing-unit-deep-link");

    await button(page, "Xem tất cả thủ tục").click();
    await page.waitForURL(/\/m\/don-vi\/24631\/thu-tuc$/);
    await page.getByRole("heading", { name: "Trả kết quả trong ngày (Ngày không hẹn)" }).waitFor();
    await button(page, /Cấp Giấy xác nhận tình trạng hôn nhân/).click();
    await page.waitForURL(/\/m\/don-vi\/24631\/thu-tuc\/1\.004873$/);
    await page.getByRole("heading", { name: "Giấy tờ cần mang" }).waitFor();

    // The browser's (Android's) back button goes back one screen, inside the app.
    await page.goBack();
    await page.waitForURL(/\/m\/don-vi\/24631\/thu-tuc$/);
    await page.getByRole("heading", { name: "Trả kết quả trong ngày (Ngày không hẹn)" }).last().waitFor();
    // A reload stays on the screen the address names.
    await page.reload();
    await page.getByRole("heading", { name: "Trả kết quả trong ngày (Ngày không hẹn)" }).waitFor();
    expect(path(page)).toBe("/m/don-vi/24631/thu-tuc");
    await page.goBack();
    await page.waitForURL(/\/m\/don-vi\/24631$/);
    await page
      .getByText(/Hôm nay là Ngày không hẹn/)
      .first()
      .waitFor();
    // The header's back button too.
    await page.goForward();
    await page.waitForURL(/\/thu-tuc$/);
    await page.getByRole("button", { name: "Quay lại" }).last().click();
    await page.waitForURL(/\/m\/don-vi\/24631$/);
    expect(failed).toEqual([]);
    await close();
  }, 90_000);

  it("a short link to a procedure at a unit, the launch parameter of printed QR codes, and an unknown path", async () => {
    const { page, failed, close } = await phone();
    await page.goto(`${server.url}/m/thu-tuc/1.004873?don-vi=24631`);
    await page.getByRole("heading", { name: "Giấy tờ cần mang" }).waitFor();
    expect(path(page)).toBe("/m/don-vi/24631/thu-tuc/1.004873");
    await shoot(page, "routing-procedure-short-link");
    await page.reload();
    await page.getByRole("heading", { name: "Giấy tờ cần mang" }).waitFor();

    await page.goto(`${server.url}/m/?unit=24631`);
    await page.waitForURL(/\/m\/don-vi\/24631$/);
    await page
      .getByText(/Hôm nay là Ngày không hẹn/)
      .first()
      .waitFor();

    await page.goto(`${server.url}/m/khong-co-trang-nay`);
    await page.locator("#unit-search").waitFor();
    expect(path(page)).toMatch(/^\/m\/?$/);
    expect(failed).toEqual([]);
    await close();
  }, 90_000);

  it("/m/phieu/<code> opens the citizen's own ticket by the code printed on it", async () => {
    const { page, close } = await phone();
    const device = (await (
      await fetch(`${server.url}/api/citizens/device`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      })
    ).json()) as { token: string };
    const token = device.token;
    const post = (p: string, body: unknown) =>
      fetch(`${server.url}/api${p}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const consent = (await (await fetch(`${server.url}/api/consent`)).json()) as { version: string };
    const created = (await (
      await post("/pre-registrations", {
        unitCode: "24631",
        procedureCode: "1.004873",
        formData: maritalForm(),
        consent: { accepted: true, version: consent.version },
      })
    ).json()) as { id: string; code: string };
    expect((await post(`/pre-registrations/${created.id}/submit`, {})).status).toBe(200);

    // The citizen's phone: the app with this device's identity.
    await page.goto(`${server.url}/m/`);
    await page.locator("#unit-search").waitFor();
    await page.evaluate(`localStorage.setItem('khonghen.deviceToken', ${JSON.stringify(token)})`);
    await page.goto(`${server.url}/m/phieu/${created.code}`);
    await page.getByText(created.code).first().waitFor();
    expect(path(page)).toBe(`/m/phieu/${created.code}`);
    await shoot(page, "routing-ticket-by-code");
    await page.reload();
    await page.getByText(created.code).first().waitFor();
    await close();
  }, 90_000);
});
