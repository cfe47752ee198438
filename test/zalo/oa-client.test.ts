import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { systemClock } from "../../bot-server/src/clock.js";
import { createLog } from "../../bot-server/src/log.js";
import { createOaClient, type OaClient } from "../../bot-server/src/zalo/oa-client.js";
import { buildCsMessageBody, normalizePhone } from "../../bot-server/src/zalo/oa-requests.js";
import { createTokenStore } from "../../bot-server/src/zalo/token-store.js";
import { classifyTransport, classifyZaloCode } from "../../bot-server/src/zalo/zalo-error.js";
import { ZALO_ERRORS } from "../../shared/data/zalo-errors.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { startZaloStandIn, type ZaloStandIn } from "../helpers/zalo-openapi-stand-in.js";

const log = createLog("silent");
const USER = "2468458835296197922";

describe("Zalo error table", () => {
  it("classifies the documented codes", () => {
    expect(classifyZaloCode(-216).kind).toBe("token_expired");
    expect(classifyZaloCode(-220).kind).toBe("token_expired");
    expect(classifyZaloCode(-124).kind).toBe("token_expired");
    expect(classifyZaloCode(-32).kind).toBe("rate_limited");
    expect(classifyZaloCode(-230).kind).toBe("permanent_for_channel");
    expect(classifyZaloCode(-213).kind).toBe("permanent_for_channel");
    expect(classifyZaloCode(-133).kind).toBe("night_window");
    expect(classifyZaloCode(-144).kind).toBe("daily_limit");
    expect(classifyZaloCode(-240).kind).toBe("configuration");
    expect(classifyZaloCode(-99999).kind).toBe("permanent_for_channel");
    expect(classifyTransport(undefined, "ECONNRESET").kind).toBe("transient");
    expect(classifyTransport(503, "HTTP 503").kind).toBe("transient");
    expect(classifyTransport(429, "HTTP 429").kind).toBe("rate_limited");
  });

  it("lists each code once", () => {
    expect(new Set(ZALO_ERRORS.map((e) => e.code)).size).toBe(ZALO_ERRORS.length);
  });
});

