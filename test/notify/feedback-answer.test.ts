/**
 * The unit answers a complaint filed without a dossier: the answer notice reaches the citizen who wrote it (read
 * through the feedback, there being no dossier to go through) as exactly one OA message, nobody else gets it.
 * The answer is given through the console's HTTP route, the real server; embedded mode on SQLite and PostgreSQL,
 * and Redis mode (the relay chooses the first queue from the same recipient) when a Redis is available.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "@jest/globals";
import { createServer } from "../../bot-server/src/server.js";
import type { Deps } from "../../bot-server/src/deps.js";
import { startNotifications, type Notifications } from "../../bot-server/src/notify/start-notifications.js";
import { insertFeedback } from "../../bot-server/src/store/feedback.js";
import { consoleClient, createOfficer } from "../console/helpers/console-server.js";
import { forEachDatabase, requireRedis, type TestDatabase } from "../helpers/databases.js";
import { DEMO_UNIT_ID, insertApplicant, nowIso, oaUserId } from "./helpers/notify-fixtures.js";
import { buildNotifyDeps, notifyEnv } from "./helpers/notify-deps.js";
import { outboxSettled } from "./helpers/outbox-counts.js";
import { deleteRedisPrefix } from "./helpers/redis-keys.js";
import { waitUntil } from "./helpers/wait-until.js";
import { startZaloWithConversation, type ZaloWithConversation } from "./helpers/zalo-with-conversation.js";

const ANSWER_NOTICE =
  "Bộ phận Một cửa UBND xã Quảng Khê đã trả lời góp ý của ông/bà. Mời ông/bà xem câu trả lời trong Mini App.";
const redisUrl = requireRedis();

forEachDatabase((_name, open) => {
  let t: TestDatabase | undefined;
  let zalo: ZaloWithConversation | undefined;
  let deps: Deps | undefined;
  let notifications: Notifications | undefined;
  let server: Server | undefined;

  afterEach(async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await notifications?.stop();
    if (deps) await deps.zalo.close();
    await deps?.database.close();
    if (deps && redisUrl) await deleteRedisPrefix(redisUrl, deps.config.NOTIFY_QUEUE_PREFIX);
    await zalo?.close();
    await t?.close();
    server = notifications = deps = zalo = t = undefined;
  });

  async function answerDossierLessComplaint(
    env: Record<string, string>,
  ): Promise<{ author: string; bystander: string; db: TestDatabase }> {
    t = await open();
    zalo = await startZaloWithConversation();
    deps = await buildNotifyDeps(t, notifyEnv(zalo, { NOTIFY_POLL_MS: "60000", ...env }));
    notifications = startNotifications(deps);
    server = createServer(deps).listen(0);
    await new Promise<void>((r) => server!.once("listening", () => r()));

    const author = oaUserId(801);
    const bystander = oaUserId(802);
    const authorId = await insertApplicant(t.db, { oaUserId: author, interactedAt: nowIso() });
    await insertApplicant(t.db, { oaUserId: bystander, interactedAt: nowIso() });
    const feedbackId = await insertFeedback(t.db, {
      dossierId: null,
      unitId: DEMO_UNIT_ID,
      citizenId: authorId,
      kind: "complaint",
      rating: null,
      text: "Bảng hướng dẫn tại quầy chưa ghi giờ nhận hồ sơ.",
      status: "open",
      now: nowIso(),
    });

    await createOfficer(deps, "qk.phanhoi", "counter_officer", DEMO_UNIT_ID);
    const officer = await consoleClient(`http://localhost:${(server.address() as AddressInfo).port}`);
    expect((await officer.login("qk.phanhoi")).status).toBe(200);
    const answered = await officer.json("POST", `/console/api/feedback/${feedbackId}/answer`, {
      answer: "Đơn vị đã bổ sung giờ nhận hồ sơ trên bảng hướng dẫn.",
    });
    expect(answered.status).toBe(200);

    const rows = await t.db.selectFrom("outbox").select(["kind", "dossier_id", "payload"]).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "feedback_answer", dossier_id: null });
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({ feedbackId });
    return { author, bystander, db: t };
  }

  it("embedded: the author of dossier-less feedback gets exactly one OA message with the answer notice", async () => {
    const { author, db } = await answerDossierLessComplaint({});
    expect(notifications!.mode).toBe("embedded");
    await notifications!.runOnce!();
    await notifications!.runOnce!();

    expect(zalo!.zalo.csMessages.map((m) => [m.recipient, m.text])).toEqual([[author, ANSWER_NOTICE]]);
    const outbox = await db.db.selectFrom("outbox").select(["status", "last_error"]).executeTakeFirstOrThrow();
    expect(outbox).toEqual({ status: "sent", last_error: null });
    const deliveries = await db.db.selectFrom("deliveries").select(["channel", "status", "attempt"]).execute();
    expect(deliveries).toEqual([{ channel: "oa_cs", status: "sent", attempt: 1 }]);
  });

  (redisUrl ? it : it.skip)("Redis: the relay reaches the same author, once", async () => {
    const { author, db } = await answerDossierLessComplaint({ REDIS_URL: redisUrl!, NOTIFY_POLL_MS: "20" });
    expect(notifications!.mode).toBe("redis");
    await zalo!.zalo.waitFor("cs", 1);
    await waitUntil(() => outboxSettled(db.db), "the outbox row to settle");
    expect(zalo!.zalo.csMessages.map((m) => [m.recipient, m.text])).toEqual([[author, ANSWER_NOTICE]]);
    expect((await db.db.selectFrom("outbox").select("status").executeTakeFirstOrThrow()).status).toBe("sent");
  });
});
