/**
 * The citizen's rights over their data in Chromium, against the real server: on the mini app (360×740) the
 * citizen reads what is held about them and asks for a correction; in the console (1366×800) the unit
 * administrator sees the request and answers it; back on the phone the citizen reads the answer. Screenshots
 * of each screen go to test-output/screenshots/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { CONSENT_NOTICE } from "../../shared/api/consent.js";
import { at, createOfficer, QUANG_KHE, WEDNESDAY } from "../console/helpers/console-server.js";
import { describeWithChromium } from "./helpers/chromium-launch.js";
import { startConsoleE2e, type ConsoleE2e } from "./helpers/console-e2e-server.js";
import { signIn } from "./helpers/console-session.js";
import { ensureMiniAppBuild } from "./helpers/mini-app-build.js";
import { PHONE, SCREENSHOT_DIR, shoot } from "./helpers/phone-screenshots.js";

const DEVICE_TOKEN_KEY = "khonghen.deviceToken";

describeWithChromium("my data: see it, ask for a correction, the unit answers", () => {
  let e: ConsoleE2e;
  let token: string;
  let code: string;

  beforeAll(async () => {
    await ensureMiniAppBuild();
    e = await startConsoleE2e("my-data", at(WEDNESDAY, "09:00"));
    await createOfficer(e.s.deps, "qt-quangkhe", "unit_admin", QUANG_KHE, { displayName: "Lê Văn Quản Trị" });
    token = (
      (await (await fetch(`${e.s.baseUrl}/api/citizens/device`, { method: "POST" })).json()) as { token: string }
    ).token;
    const pre = await fetch(`${e.s.baseUrl}/api/pre-registrations`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        unitCode: "24631",
        procedureCode: "1.004873",
        formData: { requesterName: "Nguyễn Văn Thử", requesterResidence: "Thôn 3, xã Quảng Khê" },
        consent: { accepted: true, version: CONSENT_NOTICE.version },
      }),
    });
    code = ((await pre.json()) as { code: string }).code;
  }, 240_000);
  afterAll(async () => {
    await e?.close();
  });

  it("shows the citizen their data, takes a correction, and shows the unit's answer", async () => {
    const context = await e.browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    await context.addInitScript(
      ([k, v]) =>
        (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
          k!,
          v!,
        ),
      [DEVICE_TOKEN_KEY, token],
    );
    const phone = await context.newPage();
    phone.setDefaultTimeout(15_000);
    await phone.goto(`${e.s.baseUrl}/m/?fake-zalo=1`);
    await phone.getByRole("button", { name: "Dữ liệu của tôi" }).last().click();
    await phone.getByRole("heading", { name: "Hồ sơ khai trước (1)" }).waitFor();
    await phone.getByText("Nguyễn Văn Thử").first().waitFor();
    await phone
      .getByText(/91\/2025\/QH15/)
      .first()
      .waitFor();
    await shoot(phone, "my-data");

    await phone.getByLabel("Thông tin cần sửa").selectOption({ label: `Khai trước ${code} (xã Quảng Khê)` });
    await phone.getByLabel("Sai ở đâu, cần sửa thành gì?").fill("Địa chỉ đúng là Thôn 4, xã Quảng Khê");
    await phone.getByRole("button", { name: "Gửi yêu cầu chỉnh sửa" }).last().click();
    await phone.getByText("Đã gửi yêu cầu đến đơn vị. Cán bộ sẽ trả lời bạn tại đây.").waitFor();
    await phone.getByText("Đang chờ đơn vị trả lời").waitFor();
    await shoot(phone, "my-data-correction-sent");

    const admin = await signIn(e.browser, e.s.baseUrl, "qt-quangkhe", { width: 1366, height: 800 });
    await admin.page.getByRole("link", { name: "Yêu cầu sửa dữ liệu" }).click();
    const row = admin.page.locator("[data-testid=data-requests] tbody tr").first();
    await row.getByText("Địa chỉ đúng là Thôn 4, xã Quảng Khê").waitFor();
    expect(await row.innerText()).toContain(code);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await admin.page.screenshot({ path: join(SCREENSHOT_DIR, "console-data-requests.png") });
    await row.getByLabel("Trả lời người dân").fill("Đơn vị đã sửa địa chỉ thành Thôn 4 trong tờ khai.");
    await row.getByRole("button", { name: "Gửi trả lời" }).click();
    await admin.page.getByText("Đã trả lời; người dân xem được trên Mini App.").waitFor();
    await admin.page.screenshot({ path: join(SCREENSHOT_DIR, "console-data-requests-answered.png") });
    await admin.context.close();

    // The mini-app's address names the screen: a reload stays on "Dữ liệu của tôi" and shows the answer.
    await phone.reload();
    await phone.getByText("Đơn vị đã sửa địa chỉ thành Thôn 4 trong tờ khai.").waitFor();
    await phone.getByText("Đã sửa theo yêu cầu").waitFor();
    await shoot(phone, "my-data-answered");
    await context.close();
  }, 120_000);
});
