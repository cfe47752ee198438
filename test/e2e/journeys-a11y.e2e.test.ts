/**
 * Accessibility in Debian Chromium with axe-core: no serious or critical violation on the mini app's screens
 * (360×740), the public status page and the console's main pages (1366×800); the console's intake works from the
 * keyboard alone (scan, tick, receive). No internal data marker ("cần kiểm tra", evidence tags) on a citizen's screen.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { ensureConsoleBuilt } from "../../bot-server/console-app/build.js";
import { maritalForm } from "../console/helpers/intake-fixtures.js";
import { seriousViolations } from "./helpers/axe.js";
import { describeWithChromium, launchChromium } from "./helpers/chromium-launch.js";
import { counterDesk, demoPasswords } from "./helpers/counter-console.js";
import { ensureMiniAppBuild } from "./helpers/mini-app-build.js";
import { PHONE } from "./helpers/phone-screenshots.js";
import { startServerProcess, type ServerProcess } from "./helpers/server-process.js";
import { preRegister } from "./helpers/console-session.js";

describeWithChromium("accessibility (axe-core) of the mini app, public pages and console", () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    await ensureMiniAppBuild();
    await ensureConsoleBuilt();
    server = await startServerProcess();
    browser = await launchChromium();
    await server.setClock("2026-12-02T10:00:00+07:00");
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Internal data markers (docs/README.md#evidence-marks) never reach what a citizen reads; the console keeps them. */
  const MARKER = /(?<!chỉ )cần kiểm tra|\[(?:V|S|U|\?)\]|toVerify/i;
  const check = async (page: Page, screen: string, found: Record<string, string[]>, citizen = true) => {
    await page.waitForTimeout(450);
    const v = await seriousViolations(page);
    const marker = citizen ? MARKER.exec(await page.locator("body").innerText()) : null;
    if (marker)
      v.push(
        `internal marker on a citizen's screen: "…${marker.input.slice(Math.max(0, marker.index - 60), marker.index + 20)}…"`,
      );
    if (v.length > 0) found[screen] = v;
  };

  it("mini app screens and /tra-cuu: no serious or critical violation", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    await context.route(/^https?:\/\/([^/]*\.)?(zadn|zdn|zalo)\.(vn|me)\//, (r) => r.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const found: Record<string, string[]> = {};
    const button = (name: string | RegExp) => page.getByRole("button", { name }).last();

    await page.goto(`${server.url}/m/?fake-zalo=1`);
    await page.locator("#unit-search").waitFor();
    await check(page, "home", found);
    await page.goto(`${server.url}/m/?unit=24631&fake-zalo=1`);
    await page
      .getByText(/Hôm nay là Ngày không hẹn/)
      .first()
      .waitFor();
    await check(page, "unit", found);
    await button("Xem tất cả thủ tục").click();
    await page.getByRole("heading", { name: "Trả kết quả trong ngày (Ngày không hẹn)" }).waitFor();
    await check(page, "procedures", found);
    await button(/Cấp Giấy xác nhận tình trạng hôn nhân/).click();
    await page.getByRole("heading", { name: "Giấy tờ cần mang" }).waitFor();
    await check(page, "procedure", found);
    await button("Khai trước thông tin").click();
    await page.getByRole("heading", { name: "Thông báo xử lý dữ liệu cá nhân" }).waitFor();
    await check(page, "consent", found);
    await page.getByRole("checkbox").check();
    await button("Đồng ý và tiếp tục").click();
    await page.locator('[data-step="for-whom"]').last().waitFor();
    await check(page, "for-whom", found);
    await button("Cho chính tôi").click();
    await page.locator('[data-step="scan"]').last().waitFor();
    await check(page, "scan", found);
    await page.goto(`${server.url}/m/?unit=24631&fake-zalo=1`);
    await button("Hồ sơ của tôi").click();
    await page.getByRole("button", { name: "Tìm đơn vị, thủ tục" }).waitFor();
    await check(page, "my-dossiers", found);

    await page.goto(`${server.url}/tra-cuu`);
    await check(page, "tra-cuu", found);
    expect(found).toEqual({});
    await context.close();
  }, 120_000);

  it("the other mini app screens (scan confirmation with an address offer, a question, check answers, ticket, dossier, feedback, my data, former-name search) and the public unit pages", async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    await context.route(/^https?:\/\/([^/]*\.)?(zadn|zdn|zalo)\.(vn|me)\//, (r) => r.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const found: Record<string, string[]> = {};
    const button = (name: string | RegExp) => page.getByRole("button", { name }).last();
    const settle = () => page.waitForTimeout(450);

    // Scan confirmation, with the offer of today's address for a card printed before 1/7/2025.
    const oldCard =
      "067090000003||Hoàng Văn Cũ|01021990|Nam|Thôn 3, Xã Quảng Khê, Huyện Đắk Glong, Tỉnh Đắk Nông|10032021";
    await page.goto(
      `${server.url}/m/don-vi/24631/thu-tuc/1.004873/khai-truoc?fake-zalo=1&fake-scan=${encodeURIComponent(oldCard)}`,
    );
    await page.getByRole("checkbox").check();
    await button("Đồng ý và tiếp tục").click();
    await page.locator('[data-step="for-whom"]').last().waitFor();
    await settle();
    await button("Cho chính tôi").click();
    await page.locator('[data-step="scan"]').last().waitFor();
    await settle();
    await button("Quét CCCD").click();
    await page.getByTestId("address-offer").waitFor();
    await check(page, "scan-confirm", found);
    await button("Đúng, dùng thông tin này").click();
    await page.locator('[data-step="recipientAgency"]').last().waitFor();
    await check(page, "question", found);

    // A whole draft made through the API on this phone's identity: check answers, then the ticket.
    const device = (await (
      await fetch(`${server.url}/api/citizens/device`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      })
    ).json()) as { token: string };
    const consent = (await (await fetch(`${server.url}/api/consent`)).json()) as { version: string };
    const created = (await (
      await fetch(`${server.url}/api/pre-registrations`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${device.token}` },
        body: JSON.stringify({
          unitCode: "24631",
          procedureCode: "1.004873",
          formData: maritalForm(),
          consent: { accepted: true, version: consent.version },
        }),
      })
    ).json()) as { id: string; code: string };
    await page.evaluate("localStorage.clear()");
    await page.evaluate(`localStorage.setItem('khonghen.deviceToken', ${JSON.stringify(device.token)})`);
    await page.goto(`${server.url}/m/phieu/${created.code}`);
    await button("Tiếp tục khai").click();
    await button("Gửi thông tin").waitFor();
    await check(page, "check-answers", found);
    await button("Gửi thông tin").click();
    await page.getByText(created.code).first().waitFor();
    await page.getByText("Đã gửi, chờ nộp tại Bộ phận Một cửa").waitFor();
    await check(page, "ticket", found);

    const detail = (await (await fetch(`${server.url}/api/procedures/1.004873?unit=24631`)).json()) as {
      requiredDocuments: { id: string; always: boolean }[];
    };
    const desk = await counterDesk(
      server.url,
      server.output(),
      detail.requiredDocuments.filter((d) => d.always).map((d) => d.id),
    );
    const received = await desk.receive(created.code);
    await page.goto(`${server.url}/m/ho-so/${received.code}`);
    await page.getByText(received.code).first().waitFor();
    await check(page, "dossier", found);
    await page.goto(`${server.url}/m/gop-y/24631`);
    await page.getByRole("heading").first().waitFor();
    await check(page, "feedback", found);
    await page.goto(`${server.url}/m/du-lieu-cua-toi`);
    await page.getByRole("heading").first().waitFor();
    await check(page, "my-data", found);
    await page.goto(`${server.url}/m/`);
    await page.locator("#unit-search").fill("dak glong");
    await page.getByRole("region", { name: "Huyện Đăk Glong cũ" }).waitFor();
    await check(page, "home-former-names", found);

    for (const [path, screen] of [
      ["/don-vi", "public-units"],
      ["/don-vi?q=dak%20glong", "public-units-former"],
      ["/don-vi/24631", "public-unit"],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await check(page, screen, found);
    }
    expect(found).toEqual({});
    await context.close();
  }, 180_000);

  it("console main pages: no serious or critical violation; intake from the keyboard alone", async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 800 },
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const found: Record<string, string[]> = {};
    await page.goto(`${server.url}/console/`);
    await page.getByLabel("Tên đăng nhập").waitFor();
    await check(page, "login", found, false);
    // Keyboard only from here: type, Tab, Enter.
    await page.getByLabel("Tên đăng nhập").focus();
    await page.keyboard.type("quangkhe.motcua");
    await page.keyboard.press("Tab");
    await page.keyboard.type(demoPasswords(server.output()).get("quangkhe.motcua")!);
    await page.keyboard.press("Enter");
    await page.getByRole("link", { name: "Hôm nay" }).waitFor();
    await check(page, "board", found, false);

    const preCode = await preRegister(server.url, "24631", "1.004873", maritalForm());
    await page.getByRole("link", { name: "Tiếp nhận", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByLabel("Quét mã").waitFor();
    await expect(page.evaluate("document.activeElement && document.activeElement.id")).resolves.toBe("scan");
    await page.keyboard.type(preCode);
    await page.keyboard.press("Enter");
    await page.getByText(`Hồ sơ đăng ký trước ${preCode}`).waitFor();
    await check(page, "intake", found, false);
    await page.keyboard.press("F9");
    await page.getByRole("alertdialog", { name: "Đã xem bản chính CCCD?" }).waitFor();
    await page.keyboard.press("Enter");
    await page.getByTestId("receive-result").waitFor();
    await check(page, "intake-received", found, false);
    for (const [link, screen] of [
      ["Đang kê khai", "drafts"],
      ["Xử lý", "processing"],
      ["Trả kết quả", "results"],
      ["Ý kiến người dân", "feedback"],
    ] as const) {
      await page.getByRole("link", { name: link, exact: true }).focus();
      await page.keyboard.press("Enter");
      await page.getByRole("heading").first().waitFor();
      await check(page, screen, found, false);
    }
    expect(found).toEqual({});
    await context.close();
  }, 120_000);
});
