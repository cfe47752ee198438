/**
 * Officer accounts (cán bộ, công chức). Password hashes never leave this module except to the verifier;
 * the failed-login counter and lock are updated with single statements so two tabs cannot lose a count.
 */
import type { Kysely, Selectable } from "kysely";
import type { Role } from "../../../shared/data/lifecycle.js";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export interface OfficerRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  /** The leader this officer approves for while that leader is away. */
  delegateFor: string | null;
  phone: string | null;
  zaloUserId: string | null;
  active: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  createdAt: string;
  /** A one-time password from the command line: to be changed at the next sign-in. */
  mustChangePassword: boolean;
}

type Row = Selectable<Database["users"]>;

/** The columns of an account's record (never its password hash), for reads joined with other tables. */
export const OFFICER_COLUMNS = [
  "id",
  "username",
  "display_name",
  "role",
  "unit_id",
  "delegate_for",
  "phone",
  "zalo_user_id",
  "active",
  "failed_logins",
  "locked_until",
  "created_at",
  "must_change_password",
] as const;

export const officerFromRow = (r: Pick<Row, (typeof OFFICER_COLUMNS)[number]>): OfficerRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as Role,
  unitId: r.unit_id,
  delegateFor: r.delegate_for,
  phone: r.phone,
  zaloUserId: r.zalo_user_id,
  active: r.active === 1,
  failedLogins: Number(r.failed_logins),
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
  mustChangePassword: Number(r.must_change_password) === 1,
});

export interface NewOfficer {
  id: string;
  username: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  delegateFor?: string | null;
  phone?: string | null;
  now: string;
}

/** A new, active account with no failed sign-ins. */
function officerRow(o: Omit<NewOfficer, "role"> & { role: string }, mustChangePassword: boolean) {
  return {
    id: o.id,
    username: o.username,
    password_hash: o.passwordHash,
    display_name: o.displayName,
    role: o.role,
    unit_id: o.unitId,
    delegate_for: o.delegateFor ?? null,
    phone: o.phone ?? null,
    zalo_user_id: null,
    active: 1,
    failed_logins: 0,
    locked_until: null,
    created_at: o.now,
    must_change_password: mustChangePassword ? 1 : 0,
  };
}

export async function insertOfficer(db: Db, o: NewOfficer & { mustChangePassword?: boolean }): Promise<void> {
  await db
    .insertInto("users")
    .values(officerRow(o, o.mustChangePassword ?? false))
    .execute();
}

export async function findOfficerByUsername(db: Db, username: string): Promise<OfficerRecord | undefined> {
  const row = await db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
  return row && officerFromRow(row);
}

/** Every account, or a unit's, by user name. */
export async function listOfficers(db: Db, unitId?: string): Promise<OfficerRecord[]> {
  let q = db.selectFrom("users").selectAll().orderBy("username");
  if (unitId !== undefined) q = q.where("unit_id", "=", unitId);
  return (await q.execute()).map(officerFromRow);
}

export async function setOfficerActive(db: Db, id: string, active: boolean): Promise<void> {
  await db
    .updateTable("users")
    .set({ active: active ? 1 : 0 })
    .where("id", "=", id)
    .execute();
}

/** A new password hash; `mustChange`: a one-time password, to be replaced at the next sign-in. */
export async function setOfficerPassword(db: Db, id: string, passwordHash: string, mustChange: boolean): Promise<void> {
  await db
    .updateTable("users")
    .set({
      password_hash: passwordHash,
      must_change_password: mustChange ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
    })
    .where("id", "=", id)
    .execute();
}

export async function findOfficerById(db: Db, id: string): Promise<OfficerRecord | undefined> {
  const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return row && officerFromRow(row);
}

/** The account and its hash, for the login check only. */
export async function findOfficerForLogin(
  db: Db,
  username: string,
): Promise<{ officer: OfficerRecord; passwordHash: string } | undefined> {
  const row = await db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
  return row && { officer: officerFromRow(row), passwordHash: row.password_hash };
}

