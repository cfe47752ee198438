/**
 * One citizen behind the two Zalo ids. The Mini App knows the user by the Zalo-App-scoped id (Graph /v2.0/me `id`,
 * zmp-sdk `userInfo.id`); the OA knows the follower by the OA-scoped id (webhook `sender.id` / `follower.id`, which
 * zmp-sdk calls `idByOA`: https://mini.zalo.me/documents/intro/send-message-oa-to-user/). Every OA webhook event
 * also carries `user_id_by_app`, the same user's Zalo-App-scoped id when the OA is linked to our Zalo App
 * [INFERRED: confirm with one real user]. When it names a Mini App citizen, the OA follower row is that citizen:
 * both ids on one row, so the OA customer-service message (addressed by the OA id) reaches the dossiers filed in
 * the Mini App. Ids sent by the mini-app itself are never trusted for this: both come from Zalo (a signed webhook,
 * a Graph answer).
 */
import type { Kysely } from "kysely";
import { writeAudit } from "./audit.js";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export type LinkOutcome = "linked" | "merged" | "already" | "conflict" | "no_follower";

/** Tables whose rows belong to a citizen and follow it when two rows of one person become one. */
const OWNED_BY_CITIZEN = ["conversations", "dossiers", "pre_registrations", "feedback"] as const;

export async function linkOaAndAppIds(
  db: Db,
  ids: { oaUserId: string; appUserId: string; now: string },
): Promise<LinkOutcome> {
  return db.transaction().execute(async (tx) => {
    const follower = await tx
      .selectFrom("citizens")
      .selectAll()
      .where("zalo_oa_user_id", "=", ids.oaUserId)
      .executeTakeFirst();
    if (!follower) return "no_follower";
    if (follower.zalo_user_id === ids.appUserId) return "already";
    if (follower.zalo_user_id !== null) return "conflict";
    const app = await tx
      .selectFrom("citizens")
      .selectAll()
      .where("zalo_user_id", "=", ids.appUserId)
      .executeTakeFirst();
    const audit = (subjectId: string, fields: string[]) =>
      writeAudit(tx, {
        at: ids.now,
        actorKind: "system",
        actorId: null,
        action: "update",
        subjectKind: "citizen",
        subjectId,
        fields,
        reason: "Zalo: tài khoản OA và Mini App của cùng một người được liên kết",
      });
    if (!app) {
      await tx
        .updateTable("citizens")
        .set({ zalo_user_id: ids.appUserId, updated_at: ids.now })
        .where("id", "=", follower.id)
        .execute();
      await audit(follower.id, ["zalo_user_id"]);
      return "linked";
    }
    if (app.zalo_oa_user_id !== null && app.zalo_oa_user_id !== ids.oaUserId) return "conflict";
    // The Mini App citizen stays (it holds the dossiers and the signed-in sessions); the follower row joins it.
    await tx.updateTable("citizens").set({ zalo_oa_user_id: null }).where("id", "=", follower.id).execute();
    const lastInteraction =
      [app.oa_last_interaction_at, follower.oa_last_interaction_at]
        .filter((v): v is string => v !== null)
        .sort()
        .pop() ?? null;
    await tx
      .updateTable("citizens")
      .set({
        zalo_oa_user_id: ids.oaUserId,
        oa_followed: follower.oa_followed,
        oa_last_interaction_at: lastInteraction,
        phone: app.phone ?? follower.phone,
        phone_consent_at: app.phone ? app.phone_consent_at : follower.phone_consent_at,
        phone_source: app.phone ? app.phone_source : follower.phone_source,
        updated_at: ids.now,
      })
      .where("id", "=", app.id)
      .execute();
    for (const table of OWNED_BY_CITIZEN) {
      await tx.updateTable(table).set({ citizen_id: app.id }).where("citizen_id", "=", follower.id).execute();
    }
    await tx.deleteFrom("citizens").where("id", "=", follower.id).execute();
    await audit(app.id, ["zalo_oa_user_id", "oa_followed", "oa_last_interaction_at"]);
    return "merged";
  });
}
