/**
 * Outbound webhooks of dossier events to a local stand-in of the province's TTHC system, through the notification
 * outbox and its sender, on SQLite and PostgreSQL, in both sending modes: the embedded dispatcher (no Redis, with a
 * Zalo adapter configured) and BullMQ on Redis (without any Zalo configuration: the webhooks still go). The stand-in
 * checks each signature as the province's adapter would, answers 500 once, and counts what it accepted. Every event
 * reaches the target covering its unit exactly once, after the outbox's backoff when refused, none reaches a unit's
 * target that does not cover it, and a delivery that never succeeds is a dead letter of the target's unit, not a
 * citizen notification.
 */
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createSettableClock, type SettableClock } from "../../bot-server/src/clock.js";
import type { Deps } from "../../bot-server/src/deps.js";
import {
  feedWebhooks,
  integrationWebhookContext,
  signWebhook,
  verifyWebhook,
  type WebhookContext,
} from "../../bot-server/src/integration/webhooks.js";
import { startNotifications, type Notifications } from "../../bot-server/src/notify/start-notifications.js";
import type { NotifyZalo } from "../../bot-server/src/notify/notify-zalo.js";
import { appendDossierEvent } from "../../bot-server/src/store/dossiers.js";
import { insertIntegrationTarget, listDeliveries } from "../../bot-server/src/store/integration.js";
import { listDeadLetters, listDeliveriesOfDossier } from "../../bot-server/src/store/outbox.js";
import { WebhookEventBody } from "../../shared/reports/exports.js";
import { NAM_DA, QUANG_KHE } from "../console/helpers/console-server.js";
import { forEachDatabase, requireRedis, type TestDatabase } from "../helpers/databases.js";
import { insertDossier } from "../helpers/dossier-rows.js";
import { buildNotifyDeps } from "../notify/helpers/notify-deps.js";
import { deleteRedisPrefix } from "../notify/helpers/redis-keys.js";
import { waitUntil } from "../notify/helpers/wait-until.js";

const SECRET = "bi-mat-cua-tinh-0123456789";
const BACKOFF_BASE_MS = 400;
const redisUrl = requireRedis();

interface Received {
  eventId: string;
  type: string;
  code: string;
  valid: boolean;
}

/** The province's receiver: verifies, refuses the first delivery of `failFirst` (every one with `failAll`) with a 500. */
function startReceiver(clockMs: () => number, failFirst: Set<string>) {
  const accepted: Received[] = [];
  const refused: string[] = [];
  const state = { failAll: false };
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => {
      raw += c.toString("utf8");
    });
    req.on("end", () => {
      const valid = verifyWebhook(
        SECRET,
        {
          signature: req.headers["x-khonghen-signature"] as string,
          timestamp: req.headers["x-khonghen-timestamp"] as string,
        },
        raw,
        clockMs(),
      );
      const body = WebhookEventBody.parse(JSON.parse(raw));
      expect(req.headers["x-khonghen-event-id"]).toBe(body.eventId);
      if (!valid) {
        res.statusCode = 401;
        res.end();
        return;
      }
      if (state.failAll || failFirst.delete(body.eventId)) {
        refused.push(body.eventId);
        res.statusCode = 500;
        res.end();
        return;
      }
      accepted.push({ eventId: body.eventId, type: body.type, code: body.dossier.code, valid });
      res.statusCode = 204;
      res.end();
    });
  });
  return { server, accepted, refused, state };
}

/** A Zalo adapter that must not be called: no citizen notification is written in these tests. */
const noZalo = new Proxy({} as NotifyZalo, {
  get: () => () => Promise.reject(new Error("no citizen notification expected")),
});

const MODES = [{ mode: "embedded", redis: false }, ...(redisUrl ? [{ mode: "redis", redis: true }] : [])] as const;

