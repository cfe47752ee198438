/**
 * Citizen journeys of issue 15 on the mini app's production web build in Debian Chromium at 360×740, against the
 * real server (a child process with TEST_CLOCK=1 over a throwaway SQLite file).
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { maritalForm } from "../console/helpers/intake-fixtures.js";
import { consoleClient } from "../console/helpers/console-server.js";
import { counterDesk, demoPasswords } from "./helpers/counter-console.js";
import { describeWithChromium, launchChromium } from "./helpers/chromium-launch.js";
import { ensureMiniAppBuild } from "./helpers/mini-app-build.js";
import { PHONE, shoot } from "./helpers/phone-screenshots.js";
import { startServerProcess, type ServerProcess } from "./helpers/server-process.js";
import { waitUntil } from "../notify/helpers/wait-until.js";

/** A step's wait: generous, since CI runs these beside other suites on two cores; a wait only costs time on failure. */
const STEP_MS = 40_000;

describeWithChromium("mini app: journeys of issue 15 in Chromium", () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    await ensureMiniAppBuild();
    server = await startServerProcess();
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function phone(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    await context.route(/^https?:\/\/([^/]*\.)?(zadn|zdn|zalo)\.(vn|me)\//, (r) => r.abort());
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    return { context, page };
  }

  /** Rows of the server's SQLite file (read-only, beside the running server). */
  const rows = (sql: string, ...args: unknown[]): Record<string, unknown>[] => {
    const db = new Database(server.databaseUrl.replace(/^sqlite:/, ""), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...args) as Record<string, unknown>[];
    } finally {
      db.close();
    }
  };
  const deviceToken = async (page: Page) => String(await page.evaluate("localStorage.getItem('khonghen.deviceToken')"));
  const myList = async (token: string) =>
    (
      (await (
        await fetch(`${server.url}/api/pre-registrations?mine=1`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { items: { id: string; code: string }[] }
    ).items;

  const appUrl = (query = "unit=24631") => `${server.url}/m/?${query}&fake-zalo=1`;
  const button = (page: Page, name: string | RegExp) => page.getByRole("button", { name }).last();
  const sameDay = (page: Page, name: RegExp) =>
    page.locator('section[aria-labelledby="same-day-list"]').getByRole("button", { name }).last();

  it("over the lunch break of a scheme Wednesday: intake resumes at 13:30 and the procedures stay same-day", async () => {
    await server.setClock("2026-12-02T11:35:00+07:00");
    const { context, page } = await phone();
    await page.goto(appUrl());
    await page
      .getByText(
        "Hôm nay là Ngày không hẹn tại xã Quảng Khê. Đang nghỉ trưa, tiếp nhận lại lúc 13:30 — vẫn kịp trả trong ngày nếu nộp trước 15:00.",
      )
      .waitFor();
    expect(await page.getByText("đã qua giờ nhận hồ sơ trả trong ngày").count()).toBe(0);
    await shoot(page, "journeys-unit-lunch-break");
    await sameDay(page, /Cấp Giấy xác nhận tình trạng hôn nhân/).click();
    await page.getByText("Nộp đủ hồ sơ hôm nay: nhận kết quả trong ngày.").waitFor();
    await shoot(page, "journeys-procedure-lunch-break");
    const api = (await (await fetch(`${server.url}/api/units/24631/scheme`)).json()) as {
      intakeState: string;
      resumesAt: string;
    };
    expect(api).toMatchObject({ intakeState: "paused", resumesAt: "13:30" });
    await context.close();
  }, 150_000);

  it("'Xóa bản khai và làm lại từ đầu' erases the server copy: no row left, not in 'Hồ sơ của tôi', no resume banner", async () => {
    await server.setClock("2026-12-02T10:00:00+07:00");
    const { context, page } = await phone();
    await page.goto(appUrl());
    await sameDay(page, /Cấp Giấy xác nhận tình trạng hôn nhân/).click();
    await button(page, "Khai trước thông tin").click();
    await page.getByRole("checkbox").check();
    await button(page, "Đồng ý và tiếp tục").click();
    await page.locator('[data-step="for-whom"]').last().waitFor();
    await button(page, "Cho chính tôi").click();
    await page.locator('[data-step="scan"]').last().waitFor();
    // The draft reaches the server in the background (and the device's token with the first save): wait for it.
    let token = "";
    let draft: { id: string } | undefined;
    await waitUntil(
      async () => {
        token = await deviceToken(page);
        [draft] = token === "null" ? [] : ((await myList(token)) ?? []);
        return draft !== undefined;
      },
      "the draft saved on the server",
      STEP_MS,
    );
    expect(rows("select id from pre_registrations where id = ?", draft!.id)).toHaveLength(1);

    // Later, from the poster again: the saved draft is offered, and deleted.
    await page.goto(appUrl());
    await sameDay(page, /Cấp Giấy xác nhận tình trạng hôn nhân/).click();
    await button(page, "Khai trước thông tin").click();
    await page.getByText("Bạn đang tiếp tục bản khai đã lưu trên máy này.").waitFor();
    await page.getByRole("button", { name: "Xóa bản khai và làm lại từ đầu" }).click();
    await page.getByText("Đã xóa bản khai và mọi thông tin bạn đã nhập.").waitFor();
    await page.getByRole("heading", { name: "Thông báo xử lý dữ liệu cá nhân" }).waitFor();
    await shoot(page, "journeys-draft-erased");
    expect(rows("select id from pre_registrations where id = ?", draft!.id)).toEqual([]);
    expect(await myList(token)).toEqual([]);
    const audit = rows(
      "select action, fields, reason from audit_log where subject_id = ? and action = 'delete'",
      draft!.id,
    );
    expect(audit).toHaveLength(1);
    expect(String(audit[0]!.fields)).not.toContain("Quảng Khê");

    // A fresh start shows no "continuing" banner.
    await page.getByRole("checkbox").check();
    await button(page, "Đồng ý và tiếp tục").click();
    await button(page, "Cho chính tôi").waitFor();
    expect(await page.getByText("Bạn đang tiếp tục bản khai đã lưu trên máy này.").count()).toBe(0);
    await context.close();
  }, 200_000);

  it("a submitted pre-entry can be withdrawn from its ticket until the counter finalises it", async () => {
    await server.setClock("2026-12-02T10:00:00+07:00");
    const { context, page } = await phone();
    await page.goto(appUrl());
    await page
      .getByText(/Hôm nay là Ngày không hẹn/)
      .first()
      .waitFor();
    const device = (await (
      await fetch(`${server.url}/api/citizens/device`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      })
    ).json()) as { token: string };
    const token = device.token;
    await page.evaluate(`localStorage.setItem('khonghen.deviceToken', ${JSON.stringify(token)})`);
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}/api${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const consent = (await (await fetch(`${server.url}/api/consent`)).json()) as { version: string };
    const created = (await (
      await post("/pre-registrations", {
        unitCode: "24631",
        procedureCode: "1.004873",
        consent: { accepted: true, version: consent.version },
        formData: maritalForm(),
      })
    ).json()) as { id: string; code: string; missingFields?: string[] };
    const submitted = await post(`/pre-registrations/${created.id}/submit`, {});
    expect([submitted.status, created.missingFields]).toEqual([200, []]);

    await page.goto(appUrl(`ticket=${created.id}`));
    await page.getByTestId("ticket-code").getByText(created.code).waitFor();
    await button(page, "Rút bản khai").click();
    await page
      .getByText(`Rút bản khai sẽ xóa mọi thông tin bạn đã khai. Mã ${created.code} sẽ không dùng được nữa.`)
      .waitFor();
    await shoot(page, "journeys-withdraw-confirm");
    await button(page, "Rút và xóa bản khai").click();
    await page.getByText(`Đã rút bản khai ${created.code} và xóa thông tin đã khai.`).waitFor();
    await shoot(page, "journeys-withdrawn");
    expect(rows("select id from pre_registrations where id = ?", created.id)).toEqual([]);
    expect(await myList(token)).toEqual([]);
    await context.close();
  }, 200_000);

  it("/tra-cuu accepts the code on the ticket: its state without personal data, then the dossier it became", async () => {
    await server.setClock("2026-12-02T10:00:00+07:00");
    const device = (await (
      await fetch(`${server.url}/api/citizens/device`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      })
    ).json()) as { token: string };
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}/api${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${device.token}` },
        body: JSON.stringify(body),
      });
    const consent = (await (await fetch(`${server.url}/api/consent`)).json()) as { version: string };
    const created = (await (
      await post("/pre-registrations", {
        unitCode: "24631",
        procedureCode: "1.004873",
        consent: { accepted: true, version: consent.version },
        formData: maritalForm(),
      })
    ).json()) as { id: string; code: string };
    expect((await post(`/pre-registrations/${created.id}/submit`, {})).status).toBe(200);

    const { context, page } = await phone();
    const res = await page.goto(`${server.url}/tra-cuu?code=${encodeURIComponent(created.code.toLowerCase())}`);
    expect(res!.status()).toBe(200);
    await page.getByText("Đã gửi, chờ nộp tại Bộ phận Một cửa").waitFor();
    await page.getByText("Cấp Giấy xác nhận tình trạng hôn nhân (1.004873)").waitFor();
    const before = await page.textContent("body");
    for (const personal of ["Nguyễn Văn Thử", "067085000001", "Thôn 3"]) expect(before).not.toContain(personal);
    await page.screenshot({ path: "test-output/screenshots/journeys-tra-cuu-pre-entry.png", fullPage: true });

    const detail = (await (await fetch(`${server.url}/api/procedures/1.004873?unit=24631`)).json()) as {
      requiredDocuments: { id: string; always: boolean }[];
    };
    const desk = await counterDesk(
      server.url,
      server.output(),
      detail.requiredDocuments.filter((d) => d.always).map((d) => d.id),
    );
    const received = await desk.receive(created.code);
    await page.reload();
    await page.getByText("Đã tiếp nhận tại Bộ phận Một cửa").waitFor();
    await page.getByRole("heading", { name: `Hồ sơ ${received.code}` }).waitFor();
    await page.getByText("Ngày hẹn trả").waitFor();
    expect(await page.textContent("body")).not.toContain("Nguyễn Văn Thử");
    await page.screenshot({ path: "test-output/screenshots/journeys-tra-cuu-finalised.png", fullPage: true });

    const unknown = await page.goto(`${server.url}/tra-cuu?code=${encodeURIComponent("ACD-EFH-JK")}`);
    expect(unknown!.status()).toBe(404);
    await context.close();
  }, 200_000);

  it("the citizen reads the unit's answer to a complaint under 'Hồ sơ của tôi'", async () => {
    await server.setClock("2026-12-02T10:30:00+07:00");
    const { context, page } = await phone();
    await page.goto(appUrl());
    await page
      .getByText(/Hôm nay là Ngày không hẹn/)
      .first()
      .waitFor();
    const device = (await (
      await fetch(`${server.url}/api/citizens/device`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      })
    ).json()) as { token: string };
    await page.evaluate(`localStorage.setItem('khonghen.deviceToken', ${JSON.stringify(device.token)})`);
    const complaint = "Bảng hướng dẫn tại quầy chưa ghi giờ nhận hồ sơ trả trong ngày.";
    const sent = await fetch(`${server.url}/api/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ unitCode: "24631", kind: "complaint", text: complaint }),
    });
    expect(sent.status).toBe(201);
    const { id } = (await sent.json()) as { id: string };

    await button(page, "Hồ sơ của tôi").click();
    await page.getByTestId("my-feedback").getByText(complaint).waitFor();
    expect(await page.getByText("Trả lời của Bộ phận Một cửa").count()).toBe(0);

    const officer = await consoleClient(server.url);
    const password = demoPasswords(server.output()).get("quangkhe.motcua")!;
    expect((await officer.login("quangkhe.motcua", password)).ok).toBe(true);
    const answer = "Cảm ơn ông/bà, bảng hướng dẫn đã được bổ sung giờ nhận hồ sơ (đến 15:00).";
    const answered = await officer.json("POST", `/console/api/feedback/${id}/answer`, { answer });
    expect(answered.status).toBe(200);

    await page.goto(appUrl());
    await button(page, "Hồ sơ của tôi").click();
    const item = page.getByTestId("my-feedback").filter({ hasText: complaint });
    await item.getByText("Trả lời của Bộ phận Một cửa").waitFor();
    await item.getByText(answer).waitFor();
    await shoot(page, "journeys-my-feedback-answered");
    await context.close();
  }, 200_000);

  it("content: a favicon, a named back button, 'trong ngày' for a 0-day time limit, no doubled fee marker", async () => {
    await server.setClock("2026-12-02T10:00:00+07:00");
    const icon = await fetch(`${server.url}/favicon.ico`);
    expect([icon.status, icon.headers.get("content-type")]).toEqual([200, "image/svg+xml; charset=utf-8"]);
    const { context, page } = await phone();
    await page.goto(appUrl());
    await sameDay(page, /^Đăng ký biện pháp bảo đảm/).click();
    await page.getByText(/Thời hạn giải quyết theo quy định:/).waitFor();
    await page.getByText(/trong ngày \(nhận sau 15:00 thì trả ngày làm việc tiếp theo\)/).waitFor();
    expect(await page.getByText("0 ngày làm việc").count()).toBe(0);
    expect(await page.getByText("cần kiểm tra").count()).toBe(0);
    await page.getByRole("button", { name: "Quay lại" }).last().waitFor();
    await shoot(page, "journeys-procedure-0-day");
    await context.close();
  }, 150_000);
});
