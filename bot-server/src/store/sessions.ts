/**
 * Server-side console sessions. The table keeps only the SHA-256 of the cookie token, so a leaked database
 * copy cannot be replayed as a login; the CSRF token is per session.
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export interface SessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function insertSession(db: Db, token: string, s: Omit<SessionRecord, "id">): Promise<SessionRecord> {
  const record = { id: hashSessionToken(token), ...s };
  await db
    .insertInto("sessions")
    .values({ id: record.id, user_id: s.userId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt })
    .execute();
  return record;
}

/** The live session behind a cookie token; expired sessions are not returned. */
export async function findSession(db: Db, token: string, now: string): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom("sessions")
    .selectAll()
    .where("id", "=", hashSessionToken(token))
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, createdAt: row.created_at, expiresAt: row.expires_at };
}

/** The live session with this id (the token's hash), for checks made without the cookie. */
export async function findSessionById(db: Db, id: string, now: string): Promise<SessionRecord | undefined> {
  const row = await db.selectFrom("sessions").selectAll().where("id", "=", id).where("expires_at", ">", now).executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, createdAt: row.created_at, expiresAt: row.expires_at };
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  const r = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
