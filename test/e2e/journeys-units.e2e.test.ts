/**
 * Issue 15 in the mini app at 360×740 (Debian Chromium, real server): a former district or province name leads to
 * today's communes; "Kịp 15:00 không?" on the unit page from a synthetic morning of receptions; a CCCD printed before
 * the 2025 reform is offered in today's units at the scan step and changes nothing unless the citizen chooses it.
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import { describeWithChromium, launchChromium } from "./helpers/chromium-launch.js";
import { ensureMiniAppBuild } from "./helpers/mini-app-build.js";
import { PHONE, shoot } from "./helpers/phone-screenshots.js";
import { startServerProcess, type ServerProcess } from "./helpers/server-process.js";

const DAK_GLONG_CCCD =
  "067090000003||Hoàng Văn Cũ|01021990|Nam|Thôn 3, Xã Quảng Khê, Huyện Đắk Glong, Tỉnh Đắk Nông|10032021";
const utc = (hm: string) => new Date(`2026-12-02T${hm}:00+07:00`).toISOString();

describeWithChromium("mini app: former unit names, the wait at the counter, the CCCD address in today's units", () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    await ensureMiniAppBuild();
    server = await startServerProcess();
    browser = await launchChromium();
    await server.setClock("2026-12-02T10:00:00+07:00");
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function phone(): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    await context.route(/^https?:\/\/([^/]*\.)?(zadn|zdn|zalo)\.(vn|me)\//, (r) => r.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return { page, close: () => context.close() };
  }

  it("'dak glong' and 'Đắk Nông' lead to the communes that now serve those areas", async () => {
    const { page, close } = await phone();
    await page.goto(`${server.url}/m/`);
    await page.locator("#unit-search").fill("dak glong");
    const lead = page.getByRole("region", { name: "Huyện Đăk Glong cũ" });
    await lead
      .getByText("Từ 01/07/2025 không còn huyện Đăk Glong; nay nộp hồ sơ tại một trong 5 xã, phường sau:")
      .waitFor();
    const rows = lead.getByRole("list", { name: "Đơn vị nay thuộc huyện Đăk Glong cũ" }).getByRole("button");
    await expect(rows.allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining("Xã Quảng Khê"), expect.stringContaining("Xã Quảng Sơn")]),
    );
    await shoot(page, "search-former-district");

    await page.locator("#unit-search").fill("Đắk Nông");
    const province = page.getByRole("region", { name: "Tỉnh Đắk Nông cũ" });
    await expect(
      province
        .getByRole("button")
        .count()
        .then(async (n) =>
          n > 0 ? n : (await province.getByRole("button").first().waitFor(), province.getByRole("button").count()),
        ),
    ).resolves.toBe(28);
    await shoot(page, "search-former-province");
    await province.getByRole("button", { name: /Xã Quảng Khê/ }).click();
    await page.waitForURL(/\/m\/don-vi\/24631$/);
    await page
      .getByText(/Hôm nay là Ngày không hẹn/)
      .first()
      .waitFor();
    await close();
  }, 90_000);

  it("Kịp 15:00 không? at 10:00 after a synthetic morning: two at the counter, a 12–15 minute wait, and how it is estimated", async () => {
    const db = new Database(server.databaseUrl.replace(/^sqlite:/, ""), { fileMustExist: true });
    try {
      const officers = db
        .prepare("select id from users where unit_id = ? order by username")
        .all("24631@2025-07-01") as { id: string }[];
      const [a, b] = [officers[0]!.id, officers[1]!.id];
      const insert =
        db.prepare(`insert into dossiers (id, code, pre_registration_id, citizen_id, visit_id, receiving_unit_id, competent_unit_id, procedure_code,
        procedure_version_id, plan_id, track, track_reasons, state, received_at, due_date, original_due_date, assisted_writing, typed_by, checked_by_citizen,
        applicant_name, applicant_id_number, form_data, submitted_documents, case_flags, missing_documents, result_ready_at, returned_at, returned_to,
        notify_status, created_at, updated_at) values (?, ?, null, null, null, '24631@2025-07-01', '24631@2025-07-01', '1.004873', '1.004873@2025-07-01',
        null, 'same-day', '[]', ?, ?, '2026-12-02', '2026-12-02', 1, ?, 1, 'Người Thử', null, '{}', '[]', '[]', '[]', null, null, null, 'pending', ?, ?)`);
      let n = 0;
      const add = (hm: string, officer: string, state = "received") =>
        insert.run(randomUUID(), `TEST-WAIT-${(n += 1)}`, state, utc(hm), officer, utc(hm), utc(hm));
      for (const hm of ["07:10", "07:22", "07:34", "07:46", "07:58", "09:02", "09:14"]) add(hm, a);
      for (const hm of ["07:30", "07:45", "08:00", "08:15", "09:40", "09:55"]) add(hm, b);
      add("09:50", a, "draft");
      add("09:58", b, "draft");
    } finally {
      db.close();
    }
    const { page, close } = await phone();
    await page.goto(`${server.url}/m/don-vi/24631`);
    const card = page.getByTestId("counter-wait");
    await card.getByRole("heading", { name: "Kịp 15:00 không?" }).waitFor();
    await card.getByText("Lúc 10:00, tại quầy có ít nhất 2 người đang được tiếp nhận.").waitFor();
    await card
      .getByText("Thời gian chờ ước tính: 12–15 phút (mỗi hồ sơ khoảng 12–15 phút, 2 cán bộ đang tiếp nhận).")
      .waitFor();
    await card.getByText("Nếu đến ngay, nhiều khả năng kịp nộp trước 15:00.").waitFor();
    await card.getByText("Cách ước tính").click();
    await card.getByText(/không dùng thông tin cá nhân/).waitFor();
    await shoot(page, "unit-counter-wait");
    await close();
  }, 90_000);

  it("a CCCD printed with Huyện Đắk Glong, Tỉnh Đắk Nông: the scan step offers 'xã Quảng Khê, tỉnh Lâm Đồng', kept as printed unless chosen", async () => {
    const { page, close } = await phone();
    await page.goto(
      `${server.url}/m/don-vi/24631/thu-tuc/1.004873/khai-truoc?fake-zalo=1&fake-scan=${encodeURIComponent(DAK_GLONG_CCCD)}`,
    );
    await page.getByRole("heading", { name: "Thông báo xử lý dữ liệu cá nhân" }).waitFor();
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Đồng ý và tiếp tục" }).last().click();
    // A tap during the page transition (~300 ms) can miss on a loaded machine: let each screen settle first.
    await page.locator('[data-step="for-whom"]').last().waitFor();
    await page.waitForTimeout(450);
    await page.getByRole("button", { name: "Cho chính tôi" }).last().click();
    await page.locator('[data-step="scan"]').last().waitFor();
    await page.waitForTimeout(450);
    await page.getByRole("button", { name: "Quét CCCD" }).last().click();
    const offer = page.getByTestId("address-offer");
    await offer.getByText(/Từ 01\/07\/2025 nơi này thuộc xã Quảng Khê, tỉnh Lâm Đồng/).waitFor();
    // The card's wording is the default: nothing is changed silently.
    await expect(offer.getByRole("radio", { name: /Giữ như trên thẻ/ }).isChecked()).resolves.toBe(true);
    await offer.getByRole("radio", { name: "Dùng địa chỉ mới: Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng" }).check();
    await shoot(page, "scan-address-offer");
    await page.getByRole("button", { name: "Đúng, dùng thông tin này" }).last().click();
    await page.locator('[data-step="recipientAgency"]').last().waitFor();
    const stored = String(await page.evaluate("JSON.stringify(localStorage)"));
    expect(stored).toContain("Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng");
    expect(stored).not.toContain("Huyện Đắk Glong");
    await close();
  }, 90_000);
});