describe("request builders", () => {
  it("keeps Zalo's limits: 2,000 characters, 5 buttons, digits for user ids", () => {
    expect(buildCsMessageBody(USER, { text: "a".repeat(2000) }).ok).toBe(true);
    expect(buildCsMessageBody(USER, { text: "a".repeat(2001) }).ok).toBe(false);
    expect(
      buildCsMessageBody(USER, { text: "x", buttons: Array.from({ length: 6 }, () => ({ title: "t", query: "q" })) })
        .ok,
    ).toBe(false);
    expect(buildCsMessageBody("abc", { text: "x" }).ok).toBe(false);
    // NFD counts as NFC (Unikey tổ hợp types NFD): "ế" is one character, not two.
    expect(buildCsMessageBody(USER, { text: "ế".repeat(2000).normalize("NFD") }).ok).toBe(true);
  });

  it("normalises Vietnamese phone numbers to 84…", () => {
    expect(normalizePhone("0912 345 678")).toBe("84912345678");
    expect(normalizePhone("+84912345678")).toBe("84912345678");
    expect(normalizePhone("12345")).toBeUndefined();
  });
});

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let zalo: ZaloStandIn;
  let client: OaClient;
  let standInNow = Date.parse("2025-10-14T09:30:00+07:00");
  beforeAll(async () => {
    t = await open();
    zalo = await startZaloStandIn({ now: () => standInNow });
    const tokens = createTokenStore({
      db: t.db,
      oauthBase: zalo.url,
      appId: zalo.appId,
      appSecret: zalo.appSecret,
      seedRefreshToken: zalo.seedRefreshToken,
      clock: systemClock,
      log,
    });
    client = createOaClient({
      openapiBase: zalo.url,
      businessBase: zalo.url,
      miniAppOpenapiBase: zalo.url,
      tokens,
      log,
      retryDelayMs: 1,
      timeoutMs: 300,
    });
  });
  afterAll(() => zalo?.close());
  beforeEach(() => zalo.reset());

  it("sends a CS message with buttons in Zalo's template shape", async () => {
    const r = await client.sendCsMessage(USER, {
      text: "Thủ tục này thuộc danh mục Ngày không hẹn.",
      buttons: [
        { title: "Khai trước thông tin", url: "https://zalo.me/s/1/" },
        { title: "Gặp cán bộ", query: "gặp cán bộ" },
      ],
    });
    expect(r.ok).toBe(true);
    const [m] = zalo.csMessages;
    expect(m!.buttons).toEqual([
      { title: "Khai trước thông tin", type: "oa.open.url", payload: { url: "https://zalo.me/s/1/" } },
      { title: "Gặp cán bộ", type: "oa.query.show", payload: "gặp cán bộ" },
    ]);
    if (r.ok) expect(r.messageId).toBe(m!.messageId);
  });

  it("does not retry an error that is permanent for the channel (-230)", async () => {
    zalo.fail("cs", { error: -230 });
    const r = await client.sendCsMessage(USER, { text: "Xin chào" });
    expect(r).toMatchObject({ ok: false, attempts: 1, error: { kind: "permanent_for_channel", code: -230 } });
    expect(zalo.csMessages).toHaveLength(0);
  });

  it("retries 5xx, a timeout and -32 a bounded number of times, then delivers once", async () => {
    zalo.fail("cs", { status: 502 });
    zalo.fail("cs", { delayMs: 1000 });
    const r = await client.sendCsMessage(USER, { text: "Lần một" });
    expect(r).toMatchObject({ ok: true, attempts: 3 });
    zalo.fail("cs", { error: -32 }, 2);
    expect(await client.sendCsMessage(USER, { text: "Lần hai" })).toMatchObject({ ok: true, attempts: 3 });
    zalo.fail("cs", { status: 500 }, 3);
    expect(await client.sendCsMessage(USER, { text: "Lần ba" })).toMatchObject({
      ok: false,
      attempts: 3,
      error: { kind: "transient" },
    });
    expect(zalo.csMessages.map((m) => m.text)).toEqual(["Lần một", "Lần hai"]);
  });

  it("refreshes once and retries once on -216, and gives up if the new token is refused too", async () => {
    await client.sendCsMessage(USER, { text: "khởi động" });
    zalo.reset();
    zalo.expireAccessTokens();
    expect(await client.sendCsMessage(USER, { text: "sau khi hết hạn" })).toMatchObject({ ok: true, attempts: 2 });
    expect(zalo.refreshCount).toBe(1);
    zalo.fail("cs", { error: -216 }, 2);
    expect(await client.sendCsMessage(USER, { text: "bị từ chối hai lần" })).toMatchObject({
      ok: false,
      error: { kind: "token_expired" },
    });
    expect(zalo.refreshCount).toBe(2);
  });

  it("sends a ZNS template by phone, a ZBS template by user id and a Mini App notification to the documented routes", async () => {
    const zns = await client.sendZns({
      phone: "0912345678",
      templateId: "7895417a7d3f9461cd2e",
      templateData: { ma_ho_so: "000.00.06.H98-251014-0042" },
      trackingId: "d42-result_ready-zns",
    });
    const uid = await client.sendTemplateByUid({
      userId: USER,
      templateId: "t1",
      templateData: { ma_ho_so: "000.00.06.H98-251014-0042" },
    });
    const mini = await client.sendMiniAppNotification({
      apiKey: "k",
      miniAppId: "4321",
      userId: "3368637342326461234",
      templateId: "00126fd75392bacce383",
      templateData: { title: "Ngày không hẹn" },
    });
    expect([zns.ok, uid.ok, mini.ok]).toEqual([true, true, true]);
    const zBody = zalo.accepted.find((c) => c.route === "zns")!.body as Record<string, unknown>;
    expect(zBody).toMatchObject({ phone: "84912345678", tracking_id: "d42-result_ready-zns" });
    const miniHeaders = zalo.accepted.find((c) => c.route === "miniapp")!.headers;
    expect(miniHeaders["x-api-key"]).toBe("Bearer k");
    const bad = await client.sendZns({ phone: "123", templateId: "x", templateData: {}, trackingId: "t" });
    expect(bad).toMatchObject({ ok: false, error: { kind: "permanent_for_channel", code: -108 } });
  });

  it("reports ZNS at night as the night window (to be sent at 06:05), without retrying", async () => {
    standInNow = Date.parse("2025-10-14T23:10:00+07:00");
    try {
      const r = await client.sendZns({
        phone: "84912345678",
        templateId: "x",
        templateData: {},
        trackingId: "night-1",
      });
      expect(r).toMatchObject({ ok: false, attempts: 1, error: { kind: "night_window", code: -133 } });
    } finally {
      standInNow = Date.parse("2025-10-14T09:30:00+07:00");
    }
  });
});
