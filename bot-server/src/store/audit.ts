/**
 * The audit log of personal data: who read or changed which fields (names only, never values), when, why.
 * Append-only. Pass the transaction when the audited change runs in one, so both commit together.
 */
import type { Kysely } from "kysely";
import type { Database } from "./database.js";
import { timeOrderedId } from "./time-ordered-id.js";

export type AuditActorKind = "citizen" | "officer" | "system";
/** `sign_in_alert`: repeated wrong passwords on an officer account (subject kind `user`), shown to the unit admin. */
export type AuditAction = "read" | "create" | "update" | "delete" | "export" | "purge" | "sign_in_alert";
/** `notification`: an outbox row (a re-drive); `conversation`: a Zalo OA conversation (keyed by the OA user id). */
/** `user`: an officer account (its creation, disabling, password resets, sign-in alerts). */
export type AuditSubjectKind =
  | "pre_registration"
  | "dossier"
  | "citizen"
  | "feedback"
  | "notification"
  | "conversation"
  | "data_request"
  | "chatbot_setting"
  | "user"
  /** A catalogue document a province administrator added or changed (docs/admin/procedures.md). */
  | "procedure_version"
  | "fee"
  /** A unit's training mode (docs/admin/training.md): switched on, off, reset; subject id = the unit id. */
  | "training"
  /** A scheme plan version (catalogue document) and a unit's participation in the plan. */
  | "scheme_plan"
  | "plan_participation"
  /** The working-day calendar: a day (YYYY-MM-DD) or a year's notice (YYYY). */
  | "calendar"

  /** A unit's own office settings (subject id = unit id) and a confirmed fact (subject id = fact id). */
  | "unit_office"
  | "confirmation";

export interface AuditEntry {
  at: string;
  actorKind: AuditActorKind;
  actorId: string | null;
  action: AuditAction;
  subjectKind: AuditSubjectKind;
  subjectId: string;
  /** Field names only. */
  fields: readonly string[];
  reason: string;
}

/** The row of an entry, as inserted (a new time-ordered id each call). */
export const auditRow = (e: AuditEntry) => ({
  id: timeOrderedId(),
  at: e.at,
  actor_kind: e.actorKind,
  actor_id: e.actorId,
  action: e.action,
  subject_kind: e.subjectKind,
  subject_id: e.subjectId,
  fields: JSON.stringify([...e.fields].sort()),
  reason: e.reason,
});

export async function writeAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db.insertInto("audit_log").values(auditRow(entry)).execute();
}

export async function writeAuditMany(db: Kysely<Database>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto("audit_log").values(entries.map(auditRow)).execute();
}

export interface AuditRecord extends AuditEntry {
  id: string;
}

export async function listAuditFor(
  db: Kysely<Database>,
  subjectKind: AuditSubjectKind,
  subjectId: string,
): Promise<AuditRecord[]> {
  const rows = await db
    .selectFrom("audit_log")
    .selectAll()
    .where("subject_kind", "=", subjectKind)
    .where("subject_id", "=", subjectId)
    .orderBy("at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorKind: r.actor_kind as AuditActorKind,
    actorId: r.actor_id,
    action: r.action as AuditAction,
    subjectKind: r.subject_kind as AuditSubjectKind,
    subjectId: r.subject_id,
    fields: JSON.parse(r.fields) as string[],
    reason: r.reason,
  }));
}

export interface SignInAlert {
  at: string;
  userId: string;
  username: string;
  displayName: string;
  reason: string;
}

/** Sign-in alerts on the accounts of a unit since `since`, newest first (what the unit admin is shown). */
export async function listSignInAlerts(
  db: Kysely<Database>,
  unitId: string,
  since: string,
  limit = 20,
): Promise<SignInAlert[]> {
  const rows = await db
    .selectFrom("audit_log")
    .innerJoin("users", "users.id", "audit_log.subject_id")
    .select(["audit_log.at", "audit_log.reason", "users.id as user_id", "users.username", "users.display_name"])
    .where("audit_log.subject_kind", "=", "user")
    .where("audit_log.action", "=", "sign_in_alert")
    .where("users.unit_id", "=", unitId)
    .where("audit_log.at", ">=", since)
    .orderBy("audit_log.at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    at: r.at,
    userId: r.user_id,
    username: r.username,
    displayName: r.display_name,
    reason: r.reason,
  }));
}
