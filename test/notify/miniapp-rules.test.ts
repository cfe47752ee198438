/**
 * Zalo's Mini App notification rules, exercised on the real sender (deliverStep) with a fake clock and a recording
 * Zalo adapter: only to users active in the app within 7 days; one per user per Việt Nam day (a same-day dossier's
 * slot goes to the result, the receipt goes by ZNS or not at all); 06:00–22:00 (a send at 22:30 waits for 06:00,
 * it is not "wrong channel"); the app's daily quota; title ≤ 32 characters. And the OA error codes as Zalo means them.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { createSettableClock, type SettableClock } from "../../bot-server/src/clock.js";
import { parseConfig } from "../../bot-server/src/config.js";
import type { Deps } from "../../bot-server/src/deps.js";
import { createLog } from "../../bot-server/src/log.js";
import { deliverStep, type SenderContext } from "../../bot-server/src/notify/deliver-step.js";
import { notifySettingsFrom } from "../../bot-server/src/notify/notify-settings.js";
import type { NotifySendResult, NotifyZalo } from "../../bot-server/src/notify/notify-zalo.js";
import { createSendStore } from "../../bot-server/src/notify/send-store.js";
import { sendActionFor } from "../../shared/notify/send-policy.js";
import { classifyZaloCode } from "../../bot-server/src/zalo/zalo-error.js";
import { createOaClient } from "../../bot-server/src/zalo/oa-client.js";
import { MINIAPP_LIMITS, miniAppAllowedFor, waitForHoursMs } from "../../shared/notify/miniapp-rules.js";
import { MINIAPP_TITLE_VI } from "../../shared/notify/message-templates.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { insertDossier } from "../helpers/dossier-rows.js";
import { buildNotifyDeps } from "./helpers/notify-deps.js";
import { insertApplicant } from "./helpers/notify-fixtures.js";

const at = (local: string) => new Date(`${local}+07:00`);

describe("Mini App rules as data", () => {
  it("gives the same-day slot to the result only", () => {
    expect(miniAppAllowedFor("result_ready", "same-day")).toBe(true);
    expect(miniAppAllowedFor("receipt_issued", "same-day")).toBe(false);
    expect(miniAppAllowedFor("receipt_issued", "normal")).toBe(true);
  });
  it("opens 06:00–22:00 in Việt Nam, whatever the server's zone", () => {
    expect(waitForHoursMs(at("2026-12-02T21:59:00").getTime())).toBe(0);
    expect(waitForHoursMs(at("2026-12-02T22:30:00").getTime())).toBe(7.5 * 3_600_000);
    expect(waitForHoursMs(at("2026-12-03T05:00:00").getTime())).toBe(3_600_000);
  });
  it("keeps the template title within 32 characters", () => {
    expect(MINIAPP_TITLE_VI.length).toBeLessThanOrEqual(MINIAPP_LIMITS.titleMax);
  });
  it("refuses a longer title before calling Zalo", async () => {
    const client = createOaClient({
      openapiBase: "http://127.0.0.1:9",
      businessBase: "http://127.0.0.1:9",
      tokens: {} as never,
      log: createLog("silent"),
    });
    const r = await client.sendMiniAppNotification({
      apiKey: "k",
      miniAppId: "1",
      userId: "2",
      templateId: "t",
      templateData: { title: "x".repeat(33) },
    });
    expect(r).toMatchObject({ ok: false, attempts: 0, error: { kind: "invalid_request" } });
  });
});

describe("OA error codes", () => {
  it.each([
    [-100, "transient", "retry"],
    [-118, "permanent_for_channel", "next_channel"],
    [-126, "configuration", "next_channel"],
    [-115, "configuration", "next_channel"],
  ])("%i is %s (%s)", (code, kind, action) => {
    const f = classifyZaloCode(code);
    expect(f.kind).toBe(kind);
    expect(sendActionFor(f.kind)).toBe(action);
  });
});

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let deps: Deps;
  let clock: SettableClock;
  let ctx: SenderContext;
  const sent: { channel: string; to: string; title?: string }[] = [];
  let answer: NotifySendResult = { ok: true, messageId: "m" };

  const zalo: NotifyZalo = {
    sendCs: async (m) => (sent.push({ channel: "oa_cs", to: m.oaUserId }), answer),
    sendMiniApp: async (m) => (
      sent.push({ channel: "miniapp", to: m.zaloUserId, title: m.templateData.title }),
      answer
    ),
    sendZns: async (m) => (sent.push({ channel: "zns", to: m.phone }), answer),
    findCsMessage: async () => ({ ok: true, found: false }),
  };

  beforeAll(async () => {
    t = await open();
    clock = createSettableClock();
    clock.set(at("2026-12-02T08:00:00"));
    const env = {
      LOG_LEVEL: "silent",
      DATABASE_URL: "sqlite::memory:",
      ZALO_MINIAPP_ID: "3000000000000000001",
      NOTIFY_MINIAPP_API_KEY: "k",
      NOTIFY_MINIAPP_TEMPLATE_ID: "00126fd75392bacce383",
      NOTIFY_ZNS_TEMPLATES: "receipt_issued=tpl-receipt,result_ready=tpl-result",
      NOTIFY_MINIAPP_DAILY_CAP: "3",
    };
    deps = await buildNotifyDeps(t, env, clock);
    const parsed = parseConfig(env);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const target = { domain: deps.domain, linkFor: () => "https://zalo.me/s/3000000000000000001/" };
    ctx = {
      db: t.db,
      clock,
      log: createLog("silent"),
      zalo,
      settings: notifySettingsFrom(parsed.config),
      target,
      store: createSendStore(t.db, target),
    };
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    sent.length = 0;
    answer = { ok: true, messageId: "m" };
  });

  let serial = 0;
  async function applicant(reach: { phone?: boolean; openedDaysAgo?: number } = {}) {
    serial += 1;
    const zaloUserId = `50000000000000${String(10000 + serial)}`;
    const now = clock.now().getTime();
    const citizenId = await insertApplicant(t.db, {
      zaloUserId,
      optInAt: new Date(now - 30 * 86_400_000).toISOString(),
      openedAt: new Date(now - (reach.openedDaysAgo ?? 0) * 86_400_000 - 60_000).toISOString(),
      ...(reach.phone ? { phone: `8491234${String(1000 + serial)}`, phoneConsentAt: new Date(now).toISOString() } : {}),
    });
    return { citizenId, zaloUserId };
  }

  let dossiers = 0;
  async function outbox(citizenId: string, kind: string, track: "same-day" | "normal" = "same-day") {
    const code = `000.00.24.H41-261202-${String((dossiers += 1)).padStart(4, "0")}`;
    const dossierId = await insertDossier(t.db, {
      code,
      citizenId,
      track,
      receivedAt: clock.now().toISOString(),
      dueDate: "2026-12-02",
    });
    return addRow(dossierId, code, kind, track);
  }
  async function addRow(dossierId: string, code: string, kind: string, track: string) {
    const id = randomUUID();
    const nowIso = clock.now().toISOString();
    await t.db
      .insertInto("outbox")
      .values({
        id,
        dossier_id: dossierId,
        event_id: null,
        kind,
        status: "pending",
        attempts: 0,
        available_at: nowIso,
        created_at: nowIso,
        updated_at: nowIso,
        last_error: null,
        payload: JSON.stringify({
          dossierId,
          dossierCode: code,
          procedureName: "Cấp Giấy xác nhận tình trạng hôn nhân",
          track,
          dueDate: "2026-12-02",
          unitName: "xã Quảng Khê",
        }),
      })
      .execute();
    return { id, dossierId };
  }
  /** Steps a row until it is done or waits for a later time (what the dispatcher and the workers do). */
  async function run(outboxId: string) {
    for (let i = 0; i < 5; i++) {
      const step = await deliverStep(ctx, outboxId);
      if (step.kind !== "forward") return step;
      const next = await deliverStep(ctx, outboxId, step.channel);
      if (next.kind !== "forward") return next;
    }
    throw new Error("no end");
  }
  const rowOf = (id: string) =>
    t.db
      .selectFrom("outbox")
      .select(["status", "available_at", "last_error", "attempts"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  it("a same-day dossier: the receipt goes by ZNS, the result takes the day's Mini App slot", async () => {
    clock.set(at("2026-12-02T08:00:00"));
    const a = await applicant({ phone: true });
    const receipt = await outbox(a.citizenId, "receipt_issued");
    expect(await run(receipt.id)).toMatchObject({ kind: "done", status: "sent", channel: "zns" });
    clock.set(at("2026-12-02T14:30:00"));
    const result = await addRow(
      receipt.dossierId,
      `000.00.24.H41-261202-${String(dossiers).padStart(4, "0")}`,
      "result_ready",
      "same-day",
    );
    expect(await run(result.id)).toMatchObject({ kind: "done", status: "sent", channel: "miniapp" });
    expect(sent.map((s) => s.channel)).toEqual(["zns", "miniapp"]);
    expect(sent[1]!.title!.length).toBeLessThanOrEqual(32);
  });

  it("without a phone, a same-day receipt is not sent at all, and the result still gets the slot", async () => {
    clock.set(at("2026-12-02T09:00:00"));
    const a = await applicant();
    const receipt = await outbox(a.citizenId, "receipt_issued");
    expect(await run(receipt.id)).toMatchObject({ kind: "done", status: "not_notified" });
    const result = await addRow(receipt.dossierId, "x", "result_ready", "same-day");
    expect(await run(result.id)).toMatchObject({ kind: "done", status: "sent", channel: "miniapp" });
    expect(sent.map((s) => s.channel)).toEqual(["miniapp"]);
  });

  it("a send at 22:30 waits until 06:00 and then goes out; it is not marked wrong channel", async () => {
    clock.set(at("2026-12-02T22:30:00"));
    const a = await applicant();
    const result = await outbox(a.citizenId, "result_ready");
    expect(await run(result.id)).toMatchObject({ kind: "retry", reason: "miniapp_hours", delayMs: 7.5 * 3_600_000 });
    expect(await rowOf(result.id)).toMatchObject({
      status: "pending",
      available_at: at("2026-12-03T06:00:00").toISOString(),
      attempts: 0,
    });
    expect(sent).toEqual([]);
    clock.set(at("2026-12-03T05:59:00"));
    expect(await run(result.id)).toMatchObject({ kind: "retry", reason: "not_due" });
    clock.set(at("2026-12-03T06:00:00"));
    expect(await run(result.id)).toMatchObject({ kind: "done", status: "sent", channel: "miniapp" });
    expect(sent.map((s) => [s.channel, s.to])).toEqual([["miniapp", a.zaloUserId]]);
  });

  it("one a day per user: a second message the same day waits for tomorrow's 06:00 (or takes ZNS when it can)", async () => {
    clock.set(at("2026-12-04T10:00:00"));
    const a = await applicant();
    const first = await outbox(a.citizenId, "supplement_requested", "normal");
    expect(await run(first.id)).toMatchObject({ kind: "done", channel: "miniapp" });
    const second = await outbox(a.citizenId, "result_ready", "normal");
    expect(await run(second.id)).toMatchObject({ kind: "retry", reason: "miniapp_user_daily_slot" });
    expect((await rowOf(second.id)).available_at).toBe(at("2026-12-05T06:00:00").toISOString());
    clock.set(at("2026-12-05T06:00:00"));
    expect(await run(second.id)).toMatchObject({ kind: "done", channel: "miniapp" });

    const b = await applicant({ phone: true });
    const b1 = await outbox(b.citizenId, "supplement_requested", "normal");
    expect(await run(b1.id)).toMatchObject({ channel: "miniapp" });
    const b2 = await outbox(b.citizenId, "result_ready", "normal");
    expect(await run(b2.id)).toMatchObject({ kind: "done", channel: "zns" });
  });

  it("a refused Mini App send gives the day's slot back", async () => {
    clock.set(at("2026-12-06T10:00:00"));
    const a = await applicant({ phone: true });
    answer = { ok: false, failure: { kind: "permanent_for_channel", code: -201, message: "refused" } };
    const first = await outbox(a.citizenId, "result_ready", "normal");
    await run(first.id);
    const slots = await t.db
      .selectFrom("miniapp_notify_slots")
      .selectAll()
      .where("zalo_user_id", "=", a.zaloUserId)
      .execute();
    expect(slots).toEqual([]);
  });

  it("only to users who opened the app in the last 7 days", async () => {
    clock.set(at("2026-12-07T10:00:00"));
    const stale = await applicant({ openedDaysAgo: 8 });
    const r = await outbox(stale.citizenId, "result_ready", "normal");
    expect(await run(r.id)).toMatchObject({ kind: "done", status: "not_notified" });
    expect(sent).toEqual([]);
  });

  it("the app's daily quota: beyond it, sends wait for the next day", async () => {
    clock.set(at("2026-12-08T10:00:00"));
    for (let i = 0; i < 3; i++) {
      const a = await applicant();
      expect(await run((await outbox(a.citizenId, "result_ready", "normal")).id)).toMatchObject({ channel: "miniapp" });
    }
    const late = await applicant();
    const r = await outbox(late.citizenId, "result_ready", "normal");
    expect(await run(r.id)).toMatchObject({ kind: "retry", reason: "miniapp_app_daily_quota" });
    expect((await rowOf(r.id)).available_at).toBe(at("2026-12-09T06:00:00").toISOString());
  });
});
