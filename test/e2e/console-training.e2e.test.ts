/**
 * Training mode in Debian Chromium (docs/admin/training.md): the unit administrator switches it on from "Thông tin
 * đơn vị"; a counter officer then sees "DIỄN TẬP" on every screen (the board shows the training morning), fills a
 * synthetic citizen with one button, and a received training dossier's printout carries the mark. Switched off, the
 * banner is gone. Screenshots (1366×800) and the printout's first page go to test-output/console-e2e/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { at, createOfficer, QUANG_KHE, WEDNESDAY, type ConsoleServer } from "../console/helpers/console-server.js";
import { maritalForm, maritalIntake } from "../console/helpers/intake-fixtures.js";
import { flatPdfText, pdfFirstPagePng, popplerAvailable } from "../console/helpers/pdf-text.js";
import { describeWithChromium } from "./helpers/chromium-launch.js";
import { startConsoleE2e, type ConsoleE2e } from "./helpers/console-e2e-server.js";
import { signIn } from "./helpers/console-session.js";

const SHOTS = join(process.cwd(), "test-output", "console-e2e");
const VIEWPORT = { width: 1366, height: 800 };

describeWithChromium("training mode in Chromium", () => {
  let e2e: ConsoleE2e | undefined;
  let s: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startConsoleE2e("console-training-e2e", at(WEDNESDAY, "16:30"));
    ({ s, browser } = e2e);
    await createOfficer(s.deps, "qk.quantri", "unit_admin", QUANG_KHE, { displayName: "Đỗ Thị Quản Trị" });
    await createOfficer(s.deps, "qk.motcua", "counter_officer", QUANG_KHE, { displayName: "Trần Thị Một Cửa" });
    await createOfficer(s.deps, "tinh.taphuan", "province_admin", "68@2025-07-01", { displayName: "Lê Văn Tỉnh" });
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  const switchTraining = async (page: Page, button: "Bật diễn tập" | "Tắt diễn tập", reason: string) => {
    await page.getByRole("link", { name: "Thông tin đơn vị", exact: true }).click();
    const panel = page.getByTestId("training-setting");
    await panel.getByLabel("Lý do (ghi vào nhật ký)").fill(reason);
    await panel.getByRole("button", { name: button }).click();
  };

  it("the province administrator picks a unit in 'Thông tin đơn vị' and switches its training on and off", async () => {
    const { context, page } = await signIn(browser, s.baseUrl, "tinh.taphuan", VIEWPORT);
    await page.getByRole("link", { name: "Thông tin đơn vị", exact: true }).click();
    await page.getByLabel("Đơn vị", { exact: true }).selectOption(QUANG_KHE);
    const panel = page.getByTestId("training-setting");
    await panel.getByText("Đang tắt").waitFor();
    await panel.getByLabel("Lý do (ghi vào nhật ký)").fill("Tỉnh tổ chức tập huấn cho xã Quảng Khê");
    await panel.getByRole("button", { name: "Bật diễn tập" }).click();
    await panel.getByText("Đã bật diễn tập: sáng 23/07/2025.").waitFor();
    await page.screenshot({ path: join(SHOTS, "training-province-admin.png") });
    const state = (await (await page.request.get(`${s.baseUrl}/console/api/admin/training/${QUANG_KHE}`)).json()) as {
      active: boolean;
    };
    expect(state.active).toBe(true);
    await panel.getByLabel("Lý do (ghi vào nhật ký)").fill("Hết buổi tập huấn");
    await panel.getByRole("button", { name: "Tắt diễn tập" }).click();
    await panel.getByText("Đã tắt diễn tập: đơn vị làm việc bình thường.").waitFor();
    await context.close();
  }, 120_000);

  it('the unit admin switches training on: "DIỄN TẬP" on the counter\'s every screen, synthetic citizen, marked printout', async () => {
    const admin = await signIn(browser, s.baseUrl, "qk.quantri", VIEWPORT);
    await switchTraining(admin.page, "Bật diễn tập", "Tập huấn cán bộ Một cửa năm 2025");
    await admin.page.getByRole("status").getByText("Đã bật diễn tập: sáng 23/07/2025.").waitFor();
    await admin.page.getByTestId("training-banner").waitFor();
    await admin.page.screenshot({ path: join(SHOTS, "training-admin.png") });

    const counter = await signIn(browser, s.baseUrl, "qk.motcua", VIEWPORT);
    const page = counter.page;
    const banner = page.getByTestId("training-banner");
    await banner.getByText("DIỄN TẬP").waitFor();
    await expect(banner.textContent()).resolves.toContain("sáng ngày 23/07/2025");
    await page.screenshot({ path: join(SHOTS, "training-board.png") });

    await page.getByRole("link", { name: "Tiếp nhận", exact: true }).click();
    await banner.waitFor();
    await page.getByTestId("synthetic-citizen").click();
    const identity = page.getByTestId("visit-identity");
    await identity.waitFor();
    await expect(identity.textContent()).resolves.toMatch(/· 000\d{9} ·/);
    await page.screenshot({ path: join(SHOTS, "training-intake.png") });

    const session = (await (await page.request.get(`${s.baseUrl}/console/api/session`)).json()) as {
      csrfToken: string;
    };
    // The citizen's screen paired to this counter says so too.
    const pairing = await page.request.post(`${s.baseUrl}/console/api/mirror/pair`, {
      headers: { "x-csrf-token": session.csrfToken },
    });
    const { code } = (await pairing.json()) as { code: string };
    const mirror = await counter.context.newPage();
    await mirror.goto(`${s.baseUrl}/console/mirror?code=${code}`);
    await mirror.getByTestId("mirror-training").getByText("DIỄN TẬP").waitFor();
    await mirror.screenshot({ path: join(SHOTS, "training-mirror.png") });
    await mirror.close();

    // A training dossier received through the console API of this signed-in counter, then its page and printout.
    const body = maritalIntake({
      formData: maritalForm({ requesterIdNumber: "000185123456", subjectIdNumber: "000185123456" }),
    });
    const res = await page.request.post(`${s.baseUrl}/console/api/intake/receive`, {
      data: body,
      headers: { "x-csrf-token": session.csrfToken },
    });
    expect(res.status()).toBe(200);
    const received = (await res.json()) as { dossierId: string; code: string };
    expect(received.code.startsWith("DT-")).toBe(true);
    await page.goto(`${s.baseUrl}/console/ho-so/${received.dossierId}`);
    await banner.waitFor();
    await page.getByText(received.code).first().waitFor();
    await page.screenshot({ path: join(SHOTS, "training-dossier.png") });
    const pdf = await page.request.get(`${s.baseUrl}/console/api/dossiers/${received.dossierId}/forms/control.pdf`);
    expect(pdf.status()).toBe(200);
    if (popplerAvailable()) {
      const bytes = Buffer.from(await pdf.body());
      expect(flatPdfText(bytes)).toContain("DIỄN TẬP – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ");
      pdfFirstPagePng(bytes, join(SHOTS, "training-printout"));
    }

    await switchTraining(admin.page, "Tắt diễn tập", "Hết buổi tập huấn");
    await admin.page.getByRole("status").getByText("Đã tắt diễn tập: đơn vị làm việc bình thường.").waitFor();
    await expect(admin.page.getByTestId("training-banner").count()).resolves.toBe(0);
    await page.reload();
    await page.getByRole("link", { name: "Hôm nay" }).waitFor();
    await expect(page.getByTestId("training-banner").count()).resolves.toBe(0);
    await admin.context.close();
    await counter.context.close();
  }, 120_000);
});
