/**
 * Account administration in Debian Chromium against the real server (migrated, seeded SQLite file): the demo unit
 * administrator `quangkhe.quantri` opens "Tài khoản", is told beside the field that a user name with diacritics is
 * refused, creates a counter officer and reads the one-time password once; the new officer signs in with it, has to
 * choose their own password, then sees the day's board. The administrator then disables the account from the
 * keyboard, and the officer's next request is refused.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { hashPassword } from "../../bot-server/src/console/session-auth.js";
import { findOfficerByUsername, setOfficerPassword } from "../../bot-server/src/store/users.js";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { USERNAME_RULE_VI } from "../../shared/officers/accounts.js";
import { at, PASSWORD, QUANG_KHE, WEDNESDAY, type ConsoleServer } from "../console/helpers/console-server.js";
import { describeWithChromium } from "./helpers/chromium-launch.js";
import { startConsoleE2e, type ConsoleE2e } from "./helpers/console-e2e-server.js";
import { signIn } from "./helpers/console-session.js";

const SHOTS = join(process.cwd(), "test-output", "console-e2e");

describeWithChromium("account administration in Chromium", () => {
  let e2e: ConsoleE2e | undefined;
  let s: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startConsoleE2e("accounts-e2e", at(WEDNESDAY, "09:00"));
    ({ s, browser } = e2e);
    // The demo unit administrator's printed one-time password is replaced by the tests' known one.
    const admin = (await findOfficerByUsername(s.deps.db, "quangkhe.quantri"))!;
    await setOfficerPassword(s.deps.db, admin.id, await hashPassword(PASSWORD), false);
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it("the unit administrator creates an officer who signs in, changes the first password and sees the board", async () => {
    const admin = await signIn(browser, s.baseUrl, "quangkhe.quantri", { width: 1366, height: 800 });
    const page = admin.page;
    await page.getByRole("link", { name: "Tài khoản", exact: true }).click();
    const table = page.getByTestId("accounts");
    await table.locator('tr[data-account="quangkhe.motcua"]').waitFor();
    await expect(table.locator('tr[data-account="quangkhe.quantri"]').innerText()).resolves.toContain("(bạn)");
    await expect(table.innerText()).resolves.not.toContain("tinh.quantri");

    // A user name with diacritics: refused beside the field, nothing created.
    await page.getByLabel("Tên đăng nhập").fill("Nguyễn Văn An");
    await page.getByLabel("Họ và tên").fill("Nguyễn Văn An");
    await page.getByLabel("Vai trò", { exact: true }).selectOption({ label: "Cán bộ tiếp nhận (Bộ phận Một cửa)" });
    await page.getByLabel("Tên đăng nhập").press("Enter");
    const usernameError = page.locator("#new-username-error");
    await usernameError.waitFor();
    await expect(usernameError.innerText()).resolves.toBe(USERNAME_RULE_VI);
    await expect(page.getByLabel("Tên đăng nhập").getAttribute("aria-invalid")).resolves.toBe("true");
    await page.screenshot({ path: join(SHOTS, "accounts-error.png") });

    await page.getByLabel("Tên đăng nhập").fill("quangkhe.nguyenvanan");
    await page.getByLabel("Lý do (không bắt buộc)").fill("Cán bộ mới nhận công tác");
    await page.getByLabel("Lý do (không bắt buộc)").press("Enter");
    const shown = page.getByTestId("one-time-password");
    await shown.waitFor();
    const oneTime = await shown.getByTestId("password").innerText();
    expect(oneTime).toMatch(/^[a-zA-Z0-9]{16}$/);
    const row = table.locator('tr[data-account="quangkhe.nguyenvanan"]');
    await expect(row.innerText()).resolves.toContain("Cán bộ tiếp nhận (Bộ phận Một cửa)");
    await expect(row.innerText()).resolves.toContain("Chưa đổi mật khẩu một lần");
    await page.screenshot({ path: join(SHOTS, "accounts-created.png") });
    await shown.getByRole("button", { name: "Đã ghi lại, ẩn mật khẩu" }).click();
    await expect(page.getByText(oneTime).count()).resolves.toBe(0);

    // The new officer: one-time password, then their own, then the board.
    const officerContext = await browser.newContext({
      viewport: { width: 1366, height: 800 },
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    const officer = await officerContext.newPage();
    await officer.goto(`${s.baseUrl}/console/`);
    await officer.getByLabel("Tên đăng nhập").fill("quangkhe.nguyenvanan");
    await officer.getByLabel("Mật khẩu").fill(oneTime);
    await officer.getByRole("button", { name: "Đăng nhập" }).click();
    await officer.getByRole("heading", { name: "Đổi mật khẩu lần đầu" }).waitFor();
    await officer.getByLabel("Mật khẩu một lần").fill(oneTime);
    await officer.getByLabel("Mật khẩu mới", { exact: true }).fill("mat-khau-cua-an-2025");
    await officer.getByLabel("Nhập lại mật khẩu mới").fill("mat-khau-cua-an-2025");
    await officer.getByRole("button", { name: "Đổi mật khẩu" }).click();
    await officer.getByRole("link", { name: "Hôm nay" }).waitFor();
    await officer.getByText("Nguyễn Văn An").first().waitFor();
    await officer.getByRole("link", { name: "Tiếp nhận", exact: true }).waitFor();
    await expect(officer.getByRole("link", { name: "Tài khoản", exact: true }).count()).resolves.toBe(0);
    await officer.screenshot({ path: join(SHOTS, "accounts-new-officer-board.png") });

    // The administrator disables the account with the keyboard only; the officer's next request is refused.
    await page.reload();
    await row.getByRole("button", { name: "Khóa" }).focus();
    await page.keyboard.press("Enter");
    const panel = page.getByTestId("account-action");
    await panel.waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("action-reason");
    await page.keyboard.press("Enter");
    await expect(page.locator("#action-reason-error").innerText()).resolves.toBe(
      "Ghi lý do thay đổi (ít nhất 3 ký tự).",
    );
    await page.screenshot({ path: join(SHOTS, "accounts-action.png") });
    await page.keyboard.type("Chuyển công tác");
    await page.keyboard.press("Enter");
    await panel.waitFor({ state: "detached" });
    await expect(row.innerText()).resolves.toContain("Đã khóa");
    await page.screenshot({ path: join(SHOTS, "accounts-disabled.png") });
    const refused = await officer.evaluate(async () => (await fetch("/console/api/board")).status);
    expect(refused).toBe(401);

    const created = (await findOfficerByUsername(s.deps.db, "quangkhe.nguyenvanan"))!;
    expect(created).toMatchObject({ unitId: QUANG_KHE, role: "counter_officer", active: false });
    const audit = await listAuditFor(s.deps.db, "user", created.id);
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "update"]);
    await officerContext.close();
    await admin.context.close();
  }, 120_000);

  it("the province administrator sees every unit's accounts and the province's own, and gives a unit or the province", async () => {
    const tinh = (await findOfficerByUsername(s.deps.db, "tinh.quantri"))!;
    await setOfficerPassword(s.deps.db, tinh.id, await hashPassword(PASSWORD), false);
    const { page, context } = await signIn(browser, s.baseUrl, "tinh.quantri", { width: 1366, height: 800 });
    await page.getByRole("link", { name: "Tài khoản", exact: true }).click();
    const table = page.getByTestId("accounts");
    await table.locator('tr[data-account="tinh.theodoi"]').waitFor();
    await expect(table.locator('tr[data-account="tinh.theodoi"]').innerText()).resolves.toContain("tỉnh Lâm Đồng");
    await expect(table.locator('tr[data-account="quangkhe.quantri"]').innerText()).resolves.toContain("xã Quảng Khê");
    await page.getByLabel("Vai trò", { exact: true }).selectOption({ label: "Theo dõi cấp tỉnh" });
    await expect(page.getByLabel("Đơn vị", { exact: true }).inputValue()).resolves.toBe("tỉnh Lâm Đồng");
    await page.getByLabel("Vai trò", { exact: true }).selectOption({ label: "Lãnh đạo" });
    await page.getByLabel("Đơn vị", { exact: true }).selectOption({ label: "xã Nam Đà" });
    await page.screenshot({ path: join(SHOTS, "accounts-province.png") });
    await context.close();
  }, 60_000);
});
