/**
 * The whole journey of issue 21 in one browser test, against the real server (a child process with TEST_CLOCK=1,
 * real Redis for the notification queues, the Zalo hosts and the Graph API as local stand-ins) in Debian Chromium:
 * the unit's printed QR poster is decoded → the Mini App (360×740) opens at that unit inside "Zalo" → the citizen
 * pre-enters 1.004873 with a CCCD scan and gets a ticket → the counter officer (quangkhe.motcua, console 1366×800)
 * scans the ticket's QR, checks, prints the declaration (PDF text: the name as scanned) and receives on a scheme
 * Wednesday at 10:00: same-day track → processing (quangkhe.xuly, API) → the leader (quangkhe.chutich) approves in
 * the console → result ready and returned → the Zalo stand-in got exactly one notification for the dossier (the
 * Mini App slot of a same-day dossier goes to its result, docs/zalo.md#mini-app-notification) → the citizen opens it
 * and rates "Hài lòng" → the month report counts one same-day dossier written on the citizen's behalf.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ensureConsoleBuilt } from "../../bot-server/console-app/build.js";
import { flatPdfText } from "../console/helpers/pdf-text.js";
import { requireRedis } from "../helpers/databases.js";
import { adminQuery } from "../helpers/pg-admin.js";
import { decodeQrPng, pdfPageToPng } from "../helpers/qr-decode.js";
import { startGraphStandIn, type GraphStandIn } from "../helpers/zalo-graph-stand-in.js";
import { startZaloStandIn, type Captured, type ZaloStandIn } from "../helpers/zalo-openapi-stand-in.js";
import { describeWithChromium, launchChromium } from "./helpers/chromium-launch.js";
import { counterDesk, demoPasswords } from "./helpers/counter-console.js";
import { printedPdf, signIn, type Officer } from "./helpers/console-session.js";
import { ensureMiniAppBuild } from "./helpers/mini-app-build.js";
import { PHONE, shoot } from "./helpers/phone-screenshots.js";
import { startServerProcess, type ServerProcess } from "./helpers/server-process.js";

const WEDNESDAY_10 = "2026-12-02T10:00:00+07:00";
const DESK = { width: 1366, height: 800 };
// A wait costs time only on failure; beside other suites on two cores a step may need far more than usual.
const STEP_MS = 40_000;
const SHOTS = join(process.cwd(), "test-output", "whole-journey");
const MINIAPP_ID = "3011223344556677889";
/** The citizen inside Zalo: the access token the Mini App gets, and the Zalo user the Graph stand-in says it is. */
const ZALO_TOKEN = "AT-whole-journey";
const ZALO_USER = "5000000000000000001";
/** A synthetic chip-ID QR (docs/domain/personal-data.md#cccd-qr-payload), no real person's data. */
const NAME = "Lê Thị Hành Trình";
const CCCD = `067190000042|245000042|${NAME}|03041990|Nữ|Thôn 3, Xã Nam Đà, Huyện Krông Nô, Tỉnh Đắk Nông|10052022`;

const redisUrl = requireRedis();
const describeJourney = redisUrl ? describeWithChromium : describe.skip;
const PG_URL = process.env.PG_URL;
if (!PG_URL && process.env.REQUIRE_POSTGRES === "1") throw new Error("whole journey: REQUIRE_POSTGRES=1 but no PG_URL");
if (!PG_URL) console.warn("whole journey on PostgreSQL SKIPPED: PG_URL not set");

