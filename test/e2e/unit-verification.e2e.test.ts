/**
 * Verification in Debian Chromium (docs/admin/unit-and-verification.md): the mini-app shows xã Quảng Khê's office
 * hours marked "chưa xác nhận" (the console's "cần kiểm tra"); the unit administrator confirms them on "Cần xác nhận" against a document; the
 * mini-app's unit page then shows the hours without the marker. Console at 1366×800, phone at 360×740.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { hashPassword } from "../../bot-server/src/console/session-auth.js";
import { findOfficerByUsername, setOfficerPassword } from "../../bot-server/src/store/users.js";
import { at, PASSWORD, QUANG_KHE, WEDNESDAY, type ConsoleServer } from "../console/helpers/console-server.js";
import { describeWithChromium } from "./helpers/chromium-launch.js";
import { startConsoleE2e, type ConsoleE2e } from "./helpers/console-e2e-server.js";
import { signIn } from "./helpers/console-session.js";
import { ensureMiniAppBuild } from "./helpers/mini-app-build.js";
import { PHONE, shoot } from "./helpers/phone-screenshots.js";

const SHOTS = join(process.cwd(), "test-output", "console-e2e");
const CONSOLE = { width: 1366, height: 800 };

describeWithChromium("confirming the office hours removes 'chưa xác nhận' from the mini-app", () => {
  let e2e: ConsoleE2e | undefined;
  let s: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await ensureMiniAppBuild();
    e2e = await startConsoleE2e("unit-verification-e2e", at(WEDNESDAY, "10:00"));
    ({ s, browser } = e2e);
    // The demo seed's unit administrator of xã Quảng Khê and province administrator, with the tests' known password.
    for (const username of ["quangkhe.quantri", "tinh.quantri"]) {
      const demo = await findOfficerByUsername(s.deps.db, username);
      await setOfficerPassword(s.deps.db, demo!.id, await hashPassword(PASSWORD), false);
    }
  }, 180_000);

  afterAll(async () => {
    await e2e?.close();
  });

  async function unitPage(): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${s.baseUrl}/m/?unit=24631&fake-zalo=1`);
    await page.getByText("Giờ tiếp nhận: 07:00–11:30, 13:30–17:00").waitFor();
    return { page, close: () => context.close() };
  }
  const hoursMarker = (page: Page) =>
    page.locator(".kh-fact", { hasText: "Giờ tiếp nhận" }).locator(".kh-tag-verify", { hasText: "chưa xác nhận" });

  it("the unit admin confirms the office hours against a document; the mini-app's marker disappears", async () => {
    const before = await unitPage();
    await expect(hoursMarker(before.page).count()).resolves.toBe(1);
    await before.close();

    const admin = await signIn(browser, s.baseUrl, "quangkhe.quantri", CONSOLE);
    const page = admin.page;
    await page.getByRole("link", { name: "Thông tin đơn vị", exact: true }).click();
    await page.getByRole("heading", { name: "Thiết lập đơn vị" }).waitFor();
    await page.getByText("Theo kế hoạch: 07:00–11:30, 13:30–17:00 (chưa xác nhận)").waitFor();
    await page.screenshot({ path: join(SHOTS, "unit-settings.png") });

    await page.getByRole("link", { name: "Cần xác nhận", exact: true }).click();
    const row = page.locator(`tr[data-fact="office_hours:${QUANG_KHE}"]`);
    await row.getByText("07:00–11:30, 13:30–17:00").waitFor();
    await row.getByText("Quản trị đơn vị").waitFor();
    const planRow = page.locator("tr[data-fact^='plan:']").first();
    await planRow.getByText("Chờ quản trị cấp tỉnh").waitFor();
    await row.getByRole("button", { name: "Xác nhận" }).click();
    await row.getByText("Nhập số văn bản (ví dụ 824/KH-UBND) hoặc đường dẫn nguồn đã đối chiếu.").waitFor();
    await page.screenshot({ path: join(SHOTS, "verification.png") });
    await row.getByLabel("Văn bản hoặc đường dẫn đã đối chiếu").fill("Quyết định 15/QĐ-UBND ngày 01/07/2025");
    await row.getByRole("button", { name: "Xác nhận" }).click();
    await row.waitFor({ state: "detached" });
    await page.getByLabel("Hiển thị").selectOption("1");
    await page
      .locator(`tr[data-fact="office_hours:${QUANG_KHE}"]`)
      .getByText(/Đã xác nhận theo Quyết định 15\/QĐ-UBND ngày 01\/07\/2025 \(.+, 16\/07\/2025/)
      .waitFor();
    await page.screenshot({ path: join(SHOTS, "verification-confirmed.png") });
    await admin.context.close();

    const after = await unitPage();
    await expect(hoursMarker(after.page).count()).resolves.toBe(0);
    await shoot(after.page, "unit-hours-confirmed");
    await after.close();
  }, 120_000);

  it("the province administrator picks a unit, sets its name and hours with a break, and filters what is left to confirm", async () => {
    const admin = await signIn(browser, s.baseUrl, "tinh.quantri", CONSOLE);
    const page = admin.page;
    await page.getByRole("link", { name: "Thông tin đơn vị", exact: true }).click();
    await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "xã Nam Đà (24697)" });
    await page.getByText("xã Nam Đà, tỉnh Lâm Đồng · mã đơn vị hành chính 24697").waitFor();
    await page.getByLabel("Tên nơi tiếp nhận người dân biết").fill("Trung tâm Phục vụ hành chính công xã Nam Đà");
    await page.getByLabel("Đơn vị có giờ làm việc riêng").check();
    await page.getByLabel("đến").first().fill("12:00");
    await page.getByLabel("Từ").nth(1).fill("11:00");
    await page.getByLabel("Lý do thay đổi").fill("Theo Quyết định 20/QĐ-UBND của UBND xã Nam Đà");
    await page.getByRole("button", { name: "Cập nhật thiết lập đơn vị" }).click();
    await page
      .locator("fieldset .row")
      .nth(1)
      .getByText("Khoảng giờ này chồng lên khoảng 07:00–12:00; giờ nghỉ phải nằm giữa hai khoảng.")
      .waitFor(); // beside the second range
    await page.screenshot({ path: join(SHOTS, "unit-settings-overlap.png") });
    await page.getByLabel("Từ").nth(1).fill("13:00");
    await page.getByRole("button", { name: "Cập nhật thiết lập đơn vị" }).click();
    await page.getByText(/Đã lưu\. Người dân thấy thông tin mới ngay/).waitFor();
    await page.screenshot({ path: join(SHOTS, "unit-settings-province.png") });
    const scheme = (await (
      await fetch(`${s.baseUrl}/api/units/24697/scheme?at=2025-07-16T10:00:00%2B07:00`)
    ).json()) as { officeHours: unknown; officeHoursToVerify: boolean; office: { place: string } };
    expect(scheme).toMatchObject({
      officeHours: [
        { start: "07:00", end: "12:00" },
        { start: "13:00", end: "17:00" },
      ],
      officeHoursToVerify: false,
      office: { place: "Trung tâm Phục vụ hành chính công xã Nam Đà" },
    });

    await page.getByRole("link", { name: "Cần xác nhận", exact: true }).click();
    await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "xã Nam Đà" });
    await page.locator("tr[data-fact^='plan:']").first().getByRole("button", { name: "Xác nhận" }).waitFor();
    await expect(page.locator(`tr[data-fact="office_hours:24697@2025-07-01"]`).count()).resolves.toBe(0);
    await expect(page.locator(`tr[data-fact="office_hours:${QUANG_KHE}"]`).count()).resolves.toBe(0);
    await page.screenshot({ path: join(SHOTS, "verification-province.png") });
    await admin.context.close();
  }, 120_000);
});
