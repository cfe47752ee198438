/**
 * Officer journeys of issue 15 in Debian Chromium at 1366×800, against the real server over a fresh SQLite file
 * with its clock set by the test: a pre-registered citizen received over the lunch break of a scheme Wednesday,
 * the officer keeping the same-day track with a recorded reason (audited).
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { at, createOfficer, QUANG_KHE, WEDNESDAY, type ConsoleServer } from "../console/helpers/console-server.js";
import { maritalForm } from "../console/helpers/intake-fixtures.js";
import { describeWithChromium } from "./helpers/chromium-launch.js";
import { startConsoleE2e, type ConsoleE2e } from "./helpers/console-e2e-server.js";
import { preRegister, signIn, type Officer } from "./helpers/console-session.js";

const SHOTS = join(process.cwd(), "test-output", "journeys-console");
const DESK = { width: 1366, height: 800 };

describeWithChromium("officer journeys (issue 15) in Chromium", () => {
  let e2e: ConsoleE2e | undefined;
  let s: ConsoleServer;
  let browser: Browser;
  let counter: Officer;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startConsoleE2e("journeys-console", at(WEDNESDAY, "08:00"));
    ({ s, browser } = e2e);
    await createOfficer(s.deps, "qk.motcua", "counter_officer", QUANG_KHE, { displayName: "Trần Thị Một Cửa" });
    await createOfficer(s.deps, "qk.quantri", "unit_admin", QUANG_KHE, { displayName: "Quản Trị Xã" });
    counter = await signIn(browser, s.baseUrl, "qk.motcua", DESK);
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  const openIntake = async () => {
    await counter.page.getByRole("link", { name: "Tiếp nhận", exact: true }).click();
    await counter.page.getByLabel("Quét mã").focus();
  };
  const scan = async (payload: string) => {
    await counter.page.keyboard.insertText(payload);
    await counter.page.keyboard.press("Enter");
  };

  it("over the lunch break: the board and the intake say when intake resumes; the officer keeps same-day with a reason, audited", async () => {
    s.clock.set(at(WEDNESDAY, "11:35"));
    const page = counter.page;
    await page.getByRole("link", { name: "Hôm nay", exact: true }).click();
    // The board may have been loaded before the clock moved: load it again at 11:35.
    await page.reload();
    await page
      .getByTestId("scheme-summary")
      .getByText("Đang nghỉ trưa, tiếp nhận lại lúc 13:30 — vẫn kịp trả trong ngày nếu nộp trước 15:00")
      .waitFor();
    await page.screenshot({ path: join(SHOTS, "board-lunch-break.png") });

    const preCode = await preRegister(s.baseUrl, "24631", "1.004873", maritalForm());
    await openIntake();
    await scan(preCode);
    await page.getByText(`Hồ sơ đăng ký trước ${preCode}`).waitFor();
    await page.getByLabel(/^Đã nhận: Hộ chiếu/).check();
    const decision = page.getByTestId("track-decision");
    await decision.getByText("Thông thường", { exact: true }).waitFor();
    const keep = page.getByTestId("pause-keep");
    await keep
      .getByText("Đang nghỉ trưa, tiếp nhận lại lúc 13:30 — vẫn kịp trả trong ngày nếu nộp trước 15:00.")
      .waitFor();
    await keep.getByLabel("Vẫn tiếp nhận trong giờ nghỉ và giữ trả kết quả trong ngày").check();
    await page.getByLabel("Lý do (được ghi nhật ký)").fill("Công dân ở thôn xa, cán bộ trực trưa");
    await decision.getByText("Trả trong ngày", { exact: true }).waitFor();
    await decision.getByText(/cán bộ giữ trả trong ngày \(lý do: Công dân ở thôn xa, cán bộ trực trưa\)/).waitFor();
    await page.screenshot({ path: join(SHOTS, "intake-lunch-break-kept.png") });
    await page.keyboard.press("F9");
    await page.getByTestId("receive-result").waitFor();
    await expect(page.getByTestId("result-due").textContent()).resolves.toBe("16/07/2025");
    const code = (await page.getByTestId("result-code").textContent())!;

    const row = await s.deps.db
      .selectFrom("dossiers")
      .select(["id", "track", "due_date"])
      .where("code", "=", code)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ track: "same-day", due_date: "2025-07-16" });
    const audit = await s.deps.db.selectFrom("audit_log").select(["reason"]).where("subject_id", "=", row.id).execute();
    expect(audit.map((a) => a.reason)).toContain(
      "Tiếp nhận trong giờ nghỉ, giữ trả trong ngày: Công dân ở thôn xa, cán bộ trực trưa",
    );
    const event = await s.deps.db
      .selectFrom("dossier_events")
      .select("data")
      .where("dossier_id", "=", row.id)
      .where("type", "=", "receive")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(event.data))).toMatchObject({
      keptSameDayDuringPause: "Công dân ở thôn xa, cán bộ trực trưa",
    });
  }, 90_000);

  it("without a reason, or after 17:00, the same-day track cannot be kept", async () => {
    s.clock.set(at(WEDNESDAY, "17:20"));
    const preCode = await preRegister(
      s.baseUrl,
      "24631",
      "1.004873",
      maritalForm({ requesterName: "Lê Thị Chiều", subjectName: "Lê Thị Chiều", subjectSex: "Nữ" }),
    );
    const page = counter.page;
    await openIntake();
    await scan(preCode);
    await page.getByTestId("track-decision").getByText("Thông thường", { exact: true }).waitFor();
    await page
      .getByTestId("track-decision")
      .getByText(/ngoài giờ làm việc/)
      .waitFor();
    expect(await page.getByTestId("pause-keep").count()).toBe(0);
  }, 60_000);

  it("F9 with the CCCD box unticked: asks 'Đã xem bản chính CCCD?' in the same step, then receives", async () => {
    s.clock.set(at(WEDNESDAY, "09:10"));
    const preCode = await preRegister(
      s.baseUrl,
      "24631",
      "1.004873",
      maritalForm({ requesterName: "Phan Văn Sáng", subjectName: "Phan Văn Sáng" }),
    );
    const page = counter.page;
    await openIntake();
    await scan(preCode);
    await page.getByText(`Hồ sơ đăng ký trước ${preCode}`).waitFor();
    await page.getByTestId("track-decision").getByText("Trả trong ngày", { exact: true }).waitFor();
    await page.keyboard.press("F9");
    const ask = page.getByRole("alertdialog", { name: "Đã xem bản chính CCCD?" });
    await ask.waitFor();
    await ask.getByText("067085000001").waitFor();
    await page.screenshot({ path: join(SHOTS, "intake-identity-check.png") });
    await page.keyboard.press("Enter");
    await page.getByTestId("receive-result").waitFor();
    await expect(page.getByTestId("result-due").textContent()).resolves.toBe("16/07/2025");
  }, 60_000);

  it("a scan before today's procedures have arrived waits for them instead of saying 'not received here today'", async () => {
    s.clock.set(at(WEDNESDAY, "09:15"));
    const preCode = await preRegister(s.baseUrl, "24631", "1.004873", maritalForm({ requesterName: "Vũ Văn Nhanh" }));
    const page = await counter.context.newPage();
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route("**/console/api/procedures", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${s.baseUrl}/console/tiep-nhan`);
    const lookup = page.waitForResponse((r) => r.url().endsWith("/console/api/intake/lookup"));
    await page.getByLabel("Quét mã").fill(preCode);
    await page.getByLabel("Quét mã").press("Enter");
    expect((await lookup).status()).toBe(200);
    release();
    await page.getByText(`Hồ sơ đăng ký trước ${preCode}`).waitFor();
    expect(await page.getByText("Đơn vị không tiếp nhận thủ tục của hồ sơ này hôm nay.").count()).toBe(0);
    await page.close();
  }, 60_000);

  it("F9 with another document unticked: the error names it and focus jumps to its box", async () => {
    s.clock.set(at(WEDNESDAY, "09:20"));
    const preCode = await preRegister(
      s.baseUrl,
      "24631",
      "1.004873",
      maritalForm({ requesterName: "Đỗ Thị Chiều", subjectName: "Đỗ Thị Chiều", subjectSex: "Nữ" }),
    );
    const page = counter.page;
    await openIntake();
    await scan(preCode);
    await page.getByText(`Hồ sơ đăng ký trước ${preCode}`).waitFor();
    const declaration = page.getByLabel(/^Đã nhận: Tờ khai cấp Giấy xác nhận tình trạng hôn nhân/);
    await declaration.uncheck();
    await page.keyboard.press("F9");
    await page
      .getByRole("alert")
      .getByText(/^Chưa đánh dấu đã nhận: Tờ khai cấp Giấy xác nhận tình trạng hôn nhân/)
      .waitFor();
    await expect(
      page.evaluate("document.activeElement && document.activeElement.getAttribute('aria-label')"),
    ).resolves.toMatch(/^Đã nhận: Tờ khai cấp Giấy xác nhận/);
    await page.screenshot({ path: join(SHOTS, "intake-missing-named.png") });
    expect(await page.getByRole("alertdialog").count()).toBe(0);
  }, 60_000);

  const printAndLeave = async () => {
    const page = counter.page;
    await page.keyboard.press("F2");
    await page.getByTestId("print-frame").waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("print-frame").waitFor({ state: "detached" });
    await page.getByRole("link", { name: "Hôm nay", exact: true }).click();
  };
  const dossiersOf = (preCode: string) =>
    s.deps.db
      .selectFrom("dossiers")
      .innerJoin("pre_registrations", "pre_registrations.id", "dossiers.pre_registration_id")
      .select(["dossiers.id", "dossiers.code", "dossiers.state"])
      .where("pre_registrations.code", "=", preCode)
      .execute();

  it("printing (F2), leaving and rescanning resumes the same draft; F9 receives it, nothing is left in 'Đang kê khai'", async () => {
    s.clock.set(at(WEDNESDAY, "09:40"));
    const preCode = await preRegister(
      s.baseUrl,
      "24631",
      "1.004873",
      maritalForm({ requesterName: "Vũ Văn Quay Lại", subjectName: "Vũ Văn Quay Lại" }),
    );
    const page = counter.page;
    await openIntake();
    await scan(preCode);
    await page.getByText(`Hồ sơ đăng ký trước ${preCode}`).waitFor();
    await printAndLeave();
    const [draft] = await dossiersOf(preCode);
    expect(draft).toMatchObject({ state: "draft" });

    await openIntake();
    await scan(preCode);
    await page.getByText(`Tiếp tục hồ sơ ${draft!.code}.`).waitFor();
    await page.screenshot({ path: join(SHOTS, "intake-resumed-draft.png") });
    await page.getByLabel(/^Đã nhận: Hộ chiếu/).check();
    await page.keyboard.press("F9");
    await page.getByTestId("receive-result").waitFor();
    const after = await dossiersOf(preCode);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: draft!.id, state: "received" });
  }, 60_000);

  it("'Đang kê khai' lets the officer continue a draft or discard it with a reason, audited", async () => {
    s.clock.set(at(WEDNESDAY, "09:50"));
    const preCode = await preRegister(
      s.baseUrl,
      "24631",
      "1.004873",
      maritalForm({ requesterName: "Hà Thị Bỏ Dở", subjectName: "Hà Thị Bỏ Dở", subjectSex: "Nữ" }),
    );
    const page = counter.page;
    await openIntake();
    await scan(preCode);
    await page.getByText(`Hồ sơ đăng ký trước ${preCode}`).waitFor();
    await printAndLeave();
    const [draft] = await dossiersOf(preCode);

    await page.getByRole("link", { name: "Đang kê khai", exact: true }).click();
    await page.getByRole("button", { name: `Tiếp tục ${draft!.code}` }).click();
    await page.getByText(`Tiếp tục hồ sơ ${draft!.code}.`).waitFor();
    await expect(page.getByLabel("Họ, chữ đệm, tên người yêu cầu *").inputValue()).resolves.toBe("Hà Thị Bỏ Dở");

    await page.getByRole("link", { name: "Đang kê khai", exact: true }).click();
    await page.getByRole("button", { name: `Bỏ bản nháp ${draft!.code}` }).click();
    await page.getByLabel("Lý do bỏ (được ghi nhật ký)").fill("Công dân không quay lại");
    await page.screenshot({ path: join(SHOTS, "drafts-discard.png") });
    await page.getByRole("button", { name: "Xác nhận bỏ" }).click();
    await page.getByText(`Đã bỏ bản nháp ${draft!.code}.`).waitFor();
    await page.getByTestId(`draft-${draft!.code}`).waitFor({ state: "detached" });
    expect(await page.getByTestId(`draft-${draft!.code}`).count()).toBe(0);
    expect(await dossiersOf(preCode)).toEqual([]);
    const audit = await s.deps.db
      .selectFrom("audit_log")
      .select(["action", "reason"])
      .where("subject_id", "=", draft!.id)
      .where("action", "=", "delete")
      .execute();
    expect(audit).toEqual([{ action: "delete", reason: `Bỏ bản nháp ${draft!.code}: Công dân không quay lại` }]);
  }, 60_000);

  it("a unit set to 'counter-to-leader': the counter officer submits a received dossier straight to the leader", async () => {
    s.clock.set(at(WEDNESDAY, "10:00"));
    const receiveOne = async (name: string) => {
      const preCode = await preRegister(
        s.baseUrl,
        "24631",
        "1.004873",
        maritalForm({ requesterName: name, subjectName: name }),
      );
      await openIntake();
      await scan(preCode);
      await counter.page.getByText(`Hồ sơ đăng ký trước ${preCode}`).waitFor();
      await counter.page.getByLabel(/^Đã nhận: Hộ chiếu/).check();
      await counter.page.keyboard.press("F9");
      await counter.page.getByTestId("receive-result").waitFor();
      await counter.page.getByRole("button", { name: "Mở hồ sơ" }).click();
      await counter.page.getByTestId("dossier-state").filter({ hasText: "Đã tiếp nhận" }).waitFor();
    };
    await receiveOne("Lý Văn Ba Bước");
    await counter.page.getByRole("button", { name: "Chuyển giải quyết", exact: true }).waitFor();
    expect(await counter.page.getByRole("button", { name: "Trình lãnh đạo duyệt", exact: true }).count()).toBe(0);

    const admin = await signIn(browser, s.baseUrl, "qk.quantri", DESK);
    await admin.page.getByRole("link", { name: "Thông tin đơn vị", exact: true }).click();
    await admin.page.getByRole("heading", { name: "Quy trình giải quyết" }).waitFor();
    await admin.page.getByLabel(/^Một cán bộ: cán bộ Một cửa vừa tiếp nhận vừa giải quyết/).check();
    await admin.page.getByRole("button", { name: "Áp dụng quy trình" }).click();
    await admin.page.getByText("Đã lưu quy trình giải quyết.").waitFor();
    await admin.page.screenshot({ path: join(SHOTS, "unit-workflow-setting.png"), fullPage: true });
    await admin.context.close();

    await receiveOne("Lý Văn Một Người");
    await counter.page.getByRole("button", { name: "Trình lãnh đạo duyệt", exact: true }).click();
    await counter.page.getByTestId("dossier-state").filter({ hasText: "Chờ lãnh đạo duyệt" }).waitFor();
    await counter.page.screenshot({ path: join(SHOTS, "counter-submitted-to-leader.png") });
    // No Zalo configuration on this server: the dossier says why nothing was sent.
    await counter.page.getByTestId("notify-status").getByText("Chưa gửi: hệ thống chưa kết nối Zalo").waitFor();
  }, 90_000);

  it("without Zalo configuration the unit admin is told plainly that citizens are not being notified, why, and what to configure", async () => {
    const admin = await signIn(browser, s.baseUrl, "qk.quantri", DESK);
    const notice = admin.page.getByTestId("zalo-not-connected");
    await notice.getByText("Người dân chưa được thông báo qua Zalo: hệ thống chưa kết nối Zalo.").waitFor();
    await notice.getByText(/ZALO_APP_ID và ZALO_APP_SECRET/).waitFor();
    await admin.page.screenshot({ path: join(SHOTS, "board-zalo-not-connected.png") });
    await admin.page.getByRole("link", { name: "Thông báo chưa gửi được", exact: true }).click();
    await admin.page.getByTestId("zalo-not-connected").waitFor();
    await admin.context.close();
    // The counter officer's board does not carry the admin's configuration notice.
    await counter.page.getByRole("link", { name: "Hôm nay", exact: true }).click();
    await counter.page.getByTestId("scheme-summary").waitFor();
    expect(await counter.page.getByTestId("zalo-not-connected").count()).toBe(0);
  }, 60_000);

  it("a CCCD printed before the 2025 reform: the officer is offered the address in today's units and accepts it with the citizen", async () => {
    s.clock.set(at(WEDNESDAY, "10:30"));
    const page = counter.page;
    await openIntake();
    await scan("067090000003||Hoàng Văn Cũ|01021990|Nam|Thôn 3, Xã Quảng Khê, Huyện Đắk Glong, Tỉnh Đắk Nông|10032021");
    await page.getByTestId("visit-identity").getByText("Hoàng Văn Cũ").waitFor();
    await page.getByRole("button", { name: /^1\.004873 / }).click();
    const residence = page.getByLabel("Nơi cư trú *").first();
    // Nothing changes by itself: the form keeps the card's wording until the officer chooses.
    await expect(residence.inputValue()).resolves.toBe("Thôn 3, Xã Quảng Khê, Huyện Đắk Glong, Tỉnh Đắk Nông");
    const offer = page.getByTestId("address-offer");
    await offer.getByText(/từ 01\/07\/2025 thuộc xã Quảng Khê, tỉnh Lâm Đồng/).waitFor();
    await page.screenshot({ path: join(SHOTS, "intake-address-offer.png") });
    await offer.getByRole("button", { name: "Dùng địa chỉ mới: Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng" }).click();
    await expect(residence.inputValue()).resolves.toBe("Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng");
    expect(await page.getByTestId("address-offer").count()).toBe(0);
  }, 60_000);
});
