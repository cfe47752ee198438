/**
 * The console's follow-up screens in Debian Chromium against the real server (createApp over a migrated, seeded
 * SQLite file): the unit admin finds a notification that could not be delivered, sees on the dossier that the
 * citizen was not told and what each attempt answered, and sends it again; a counter officer answers a citizen's
 * complaint from "Ý kiến người dân"; a citizen waiting for an officer is marked handled and leaves the nav badge.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { insertFeedback } from "../../bot-server/src/store/feedback.js";
import { appendDossierEvent } from "../../bot-server/src/store/dossiers.js";
import type { DatabaseHandle } from "../../bot-server/src/store/connect.js";
import { recordInteraction, updateConversation } from "../../bot-server/src/store/conversations.js";
import { at, createOfficer, QUANG_KHE, WEDNESDAY, type ConsoleServer } from "../console/helpers/console-server.js";
import { insertDeadLetter } from "../console/helpers/dead-letter-rows.js";
import { insertDossier } from "../helpers/dossier-rows.js";
import { describeWithChromium } from "./helpers/chromium-launch.js";
import { startConsoleE2e, type ConsoleE2e } from "./helpers/console-e2e-server.js";
import { signIn } from "./helpers/console-session.js";

const SHOTS = join(process.cwd(), "test-output", "console-e2e");

describeWithChromium("console follow-up screens in Chromium", () => {
  let e2e: ConsoleE2e | undefined;
  let db: DatabaseHandle;
  let s: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    e2e = await startConsoleE2e("console-notices-e2e", at(WEDNESDAY, "11:00"));
    ({ db, s, browser } = e2e);
    await createOfficer(s.deps, "qk.quantri", "unit_admin", QUANG_KHE, { displayName: "Đỗ Thị Quản Trị" });
    await createOfficer(s.deps, "qk.motcua", "counter_officer", QUANG_KHE, { displayName: "Trần Thị Một Cửa" });
  }, 120_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it("the unit admin sees a notification that was not delivered, its history on the dossier, and sends it again", async () => {
    const code = "000.00.24.H41-250716-0901";
    const dossierId = await insertDossier(db.db, {
      code,
      state: "result_ready",
      receivingUnitId: QUANG_KHE,
      receivedAt: "2025-07-16T01:00:00.000Z",
      dueDate: WEDNESDAY,
    });
    const outboxId = await insertDeadLetter(db.db, {
      dossierId,
      errors: ["http_500", "-230"],
      at: "2025-07-16T03:00:00.000Z",
    });
    const admin = await signIn(browser, s.baseUrl, "qk.quantri");
    const page = admin.page;

    await page.getByRole("link", { name: "Thông báo chưa gửi được", exact: true }).click();
    const row = page.getByTestId("dead-letters").locator(`tr[data-outbox="${outboxId}"]`);
    for (const text of [code, "Báo đã có kết quả", "-230: người dân không nhận được qua kênh này", "16/07/2025 10:01"])
      await row.getByText(text).waitFor();

    await row.getByRole("link", { name: code }).click();
    await page.getByTestId("notify-status").getByText("Chưa thông báo được cho người dân").waitFor();
    const history = page.getByTestId("delivery-history");
    await history.getByText("HTTP 500: Zalo tạm thời lỗi").waitFor();
    await expect(history.locator("tbody tr").count()).resolves.toBe(2);
    await page.screenshot({ path: join(SHOTS, "dossier-delivery-history.png"), fullPage: true });

    await page.getByRole("link", { name: "Thông báo chưa gửi được", exact: true }).click();
    await page.screenshot({ path: join(SHOTS, "dead-letters.png") });
    await row.getByRole("button", { name: "Gửi lại" }).click();
    await page
      .getByRole("status")
      .getByText(`Đã đưa thông báo “Báo đã có kết quả” của hồ sơ ${code} vào hàng gửi lại.`)
      .waitFor();
    await page.getByText("Không có thông báo nào chưa gửi được.").waitFor();
    const outbox = await db.db
      .selectFrom("outbox")
      .select(["status", "attempts"])
      .where("id", "=", outboxId)
      .executeTakeFirstOrThrow();
    expect(outbox).toEqual({ status: "pending", attempts: 0 });
    await admin.context.close();
  }, 60_000);

  it("a webhook the province's system refused at every attempt is the unit's dead letter, named for what it is, and goes again", async () => {
    const code = "000.00.24.H41-250716-0902";
    const dossierId = await insertDossier(db.db, {
      code,
      receivingUnitId: QUANG_KHE,
      receivedAt: "2025-07-16T01:00:00.000Z",
      dueDate: WEDNESDAY,
    });
    const event = await appendDossierEvent(db.db, {
      dossierId,
      type: "receive",
      fromState: null,
      toState: "received",
      actorId: null,
      actorRole: null,
      at: "2025-07-16T01:00:00.000Z",
      data: {},
    });
    const outboxId = await insertDeadLetter(db.db, {
      dossierId: null,
      eventId: event.id,
      kind: "tthc_webhook",
      channel: "tthc_webhook",
      payload: { targetId: "t-1", unitId: QUANG_KHE, eventId: event.id, body: "{}" },
      errors: ["http_500", "network"],
      at: "2025-07-16T03:00:00.000Z",
    });
    const admin = await signIn(browser, s.baseUrl, "qk.quantri");
    const page = admin.page;
    await page.getByRole("link", { name: "Thông báo chưa gửi được", exact: true }).click();
    const row = page.getByTestId("dead-letters").locator(`tr[data-outbox="${outboxId}"]`);
    for (const text of [
      code,
      "Gửi sự kiện hồ sơ sang hệ thống TTHC của tỉnh",
      "network: không kết nối được hệ thống của tỉnh",
    ])
      await row.getByText(text).waitFor();
    await page.screenshot({ path: join(SHOTS, "dead-letters-webhook.png") });
    await row.getByRole("button", { name: "Gửi lại" }).click();
    await page.getByText("Không có thông báo nào chưa gửi được.").waitFor();
    const outbox = await db.db
      .selectFrom("outbox")
      .select(["status", "attempts"])
      .where("id", "=", outboxId)
      .executeTakeFirstOrThrow();
    expect(outbox).toEqual({ status: "pending", attempts: 0 });
    // The dossier's own notification state is not the webhook's.
    const dossier = await db.db
      .selectFrom("dossiers")
      .select("notify_status")
      .where("id", "=", dossierId)
      .executeTakeFirstOrThrow();
    expect(dossier.notify_status).not.toBe("not_notified");
    await admin.context.close();
  }, 60_000);

  it("a counter officer answers a complaint from the feedback page", async () => {
    const citizen = await recordInteraction(db.db, {
      oaUserId: "7100000000000000901",
      at: "2025-07-16T02:00:00.000Z",
      interacted: true,
      now: "2025-07-16T02:00:00.000Z",
    });
    const feedbackId = await insertFeedback(db.db, {
      dossierId: null,
      unitId: QUANG_KHE,
      citizenId: citizen.citizenId!,
      kind: "complaint",
      rating: null,
      text: "Bảng hướng dẫn tại quầy chưa ghi giờ nhận hồ sơ trả trong ngày.",
      status: "open",
      now: "2025-07-16T02:30:00.000Z",
    });
    const counter = await signIn(browser, s.baseUrl, "qk.motcua");
    const page = counter.page;

    await page.getByRole("link", { name: "Ý kiến người dân", exact: true }).click();
    const row = page.locator(`tr[data-feedback="${feedbackId}"]`);
    for (const text of [
      "Bảng hướng dẫn tại quầy chưa ghi giờ nhận hồ sơ trả trong ngày.",
      "Phản ánh",
      "16/07/2025 09:30",
    ])
      await row.getByText(text).waitFor();
    await row
      .getByLabel("Nội dung trả lời")
      .fill("Đơn vị đã bổ sung giờ nhận hồ sơ trên bảng hướng dẫn. Cảm ơn ông/bà.");
    await page.screenshot({ path: join(SHOTS, "feedback.png") });
    await row.getByRole("button", { name: "Gửi trả lời" }).click();
    await page.getByRole("status").getByText("Đã gửi trả lời; người dân được báo qua Zalo.").waitFor();
    // The answered complaint leaves the list of open ones once the list reloads.
    await row.waitFor({ state: "detached" });

    await page.getByLabel("Trạng thái").selectOption("answered");
    await row.getByText("Đơn vị đã bổ sung giờ nhận hồ sơ trên bảng hướng dẫn. Cảm ơn ông/bà.").waitFor();
    const saved = await db.db
      .selectFrom("feedback")
      .select(["status", "answer"])
      .where("id", "=", feedbackId)
      .executeTakeFirstOrThrow();
    expect(saved.status).toBe("answered");
    const notice = await db.db
      .selectFrom("outbox")
      .select(["kind", "payload"])
      .where("kind", "=", "feedback_answer")
      .execute();
    expect(notice.map((n) => JSON.parse(n.payload).feedbackId)).toEqual([feedbackId]);
    await counter.context.close();
  }, 60_000);

  it("a citizen waiting for an officer shows in the nav badge until marked handled", async () => {
    await recordInteraction(db.db, {
      oaUserId: "7100000000000000902",
      at: "2025-07-16T03:15:00.000Z",
      interacted: true,
      now: "2025-07-16T03:15:00.000Z",
    });
    await updateConversation(db.db, "7100000000000000902", {
      unitId: QUANG_KHE,
      needsHuman: true,
      at: "2025-07-16T03:15:00.000Z",
    });
    const counter = await signIn(browser, s.baseUrl, "qk.motcua");
    const page = counter.page;
    const nav = page.getByRole("link", { name: /^Cần hỗ trợ/ });
    await nav.getByText("1", { exact: true }).waitFor();

    await nav.click();
    await page.getByRole("heading", { name: "Người dân cần cán bộ hỗ trợ (1)" }).waitFor();
    await page
      .getByText(/Zalo OA Manager/)
      .first()
      .waitFor();
    const row = page.getByTestId("waiting-conversations").locator("tbody tr");
    for (const text of ["71••••0902", "16/07/2025 10:15"]) await row.getByText(text).waitFor();
    await expect(page.getByText("7100000000000000902").count()).resolves.toBe(0);
    await page.screenshot({ path: join(SHOTS, "conversations.png") });
    await row.getByRole("button", { name: "Đã xử lý" }).click();
    await page.getByText("Không có người dân nào đang chờ cán bộ.").waitFor();
    await nav.locator(".nav-count").waitFor({ state: "detached" });
    await counter.context.close();
  }, 60_000);

  it("the unit admin enters the office telephone the chatbot gives out; a wrong number is refused beside the field", async () => {
    const admin = await signIn(browser, s.baseUrl, "qk.quantri");
    const page = admin.page;
    await page.getByRole("link", { name: "Thông tin đơn vị", exact: true }).click();
    await page.getByRole("heading", { name: "Thông tin Bộ phận Một cửa" }).waitFor();
    await page.getByLabel("Số điện thoại").fill("12345");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.getByText(/Số điện thoại chưa đúng/).waitFor();
    await page.getByLabel("Số điện thoại").fill("0261 3544 123");
    await page.getByLabel("Địa chỉ").fill("Số 1 đường Hùng Vương, xã Quảng Khê");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page
      .getByRole("status")
      .getByText(/Đã lưu/)
      .waitFor();
    await page.getByText("Cập nhật lần cuối: 16/07/2025 11:00").waitFor();
    await page.screenshot({ path: join(SHOTS, "office-contact.png") });
    await admin.context.close();
    const counter = await signIn(browser, s.baseUrl, "qk.motcua");
    await counter.page.getByRole("link", { name: "Ý kiến người dân", exact: true }).waitFor();
    await expect(counter.page.getByRole("link", { name: "Thông tin đơn vị", exact: true }).count()).resolves.toBe(0);
    await counter.context.close();
  }, 60_000);
});
