/**
 * The report page in Debian Chromium: a province viewer opens "Báo cáo", asks for the month of July 2025, sees the
 * figures with their formulas (today's Quảng Khê with the communes merged into it), and follows "received after the
 * cut-off" to the one dossier behind it, received at 15:20, not the one received at 15:00.
 * Screenshots at 1366×800: test-output/reports-e2e/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { at, createOfficer, QUANG_KHE, type ConsoleServer } from "../console/helpers/console-server.js";
import { put } from "../helpers/report-rows.js";
import { describeWithChromium } from "./helpers/chromium-launch.js";
import { startConsoleE2e, type ConsoleE2e } from "./helpers/console-e2e-server.js";
import { signIn, type Officer } from "./helpers/console-session.js";

const SHOTS = join(process.cwd(), "test-output", "reports-e2e");
const OLD_QUANG_KHE = "24631@2020-03-01";
const AT_1500 = "000.00.06.H98-250716-0001";
const AT_1520 = "000.00.06.H98-250716-0002";

describeWithChromium("report page in Chromium", () => {
  let e2e: ConsoleE2e | undefined;
  let s: ConsoleServer;
  let browser: Browser;
  let viewer: Officer;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startConsoleE2e("reports-e2e", at("2025-08-04", "09:00"));
    ({ s, browser } = e2e);
    const db = e2e.db.db;
    // Wednesday 16/7/2025, today's Quảng Khê: 15:00 on the same-day track, done 16:10; 15:20 after the cut-off.
    await put(db, {
      code: AT_1500,
      unit: QUANG_KHE,
      at: "2025-07-16T15:00",
      track: "same-day",
      state: "returned",
      plan: "lam-dong-2025-demo",
      due: "2025-07-16",
      assisted: true,
      readyAt: "2025-07-16T16:10",
    });
    await put(db, {
      code: AT_1520,
      unit: QUANG_KHE,
      at: "2025-07-16T15:20",
      track: "normal",
      state: "returned",
      plan: "lam-dong-2025-demo",
      due: "2025-07-21",
      readyAt: "2025-07-18T10:00",
    });
    // A June dossier of the old Quảng Khê: not in July.
    await put(db, {
      unit: OLD_QUANG_KHE,
      at: "2025-06-11T09:00",
      track: "same-day",
      state: "returned",
      plan: "dak-nong-2023-province",
      due: "2025-06-11",
      readyAt: "2025-06-11T10:00",
    });
    await createOfficer(s.deps, "tinh.baocao", "province_viewer", "68@2025-07-01", {
      displayName: "Nguyễn Thị Theo Dõi",
    });
    viewer = await signIn(browser, s.baseUrl, "tinh.baocao", { width: 1366, height: 800 });
  }, 180_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it("opens the monthly report and follows a figure to its dossiers", async () => {
    const page = viewer.page;
    await page.getByRole("link", { name: "Báo cáo", exact: true }).click();
    await page.getByLabel("Kỳ báo cáo").selectOption("month");
    await page.getByLabel("Ngày trong kỳ").fill("16/07/2025");
    await page.getByLabel("Đơn vị").selectOption(QUANG_KHE);
    await page.getByRole("button", { name: "Xem báo cáo" }).click();
    const report = page.getByTestId("report");
    await report.getByText("Tháng 07/2025").waitFor();
    const row = (key: string) => page.locator(`tr[data-figure="${key}"]`);
    await expect(row("received").locator("td").nth(2).textContent()).resolves.toBe("2");
    await expect(row("sameDayRate").locator("td").nth(2).textContent()).resolves.toBe("100%");
    await expect(row("onTimeRate").textContent()).resolves.toContain("QĐ 766");
    await expect(row("afterCutoff").locator("td").nth(3).textContent()).resolves.toContain("đúng 15:00 vẫn trong ngày");
    await page.locator("canvas").first().waitFor();
    await page.waitForTimeout(300); // the charts draw once Chart.js has loaded
    await page.screenshot({ path: join(SHOTS, "report-month-1366x800.png") });

    // The same report as Excel: the province's clerk opens it and finds the page's figures in a numbered table.
    const receivedLabel = (await row("received").locator("td").nth(1).textContent())!.trim();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Tải Excel" }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const lines: string[][] = [];
    workbook.worksheets[0]!.eachRow((r) => {
      const cells: string[] = [];
      r.eachCell((c) => void cells.push(String(c.value ?? "")));
      lines.push(cells);
    });
    expect(lines.some((l) => l.some((c) => c.includes("Tháng 07/2025")))).toBe(true);
    const received = lines.find((l) => l.includes(receivedLabel));
    expect(received?.slice(0, 4)).toEqual(["1", receivedLabel, "Hồ sơ", "2"]);

    await row("afterCutoff").getByRole("link", { name: "1" }).click();
    const list = page.getByTestId("figure-dossiers");
    await list.waitFor();
    await expect(page.getByRole("heading", { level: 2 }).textContent()).resolves.toContain(
      "Tiếp nhận sau giờ chốt của Ngày không hẹn: 1 hồ sơ",
    );
    const codes = await list.locator("tbody tr td:first-child").allTextContents();
    expect(codes).toEqual([AT_1520]);
    await page.screenshot({ path: join(SHOTS, "figure-dossiers-1366x800.png") });

    await list.getByRole("link", { name: AT_1520 }).click();
    await page.getByTestId("dossier-code").filter({ hasText: AT_1520 }).waitFor();
  });

  it("shows the annual review ranking", async () => {
    const page = viewer.page;
    await page.goto(`${s.baseUrl}/console/bao-cao/tong-ket`);
    await page.getByLabel("Năm").selectOption("2025");
    const table = page.getByTestId("review");
    await table.waitFor();
    const first = await table.locator("tbody tr").first().locator("td").allTextContents();
    expect(first.slice(0, 2)).toEqual(["1", expect.stringContaining("xã Quảng Khê")]);
    await page.screenshot({ path: join(SHOTS, "review-1366x800.png") });
  });
});
