/**
 * The idle timeout in Debian Chromium, with CONSOLE_IDLE_MINUTES=0.25 (15 s) and the server on real time: the
 * officer half-way through an intake gets a warning with "Tiếp tục làm việc" (the half-typed intake is saved as a
 * draft on the server meanwhile); unattended, the session ends, a sign-in appears over the page, and after signing
 * in again the form still holds what was typed.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import {
  at,
  createOfficer,
  PASSWORD,
  QUANG_KHE,
  WEDNESDAY,
  type ConsoleServer,
} from "../console/helpers/console-server.js";
import type { DatabaseHandle } from "../../bot-server/src/store/connect.js";
import { describeWithChromium } from "./helpers/chromium-launch.js";
import { startConsoleE2e, type ConsoleE2e } from "./helpers/console-e2e-server.js";
import { signIn } from "./helpers/console-session.js";

const SHOTS = join(process.cwd(), "test-output", "console-e2e");

describeWithChromium("console idle timeout in Chromium", () => {
  let e2e: ConsoleE2e | undefined;
  let s: ConsoleServer;
  let db: DatabaseHandle;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startConsoleE2e("console-idle-e2e", at(WEDNESDAY, "09:00"), { CONSOLE_IDLE_MINUTES: "0.25" });
    ({ s, browser, db } = e2e);
    await createOfficer(s.deps, "qk.motcua", "counter_officer", QUANG_KHE, { displayName: "Trần Thị Một Cửa" });
    s.clock.reset();
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it("warns before the end, saves the half-typed intake as a draft, and keeps it on screen through a new sign-in", async () => {
    const { page, context } = await signIn(browser, s.baseUrl, "qk.motcua", { width: 1366, height: 800 });
    await page.getByRole("link", { name: "Tiếp nhận", exact: true }).click();
    await page.getByRole("button", { name: "1.004873 Cấp Giấy xác nhận tình trạng hôn nhân" }).click();
    const name = page.getByLabel("Họ, chữ đệm, tên người yêu cầu *");
    await name.fill("Nguyễn Văn Thử");

    const warning = page.getByTestId("idle-warning");
    await warning.waitFor({ timeout: 40_000 });
    await warning.getByText("Phiên làm việc sắp hết").waitFor();
    await page.getByText(/Đã lưu nháp hồ sơ \(mã tham chiếu NHAP-/).waitFor();
    await page.screenshot({ path: join(SHOTS, "idle-warning.png") });
    const drafts = await db.db
      .selectFrom("dossiers")
      .select(["code", "form_data"])
      .where("state", "=", "draft")
      .execute();
    expect(drafts.some((d) => d.form_data.includes("Nguyễn Văn Thử"))).toBe(true);

    await warning.getByRole("button", { name: "Tiếp tục làm việc" }).click();
    await warning.waitFor({ state: "detached" });
    await expect(page.getByTestId("session-ended").count()).resolves.toBe(0);

    // Unattended this time: the session ends; a sign-in over the page keeps the form underneath.
    const ended = page.getByTestId("session-ended");
    await ended.waitFor({ timeout: 45_000 });
    const refused = await page.evaluate(async () => (await fetch("/console/api/board")).status);
    expect(refused).toBe(401);
    await page.screenshot({ path: join(SHOTS, "idle-ended.png") });
    await ended.getByLabel("Mật khẩu").fill(PASSWORD);
    await ended.getByRole("button", { name: "Đăng nhập lại" }).click();
    await ended.waitFor({ state: "detached" });
    await expect(name.inputValue()).resolves.toBe("Nguyễn Văn Thử");
    await name.fill("Nguyễn Văn Thử Hai");
    await page.getByRole("button", { name: "In tờ khai (F2)" }).click();
    await page.getByTestId("print-frame").waitFor();
    await context.close();
  }, 150_000);
});
