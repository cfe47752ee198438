/**
 * Redis mode against a real Redis (REDIS_URL_TEST, a random BullMQ prefix per test) and the local Zalo stand-in:
 * the relay moves outbox rows to the channel queues, the workers send them once, the errors of docs/zalo.md#channel-choice, #error-codes
 * lead where they should (token refresh once, next channel on -230, back off on -32, retry 5xx and timeouts, dead
 * letter at the end), and nothing is sent twice.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import type { Deps } from "../../bot-server/src/deps.js";
import { listDeadLetters, redrive } from "../../bot-server/src/store/outbox.js";
import { startNotifications, type Notifications } from "../../bot-server/src/notify/start-notifications.js";
import { forEachDatabase, requireRedis, type TestDatabase } from "../helpers/databases.js";
import { buildNotifyDeps, MINIAPP_API_KEY, notifyEnv } from "./helpers/notify-deps.js";
import type { Officer } from "../../shared/officers/officer.js";
import { fireDossierEvent } from "../../bot-server/src/use-cases/fire-dossier-event.js";
import { insertDossier } from "../helpers/dossier-rows.js";
import {
  countDeliveries,
  DEMO_UNIT_ID,
  insertApplicant,
  insertEvents,
  nowIso,
  oaUserId,
} from "./helpers/notify-fixtures.js";
import { outboxCounts, outboxSettled } from "./helpers/outbox-counts.js";
import { deleteRedisPrefix } from "./helpers/redis-keys.js";
import { waitUntil } from "./helpers/wait-until.js";
import { startZaloWithConversation, type ZaloWithConversation } from "./helpers/zalo-with-conversation.js";

const redisUrl = requireRedis();
const describeRedis = redisUrl ? describe : describe.skip;

const RESULT_TEXT =
  "Hồ sơ 000.00.24.H41-251015-0101 (Cấp Giấy xác nhận tình trạng hôn nhân) đã có kết quả ngay trong ngày (“Ngày không hẹn”). " +
  "Mời ông/bà đến nhận tại Bộ phận Một cửa UBND xã Quảng Khê (giờ làm việc 07:00–11:30, 13:30–17:00), nhớ mang theo giấy tờ tùy thân.";

describeRedis("notifications through BullMQ on Redis", () => {
  forEachDatabase((_name, open) => {
    let t: TestDatabase;
    let zalo: ZaloWithConversation;
    let deps: Deps;
    let running: Notifications | undefined;

    afterEach(async () => {
      await running?.stop();
      running = undefined;
      if (deps) await deps.zalo.close();
      await deps?.database.close();
      if (deps) await deleteRedisPrefix(redisUrl!, deps.config.NOTIFY_QUEUE_PREFIX);
      await zalo?.close();
      await t?.close();
    });

    /** A fresh database (its own stored OA tokens), stand-in and pipeline per test. */
    async function start(
      env: Record<string, string> = {},
      standIn: Parameters<typeof startZaloWithConversation>[0] = {},
    ): Promise<void> {
      t = await open();
      zalo = await startZaloWithConversation({ miniAppApiKey: MINIAPP_API_KEY, ...standIn });
      deps = await buildNotifyDeps(t, notifyEnv(zalo, { REDIS_URL: redisUrl!, ...env }));
      running = startNotifications(deps);
    }

    it("a same-day result reaches the applicant as exactly one OA message with the right text", async () => {
      await start();
      expect(running!.mode).toBe("redis");
      const user = oaUserId(101);
      const [ev] = await insertEvents(t.db, [
        { code: "000.00.24.H41-251015-0101", reach: { oaUserId: user, interactedAt: nowIso() } },
      ]);
      await zalo.zalo.waitFor("cs", 1);
      await waitUntil(() => outboxSettled(t.db), "the outbox row to settle");
      // A duplicate pickup (a second relay, a restarted one) adds the same job again: nothing more is sent.
      await running!.relay!.relayOnce();
      const again = await t.db
        .updateTable("outbox")
        .set({ status: "pending" })
        .where("id", "=", ev!.outboxId)
        .executeTakeFirst();
      expect(Number(again.numUpdatedRows)).toBe(1);
      await waitUntil(() => outboxSettled(t.db), "the re-picked row to settle");

      expect(zalo.zalo.csMessages.map((m) => [m.recipient, m.text])).toEqual([[user, RESULT_TEXT]]);
      const deliveries = await t.db
        .selectFrom("deliveries")
        .selectAll()
        .where("outbox_id", "=", ev!.outboxId)
        .execute();
      expect(deliveries.map((d) => [d.channel, d.status, d.attempt])).toEqual([["oa_cs", "sent", 1]]);
      const dossier = await t.db
        .selectFrom("dossiers")
        .select("notify_status")
        .where("id", "=", ev!.dossierId)
        .executeTakeFirstOrThrow();
      expect(dossier.notify_status).toBe("notified");
    });

    it("approving a same-day dossier at the console: the result reaches the applicant as exactly one OA message", async () => {
      await start();
      const user = oaUserId(150);
      const citizenId = await insertApplicant(t.db, { oaUserId: user, interactedAt: nowIso() });
      const today = new Date().toISOString();
      const code = "000.00.24.H41-251015-0150";
      const dossierId = await insertDossier(t.db, {
        code,
        state: "awaiting_approval",
        track: "same-day",
        citizenId,
        receivedAt: today,
        dueDate: today.slice(0, 10),
      });
      const officer = async (username: string): Promise<Officer> => {
        const u = await t.db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirstOrThrow();
        return {
          id: u.id,
          username: u.username,
          displayName: u.display_name,
          role: u.role as Officer["role"],
          unitId: u.unit_id,
          delegateFor: u.delegate_for,
          phone: u.phone,
        };
      };
      expect(
        await fireDossierEvent(deps, await officer("quangkhe.chutich"), dossierId, { event: "approve" }),
      ).toMatchObject({ ok: true });
      expect(
        await fireDossierEvent(deps, await officer("quangkhe.xuly"), dossierId, { event: "mark_result_ready" }),
      ).toMatchObject({ ok: true });
      await zalo.zalo.waitFor("cs", 1);
      await waitUntil(() => outboxSettled(t.db), "the outbox row to settle");

      expect(zalo.zalo.csMessages.map((m) => [m.recipient, m.text])).toEqual([
        [
          user,
          `Hồ sơ ${code} (Cấp Giấy xác nhận tình trạng hôn nhân) đã có kết quả ngay trong ngày (“Ngày không hẹn”). ` +
            "Mời ông/bà đến nhận tại Bộ phận Một cửa UBND xã Quảng Khê (giờ làm việc 07:00–11:30, 13:30–17:00), nhớ mang theo giấy tờ tùy thân.",
        ],
      ]);
      const rows = await t.db
        .selectFrom("outbox")
        .select(["kind", "status"])
        .where("dossier_id", "=", dossierId)
        .execute();
      expect(rows).toEqual([{ kind: "result_ready", status: "sent" }]);
      const dossier = await t.db
        .selectFrom("dossiers")
        .select(["state", "notify_status"])
        .where("id", "=", dossierId)
        .executeTakeFirstOrThrow();
      expect(dossier).toEqual({ state: "result_ready", notify_status: "notified" });
    });

    it("an applicant who never interacted with the OA (-230) gets the mini-app notification instead", async () => {
      await start({}, { requireInteraction: true });
      const [inWindow, never] = await insertEvents(t.db, [
        // We believe the window is open; Zalo says -230: next channel.
        {
          code: "000.00.24.H41-251015-0102",
          reach: {
            oaUserId: oaUserId(102),
            interactedAt: nowIso(),
            zaloUserId: "5000000000000000102",
            optInAt: nowIso(),
          },
        },
        // No interaction known: the OA message is not even tried.
        {
          code: "000.00.24.H41-251015-0103",
          reach: { oaUserId: oaUserId(103), zaloUserId: "5000000000000000103", optInAt: nowIso() },
        },
      ]);
      await zalo.zalo.waitFor("miniapp", 2);
      await waitUntil(() => outboxSettled(t.db), "both rows to settle");

      expect(zalo.zalo.csMessages).toHaveLength(0);
      const mini = zalo.zalo.accepted.filter((c) => c.route === "miniapp");
      expect(mini.map((m) => m.recipient).sort()).toEqual(["5000000000000000102", "5000000000000000103"]);
      const body = mini.find((m) => m.recipient === "5000000000000000102")!.body as {
        templateData: Record<string, string>;
      };
      expect(body.templateData).toMatchObject({
        title: "Ngày không hẹn",
        contentTitle: "Đã có kết quả trong ngày",
        buttonText: "Xem hồ sơ",
      });
      expect(body.templateData.contentDescription).toContain("000.00.24.H41-251015-0102");
      const attempts = await t.db
        .selectFrom("deliveries")
        .select(["outbox_id", "channel", "status", "error_code"])
        .where("outbox_id", "in", [inWindow!.outboxId, never!.outboxId])
        .orderBy("at")
        .execute();
      expect(
        attempts.filter((a) => a.outbox_id === inWindow!.outboxId).map((a) => [a.channel, a.status, a.error_code]),
      ).toEqual([
        ["oa_cs", "rejected", "-230"],
        ["miniapp", "sent", null],
      ]);
      expect(attempts.filter((a) => a.outbox_id === never!.outboxId).map((a) => [a.channel, a.status])).toEqual([
        ["miniapp", "sent"],
      ]);
    });

    it("an access token expiring during a burst is refreshed once, and every message goes out once", async () => {
      await start();
      const warm = await insertEvents(t.db, [
        { code: "000.00.24.H41-251015-0110", reach: { oaUserId: oaUserId(110), interactedAt: nowIso() } },
      ]);
      await zalo.zalo.waitFor("cs", 1);
      expect(warm).toHaveLength(1);
      const refreshesBefore = zalo.zalo.refreshCount;
      zalo.zalo.expireAccessTokens();
      await insertEvents(
        t.db,
        Array.from({ length: 60 }, (_, i) => ({
          code: `000.00.24.H41-251015-${String(200 + i).padStart(4, "0")}`,
          reach: { oaUserId: oaUserId(200 + i), interactedAt: nowIso() },
        })),
      );
      await zalo.zalo.waitFor("cs", 61);
      await waitUntil(() => outboxSettled(t.db), "the burst to settle");

      expect(zalo.zalo.refreshCount - refreshesBefore).toBe(1);
      expect(zalo.zalo.rejected.filter((r) => r.error === -216).length).toBeGreaterThan(0);
      expect(countDeliveries(zalo.zalo.csMessages)).toEqual({ delivered: 61, duplicates: 0 });
    });

    it("5xx, timeouts, dropped connections and -32 for a while: all delivered once after recovery", async () => {
      await start();
      zalo.zalo.fail("cs", { status: 502 }, 40);
      zalo.zalo.fail("cs", { delayMs: 3000 }, 15); // answered after our 2 s timeout: the stand-in did send them
      zalo.zalo.fail("cs", { drop: true }, 15);
      zalo.zalo.fail("cs", { error: -32, message: "rate limit" }, 40);
      zalo.zalo.fail("cs", { status: 503 }, 20);
      const n = 200;
      await insertEvents(
        t.db,
        Array.from({ length: n }, (_, i) => ({
          code: `000.00.24.H41-251015-${String(300 + i).padStart(4, "0")}`,
          reach: { oaUserId: oaUserId(300 + i), interactedAt: nowIso() },
        })),
      );
      await waitUntil(() => outboxSettled(t.db), "every row to settle", 80_000);

      expect(await outboxCounts(t.db)).toEqual({ sent: expect.any(Number) });
      expect(countDeliveries(zalo.zalo.csMessages.filter((m) => Number(m.recipient!.slice(-4)) >= 300))).toEqual({
        delivered: n,
        duplicates: 0,
      });
      const failed = await t.db.selectFrom("deliveries").select("error_code").where("status", "=", "failed").execute();
      expect(new Set(failed.map((f) => f.error_code))).toEqual(
        new Set(
          ["http_502", "http_503", "-32", "in_doubt", "network"].filter((c) => failed.some((f) => f.error_code === c)),
        ),
      );
      expect(failed.some((f) => f.error_code === "http_502")).toBe(true);
      expect(failed.some((f) => f.error_code === "-32")).toBe(true);
    }, 90_000);

    it("after the last attempt the notification is a dead letter the unit admin sees and can re-drive", async () => {
      await start({ NOTIFY_MAX_ATTEMPTS: "3" });
      zalo.zalo.fail("cs", { status: 500 }, 3);
      const [ev] = await insertEvents(t.db, [
        { code: "000.00.24.H41-251015-0401", reach: { oaUserId: oaUserId(401), interactedAt: nowIso() } },
      ]);
      await waitUntil(() => outboxSettled(t.db), "the row to die");

      const dead = await listDeadLetters(t.db, DEMO_UNIT_ID);
      expect(
        dead.map((d) => [d.dossierCode, d.attempts, d.deliveries.map((a) => [a.channel, a.status, a.errorCode])]),
      ).toEqual([
        [
          "000.00.24.H41-251015-0401",
          3,
          [
            ["oa_cs", "failed", "http_500"],
            ["oa_cs", "failed", "http_500"],
            ["oa_cs", "failed", "http_500"],
          ],
        ],
      ]);
      expect(await listDeadLetters(t.db, "24611@2025-07-01")).toEqual([]);
      const dossier = await t.db
        .selectFrom("dossiers")
        .select("notify_status")
        .where("id", "=", ev!.dossierId)
        .executeTakeFirstOrThrow();
      expect(dossier.notify_status).toBe("not_notified");
      expect(zalo.zalo.csMessages).toHaveLength(0);

      expect(await redrive(t.db, ev!.outboxId, nowIso(), "24611@2025-07-01")).toEqual({
        ok: false,
        error: "not_found",
      });
      expect(await redrive(t.db, ev!.outboxId, nowIso(), DEMO_UNIT_ID)).toEqual({ ok: true });
      expect(await redrive(t.db, ev!.outboxId, nowIso(), DEMO_UNIT_ID)).toEqual({ ok: false, error: "not_dead" });
      await zalo.zalo.waitFor("cs", 1);
      await waitUntil(() => outboxSettled(t.db), "the re-driven row to settle");
      expect(zalo.zalo.csMessages.map((m) => m.recipient)).toEqual([oaUserId(401)]);
      expect(await listDeadLetters(t.db, DEMO_UNIT_ID)).toEqual([]);
    });
  });
});