forEachDatabase((name, open) => {
  for (const { mode, redis } of MODES) {
    describe(`webhooks to the province's system (${name}, ${redis ? "BullMQ on Redis" : "embedded dispatcher"})`, () => {
      let t: TestDatabase;
      let deps: Deps;
      let running: Notifications;
      let ctx: WebhookContext;
      // Embedded: a settable clock drives the backoff; Redis: BullMQ's delays are real time, so is the clock.
      const clock: SettableClock = createSettableClock();
      if (!redis) clock.set(new Date("2025-10-15T03:00:00.000Z"));
      const failFirst = new Set<string>();
      const receiver = startReceiver(() => clock.now().getTime(), failFirst);
      let url = "";
      const eventIds: Record<string, string> = {};
      let qk = "";
      const prefix = `test-webhooks-${process.pid}-${randomBytes(4).toString("hex")}`;

      const settled = async () =>
        (await listDeliveries(t.db)).every((d) => ["sent", "dead", "not_notified"].includes(d.status));
      /** One pass of the pipeline (embedded), or a wait for it to have settled every delivery (Redis). */
      const deliver = async () => {
        if (running.runOnce) await running.runOnce();
        else await waitUntil(settled, "webhook deliveries to settle");
      };

      beforeAll(async () => {
        await new Promise<void>((r) => receiver.server.listen(0, "127.0.0.1", () => r()));
        url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/tthc/events`;
        t = await open();
        deps = await buildNotifyDeps(
          t,
          {
            LOG_LEVEL: "silent",
            PURGE_INTERVAL_MINUTES: "0",
            RATE_LIMIT_PER_MINUTE: "0",
            DATABASE_URL: "sqlite::memory:",
            NOTIFY_QUEUE_PREFIX: prefix,
            NOTIFY_POLL_MS: "20",
            NOTIFY_BACKOFF_BASE_MS: String(BACKOFF_BASE_MS),
            NOTIFY_BACKOFF_MAX_MS: String(BACKOFF_BASE_MS * 4),
            NOTIFY_MAX_ATTEMPTS: "3",
            NOTIFY_SEND_LEASE_MS: "5000",
            NOTIFY_HTTP_TIMEOUT_MS: "2000",
            NOTIFY_REQUEUE_AFTER_MS: "1000",
            NOTIFY_JOB_LOCK_MS: "1500",
            ...(redis ? { REDIS_URL: redisUrl! } : {}),
          },
          clock,
        );
        running = startNotifications(deps, redis ? {} : { zalo: noZalo });
        expect(running.mode).toBe(redis ? "disabled" : mode);
        ctx = integrationWebhookContext(deps);
        await insertIntegrationTarget(t.db, {
          unitId: QUANG_KHE,
          url,
          secret: SECRET,
          now: "2025-10-01T00:00:00.000Z",
        });
        qk = await insertDossier(t.db, {
          code: "000.00.06.H98-251015-0001",
          receivingUnitId: QUANG_KHE,
          receivedAt: "2025-10-15T02:00:00.000Z",
        });
        const nd = await insertDossier(t.db, {
          code: "000.00.06.H98-251015-0002",
          receivingUnitId: NAM_DA,
          receivedAt: "2025-10-15T02:00:00.000Z",
        });
        const ev = (dossierId: string, type: string, at: string) =>
          appendDossierEvent(t.db, {
            dossierId,
            type,
            fromState: null,
            toState: type,
            actorId: null,
            actorRole: null,
            at,
            data: {},
          });
        eventIds.receive = (await ev(qk, "receive", "2025-10-15T02:00:00.000Z")).id;
        eventIds.start = (await ev(qk, "start_processing", "2025-10-15T02:10:00.000Z")).id;
        eventIds.namDa = (await ev(nd, "receive", "2025-10-15T02:00:00.000Z")).id;
        failFirst.add(eventIds.start);
      });

      afterAll(async () => {
        await running?.stop();
        if (deps) await deps.zalo.close();
        if (redis) await deleteRedisPrefix(redisUrl!, prefix);
        await new Promise<void>((r) => receiver.server.close(() => r()));
        await t?.close();
      });

      it("sends each event of the unit signed, retries the one refused with a 500 after the outbox's backoff, and sends nothing twice", async () => {
        expect(await feedWebhooks(ctx)).toBe(3);
        // Reading the events again (the feeder's overlap, a second process) adds no delivery.
        await feedWebhooks(ctx);
        expect(await listDeliveries(t.db)).toHaveLength(2);

        if (!redis) {
          await deliver();
          expect(receiver.accepted.map((r) => r.eventId)).toEqual([eventIds.receive]);
          expect(receiver.refused).toEqual([eventIds.start]);
          const pending = (await listDeliveries(t.db)).find((d) => d.eventId === eventIds.start)!;
          expect(pending).toMatchObject({ status: "pending", attempts: 1, lastError: "http_500" });
          // Not due before the backoff: another pass sends nothing.
          await deliver();
          expect(receiver.accepted).toHaveLength(1);
          clock.set(new Date(clock.now().getTime() + BACKOFF_BASE_MS + 1));
        }
        await deliver();
        await deliver();
        expect(receiver.refused).toEqual([eventIds.start]);
        expect(receiver.accepted.map((r) => [r.type, r.code])).toEqual([
          ["receive", "000.00.06.H98-251015-0001"],
          ["start_processing", "000.00.06.H98-251015-0001"],
        ]);
        expect(receiver.accepted.every((r) => r.valid)).toBe(true);
        expect(receiver.accepted.some((r) => r.eventId === eventIds.namDa)).toBe(false);
        expect((await listDeliveries(t.db)).map((d) => d.status)).toEqual(["sent", "sent"]);

        // The retry came after the backoff (at least half the base delay, the jitter's floor), as the attempts show.
        const attempts = await t.db
          .selectFrom("deliveries")
          .innerJoin("outbox", "outbox.id", "deliveries.outbox_id")
          .select([
            "deliveries.channel",
            "deliveries.attempt",
            "deliveries.status",
            "deliveries.error_code",
            "deliveries.at",
          ])
          .where("outbox.event_id", "=", eventIds.start!)
          .orderBy("deliveries.attempt")
          .execute();
        expect(attempts.map((a) => [a.channel, a.attempt, a.status, a.error_code])).toEqual([
          ["tthc_webhook", 1, "failed", "http_500"],
          ["tthc_webhook", 2, "sent", null],
        ]);
        expect(Date.parse(attempts[1]!.at) - Date.parse(attempts[0]!.at)).toBeGreaterThanOrEqual(BACKOFF_BASE_MS / 2);

        // Nothing more goes out: another feed and another pass.
        await feedWebhooks(ctx);
        await running.relay?.relayOnce();
        await deliver();
        expect(receiver.accepted).toHaveLength(2);
      });

      it("a delivery refused at every attempt becomes a dead letter of the target's unit, never a citizen notification", async () => {
        receiver.state.failAll = true;
        const at = new Date(clock.now().getTime() + 1000).toISOString();
        const late = await appendDossierEvent(t.db, {
          dossierId: qk,
          type: "request_supplement",
          fromState: null,
          toState: "supplement_requested",
          actorId: null,
          actorRole: null,
          at,
          data: {},
        });
        if (!redis) clock.set(new Date(Date.parse(at) + 1));
        else await waitUntil(() => Date.now() > Date.parse(at), "the event's time to pass");
        await feedWebhooks(ctx);
        for (let i = 0; i < 3 && !redis; i++) {
          await deliver();
          clock.set(new Date(clock.now().getTime() + BACKOFF_BASE_MS * 4 + 1));
        }
        await deliver();
        const row = (await listDeliveries(t.db)).find((d) => d.eventId === late.id)!;
        expect(row).toMatchObject({ status: "dead", attempts: 3, lastError: "http_500" });

        const mine = await listDeadLetters(t.db, QUANG_KHE);
        expect(mine.map((l) => l.kind)).toEqual(["tthc_webhook"]);
        expect(mine[0]!.deliveries.map((d) => d.errorCode)).toEqual(["http_500", "http_500", "http_500"]);
        expect(await listDeadLetters(t.db, NAM_DA)).toEqual([]);

        // The dossier's own notification lines and status know nothing of it (reports read them through dossier_id).
        expect(await listDeliveriesOfDossier(t.db, qk)).toEqual([]);
        const dossier = await t.db
          .selectFrom("dossiers")
          .select("notify_status")
          .where("id", "=", qk)
          .executeTakeFirst();
        expect(dossier!.notify_status).not.toBe("notified");
      });

      it("a body changed on the way, or an old timestamp, fails the receiver's check", () => {
        const nowMs = Date.parse("2025-10-15T03:00:00.000Z");
        const ts = Math.floor(nowMs / 1000);
        const body = '{"eventId":"x"}';
        expect(
          verifyWebhook(SECRET, { signature: signWebhook(SECRET, ts, body), timestamp: String(ts) }, body, nowMs),
        ).toBe(true);
        expect(
          verifyWebhook(
            SECRET,
            { signature: signWebhook(SECRET, ts, body), timestamp: String(ts) },
            body.replace("x", "y"),
            nowMs,
          ),
        ).toBe(false);
        expect(
          verifyWebhook(
            SECRET,
            { signature: signWebhook(SECRET, ts - 600, body), timestamp: String(ts - 600) },
            body,
            nowMs,
          ),
        ).toBe(false);
        expect(
          verifyWebhook("khac", { signature: signWebhook(SECRET, ts, body), timestamp: String(ts) }, body, nowMs),
        ).toBe(false);
      });
    });
  }
});
