/**
 * Outbound webhooks of dossier events to a local stand-in of the province's TTHC system, on SQLite and
 * PostgreSQL: the stand-in checks each signature as the province's adapter would, answers 500 once, and counts
 * what it accepted. Every event reaches the target covering its unit exactly once, after a retry when refused,
 * and none reaches a unit's target that does not cover it.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createSettableClock } from "../../bot-server/src/clock.js";
import {
  backoffMs,
  feedWebhooks,
  sendDueWebhooks,
  signWebhook,
  verifyWebhook,
  type WebhookContext,
} from "../../bot-server/src/integration/webhooks.js";
import { createLog } from "../../bot-server/src/log.js";
import { seed } from "../../bot-server/src/seed.js";
import { appendDossierEvent } from "../../bot-server/src/store/dossiers.js";
import { insertIntegrationTarget, listDeliveries } from "../../bot-server/src/store/integration.js";
import { WebhookEventBody } from "../../shared/reports/exports.js";
import { NAM_DA, QUANG_KHE } from "../console/helpers/console-server.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { insertDossier } from "../helpers/dossier-rows.js";

const SECRET = "bi-mat-cua-tinh-0123456789";

interface Received {
  eventId: string;
  type: string;
  code: string;
  valid: boolean;
}

/** The province's receiver: verifies, refuses the first delivery of `failFirst` with a 500, records the rest. */
function startReceiver(clockMs: () => number, failFirst: Set<string>) {
  const accepted: Received[] = [];
  const refused: string[] = [];
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
      if (failFirst.delete(body.eventId)) {
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
  return { server, accepted, refused };
}

forEachDatabase((name, open) => {
  describe(`webhooks to the province's system (${name})`, () => {
    let t: TestDatabase;
    const clock = createSettableClock();
    clock.set(new Date("2025-10-15T03:00:00.000Z"));
    const failFirst = new Set<string>();
    const receiver = startReceiver(() => clock.now().getTime(), failFirst);
    let ctx: WebhookContext;
    let url = "";
    const eventIds: Record<string, string> = {};

    beforeAll(async () => {
      await new Promise<void>((r) => receiver.server.listen(0, "127.0.0.1", () => r()));
      url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/tthc/events`;
      t = await open();
      await seed(t.db, { now: "2025-10-01T00:00:00.000Z", demoAccounts: false });
      ctx = { db: t.db, clock, log: createLog("silent"), unitsOf: (id) => [id] };
      await insertIntegrationTarget(t.db, { unitId: QUANG_KHE, url, secret: SECRET, now: "2025-10-01T00:00:00.000Z" });
      const qk = await insertDossier(t.db, {
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
      await new Promise<void>((r) => receiver.server.close(() => r()));
      await t?.close();
    });

    it("sends each event of the unit signed, retries the one refused with a 500 after the backoff, and sends nothing twice", async () => {
      expect(await feedWebhooks(ctx)).toBe(3);
      expect(await sendDueWebhooks(ctx)).toBe(1);
      expect(receiver.accepted.map((r) => r.eventId)).toEqual([eventIds.receive]);
      expect(receiver.refused).toEqual([eventIds.start]);

      // Reading the events again (the feeder's overlap, a second process) adds no delivery; nothing is due yet.
      await feedWebhooks(ctx);
      expect(await sendDueWebhooks(ctx)).toBe(0);
      const pending = (await listDeliveries(t.db)).find((d) => d.eventId === eventIds.start)!;
      expect(pending).toMatchObject({ status: "pending", attempts: 1, lastError: "http_500" });

      clock.set(new Date(clock.now().getTime() + backoffMs(1) + 1000));
      expect(await sendDueWebhooks(ctx)).toBe(1);
      expect(await sendDueWebhooks(ctx)).toBe(0);
      expect(receiver.accepted.map((r) => [r.type, r.code])).toEqual([
        ["receive", "000.00.06.H98-251015-0001"],
        ["start_processing", "000.00.06.H98-251015-0001"],
      ]);
      expect(receiver.accepted.every((r) => r.valid)).toBe(true);
      expect(receiver.accepted.some((r) => r.eventId === eventIds.namDa)).toBe(false);
      expect((await listDeliveries(t.db)).map((d) => d.status)).toEqual(["sent", "sent"]);
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
});
