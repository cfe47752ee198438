/**
 * "Kế hoạch" in Debian Chromium against the real server (docs/admin/plans.md): on Wednesday 16/07/2025 at 11:00 the
 * province administrator tinh.quantri enters a new version of the plan from 01/08/2025 with same-day intake until
 * 10:30 (a cut-off inside the lunch break is refused beside the field first); the counter's "Hôm nay" still counts
 * down to today's 15:00, and the public answer for a Wednesday in August says 10:30. The unit administrator says
 * Quảng Khê stops taking part from a date and sees today unchanged.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { hashPassword } from "../../bot-server/src/console/session-auth.js";
import { findOfficerByUsername, setOfficerPassword } from "../../bot-server/src/store/users.js";
import {
  at,
  createOfficer,
  PASSWORD,
  QUANG_KHE,
  WEDNESDAY,
  type ConsoleServer,
} from "../console/helpers/console-server.js";
import { describeWithChromium } from "./helpers/chromium-launch.js";
import { startConsoleE2e, type ConsoleE2e } from "./helpers/console-e2e-server.js";
import { signIn } from "./helpers/console-session.js";

const SHOTS = join(process.cwd(), "test-output", "console-e2e");
const CONSOLE = { width: 1366, height: 800 };

describeWithChromium("scheme plans in the console (Chromium)", () => {
  let e2e: ConsoleE2e | undefined;
  let s: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startConsoleE2e("plans-e2e", at(WEDNESDAY, "11:00"));
    ({ s, browser } = e2e);
    // The seeded demo account gets a known password (its one-time password is printed once at first start).
    const province = await findOfficerByUsername(s.deps.db, "tinh.quantri");
    expect(province?.role).toBe("province_admin");
    await setOfficerPassword(s.deps.db, province!.id, await hashPassword(PASSWORD), false);
    await createOfficer(s.deps, "qk.motcua", "counter_officer", QUANG_KHE, { displayName: "Trần Thị Một Cửa" });
    await createOfficer(s.deps, "qk.quantri", "unit_admin", QUANG_KHE, { displayName: "Đỗ Thị Quản Trị" });
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  const scheme = async (isoAt: string) =>
    (await (await fetch(`${s.baseUrl}/api/units/24631/scheme?at=${encodeURIComponent(isoAt)}`)).json()) as {
      intakeCutoff: string | null;
      schemeDay: boolean;
    };

  it("tinh.quantri changes the cut-off from next month; today's decisions stay at 15:00", async () => {
    const counter = await signIn(browser, s.baseUrl, "qk.motcua", CONSOLE);
    await counter.page.getByText("Còn 4 giờ 0 phút đến 15:00").waitFor();

    const { page } = await signIn(browser, s.baseUrl, "tinh.quantri", CONSOLE);
    page.setDefaultTimeout(20_000);
    counter.page.setDefaultTimeout(20_000);
    await page.getByRole("link", { name: "Kế hoạch", exact: true }).click();
    const table = page.getByRole("table", { name: "Các phiên bản kế hoạch" });
    const current = table.locator("tr", { hasText: "Đang áp dụng" });
    await current.getByText("Cấu hình minh họa", { exact: true }).waitFor();
    await table.locator("tr", { hasText: "Đã hết hiệu lực" }).first().waitFor();
    await page.screenshot({ path: join(SHOTS, "plans-list.png") });

    await current.getByRole("button", { name: "Tạo phiên bản mới" }).click();
    const form = page.getByRole("form", { name: "Phiên bản mới của kế hoạch" });
    await expect(form.getByLabel("Áp dụng từ ngày").inputValue()).resolves.toBe("2025-08-01");
    // In the lunch break: refused beside the field.
    await form.getByLabel("Tiếp nhận hồ sơ trả trong ngày đến").fill("12:00");
    await form.getByRole("button", { name: "Lưu phiên bản mới" }).click();
    await form.getByText("Giờ tiếp nhận cuối 12:00 nằm ngoài giờ làm việc (07:00–11:30, 13:30–17:00).").waitFor();
    await page.screenshot({ path: join(SHOTS, "plans-form-error.png"), fullPage: true });

    await form.getByLabel("Tiếp nhận hồ sơ trả trong ngày đến").fill("10:30");
    await form.getByText("Văn bản chính thức của cơ quan có thẩm quyền").click();
    await form.getByLabel("Số văn bản").fill("45/KH-UBND");
    await form.getByLabel("Ngày ban hành").fill("2025-07-10");
    await form.getByLabel("Cơ quan ban hành").fill("Ủy ban nhân dân tỉnh Lâm Đồng");
    await form.getByRole("button", { name: "Lưu phiên bản mới" }).click();
    await page
      .getByRole("status")
      .getByText("Đã lưu phiên bản mới từ 01/08/2025; phiên bản trước áp dụng đến hết 31/07/2025.")
      .waitFor();
    const coming = table.locator("tr", { hasText: "Sắp áp dụng" });
    await coming.getByText("45/KH-UBND ngày 10/07/2025").waitFor();
    await coming.getByText("10:30", { exact: true }).waitFor();
    await table.locator("tr", { hasText: "Đang áp dụng" }).getByText("Từ 01/07/2025 đến 31/07/2025").waitFor();
    await page.screenshot({ path: join(SHOTS, "plans-after.png") });

    // Today is unchanged for the counter (a fresh load of "Hôm nay") and the public answer; August has 10:30.
    await counter.page.reload();
    await counter.page.getByText("Còn 4 giờ 0 phút đến 15:00").waitFor();
    expect((await scheme("2025-07-16T11:00:00+07:00")).intakeCutoff).toBe("15:00");
    expect(await scheme("2025-08-06T09:00:00+07:00")).toMatchObject({ schemeDay: true, intakeCutoff: "10:30" });
    await counter.context.close();
  }, 120_000);

  it("the unit administrator stops Quảng Khê from a date; today it still applies the scheme", async () => {
    const { page } = await signIn(browser, s.baseUrl, "qk.quantri", CONSOLE);
    await page.getByRole("link", { name: "Kế hoạch", exact: true }).click();
    const form = page.getByRole("form", { name: "Tham gia Ngày không hẹn" });
    await form.getByText("đơn vị đang áp dụng Ngày không hẹn").waitFor();
    await form.getByLabel("Từ ngày").fill("2025-07-16");
    await form.getByRole("button", { name: "Lưu" }).click();
    await form.getByText(/^Ngày áp dụng phải sau hôm nay \(16\/07\/2025\)/).waitFor();
    await form.getByLabel("Từ ngày").fill("2025-09-01");
    await form.getByLabel("Ghi chú (ví dụ số văn bản của đơn vị)").fill("Công văn 12/UBND");
    await form.getByRole("button", { name: "Lưu" }).click();
    await form.getByText("Đã lưu: từ 01/09/2025 đơn vị không tham gia Ngày không hẹn.").waitFor();
    await form.getByText("Từ 01/09/2025: không tham gia").waitFor();
    await form.getByText("đơn vị đang áp dụng Ngày không hẹn").waitFor();
    await page.screenshot({ path: join(SHOTS, "plans-participation.png") });
    expect((await scheme("2025-09-03T09:00:00+07:00")).schemeDay).toBe(false);
    expect((await scheme("2025-07-16T11:00:00+07:00")).schemeDay).toBe(true);
  }, 120_000);
});
