/**
 * One citizen behind the Mini App user and the OA follower. The Mini App's id is the Graph /v2.0/me `id` (asked
 * with fields=id only); the OA's webhook events carry the follower's OA id and `user_id_by_app`, the same person's
 * id in our Zalo App. When they match, the two are one citizen, and a notification about a dossier filed in the
 * Mini App goes to the OA user id as a customer-service message.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from "@jest/globals";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { insertDossier } from "../helpers/dossier-rows.js";
import { startGraphStandIn, type GraphStandIn } from "../helpers/zalo-graph-stand-in.js";
import { zaloEvent } from "../helpers/zalo-openapi-stand-in.js";
import { startBot, type Bot } from "./bot.js";
import { loadTargets } from "../../bot-server/src/notify/notify-target.js";
import { chooseChannels } from "../../shared/notify/channels.js";

let serial = 0;
const newOaUser = () => `24684588352961${String(98000 + (serial += 1)).padStart(5, "0")}`;
const newAppUser = () => `33686373423264${String(61000 + (serial += 1)).padStart(5, "0")}`;

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let graph: GraphStandIn;
  let bot: Bot;

  beforeAll(async () => {
    t = await open();
    graph = await startGraphStandIn("TEST_APP_SECRET");
    bot = await startBot(t, { env: { ZALO_GRAPH_BASE: graph.baseUrl } });
  });
  afterAll(async () => {
    await bot?.close();
    await graph?.close();
  });
  beforeEach(() => bot.zalo.reset());

  /** The Mini App signs in with a Zalo access token of this user; returns the citizen id the server gives. */
  async function miniAppSignIn(appUserId: string): Promise<string> {
    const token = `AT-${appUserId}`;
    graph.users.set(token, appUserId);
    const res = await bot.app.request("/api/citizens/me", { headers: { "x-zalo-access-token": token } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { citizenId: string }).citizenId;
  }

  const follow = async (oaUserId: string, appUserId?: string) => {
    await bot.post(
      zaloEvent.follow({ userId: oaUserId, ...(appUserId ? { appUserId } : {}), timestamp: String(bot.nowMs()) }),
    );
    await bot.settle();
  };
  const citizensOf = (appUserId: string, oaUserId: string) =>
    t.db
      .selectFrom("citizens")
      .selectAll()
      .where((eb) => eb.or([eb("zalo_user_id", "=", appUserId), eb("zalo_oa_user_id", "=", oaUserId)]))
      .execute();

  it("asks Graph for the id alone", async () => {
    await miniAppSignIn(newAppUser());
    expect(graph.fieldsAsked.at(-1)).toBe("id");
  });

  it("Mini App first, then a follow of the OA: one citizen with both ids, reached by OA message", async () => {
    const appUser = newAppUser();
    const oaUser = newOaUser();
    const citizenId = await miniAppSignIn(appUser);
    const dossierId = await insertDossier(t.db, {
      code: `000.00.24.H41-251015-${String(serial).padStart(4, "0")}`,
      citizenId,
      state: "received",
      track: "same-day",
    });
    await follow(oaUser, appUser);

    const rows = await citizensOf(appUser, oaUser);
    expect(rows.map((r) => [r.id, r.zalo_user_id, r.zalo_oa_user_id, r.oa_followed])).toEqual([
      [citizenId, appUser, oaUser, 1],
    ]);
    const conversation = await t.db
      .selectFrom("conversations")
      .select("citizen_id")
      .where("oa_user_id", "=", oaUser)
      .executeTakeFirstOrThrow();
    expect(conversation.citizen_id).toBe(citizenId);

    // The dossier's notification now has an OA recipient inside the 7-day window: the CS message comes first.
    const row = {
      id: "o1",
      dossier_id: dossierId,
      event_id: "e1",
      kind: "result_ready",
      payload: "{}",
      status: "pending",
      attempts: 0,
      available_at: "",
      created_at: "",
      updated_at: "",
      last_error: null,
    };
    const targets = await loadTargets(t.db, [row], {
      domain: bot.app.deps.domain,
      linkFor: () => "https://zalo.me/s/1/",
    });
    const recipient = targets.get("o1")!.recipient;
    expect(recipient.oaUserId).toBe(oaUser);
    expect(chooseChannels(recipient, bot.nowMs(), ["oa_cs"])).toEqual(["oa_cs"]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["fields", "actor_kind"])
      .where("subject_id", "=", citizenId)
      .execute();
    expect(audit).toContainEqual({
      fields: JSON.stringify(["oa_followed", "oa_last_interaction_at", "zalo_oa_user_id"]),
      actor_kind: "system",
    });
  });

  it("OA first, then the Mini App: the Mini App signs in as the follower's citizen", async () => {
    const appUser = newAppUser();
    const oaUser = newOaUser();
    await bot.post(
      zaloEvent.text({ userId: oaUser, appUserId: appUser, text: "xin chào", timestamp: String(bot.nowMs()) }),
    );
    await bot.settle();
    const follower = await t.db
      .selectFrom("citizens")
      .selectAll()
      .where("zalo_oa_user_id", "=", oaUser)
      .executeTakeFirstOrThrow();
    expect(follower.zalo_user_id).toBe(appUser);
    expect(await miniAppSignIn(appUser)).toBe(follower.id);
    expect(await citizensOf(appUser, oaUser)).toHaveLength(1);
  });

  it("a follower known before the link joins the Mini App citizen with its conversation", async () => {
    const appUser = newAppUser();
    const oaUser = newOaUser();
    // An event without user_id_by_app (as before the OA was linked to the Zalo App): a separate follower row.
    const event = zaloEvent.text({
      userId: oaUser,
      text: "cho hỏi giờ làm việc",
      timestamp: String(bot.nowMs() - 3_600_000),
    }) as Record<string, unknown>;
    delete event.user_id_by_app;
    await bot.post(event);
    await bot.settle();
    const citizenId = await miniAppSignIn(appUser);
    expect(await citizensOf(appUser, oaUser)).toHaveLength(2);

    await follow(oaUser, appUser);
    const rows = await citizensOf(appUser, oaUser);
    expect(rows.map((r) => [r.id, r.zalo_oa_user_id])).toEqual([[citizenId, oaUser]]);
    expect(rows[0]!.oa_last_interaction_at).not.toBeNull();
    const conversation = await t.db
      .selectFrom("conversations")
      .select("citizen_id")
      .where("oa_user_id", "=", oaUser)
      .executeTakeFirstOrThrow();
    expect(conversation.citizen_id).toBe(citizenId);
  });

  it("never moves an OA id that already belongs to another Mini App user", async () => {
    const oaUser = newOaUser();
    const first = newAppUser();
    await follow(oaUser, first);
    const second = newAppUser();
    const secondCitizen = await miniAppSignIn(second);
    await bot.post(
      zaloEvent.text({
        userId: oaUser,
        appUserId: second,
        text: "xin chào",
        timestamp: String(bot.nowMs() + 1_000_000),
      }),
    );
    await bot.settle();
    const owner = await t.db
      .selectFrom("citizens")
      .select(["zalo_user_id"])
      .where("zalo_oa_user_id", "=", oaUser)
      .executeTakeFirstOrThrow();
    expect(owner.zalo_user_id).toBe(first);
    const other = await t.db
      .selectFrom("citizens")
      .select("zalo_oa_user_id")
      .where("id", "=", secondCitizen)
      .executeTakeFirstOrThrow();
    expect(other.zalo_oa_user_id).toBeNull();
  });
});
