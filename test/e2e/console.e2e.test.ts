/**
 * The officer console in Debian Chromium against the real server (createApp over a migrated, seeded SQLite file,
 * the console built by its own build function), with the server's clock set by the test:
 * a pre-registered citizen on Wednesday 14:30 is finalised (officer actions counted), received, processed,
 * approved and returned the same day while the citizen checks on the mirror; at 15:05 the normal track with Mẫu 01
 * and its due date; a walk-in with a CCCD QR; an incomplete dossier yields Mẫu 02; a counter officer cannot
 * approve; an officer of another unit cannot see the dossier. Every printed form is checked as PDF text.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser, Page } from "playwright-core";
import {
  at,
  consoleClient,
  createOfficer,
  NAM_DA,
  QUANG_KHE,
  WEDNESDAY,
  type ConsoleServer,
} from "../console/helpers/console-server.js";
import {
  CCCD_NGUYEN_VAN_THU,
  CCCD_TRAN_THI_MAU,
  maritalForm,
  maritalIntake,
} from "../console/helpers/intake-fixtures.js";
import { popplerAvailable } from "../console/helpers/pdf-text.js";
import { describeWithChromium } from "./helpers/chromium-launch.js";
import { startConsoleE2e, type ConsoleE2e } from "./helpers/console-e2e-server.js";
import { ActionCounter, preRegister, printedPdf, signIn, type Officer } from "./helpers/console-session.js";

const SHOTS = join(process.cwd(), "test-output", "console-e2e");

describeWithChromium("officer console in Chromium", () => {
  let e2e: ConsoleE2e | undefined;
  let s: ConsoleServer;
  let browser: Browser;
  let counter: Officer, processor: Officer, leader: Officer;
  const actionCounts: string[] = [];

  beforeAll(async () => {
    popplerAvailable();
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startConsoleE2e("console-e2e", at(WEDNESDAY, "08:00"));
    ({ s, browser } = e2e);
    await createOfficer(s.deps, "qk.motcua", "counter_officer", QUANG_KHE, { displayName: "Trần Thị Một Cửa" });
    await createOfficer(s.deps, "qk.xuly", "processing_officer", QUANG_KHE, { displayName: "Phạm Văn Xử Lý" });
    await createOfficer(s.deps, "qk.chutich", "leader", QUANG_KHE, { displayName: "Lê Văn Chủ Tịch" });
    await createOfficer(s.deps, "namda.motcua", "counter_officer", NAM_DA);
    counter = await signIn(browser, s.baseUrl, "qk.motcua");
    processor = await signIn(browser, s.baseUrl, "qk.xuly");
    // The leader approves on a phone.
    leader = await signIn(browser, s.baseUrl, "qk.chutich", { width: 390, height: 844 });
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
    if (actionCounts.length > 0) console.log(actionCounts.join("\n"));
  });

  const openIntake = async (page: Page) => {
    await page.getByRole("link", { name: "Tiếp nhận", exact: true }).click();
    await page.getByLabel("Quét mã").focus();
  };

  const openDossierFromQueue = async (page: Page, queue: string, code: string) => {
    await page.getByRole("link", { name: queue, exact: true }).click();
    await page.getByRole("link", { name: code }).click();
    await page.getByTestId("dossier-code").filter({ hasText: code }).waitFor();
  };

  const fire = async (page: Page, label: string, expectedState: string) => {
    await page.getByRole("button", { name: label, exact: true }).click();
    await expect(
      page.getByTestId("dossier-state").filter({ hasText: expectedState }).waitFor(),
    ).resolves.toBeUndefined();
  };

  it("pre-registered citizen on Wednesday 14:30: finalised in ≤ 6 officer actions, checked on the mirror, same-day to return", async () => {
    s.clock.set(at(WEDNESDAY, "14:30"));
    const preCode = await preRegister(s.baseUrl, "24631", "1.004873", maritalForm());
    const page = counter.page;
    await openIntake(page);

    // The citizen-facing screen, opened once for the counter and paired by its code.
    const popup = page.waitForEvent("popup");
    await page.getByRole("button", { name: "Mở màn hình công dân" }).click();
    const mirror = await popup;
    await mirror.getByText("Xin chào ông/bà").or(mirror.getByTestId("mirror-line").first()).waitFor();
    await page.getByTestId("mirror-status").getByText("đã kết nối").waitFor();
    await page.getByLabel("Quét mã").focus();

    const actions = new ActionCounter(page);
    await actions.scan(`KH1:${preCode}`);
    await page.getByText(`Hồ sơ đăng ký trước ${preCode}`).waitFor();
    await expect(page.getByLabel("Họ, chữ đệm, tên người yêu cầu *").inputValue()).resolves.toBe("Nguyễn Văn Thử");
    await page.getByLabel("Quét mã").focus();
    await actions.scan(CCCD_NGUYEN_VAN_THU);
    await page.getByTestId("visit-identity").getByText("Nguyễn Văn Thử").waitFor();
    await expect(
      page
        .getByLabel(
          "Đã nhận: Hộ chiếu, Căn cước công dân, thẻ căn cước, căn cước điện tử hoặc giấy tờ có ảnh còn giá trị sử dụng",
        )
        .isChecked(),
    ).resolves.toBe(true);
    const decision = page.getByTestId("track-decision");
    await decision.getByText("Trả trong ngày").waitFor();
    await decision.getByText("Tiếp nhận lúc 14:30, trước 15:00").waitFor();

    // The mirror shows each field as typed, in large type; the citizen confirms.
    await mirror.getByTestId("mirror-line").filter({ hasText: "Hiện tại chưa đăng ký kết hôn với ai" }).waitFor();
    await mirror.getByRole("button", { name: "Thông tin trên là đúng" }).click();
    await page.getByText("Công dân đã xác nhận thông tin").waitFor();
    await page.screenshot({ path: join(SHOTS, "intake.png") });
    await mirror.screenshot({ path: join(SHOTS, "mirror.png") });

    await actions.click(page.getByRole("button", { name: "In tờ khai (F2)" }), "print form");
    const form = await printedPdf(page, "to-khai-1.004873");
    if (popplerAvailable()) {
      for (const t of [
        "TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Kính gửi(1): Ủy ban nhân dân xã Quảng Khê",
        "Họ, chữ đệm, tên người yêu cầu: Nguyễn Văn Thử",
        "Ngày, tháng, năm sinh: 15/06/1985",
        "Căn cước công dân số 067085000001, cấp ngày 20/04/2021",
        "Tình trạng hôn nhân(4): Hiện tại chưa đăng ký kết hôn với ai",
        "Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân(5): Để bổ sung hồ sơ vay vốn tại ngân hàng",
        "Tôi cam đoan những nội dung khai trên đây là đúng sự thật",
        "Người yêu cầu",
      ])
        expect(form.text).toContain(t);
    }
    await actions.click(page.getByRole("button", { name: "Tiếp nhận (F9)" }).first(), "receive");
    const result = page.getByTestId("receive-result");
    await result.waitFor();
    const code = (await page.getByTestId("result-code").textContent())!;
    expect(code).toMatch(/^000\.00\.\d{2}\.H98-250716-\d{4}$/);
    await expect(result.textContent()).resolves.toContain("16/07/2025");
    await expect(page.getByTestId("print-frame").count()).resolves.toBe(0);
    actionCounts.push(
      `goal officer actions to finalise a pre-entered 1.004873 dossier: ${actions.count} (≤ 6) ${actions.count <= 6 ? "ok" : "short"} [${actions.log.join(", ")}]`,
    );
    expect(actions.count).toBeLessThanOrEqual(6);
    const row = await s.deps.db.selectFrom("dossiers").selectAll().where("code", "=", code).executeTakeFirstOrThrow();
    expect(Number(row.checked_by_citizen)).toBe(1);
    expect(Number(row.assisted_writing)).toBe(1);
    const pre = await s.deps.db
      .selectFrom("pre_registrations")
      .select(["status", "dossier_id"])
      .where("code", "=", preCode)
      .executeTakeFirstOrThrow();
    expect(pre).toEqual({ status: "finalised", dossier_id: row.id });

    // Processing, approval on the leader's phone, result, return: all on Wednesday.
    s.clock.set(at(WEDNESDAY, "15:10"));
    await openDossierFromQueue(processor.page, "Xử lý", code);
    await fire(processor.page, "Chuyển giải quyết", "Đang giải quyết");
    await fire(processor.page, "Trình lãnh đạo duyệt", "Chờ lãnh đạo duyệt");

    // A counter officer cannot approve: no button, and the API refuses.
    await counter.page.goto(`${s.baseUrl}/console/ho-so/${row.id}`);
    await counter.page.getByTestId("dossier-state").filter({ hasText: "Chờ lãnh đạo duyệt" }).waitFor();
    await expect(counter.page.getByRole("button", { name: "Duyệt", exact: true }).count()).resolves.toBe(0);
    const csrf = await counter.page.evaluate(
      async () => ((await (await fetch("/console/api/session")).json()) as { csrfToken: string }).csrfToken,
    );
    const denied = await counter.page.request.post(`${s.baseUrl}/console/api/dossiers/${row.id}/events`, {
      data: { event: "approve" },
      headers: { "x-csrf-token": csrf },
    });
    expect(denied.status()).toBe(403);

    s.clock.set(at(WEDNESDAY, "15:40"));
    await leader.page.getByRole("link", { name: "Chờ duyệt", exact: true }).click();
    await leader.page.getByRole("link", { name: code }).waitFor();
    await leader.page.screenshot({ path: join(SHOTS, "leader-phone-queue.png") });
    await openDossierFromQueue(leader.page, "Chờ duyệt", code);
    await fire(leader.page, "Duyệt", "Đã duyệt");
    await processor.page.reload();
    await fire(processor.page, "Báo đã có kết quả", "Đã có kết quả");
    s.clock.set(at(WEDNESDAY, "16:20"));
    await counter.page.reload();
    await counter.page.getByRole("button", { name: "Trả kết quả", exact: true }).click();
    await expect(counter.page.getByLabel("Người nhận kết quả").inputValue()).resolves.toBe("Nguyễn Văn Thử");
    await counter.page.getByRole("button", { name: "Xác nhận" }).click();
    await counter.page.getByTestId("dossier-state").filter({ hasText: "Đã trả kết quả" }).waitFor();
    await counter.page.getByText("16:20 16/07/2025 cho Nguyễn Văn Thử").waitFor();
    await counter.page.getByTestId("viewed-by").getByText("Trần Thị Một Cửa xem").first().waitFor();
    await counter.page.screenshot({ path: join(SHOTS, "dossier-page.png"), fullPage: true });
    const kinds = await s.deps.db
      .selectFrom("outbox")
      .select("kind")
      .where("dossier_id", "=", row.id)
      .orderBy("created_at")
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(["receipt_issued", "result_ready", "returned"]);
  }, 120_000);

  it("the same at 15:05: normal track and a Mẫu 01 with the statutory due date and the status QR", async () => {
    s.clock.set(at(WEDNESDAY, "15:05"));
    const preCode = await preRegister(
      s.baseUrl,
      "24631",
      "1.004873",
      maritalForm({ requesterName: "Nguyễn Thị Ánh Tuyết", subjectName: "Nguyễn Thị Ánh Tuyết", subjectSex: "Nữ" }),
    );
    const page = counter.page;
    await openIntake(page);
    const actions = new ActionCounter(page);
    await actions.scan(preCode);
    await page.getByTestId("track-decision").getByText("Thông thường", { exact: true }).waitFor();
    await page
      .getByTestId("track-decision")
      .getByText(/Đã quá 15:00/)
      .waitFor();
    await page.getByLabel(/^Đã nhận: Hộ chiếu/).check();
    await actions.press("F9");
    await page.getByTestId("receive-result").waitFor();
    await expect(page.getByTestId("result-due").textContent()).resolves.toBe("21/07/2025");
    const code = (await page.getByTestId("result-code").textContent())!;
    const slip = await printedPdf(page, "mau-01");
    expect(slip.url).toMatch(/\/forms\/01\.pdf$/);
    if (popplerAvailable()) {
      for (const t of [
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        `Mã hồ sơ: ${code}`,
        "Nguyễn Thị Ánh Tuyết",
        "Nội dung yêu cầu giải quyết: Cấp Giấy xác nhận tình trạng hôn nhân",
        // 2025 layout (Circular 03/2025/TT-VPCP): no "Thời gian giải quyết" item; "6. Phí, lệ phí (nếu có)" numbered.
        "3. Thời gian nhận hồ sơ: 15 giờ 05 phút, ngày 16/07/2025",
        "6. Phí, lệ phí (nếu có)",
        "ngày 21/07/2025",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Trần Thị Một Cửa",
      ])
        expect(slip.text).toContain(t);
      // The status link under the QR (the line may wrap inside the URL).
      expect(slip.text.replace(/\s/g, "")).toMatch(
        new RegExp(`/tra-cuu\\?code=${code.replace(/\./g, "\\.")}&t=[\\w-]{16}`),
      );
    }
    await page.keyboard.press("Escape");
  }, 60_000);

  it("walk-in with a CCCD QR: identity scanned once fills the form; a second procedure in the same visit reuses it", async () => {
    s.clock.set(at(WEDNESDAY, "10:00"));
    const page = counter.page;
    await openIntake(page);
    await page.keyboard.insertText(CCCD_TRAN_THI_MAU);
    await page.keyboard.press("Enter");
    await page.getByTestId("visit-identity").getByText("Trần Thị Mẫu").waitFor();
    await page.getByRole("button", { name: /^1\.004873 / }).click();
    await expect(page.getByLabel("Họ, chữ đệm, tên người yêu cầu *").inputValue()).resolves.toBe("Trần Thị Mẫu");
    await expect(page.getByLabel("Ngày, tháng, năm sinh *").first().inputValue()).resolves.toBe("12/05/2001");
    await expect(page.getByLabel("Giới tính *").inputValue()).resolves.toBe("Nữ");
    await page.getByLabel("Tại *").first().fill("Cục Cảnh sát quản lý hành chính về trật tự xã hội");
    await page.getByLabel("Tại *").nth(1).fill("Cục Cảnh sát quản lý hành chính về trật tự xã hội");
    await page.getByLabel("Dân tộc *", { exact: true }).fill("Ê Đê");
    await page.getByLabel("Tình trạng hôn nhân *", { exact: true }).fill("Hiện tại chưa đăng ký kết hôn với ai");
    await page.getByLabel("Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân *").fill("Để làm thủ tục xin việc");
    await page.getByTestId("track-decision").getByText("Trả trong ngày").waitFor();
    await page.getByRole("button", { name: "Tiếp nhận (F9)" }).click();
    await page.getByTestId("receive-result").waitFor();
    const code = (await page.getByTestId("result-code").textContent())!;
    const row = await s.deps.db.selectFrom("dossiers").selectAll().where("code", "=", code).executeTakeFirstOrThrow();
    expect(row.applicant_name).toBe("Trần Thị Mẫu");
    expect(row.applicant_id_number).toBe("067301000002");
    expect(row.pre_registration_id).toBeNull();

    await page.getByRole("button", { name: "Thủ tục khác cho cùng công dân" }).click();
    await page.getByTestId("visit-identity").getByText("Trần Thị Mẫu").waitFor();
    await page.getByRole("button", { name: /^1\.004873 / }).click();
    await expect(page.getByLabel("Họ, chữ đệm, tên người yêu cầu *").inputValue()).resolves.toBe("Trần Thị Mẫu");
    await expect(page.getByLabel(/^Đã nhận: Hộ chiếu/).isChecked()).resolves.toBe(true);
  }, 60_000);

  it("an incomplete dossier yields Mẫu 02 listing what is missing", async () => {
    s.clock.set(at(WEDNESDAY, "10:30"));
    const preCode = await preRegister(
      s.baseUrl,
      "24631",
      "1.004873",
      maritalForm({
        requesterName: "Lê Văn Ví Dụ",
        subjectName: "Lê Văn Ví Dụ",
        maritalStatus: "Đã đăng ký kết hôn nhưng đã ly hôn",
      }),
    );
    const page = counter.page;
    await openIntake(page);
    await page.keyboard.insertText(preCode);
    await page.keyboard.press("Enter");
    await page.getByText(`Hồ sơ đăng ký trước ${preCode}`).waitFor();
    await page.getByRole("button", { name: "Thiếu giấy tờ – Mẫu 02" }).click();
    await page.getByLabel("Nội dung khác cần bổ sung (mỗi dòng một mục)").fill("Bản án ly hôn của Tòa án nhân dân");
    await page.getByRole("button", { name: "Lập và in Mẫu 02" }).click();
    const slip = await printedPdf(page, "mau-02");
    expect(slip.url).toMatch(/\/forms\/02\.pdf$/);
    if (popplerAvailable()) {
      for (const t of [
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "Lê Văn Ví Dụ",
        "Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau",
        "Hộ chiếu, Căn cước công dân",
        "Bản án ly hôn của Tòa án nhân dân",
        "NGƯỜI HƯỚNG DẪN",
      ]) {
        expect(slip.text).toContain(t);
      }
    }
    await page.keyboard.press("Escape");
    await page.getByText(/mã tham chiếu NHAP-/).waitFor();
  }, 60_000);

  it("an officer of another unit cannot see the dossier", async () => {
    s.clock.set(at(WEDNESDAY, "11:00"));
    const desk = await consoleClient(s.baseUrl);
    await desk.login("qk.motcua");
    const row = (
      await desk.json<{ dossierId: string; code: string }>("POST", "/console/api/intake/receive", maritalIntake())
    ).body;
    expect(row.code).toMatch(/-250716-/);
    const id = row.dossierId;
    const other = await signIn(browser, s.baseUrl, "namda.motcua");
    await other.page.goto(`${s.baseUrl}/console/ho-so/${id}`);
    await other.page.getByRole("alert").getByText("Không tìm thấy hồ sơ.").waitFor();
    await other.page.goto(`${s.baseUrl}/console/hang-doi/today`);
    await other.page.getByRole("heading", { name: /Hồ sơ hôm nay/ }).waitFor();
    await expect(other.page.getByText(row.code).count()).resolves.toBe(0);
    await other.context.close();
  }, 60_000);
});
