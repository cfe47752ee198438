/** Citizens (người dân) known by a Zalo user id or an anonymous device token (stored hashed). */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export interface CitizenRow {
  id: string;
  kind: "zalo" | "device";
  createdAt: string;
}

function blankCitizen(id: string, now: string) {
  return {
    id,
    zalo_user_id: null,
    zalo_oa_user_id: null,
    device_token_hash: null,
    display_name: null,
    phone: null,
    phone_consent_at: null,
    notify_opt_in_at: null,
    oa_followed: 0,
    oa_last_interaction_at: null,
    miniapp_opened_at: null,
    phone_source: null,
    created_at: now,
    updated_at: now,
  };
}

export async function createDeviceCitizen(db: Db, tokenHash: string, now: string): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("citizens")
    .values({ ...blankCitizen(id, now), device_token_hash: tokenHash })
    .execute();
  return id;
}

export async function findCitizenIdByDeviceTokenHash(db: Db, tokenHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("citizens")
    .select("id")
    .where("device_token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row?.id;
}

/** The citizen of a verified Zalo user id, created on first sight. */
export async function findOrCreateZaloCitizen(db: Db, zaloUserId: string, now: string): Promise<string> {
  const found = await db.selectFrom("citizens").select("id").where("zalo_user_id", "=", zaloUserId).executeTakeFirst();
  if (found) return found.id;
  const id = randomUUID();
  try {
    await db
      .insertInto("citizens")
      .values({ ...blankCitizen(id, now), zalo_user_id: zaloUserId })
      .execute();
    return id;
  } catch (e) {
    // Two first requests of the same user raced: the other insert won.
    const again = await db
      .selectFrom("citizens")
      .select("id")
      .where("zalo_user_id", "=", zaloUserId)
      .executeTakeFirst();
    if (again) return again.id;
    throw e;
  }
}

export async function findCitizen(db: Db, id: string): Promise<CitizenRow | undefined> {
  const row = await db
    .selectFrom("citizens")
    .select(["id", "zalo_user_id", "created_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row && { id: row.id, kind: row.zalo_user_id ? "zalo" : "device", createdAt: row.created_at };
}

/**
 * What the mini-app reports after asking: permission granted sets the opt-in time (kept from the first grant),
 * refused clears it. A follow is recorded; an unfollow comes only from the OA webhook, which knows for sure.
 */
export async function setNotificationOptIn(
  db: Db,
  id: string,
  optIn: { miniAppNotifications: boolean; followedOA: boolean },
  now: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("citizens")
    .select(["notify_opt_in_at", "oa_followed"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return false;
  await db
    .updateTable("citizens")
    .set({
      notify_opt_in_at: optIn.miniAppNotifications ? (row.notify_opt_in_at ?? now) : null,
      oa_followed: optIn.followedOA ? 1 : row.oa_followed,
      updated_at: now,
    })
    .where("id", "=", id)
    .execute();
  return true;
}

/**
 * The citizen used the Mini App inside Zalo now (a call signed with a Zalo access token). Mini App notifications
 * reach only users who opened the app in the last 7 days (https://mini.zalo.me/documents/open-apis/notifications/send/).
 */
export async function noteMiniAppOpened(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable("citizens").set({ miniapp_opened_at: now }).where("id", "=", id).execute();
}

/**
 * An applicant known only at the counter: a citizen row holding nothing yet, linked to the dossier (if it still has
 * no applicant), in one transaction. Returns the new citizen's id.
 */
export async function createCounterApplicant(db: Db, dossierId: string, now: string): Promise<string> {
  const id = randomUUID();
  await db.transaction().execute(async (tx) => {
    await tx.insertInto("citizens").values(blankCitizen(id, now)).execute();
    await tx
      .updateTable("dossiers")
      .set({ citizen_id: id })
      .where("id", "=", dossierId)
      .where("citizen_id", "is", null)
      .execute();
  });
  return id;
}
