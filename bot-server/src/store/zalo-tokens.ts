/** Table zalo_tokens: the OA's one access/refresh token pair (zalo/token-store.ts owns the refresh rules). */
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export interface StoredZaloTokens {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: string;
}

export async function readZaloTokens(db: Db, id: string): Promise<StoredZaloTokens | undefined> {
  const row = await db.selectFrom("zalo_tokens").selectAll().where("id", "=", id).executeTakeFirst();
  return row
    ? { accessToken: row.access_token, refreshToken: row.refresh_token, accessExpiresAt: row.access_expires_at }
    : undefined;
}

export async function saveZaloTokens(db: Db, id: string, tokens: StoredZaloTokens, now: string): Promise<void> {
  const values = {
    access_token: tokens.accessToken,
    refresh_token: tokens.refreshToken,
    access_expires_at: tokens.accessExpiresAt,
    updated_at: now,
  };
  await db
    .insertInto("zalo_tokens")
    .values({ id, ...values })
    .onConflict((oc) => oc.column("id").doUpdateSet(values))
    .execute();
}