/** Waits (polling, never a fixed sleep) until `check` returns a value. */
async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = STEP_MS): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** On SQLite (a file) or PostgreSQL (a fresh schema on PG_URL), the same journey. */
function journeyOn(dialect: "SQLite" | "PostgreSQL"): void {
  describeJourney(`the whole journey in one browser test (issue 21), ${dialect}`, () => {
    let zalo: ZaloStandIn;
    let graph: GraphStandIn;
    let server: ServerProcess;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    const schema = `journey_${randomBytes(4).toString("hex")}`;

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      await ensureMiniAppBuild();
      await ensureConsoleBuilt();
      zalo = await startZaloStandIn();
      graph = await startGraphStandIn(zalo.appSecret);
      graph.users.set(ZALO_TOKEN, ZALO_USER);
      const database: Record<string, string> = {};
      if (dialect === "PostgreSQL") {
        await adminQuery(PG_URL!, `create schema ${schema}`);
        const url = new URL(PG_URL!);
        url.searchParams.set("options", `-c search_path=${schema}`);
        database.DATABASE_URL = url.toString();
      }
      server = await startServerProcess({
        ...database,
        REDIS_URL: redisUrl!,
        NOTIFY_QUEUE_PREFIX: `khonghen-journey-${randomBytes(4).toString("hex")}`,
        NOTIFY_WORKERS: "1",
        ZALO_APP_ID: zalo.appId,
        ZALO_APP_SECRET: zalo.appSecret,
        ZALO_OA_ID: zalo.oaId,
        ZALO_OA_SECRET_KEY: zalo.oaSecretKey,
        ZALO_OA_REFRESH_TOKEN: zalo.seedRefreshToken,
        ZALO_OPENAPI_BASE: zalo.url,
        ZALO_OAUTH_BASE: zalo.url,
        ZALO_BUSINESS_BASE: zalo.url,
        ZALO_GRAPH_BASE: graph.baseUrl,
        ZALO_MINIAPP_ID: MINIAPP_ID,
        NOTIFY_MINIAPP_API_KEY: "whole-journey-key",
        NOTIFY_MINIAPP_TEMPLATE_ID: "00126fd75392bacce383",
        NOTIFY_MINIAPP_OPENAPI_BASE: zalo.url,
      });
      await server.setClock(WEDNESDAY_10);
      browser = await launchChromium();
    }, 240_000);

    afterAll(async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser?.close();
      await server?.stop();
      await graph?.close();
      await zalo?.close();
      if (dialect === "PostgreSQL") await adminQuery(PG_URL!, `drop schema if exists ${schema} cascade`);
    });

    async function phonePage(): Promise<Page> {
      const context = await browser.newContext({
        viewport: PHONE,
        deviceScaleFactor: 2,
        locale: "vi-VN",
        timezoneId: "Asia/Ho_Chi_Minh",
      });
      contexts.push(context);
      await context.route(/^https?:\/\/([^/]*\.)?(zadn|zdn|zalo)\.(vn|me)\//, (r) => r.abort());
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_MS);
      return page;
    }

    async function officer(username: string): Promise<Officer> {
      const password = demoPasswords(server.output()).get(username);
      if (!password) throw new Error(`no printed password for ${username}`);
      const o = await signIn(browser, server.url, username, DESK, password);
      contexts.push(o.context);
      o.page.setDefaultTimeout(STEP_MS);
      return o;
    }

    /** What Zalo hands the Mini App for a zalo.me/s/<id>/<path>?<query> link, opened on the web build with the fake bridge. */
    const miniAppUrl = (zaloLink: string, extra: Record<string, string> = {}) => {
      const link = new URL(zaloLink);
      const prefix = `/s/${MINIAPP_ID}/`;
      expect([link.origin, link.pathname.startsWith(prefix)]).toEqual(["https://zalo.me", true]);
      const query = new URLSearchParams(link.search);
      for (const [k, v] of Object.entries({ "fake-zalo": "1", "fake-zalo-token": ZALO_TOKEN, ...extra }))
        query.set(k, v);
      return `${server.url}/m/${link.pathname.slice(prefix.length)}?${query}`;
    };
    const button = (page: Page, name: string | RegExp) => page.getByRole("button", { name }).last();
    const step = (page: Page, id: string) => page.locator(`[data-step="${id}"]`).last().waitFor();
    const allSent = (): Captured[] =>
      zalo.accepted.filter((c) => ["cs", "uid_template", "zns", "miniapp"].includes(c.route));

    it("poster QR → Mini App → ticket → counter → leader → one notification → rating → month report", async () => {
      const started = Date.now();
      const laps: string[] = [];
      let lapStart = started;
      /** Where the time goes, printed at the end. */
      const lap = (what: string) => {
        const now = Date.now();
        laps.push(`${what} ${((now - lapStart) / 1000).toFixed(1)} s`);
        lapStart = now;
      };

      // The counter officer and the leader sign in at the start of the day, while the citizen is on the phone.
      const officers = Promise.all([officer("quangkhe.motcua"), officer("quangkhe.chutich")]);
      officers.catch(() => undefined); // awaited at the counter; a failure surfaces there

      // 1. The unit's printed poster, as a phone camera sees it: its one QR opens the Mini App at Quảng Khê.
      const posterRes = await fetch(`${server.url}/don-vi/24631/poster.pdf`);
      expect(posterRes.status).toBe(200);
      const poster = Buffer.from(await posterRes.arrayBuffer());
      expect(flatPdfText(poster)).toContain("XÃ QUẢNG KHÊ");
      const posterQr = await decodeQrPng(pdfPageToPng(poster, 100));
      expect(posterQr).toEqual([`https://zalo.me/s/${MINIAPP_ID}/?unit=24631`]);

      lap("poster");
      // 2. The Mini App at that unit, on the scheme Wednesday at 10:00.
      const phone = await phonePage();
      await phone.goto(miniAppUrl(posterQr[0]!, { "fake-scan": CCCD }));
      await phone.getByText("Hôm nay là Ngày không hẹn tại xã Quảng Khê: còn 5 giờ đến 15:00.").waitFor();
      await shoot(phone, "journey-unit");

      lap("mini-app opened");
      // 3. Pre-entry of 1.004873 with a CCCD scan.
      await phone
        .locator('section[aria-labelledby="same-day-list"]')
        .getByRole("button", { name: /Cấp Giấy xác nhận tình trạng hôn nhân/ })
        .last()
        .click();
      await button(phone, "Khai trước thông tin").click();
      await phone.getByRole("checkbox").check();
      await button(phone, "Đồng ý và tiếp tục").click();
      await step(phone, "for-whom");
      await button(phone, "Cho chính tôi").click();
      await step(phone, "scan");
      await button(phone, "Quét CCCD").click();
      await step(phone, "scan-confirm");
      await phone.getByText(NAME).waitFor();
      await button(phone, "Đúng, dùng thông tin này").click();
      await step(phone, "recipientAgency");
      await button(phone, "Tiếp tục").click();
      await step(phone, "requesterIdType");
      await phone.locator("#f-requesterIdIssuer").fill("Cục Cảnh sát quản lý hành chính về trật tự xã hội");
      await button(phone, "Tiếp tục").click();
      await step(phone, "subjectEthnicity");
      await button(phone, "Kinh").click();
      await button(phone, "Tiếp tục").click();
      await step(phone, "maritalStatus");
      await button(phone, "Hiện tại chưa đăng ký kết hôn với ai").click();
      await button(phone, "Tiếp tục").click();
      await step(phone, "purpose");
      await phone.locator("#f-purpose").fill("Bổ sung hồ sơ vay vốn tại ngân hàng");
      await button(phone, "Tiếp tục").click();
      await step(phone, "check");
      await button(phone, "Gửi thông tin").click();

      lap("pre-entry");
      // 4. The ticket; the citizen accepts result messages (recorded by the server before going on).
      const ticketCode = phone.getByTestId("ticket-code");
      await ticketCode.waitFor();
      const preCode = (await ticketCode.textContent())!.trim();
      const optIn = phone.waitForResponse((r) => r.url().endsWith("/api/citizens/me/notifications"));
      await button(phone, "Nhận thông báo khi có kết quả").click();
      expect((await optIn).status()).toBe(204);
      await phone.getByText("Bạn sẽ nhận tin nhắn Zalo khi có kết quả.").waitFor();
      const ticketQr = await decodeQrPng(await phone.locator("img.kh-qr").screenshot());
      expect(ticketQr).toEqual([`KH1:${preCode}`]);
      await shoot(phone, "journey-ticket");

      lap("ticket");
      // 5. The counter officer scans the ticket, checks the ID document, prints the declaration, receives.
      const [counter, leader] = await officers;
      const desk = counter.page;
      await desk.getByRole("link", { name: "Tiếp nhận", exact: true }).click();
      // The intake page is open (today's procedures listed); a USB scanner types the ticket's QR payload and Enter.
      await desk.getByRole("button", { name: /^1\.004873 / }).waitFor();
      const scanBox = desk.getByLabel("Quét mã");
      await scanBox.fill(ticketQr[0]!);
      await scanBox.press("Enter");
      await desk.getByText(`Hồ sơ đăng ký trước ${preCode}`).waitFor();
      expect(await desk.getByLabel("Họ, chữ đệm, tên người yêu cầu *").inputValue()).toBe(NAME);
      await desk.getByLabel(/^Đã nhận: Hộ chiếu/).check();
      const decision = desk.getByTestId("track-decision");
      await decision.getByText("Trả trong ngày", { exact: true }).waitFor();
      await desk.screenshot({ path: join(SHOTS, "counter-intake.png") });
      await desk.getByRole("button", { name: "In tờ khai (F2)" }).click();
      const declaration = await printedPdf(desk, "whole-journey-to-khai");
      expect(declaration.text).toContain("TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN");
      expect(declaration.text).toContain(`Họ, chữ đệm, tên người yêu cầu: ${NAME}`);
      await desk.getByRole("button", { name: "Tiếp nhận (F9)" }).first().click();
      await desk.getByTestId("receive-result").waitFor();
      const dossierCode = (await desk.getByTestId("result-code").textContent())!;
      expect(await desk.getByTestId("result-due").textContent()).toBe("02/12/2026");
      await desk.getByRole("button", { name: "Mở hồ sơ" }).click();
      await desk.getByTestId("dossier-code").filter({ hasText: dossierCode }).waitFor();
      const dossierId = new URL(desk.url()).pathname.split("/").pop()!;

      lap("counter");
      // 6. Same-day track: processed, approved by the leader in the console, result ready and returned.
      const api = await counterDesk(server.url, server.output(), []);
      await server.setClock("2026-12-02T10:40:00+07:00");
      expect(await api.fire(dossierId, "start_processing", "processor")).toBe("processing");
      expect(await api.fire(dossierId, "submit_for_approval", "processor")).toBe("awaiting_approval");
      await server.setClock("2026-12-02T11:05:00+07:00");
      await leader.page.getByRole("link", { name: "Chờ duyệt", exact: true }).click();
      await leader.page.getByRole("link", { name: dossierCode }).click();
      await leader.page.getByRole("button", { name: "Duyệt", exact: true }).click();
      await leader.page.getByTestId("dossier-state").filter({ hasText: "Đã duyệt" }).waitFor();
      await leader.page.screenshot({ path: join(SHOTS, "leader-approved.png") });
      expect(await api.fire(dossierId, "mark_result_ready", "processor")).toBe("result_ready");
      await server.setClock("2026-12-02T14:10:00+07:00");
      await desk.reload();
      await desk.getByRole("button", { name: "Trả kết quả", exact: true }).click();
      expect(await desk.getByLabel("Người nhận kết quả").inputValue()).toBe(NAME);
      await desk.getByRole("button", { name: "Xác nhận" }).click();
      await desk.getByTestId("dossier-state").filter({ hasText: "Đã trả kết quả" }).waitFor();

      lap("processing and approval");
      // 7. The Zalo stand-in received exactly one notification for the dossier: its result, in the Mini App slot.
      const [notice] = await zalo.waitFor("miniapp", 1, STEP_MS);
      const notifications = await until("every notification of the dossier settled", async () => {
        const r = await desk.request.get(`${server.url}/console/api/dossiers/${dossierId}`);
        const body = (await r.json()) as { notifications: { kind: string; status: string }[] };
        const settled = body.notifications.every((n) => ["sent", "not_notified", "dead"].includes(n.status));
        return settled && body.notifications.length >= 3 ? body.notifications : undefined;
      });
      expect(notifications.map((n) => [n.kind, n.status]).sort()).toEqual([
        ["receipt_issued", "not_notified"],
        ["result_ready", "sent"],
        ["returned", "not_notified"],
      ]);
      expect(allSent()).toHaveLength(1);
      expect(notice!.recipient).toBe(ZALO_USER);
      const templateData = (notice!.body as { templateData: { buttonUrl: string } }).templateData;
      expect(templateData.buttonUrl).toBe(`https://zalo.me/s/${MINIAPP_ID}/ho-so/${encodeURIComponent(dossierCode)}`);

      lap("notification");
      // 8. The citizen opens the notification and rates "Hài lòng".
      await phone.goto(miniAppUrl(templateData.buttonUrl));
      await phone.getByRole("heading", { name: "Bạn có hài lòng với việc giải quyết hồ sơ?" }).waitFor();
      await phone.getByRole("radio", { name: "Hài lòng", exact: true }).check();
      await button(phone, "Gửi đánh giá").click();
      await phone.getByTestId("rating-done").waitFor();
      await shoot(phone, "journey-rated");

      lap("rating");
      // 9. The month report: one same-day dossier, written on the citizen's behalf, done the same day, rated.
      await server.setClock("2026-12-02T16:30:00+07:00");
      const report = leader.page;
      await report.getByRole("link", { name: "Báo cáo", exact: true }).click();
      await report.getByLabel("Kỳ báo cáo").selectOption("month");
      await report.getByLabel("Ngày trong kỳ").fill("02/12/2026");
      await report.getByRole("button", { name: "Xem báo cáo" }).click();
      await report.getByTestId("report").getByText("Tháng 12/2026").waitFor();
      const figure = async (key: string) =>
        (await report.locator(`tr[data-figure="${key}"]`).locator("td").nth(2).textContent())!.trim();
      const figures: Record<string, string> = {};
      for (const key of [
        "received",
        "preEntered",
        "sameDay",
        "sameDayDone",
        "assisted",
        "notifiedMiniapp",
        "ratingSatisfied",
      ])
        figures[key] = await figure(key);
      expect(figures).toEqual({
        received: "1",
        preEntered: "1",
        sameDay: "1",
        sameDayDone: "1",
        assisted: "1",
        notifiedMiniapp: "1",
        ratingSatisfied: "1",
      });
      await report.screenshot({ path: join(SHOTS, "report-month.png") });
      lap("report");
      console.log(`whole journey: ${((Date.now() - started) / 1000).toFixed(1)} s after start-up (${laps.join(", ")})`);
    }, 240_000);
  });
}

journeyOn("SQLite");
if (PG_URL) journeyOn("PostgreSQL");
