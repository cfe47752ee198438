/**
 * A sender killed between Zalo's answer and the database write leaves its claim "sending". What happens next
 * depends on what each channel offers, and the delivery history says it truthfully:
 * - ZNS: Zalo's delivery receipt (`user_received_message`, through the OA webhook) carries our tracking_id; with a
 *   receipt the message is not sent again; without one it is sent again with the same tracking_id, "at least once";
 * - Mini App notifications: no lookup, no idempotency key: sent again, and the history says "at least once" (not
 *   "Zalo has no such message", which nobody asked).
 * The kill is simulated as a SIGKILL leaves it: the claim row committed, the send made, nothing recorded after.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { createSettableClock } from "../../bot-server/src/clock.js";
import type { Deps } from "../../bot-server/src/deps.js";
import { claimDeliveries, idempotencyKey } from "../../bot-server/src/store/outbox.js";
import { startNotifications, type Notifications } from "../../bot-server/src/notify/start-notifications.js";
import { deliveryErrorLabelVi } from "../../shared/notify/notify-labels-vi.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { signWebhook, zaloEvent } from "../helpers/zalo-openapi-stand-in.js";
import { insertEvents } from "./helpers/notify-fixtures.js";
import { buildNotifyDeps, MINIAPP_API_KEY, notifyEnv } from "./helpers/notify-deps.js";
import { startZaloWithConversation, type ZaloWithConversation } from "./helpers/zalo-with-conversation.js";

const LEASE_MS = 5000; // NOTIFY_SEND_LEASE_MS of notifyEnv

forEachDatabase((name, open) => {
  let t: TestDatabase;
  let zalo: ZaloWithConversation;
  let deps: Deps;
  let app: TestApp;
  let notifications: Notifications;
  const clock = createSettableClock();

  beforeAll(async () => {
    clock.set(new Date("2025-10-15T10:00:00+07:00"));
    t = await open();
    zalo = await startZaloWithConversation({ now: () => clock.now().getTime() });
    const env = notifyEnv(zalo, { NOTIFY_POLL_MS: "60000" });
    deps = await buildNotifyDeps(t, env, clock);
    notifications = startNotifications(deps);
    // The OA webhook of the same system (the receipts arrive there).
    app = await startTestApp(t, {
      now: clock.now().toISOString(),
      env: { ...env, ZALO_OA_SECRET_KEY: zalo.zalo.oaSecretKey },
    });
  });
  afterAll(async () => {
    await notifications.stop();
    await app.close();
    await deps.zalo.close();
    await app.deps.zalo.close();
    await deps.database.close();
    await zalo.close();
  });

  /** The claim a killed sender leaves: committed before the call to Zalo, never settled. */
  async function claimLeftByKilledSender(outboxId: string, channel: "zns" | "miniapp"): Promise<void> {
    const [got] = await claimDeliveries(t.db, [
      {
        id: randomUUID(),
        outboxId,
        channel,
        attempt: 1,
        at: clock.now().toISOString(),
        trackingId: channel === "zns" ? idempotencyKey(outboxId, "zns") : null,
      },
    ]);
    expect(got).toBe(true);
  }

  async function history(outboxId: string) {
    return t.db
      .selectFrom("deliveries")
      .select(["channel", "attempt", "status", "error_code", "error_message", "tracking_id"])
      .where("outbox_id", "=", outboxId)
      .orderBy("attempt")
      .execute();
  }

  it(`${name}: ZNS with Zalo's delivery receipt for the tracking_id is not sent again`, async () => {
    const at = clock.now().toISOString();
    const [ev] = await insertEvents(t.db, [
      { code: "000.00.24.H41-251015-0101", at, reach: { phone: "0912 345 601", phoneConsentAt: at } },
    ]);
    await claimLeftByKilledSender(ev!.outboxId, "zns");
    // Zalo delivered it and says so on the webhook.
    const receipt = zaloEvent.znsReceived({
      phone: "84912345601",
      trackingId: `${ev!.outboxId}:zns`,
      timestamp: String(clock.now().getTime()),
    });
    const signed = signWebhook(receipt, { appId: zalo.zalo.appId, oaSecretKey: zalo.zalo.oaSecretKey });
    const res = await fetch(`${app.url}/webhook/zalo`, { method: "POST", headers: signed.headers, body: signed.body });
    expect(res.status).toBe(200);

    clock.set(new Date(clock.now().getTime() + LEASE_MS + 1000));
    await notifications.runOnce!();
    expect(
      zalo.zalo.accepted.filter(
        (c) => c.route === "zns" && (c.body as { tracking_id: string }).tracking_id === `${ev!.outboxId}:zns`,
      ),
    ).toHaveLength(0);
    const row = await t.db
      .selectFrom("outbox")
      .select("status")
      .where("id", "=", ev!.outboxId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("sent");
    const [d] = await history(ev!.outboxId);
    expect(d).toMatchObject({ channel: "zns", status: "sent", error_code: null });
    expect(d!.error_message).toContain("delivery receipt");
  });

  it(`${name}: ZNS without a receipt is sent again with the same tracking_id, and the history says "at least once"`, async () => {
    const at = clock.now().toISOString();
    const [ev] = await insertEvents(t.db, [
      { code: "000.00.24.H41-251015-0102", at, reach: { phone: "0912 345 602", phoneConsentAt: at } },
    ]);
    await claimLeftByKilledSender(ev!.outboxId, "zns");
    clock.set(new Date(clock.now().getTime() + LEASE_MS + 1000));
    await notifications.runOnce!();
    const sent = zalo.zalo.accepted.filter((c) => c.route === "zns" && c.recipient === "84912345602");
    expect(sent.map((c) => (c.body as { tracking_id: string }).tracking_id)).toEqual([`${ev!.outboxId}:zns`]);
    const rows = await history(ev!.outboxId);
    expect(rows.map((r) => [r.status, r.error_code])).toEqual([
      ["failed", "zns_no_receipt"],
      ["sent", null],
    ]);
    expect(rows[0]!.error_message).toContain("at least once");
    expect(rows[0]!.error_message).not.toContain("Zalo has no such message");
    expect(deliveryErrorLabelVi("zns_no_receipt")).toContain("ít nhất một lần");
  });

  it(`${name}: a Mini App notification in doubt is sent again, told as "at least once", never as "Zalo has no such message"`, async () => {
    const at = clock.now().toISOString();
    const zaloUserId = "5521772797175870101";
    const [ev] = await insertEvents(t.db, [
      { code: "000.00.24.H41-251015-0103", at, reach: { zaloUserId, optInAt: at } },
    ]);
    await claimLeftByKilledSender(ev!.outboxId, "miniapp");
    // The killed sender's request reached Zalo: the citizen got it once already.
    const first = await fetch(`${zalo.url}/notification/template`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-api-key": `Bearer ${MINIAPP_API_KEY}`,
        "x-user-id": zaloUserId,
        "x-miniapp-id": "3000000000000000001",
      },
      body: JSON.stringify({ templateId: "00126fd75392bacce383", templateData: { title: "Ngày không hẹn" } }),
    });
    expect(first.status).toBe(200);

    clock.set(new Date(clock.now().getTime() + LEASE_MS + 1000));
    await notifications.runOnce!();
    // The channel gives no means to know: it goes again, and the history does not pretend otherwise.
    expect(zalo.zalo.accepted.filter((c) => c.route === "miniapp" && c.recipient === zaloUserId)).toHaveLength(2);
    const rows = await history(ev!.outboxId);
    expect(rows.map((r) => [r.status, r.error_code])).toEqual([
      ["failed", "resent_at_least_once"],
      ["sent", null],
    ]);
    expect(rows[0]!.error_message).toContain("at least once");
    expect(rows[0]!.error_message).not.toContain("Zalo has no such message");
    expect(deliveryErrorLabelVi("resent_at_least_once")).toContain("ít nhất một lần");
  });
});
