/**
 * "Thủ tục" in Debian Chromium against the real server: the province administrator reads the versions of a
 * procedure, pastes a version whose time limit is not a number and sees the problem beside the JSON by its path,
 * fixes it and saves it as a new version from a later date; the list then shows the version before ending the day
 * before (docs/admin/procedures.md).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { at, createOfficer, WEDNESDAY, type ConsoleServer } from "../console/helpers/console-server.js";
import { procedureVersions } from "../../shared/data/procedures/procedure-versions.js";
import { describeWithChromium } from "./helpers/chromium-launch.js";
import { startConsoleE2e, type ConsoleE2e } from "./helpers/console-e2e-server.js";
import { signIn } from "./helpers/console-session.js";

const SHOTS = join(process.cwd(), "test-output", "console-e2e");

describeWithChromium("procedure versions in the console", () => {
  let e2e: ConsoleE2e | undefined;
  let s: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startConsoleE2e("console-procedures-e2e", at(WEDNESDAY, "09:00"));
    ({ s, browser } = e2e);
    await createOfficer(s.deps, "tinh.qt", "province_admin", "68@2025-07-01", { displayName: "Phạm Văn Tỉnh" });
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it("imports a version: an error is shown beside the JSON by its path, the fixed one takes effect on its date", async () => {
    const { page } = await signIn(browser, s.baseUrl, "tinh.qt", { width: 1366, height: 800 });
    page.setDefaultTimeout(20_000);
    try {
      await page.getByRole("link", { name: "Thủ tục", exact: true }).click();
      await page.getByText("1.011441 · Đăng ký biện pháp bảo đảm", { exact: false }).first().waitFor();

      const version = structuredClone(procedureVersions.find((v) => v.id === "1.011441@2025-07-01")!) as Record<
        string,
        unknown
      > & { timeLimit: Record<string, unknown> };
      version.timeLimit.timeLimitWorkingDays = "ba ngày";
      await page.getByRole("button", { name: "Nhập phiên bản từ JSON" }).click();
      const form = page.getByRole("form", { name: "Phiên bản mới" });
      await form.getByLabel("Bắt đầu áp dụng từ ngày").fill("01/09/2025");
      await form.getByLabel("Lý do (văn bản công bố, quyết định…)").fill("Quyết định công bố số 1234/QĐ-UBND");
      await form.getByLabel("Nội dung JSON").fill(JSON.stringify(version, null, 2));
      await form.getByRole("button", { name: "Lưu phiên bản mới" }).click();
      const errors = form.locator("#version-json-errors");
      await errors.getByText("timeLimit.timeLimitWorkingDays").waitFor();
      await errors.getByText("Cần số, đang là chuỗi chữ.").waitFor();
      await expect(form.getByLabel("Nội dung JSON").getAttribute("aria-invalid")).resolves.toBe("true");
      await page.screenshot({ path: join(SHOTS, "procedures-import-error.png") });

      version.timeLimit.timeLimitWorkingDays = 3;
      await form.getByLabel("Nội dung JSON").fill(JSON.stringify(version, null, 2));
      await form.getByRole("button", { name: "Lưu phiên bản mới" }).click();
      await form
        .getByRole("status")
        .getByText("Đã lưu phiên bản 1.011441@2025-09-01, áp dụng từ 01/09/2025.", { exact: false })
        .waitFor();
      await page.getByText("Từ 01/07/2025 đến 31/08/2025").waitFor();
      await page.screenshot({ path: join(SHOTS, "procedures-list.png") });
      expect(s.deps.domain.catalog.versionAt("1.011441", "2025-09-01")?.id).toBe("1.011441@2025-09-01");
      // A version's details: legal basis, bodies, documents, time limit and form, unconfirmed facts marked.
      await page
        .getByRole("row", { name: /Từ 01\/07\/2025 đến 28\/02\/2027/ })
        .getByRole("button", { name: "Xem" })
        .click();
      await page.getByText("Căn cứ pháp lý").waitFor();
      await page.getByText("1.004873@2025-07-01 · từ 01/07/2025 đến 28/02/2027").waitFor();
      await page.screenshot({ path: join(SHOTS, "procedures-version.png") });

      // The province's fee, set by the provincial council's resolution.
      await page.getByRole("button", { name: "Đặt phí" }).nth(1).click();
      const fee = page.getByRole("form", { name: "Phí, lệ phí" });
      await fee.getByText("1.004873 · Cấp Giấy xác nhận tình trạng hôn nhân").waitFor();
      await fee.getByLabel("Áp dụng từ ngày").fill("01/08/2025");
      await fee.getByLabel("Do HĐND tỉnh quy định (ghi nghị quyết)").check();
      await fee.getByLabel("Căn cứ pháp lý").fill("Thông tư 85/2019/TT-BTC");
      await fee.getByLabel("Lý do thay đổi").fill("Nghị quyết mới của HĐND tỉnh");
      await fee.getByRole("button", { name: "Lưu phí" }).click();
      await fee.getByText("Phí do HĐND tỉnh quy định: vui lòng nhập số và ngày của nghị quyết.").waitFor();
      await fee.getByLabel("Số nghị quyết (ví dụ 12/2025/NQ-HĐND)").fill("12/2025/NQ-HĐND");
      await fee.getByLabel("Ngày ban hành nghị quyết").fill("10/07/2025");
      await fee.getByRole("button", { name: "Lưu phí" }).click();
      await fee
        .getByRole("status")
        .getByText("do HĐND tỉnh quy định (Nghị quyết số 12/2025/NQ-HĐND ngày 10/07/2025 của HĐND tỉnh)", {
          exact: false,
        })
        .waitFor();
      await page.screenshot({ path: join(SHOTS, "procedures-fee.png") });
    } catch (e) {
      await page.screenshot({ path: join(SHOTS, "procedures-failure.png") });
      throw e;
    }
  }, 120_000);
});
