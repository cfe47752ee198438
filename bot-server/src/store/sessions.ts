/**
 * Server-side console sessions. The table keeps only the SHA-256 of the cookie token, so a leaked database
 * copy cannot be replayed as a login; the CSRF token is per session.
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./database.js";
import type { TrainingUnit } from "./training.js";
import { OFFICER_COLUMNS, officerFromRow, type OfficerRecord } from "./users.js";

type Db = Kysely<Database>;

export interface SessionRecord {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  /** Last activity (idle timeout); the creation time on rows older than migration 0004. */
  lastSeenAt: string;
}

type Row = Database["sessions"];
const fromRow = (row: Row): SessionRecord => ({
  id: row.id,
  userId: row.user_id,
  csrfToken: row.csrf_token,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastSeenAt: row.last_seen_at ?? row.created_at,
});

export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function insertSession(
  db: Db,
  token: string,
  s: Omit<SessionRecord, "id" | "lastSeenAt">,
): Promise<SessionRecord> {
  const record = { id: hashSessionToken(token), ...s, lastSeenAt: s.createdAt };
  await db
    .insertInto("sessions")
    .values({
      id: record.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.createdAt,
      expires_at: s.expiresAt,
      last_seen_at: s.createdAt,
    })
    .execute();
  return record;
}

/**
 * The live session behind a cookie token: not past its absolute end, and (with `idleSince`) active after that
 * instant; other sessions are not returned.
 */
export async function findSession(
  db: Db,
  token: string,
  now: string,
  idleSince?: string,
): Promise<SessionRecord | undefined> {
  return findSessionById(db, hashSessionToken(token), now, idleSince);
}

/** The live session with this id (the token's hash), for checks made without the cookie. */
export async function findSessionById(
  db: Db,
  id: string,
  now: string,
  idleSince?: string,
): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom("sessions")
    .selectAll()
    .where("id", "=", id)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  const s = row && fromRow(row);
  return s && (idleSince === undefined || s.lastSeenAt > idleSince) ? s : undefined;
}

export interface SessionOfficer {
  session: SessionRecord;
  officer: OfficerRecord;
  /** The training session of the officer's unit, when that unit is in training mode. */
  training?: TrainingUnit;
}

/**
 * What every console request reads, in one statement: the live session behind a cookie token (as findSession), its
 * account (active or not) and the training session of the account's unit. Undefined without a live session or
 * without its account.
 */
export async function findSessionOfficer(
  db: Db,
  token: string,
  now: string,
  idleSince?: string,
): Promise<SessionOfficer | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .leftJoin("training_units", "training_units.unit_id", "users.unit_id")
    .select(OFFICER_COLUMNS.map((c) => `users.${c}` as const))
    .select([
      "sessions.id as session_id",
      "sessions.csrf_token as session_csrf_token",
      "sessions.created_at as session_created_at",
      "sessions.expires_at as session_expires_at",
      "sessions.last_seen_at as session_last_seen_at",
      "training_units.unit_id as training_unit_id",
      "training_units.day as training_day",
      "training_units.started_at as training_started_at",
      "training_units.started_by as training_started_by",
    ])
    .where("sessions.id", "=", hashSessionToken(token))
    .where("sessions.expires_at", ">", now)
    .executeTakeFirst();
  if (!row) return undefined;
  const session = fromRow({
    id: row.session_id,
    user_id: row.id,
    csrf_token: row.session_csrf_token,
    created_at: row.session_created_at,
    expires_at: row.session_expires_at,
    last_seen_at: row.session_last_seen_at,
  });
  if (idleSince !== undefined && session.lastSeenAt <= idleSince) return undefined;
  const training =
    row.training_unit_id !== null &&
    row.training_day !== null &&
    row.training_started_at !== null &&
    row.training_started_by !== null
      ? {
          unitId: row.training_unit_id,
          day: row.training_day,
          startedAt: row.training_started_at,
          startedBy: row.training_started_by,
        }
      : undefined;
  return { session, officer: officerFromRow(row), ...(training ? { training } : {}) };
}

/** Records the officer's activity (the idle timeout counts from here). */
export async function touchSession(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Ends every session of an account (disabled, password reset). */
export async function deleteSessionsOfUser(db: Db, userId: string): Promise<number> {
  const r = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<number> {
  const r = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
