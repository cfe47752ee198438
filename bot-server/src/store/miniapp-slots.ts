/**
 * Table miniapp_notify_slots: which outbox row holds a Zalo user's one Mini App notification of a Việt Nam day
 * (the rules themselves are in notify/miniapp-gate.ts).
 */
import { sql, type Kysely } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

/** The outbox row holding this user's slot of `day`, if any. */
export async function miniAppSlotOwner(db: Db, zaloUserId: string, day: string): Promise<string | undefined> {
  const slot = await db
    .selectFrom("miniapp_notify_slots")
    .select("outbox_id")
    .where("zalo_user_id", "=", zaloUserId)
    .where("day", "=", day)
    .executeTakeFirst();
  return slot?.outbox_id;
}

export async function miniAppSlotsUsed(db: Db, day: string): Promise<number> {
  const used = await db
    .selectFrom("miniapp_notify_slots")
    .select(sql<number>`count(*)`.as("n"))
    .where("day", "=", day)
    .executeTakeFirstOrThrow();
  return Number(used.n);
}

/** Inserts the slot unless the user already has one that day. */
export async function insertMiniAppSlot(
  db: Db,
  slot: { zaloUserId: string; day: string; outboxId: string; at: string },
): Promise<void> {
  await db
    .insertInto("miniapp_notify_slots")
    .values({ zalo_user_id: slot.zaloUserId, day: slot.day, outbox_id: slot.outboxId, at: slot.at })
    .onConflict((oc) => oc.columns(["zalo_user_id", "day"]).doNothing())
    .execute();
}

export async function deleteMiniAppSlot(db: Db, zaloUserId: string, day: string, outboxId: string): Promise<void> {
  await db
    .deleteFrom("miniapp_notify_slots")
    .where("zalo_user_id", "=", zaloUserId)
    .where("day", "=", day)
    .where("outbox_id", "=", outboxId)
    .execute();
}