/** Counts a failure; at `threshold` failures the account locks until `lockUntil` and the count restarts. */
export async function recordFailedLogin(
  db: Db,
  id: string,
  threshold: number,
  lockUntil: string,
): Promise<{ locked: boolean }> {
  await db
    .updateTable("users")
    .set((eb) => ({ failed_logins: eb("failed_logins", "+", 1) }))
    .where("id", "=", id)
    .execute();
  const r = await db
    .updateTable("users")
    .set({ locked_until: lockUntil, failed_logins: 0 })
    .where("id", "=", id)
    .where("failed_logins", ">=", threshold)
    .executeTakeFirst();
  return { locked: Number(r.numUpdatedRows) > 0 };
}

/** Counts one more wrong password in a row on the account; the new count. */
export async function countFailedLogin(db: Db, id: string): Promise<number> {
  await db
    .updateTable("users")
    .set((eb) => ({ failed_logins: eb("failed_logins", "+", 1) }))
    .where("id", "=", id)
    .execute();
  const row = await db.selectFrom("users").select("failed_logins").where("id", "=", id).executeTakeFirst();
  return Number(row?.failed_logins ?? 0);
}

export async function clearFailedLogins(db: Db, id: string): Promise<void> {
  await db.updateTable("users").set({ failed_logins: 0, locked_until: null }).where("id", "=", id).execute();
}

export async function listOfficersOfUnit(db: Db, unitId: string): Promise<OfficerRecord[]> {
  const rows = await db.selectFrom("users").selectAll().where("unit_id", "=", unitId).orderBy("username").execute();
  return rows.map(officerFromRow);
}

export async function findOfficersByIds(db: Db, ids: readonly string[]): Promise<OfficerRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("users")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .execute();
  return rows.map(officerFromRow);
}

/** Which of these usernames are taken. */
export async function takenUsernames(db: Db, usernames: readonly string[]): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  return new Set(
    (await db.selectFrom("users").select("username").where("username", "in", usernames).execute()).map(
      (r) => r.username,
    ),
  );
}

/** An account that is not written if its username exists meanwhile (the first start's demo accounts). */
export async function insertOfficerUnlessTaken(db: Db, o: Omit<NewOfficer, "role"> & { role: string }): Promise<void> {
  await db
    .insertInto("users")
    .values(officerRow(o, false))
    .onConflict((oc) => oc.column("username").doNothing())
    .execute();
}

/** Makes `id` the delegate of the account named `leaderUsername`, if it exists. */
export async function setDelegateOf(db: Db, id: string, leaderUsername: string): Promise<void> {
  const leader = await db.selectFrom("users").select("id").where("username", "=", leaderUsername).executeTakeFirst();
  if (leader) await db.updateTable("users").set({ delegate_for: leader.id }).where("id", "=", id).execute();
}

/** The accounts of these units, by user name (an administrator's scope). */
export async function listOfficersOfUnits(db: Db, unitIds: readonly string[]): Promise<OfficerRecord[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom("users")
    .selectAll()
    .where("unit_id", "in", [...new Set(unitIds)])
    .orderBy("username")
    .execute();
  return rows.map(officerFromRow);
}

/**
 * A new account with a one-time password (to be changed at the next sign-in), unless the user name is taken
 * meanwhile: false then, and nothing is written.
 */
export async function insertOfficerIfFree(db: Db, o: NewOfficer): Promise<boolean> {
  const r = await db
    .insertInto("users")
    .values(officerRow(o, true))
    .onConflict((oc) => oc.column("username").doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A new role; a delegation to approve for a leader ends when the account is no longer a leader. */
export async function setOfficerRole(db: Db, id: string, role: Role): Promise<void> {
  await db
    .updateTable("users")
    .set(role === "leader" ? { role } : { role, delegate_for: null })
    .where("id", "=", id)
    .execute();
}
