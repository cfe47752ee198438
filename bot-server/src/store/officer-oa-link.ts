/**
 * Linking an officer to their Zalo account on the OA, for leader alerts. An OA user id is not something anyone can
 * type: the officer asks the console for a short-lived code and sends it to the OA from their own Zalo; the webhook
 * event then carries their OA user id (`sender.id`), which becomes users.zalo_user_id. The code is kept hashed.
 */
import { createHash, randomInt } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export const OA_LINK_CODE_TTL_MS = 15 * 60_000;
/** "NV 1234 5678": eight digits after NV (nhân viên), spaces or dashes allowed, diacritics and case ignored. */
export const OA_LINK_MESSAGE = /^\s*nv[\s.:-]*((?:\d[\s-]*){8})\s*$/i;

const hash = (digits: string) => createHash("sha256").update(`oa-link:${digits}`).digest("hex");

export function parseOaLinkMessage(text: string): string | undefined {
  const m = OA_LINK_MESSAGE.exec(text);
  return m?.[1]?.replace(/\D/g, "");
}

export async function issueOaLinkCode(
  db: Db,
  userId: string,
  nowMs: number,
): Promise<{ code: string; message: string; expiresAt: string }> {
  const digits = String(randomInt(0, 100_000_000)).padStart(8, "0");
  const expiresAt = new Date(nowMs + OA_LINK_CODE_TTL_MS).toISOString();
  await db
    .updateTable("users")
    .set({ zalo_link_code_hash: hash(digits), zalo_link_code_expires_at: expiresAt })
    .where("id", "=", userId)
    .execute();
  return { code: digits, message: `NV ${digits.slice(0, 4)} ${digits.slice(4)}`, expiresAt };
}

export type OaLinkOutcome = { ok: true; userId: string; displayName: string } | { ok: false };

/** The OA user `oaUserId` sent `digits`: link them to the officer whose live code it is (and to no one else). */
export async function redeemOaLinkCode(
  db: Db,
  digits: string,
  oaUserId: string,
  nowIso: string,
): Promise<OaLinkOutcome> {
  return db.transaction().execute(async (tx) => {
    const user = await tx
      .selectFrom("users")
      .select(["id", "display_name"])
      .where("zalo_link_code_hash", "=", hash(digits))
      .where("zalo_link_code_expires_at", ">", nowIso)
      .where("active", "=", 1)
      .executeTakeFirst();
    if (!user) return { ok: false };
    await tx
      .updateTable("users")
      .set({ zalo_user_id: null })
      .where("zalo_user_id", "=", oaUserId)
      .where("id", "!=", user.id)
      .execute();
    await tx
      .updateTable("users")
      .set({ zalo_user_id: oaUserId, zalo_link_code_hash: null, zalo_link_code_expires_at: null })
      .where("id", "=", user.id)
      .execute();
    return { ok: true, userId: user.id, displayName: user.display_name };
  });
}

export async function oaLinkState(
  db: Db,
  userId: string,
  nowIso: string,
): Promise<{ linked: boolean; codeExpiresAt: string | null }> {
  const u = await db
    .selectFrom("users")
    .select(["zalo_user_id", "zalo_link_code_expires_at"])
    .where("id", "=", userId)
    .executeTakeFirst();
  const live =
    u?.zalo_link_code_expires_at && u.zalo_link_code_expires_at > nowIso ? u.zalo_link_code_expires_at : null;
  return { linked: !!u?.zalo_user_id, codeExpiresAt: live };
}

export async function unlinkOa(db: Db, userId: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ zalo_user_id: null, zalo_link_code_hash: null, zalo_link_code_expires_at: null })
    .where("id", "=", userId)
    .execute();
}
