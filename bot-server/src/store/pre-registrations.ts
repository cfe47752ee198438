/**
 * Pre-registrations (đăng ký trước). form_data is personal: callers audit every read and change of it.
 * Citizen-facing lookups always filter by citizen_id, so another citizen's id or code finds nothing.
 */
import type { Kysely } from "kysely";
import { auditRow, type AuditEntry } from "./audit.js";
import type { Database } from "./database.js";
import { createGroupCommit, type GroupCommit } from "./group-commit.js";
import { insertTogether } from "./insert-together.js";

type Db = Kysely<Database>;

export type PreRegistrationStatusValue = "draft" | "submitted" | "finalised" | "cancelled" | "expired";

export interface PreRegistrationRecord {
  id: string;
  code: string;
  citizenId: string;
  unitId: string;
  procedureCode: string;
  procedureVersionId: string;
  status: PreRegistrationStatusValue;
  formData: Record<string, unknown>;
  consentVersion: string | null;
  consentAt: string | null;
  expiresAt: string;
  dossierId: string | null;
  createdAt: string;
  updatedAt: string;
}

type Row = Database["pre_registrations"];

const fromRow = (r: Row): PreRegistrationRecord => ({
  id: r.id,
  code: r.code,
  citizenId: r.citizen_id,
  unitId: r.unit_id,
  procedureCode: r.procedure_code,
  procedureVersionId: r.procedure_version_id,
  status: r.status as PreRegistrationStatusValue,
  formData: JSON.parse(r.form_data) as Record<string, unknown>,
  consentVersion: r.consent_version,
  consentAt: r.consent_at,
  expiresAt: r.expires_at,
  dossierId: r.dossier_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toRow = (p: PreRegistrationRecord): Row => ({
  id: p.id,
  code: p.code,
  citizen_id: p.citizenId,
  unit_id: p.unitId,
  procedure_code: p.procedureCode,
  procedure_version_id: p.procedureVersionId,
  status: p.status,
  form_data: JSON.stringify(p.formData),
  consent_version: p.consentVersion,
  consent_at: p.consentAt,
  expires_at: p.expiresAt,
  dossier_id: p.dossierId,
  created_at: p.createdAt,
  updated_at: p.updatedAt,
});

export async function insertPreRegistration(db: Db, p: PreRegistrationRecord): Promise<void> {
  await db.insertInto("pre_registrations").values(toRow(p)).execute();
}

/** A new pre-registration and the audit entry of the personal data it carries, committed together. */
export interface NewPreRegistration {
  record: PreRegistrationRecord;
  audit?: AuditEntry;
}

export type PreRegistrationWriter = GroupCommit<NewPreRegistration>;

/**
 * Inserts through group commit: concurrent creates share one write (see group-commit.ts), the rows and their audit
 * entries as one statement on PostgreSQL, one transaction on SQLite (insert-together.ts).
 */
export function createPreRegistrationWriter(db: Db): PreRegistrationWriter {
  return createGroupCommit<NewPreRegistration>(async (items) => {
    await insertTogether(db, [
      { table: "pre_registrations", rows: items.map((i) => toRow(i.record)) },
      { table: "audit_log", rows: items.flatMap((i) => (i.audit ? [auditRow(i.audit)] : [])) },
    ]);
  });
}

/** By id or human code, only among this citizen's own pre-registrations. */
export async function findOwnPreRegistration(
  db: Db,
  citizenId: string,
  idOrCode: string,
): Promise<PreRegistrationRecord | undefined> {
  const row = await db
    .selectFrom("pre_registrations")
    .selectAll()
    .where("citizen_id", "=", citizenId)
    .where((eb) => eb.or([eb("id", "=", idOrCode), eb("code", "=", idOrCode)]))
    .executeTakeFirst();
  return row && fromRow(row);
}

/** For the counter: the pre-registration behind a scanned code (any citizen); the caller audits the read. */
export async function findPreRegistrationByCode(db: Db, code: string): Promise<PreRegistrationRecord | undefined> {
  const row = await db.selectFrom("pre_registrations").selectAll().where("code", "=", code).executeTakeFirst();
  return row && fromRow(row);
}

export async function findPreRegistrationById(db: Db, id: string): Promise<PreRegistrationRecord | undefined> {
  const row = await db.selectFrom("pre_registrations").selectAll().where("id", "=", id).executeTakeFirst();
  return row && fromRow(row);
}

export async function listCitizenPreRegistrations(
  db: Db,
  citizenId: string,
  limit = 100,
): Promise<PreRegistrationRecord[]> {
  const rows = await db
    .selectFrom("pre_registrations")
    .selectAll()
    .where("citizen_id", "=", citizenId)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}

export type PreRegistrationChanges = Partial<
  Pick<
    PreRegistrationRecord,
    "unitId" | "status" | "formData" | "consentVersion" | "consentAt" | "expiresAt" | "dossierId" | "updatedAt"
  >
>;

/** Applies changes; `onlyIfStatus` guards against a concurrent change (returns false when the row moved on). */
export async function updatePreRegistration(
  db: Db,
  id: string,
  changes: PreRegistrationChanges,
  onlyIfStatus?: PreRegistrationStatusValue,
): Promise<boolean> {
  const set: Partial<Row> = {};
  if (changes.unitId !== undefined) set.unit_id = changes.unitId;
  if (changes.status !== undefined) set.status = changes.status;
  if (changes.formData !== undefined) set.form_data = JSON.stringify(changes.formData);
  if (changes.consentVersion !== undefined) set.consent_version = changes.consentVersion;
  if (changes.consentAt !== undefined) set.consent_at = changes.consentAt;
  if (changes.expiresAt !== undefined) set.expires_at = changes.expiresAt;
  if (changes.dossierId !== undefined) set.dossier_id = changes.dossierId;
  if (changes.updatedAt !== undefined) set.updated_at = changes.updatedAt;
  let q = db.updateTable("pre_registrations").set(set).where("id", "=", id);
  if (onlyIfStatus) q = q.where("status", "=", onlyIfStatus);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface PurgedPreRegistration {
  id: string;
  status: string;
  /** Names of the erased form fields. */
  fields: string[];
}

/** Deletes up to `limit` expired drafts, submissions never finalised and cancelled ones; returns what was erased. */
export async function deleteExpiredPreRegistrations(
  db: Db,
  now: string,
  limit: number,
): Promise<PurgedPreRegistration[]> {
  const rows = await db
    .selectFrom("pre_registrations")
    .select(["id", "status", "form_data"])
    .where("expires_at", "<=", now)
    .where("status", "in", ["draft", "submitted", "cancelled", "expired"])
    .orderBy("expires_at")
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  await db
    .deleteFrom("pre_registrations")
    .where(
      "id",
      "in",
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({ id: r.id, status: r.status, fields: Object.keys(JSON.parse(r.form_data) as object) }));
}

/**
 * Erases a draft or submitted pre-registration at the citizen's request: the row goes, and with it any console draft
 * (state "draft") an officer started from it, whose events and outbox rows follow by cascade. Returns the erased
 * field names of the console drafts by id, or undefined when the row had moved on (finalised meanwhile).
 */
export async function erasePreRegistration(
  db: Db,
  id: string,
  onlyIfStatus: PreRegistrationStatusValue,
): Promise<{ dossierId: string; fields: string[] }[] | undefined> {
  const drafts = await db
    .selectFrom("dossiers")
    .select(["id", "form_data"])
    .where("pre_registration_id", "=", id)
    .where("state", "=", "draft")
    .execute();
  if (drafts.length > 0)
    await db
      .deleteFrom("dossiers")
      .where(
        "id",
        "in",
        drafts.map((d) => d.id),
      )
      .where("state", "=", "draft")
      .execute();
  const r = await db
    .deleteFrom("pre_registrations")
    .where("id", "=", id)
    .where("status", "=", onlyIfStatus)
    .executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) return undefined;
  return drafts.map((d) => ({ dossierId: d.id, fields: Object.keys(JSON.parse(d.form_data) as object) }));
}
