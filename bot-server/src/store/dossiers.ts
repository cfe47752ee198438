/**
 * Dossiers (hồ sơ) and their append-only events. form_data, applicant_* and returned_to are personal: the
 * console audits every read of them. Writes that move a dossier take the state they expect, so two officers
 * acting at once cannot both move it; event numbers are unique per dossier for the same reason.
 */
import { randomUUID } from "node:crypto";
import { sql, type Insertable, type InsertObject, type Kysely, type Selectable } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

/** A line of the documents checklist (thành phần hồ sơ) as received at the counter. */
export interface SubmittedDocument {
  id: string;
  name: string;
  /** "original" | "copy" | "certified_copy" | … (procedure-version document kinds) or the kind actually handed in. */
  kind: string;
  count: number;
  received: boolean;
}

/** A line of Mẫu 02: what the applicant must add, with the number of each kind of copy. */
export interface MissingDocument {
  name: string;
  original: number;
  certifiedCopy: number;
  photocopy: number;
  note?: string;
}

export interface DossierRecord {
  id: string;
  code: string;
  preRegistrationId: string | null;
  citizenId: string | null;
  visitId: string | null;
  receivingUnitId: string;
  competentUnitId: string;
  procedureCode: string;
  procedureVersionId: string;
  planId: string | null;
  track: "same-day" | "normal";
  trackReasons: string[];
  state: string;
  receivedAt: string;
  dueDate: string;
  originalDueDate: string;
  assistedWriting: boolean;
  typedBy: string | null;
  checkedByCitizen: boolean;
  applicantName: string;
  applicantIdNumber: string | null;
  formData: Record<string, unknown>;
  submittedDocuments: SubmittedDocument[];
  caseFlags: string[];
  missingDocuments: MissingDocument[];
  resultReadyAt: string | null;
  returnedAt: string | null;
  returnedTo: string | null;
  notifyStatus: string;
  createdAt: string;
  updatedAt: string;
  /** Received in training mode (docs/admin/training.md): set at insert, never changed by a save. */
  training?: boolean;
}

type Row = Selectable<Database["dossiers"]>;
type NewRow = Insertable<Database["dossiers"]>;

const parse = <T>(s: string, fallback: T): T => {
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

export const dossierFromRow = (r: Row): DossierRecord => ({
  id: r.id,
  code: r.code,
  preRegistrationId: r.pre_registration_id,
  citizenId: r.citizen_id,
  visitId: r.visit_id,
  receivingUnitId: r.receiving_unit_id,
  competentUnitId: r.competent_unit_id,
  procedureCode: r.procedure_code,
  procedureVersionId: r.procedure_version_id,
  planId: r.plan_id,
  track: r.track === "same-day" ? "same-day" : "normal",
  trackReasons: parse<string[]>(r.track_reasons, []),
  state: r.state,
  receivedAt: r.received_at,
  dueDate: r.due_date,
  originalDueDate: r.original_due_date,
  assistedWriting: Number(r.assisted_writing) === 1,
  typedBy: r.typed_by,
  checkedByCitizen: Number(r.checked_by_citizen) === 1,
  applicantName: r.applicant_name,
  applicantIdNumber: r.applicant_id_number,
  formData: parse<Record<string, unknown>>(r.form_data, {}),
  submittedDocuments: parse<SubmittedDocument[]>(r.submitted_documents, []),
  caseFlags: parse<string[]>(r.case_flags, []),
  missingDocuments: parse<MissingDocument[]>(r.missing_documents, []),
  resultReadyAt: r.result_ready_at,
  returnedAt: r.returned_at,
  returnedTo: r.returned_to,
  notifyStatus: r.notify_status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  training: Number(r.training) === 1,
});

/** The row of a dossier record, as inserted. */
export const dossierRow = (d: DossierRecord): NewRow => ({
  id: d.id,
  code: d.code,
  pre_registration_id: d.preRegistrationId,
  citizen_id: d.citizenId,
  visit_id: d.visitId,
  receiving_unit_id: d.receivingUnitId,
  competent_unit_id: d.competentUnitId,
  procedure_code: d.procedureCode,
  procedure_version_id: d.procedureVersionId,
  plan_id: d.planId,
  track: d.track,
  track_reasons: JSON.stringify(d.trackReasons),
  state: d.state,
  received_at: d.receivedAt,
  due_date: d.dueDate,
  original_due_date: d.originalDueDate,
  assisted_writing: d.assistedWriting ? 1 : 0,
  typed_by: d.typedBy,
  checked_by_citizen: d.checkedByCitizen ? 1 : 0,
  applicant_name: d.applicantName,
  applicant_id_number: d.applicantIdNumber,
  form_data: JSON.stringify(d.formData),
  submitted_documents: JSON.stringify(d.submittedDocuments),
  case_flags: JSON.stringify(d.caseFlags),
  missing_documents: JSON.stringify(d.missingDocuments),
  result_ready_at: d.resultReadyAt,
  returned_at: d.returnedAt,
  returned_to: d.returnedTo,
  notify_status: d.notifyStatus,
  created_at: d.createdAt,
  updated_at: d.updatedAt,
  training: d.training ? 1 : 0,
});

export async function insertDossier(db: Db, d: DossierRecord): Promise<void> {
  await db.insertInto("dossiers").values(dossierRow(d)).execute();
}

/**
 * Replaces the row's columns with `d` when the stored state is still `expectedState`; false when another
 * officer moved the dossier first.
 */
export async function saveDossier(db: Db, d: DossierRecord, expectedState: string): Promise<boolean> {
  // The training flag is never saved over: a dossier is a training dossier from its insert to its deletion.
  const { id: _id, created_at: _created, training: _training, ...columns } = dossierRow(d);
  const r = await db
    .updateTable("dossiers")
    .set(columns)
    .where("id", "=", d.id)
    .where("state", "=", expectedState)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function findDossierById(db: Db, id: string): Promise<DossierRecord | undefined> {
  const row = await db.selectFrom("dossiers").selectAll().where("id", "=", id).executeTakeFirst();
  return row && dossierFromRow(row);
}

export async function findDossierByCode(db: Db, code: string): Promise<DossierRecord | undefined> {
  const row = await db.selectFrom("dossiers").selectAll().where("code", "=", code).executeTakeFirst();
  return row && dossierFromRow(row);
}

export interface DossierQuery {
  /** Only this receiving unit; undefined = every unit (province viewer). */
  unitId?: string;
  states?: readonly string[];
  track?: "same-day" | "normal";
  receivedFrom?: string;
  receivedBefore?: string;
  /** Due on or before this date (YYYY-MM-DD). */
  dueOnOrBefore?: string;
  visitId?: string;
  /** Only training dossiers (true) or only real ones (false); undefined = both. */
  training?: boolean;
  limit?: number;
}

export async function listDossiers(db: Db, q: DossierQuery): Promise<DossierRecord[]> {
  let query = db.selectFrom("dossiers").selectAll();
  if (q.unitId !== undefined) query = query.where("receiving_unit_id", "=", q.unitId);
  if (q.states && q.states.length > 0) query = query.where("state", "in", [...q.states]);
  if (q.track) query = query.where("track", "=", q.track);
  if (q.receivedFrom) query = query.where("received_at", ">=", q.receivedFrom);
  if (q.receivedBefore) query = query.where("received_at", "<", q.receivedBefore);
  if (q.dueOnOrBefore) query = query.where("due_date", "<=", q.dueOnOrBefore);
  if (q.visitId) query = query.where("visit_id", "=", q.visitId);
  if (q.training !== undefined) query = query.where("training", "=", q.training ? 1 : 0);
  const rows = await query
    .orderBy("received_at")
    .limit(q.limit ?? 500)
    .execute();
  return rows.map(dossierFromRow);
}

export interface DossierEventRecord {
  id: string;
  dossierId: string;
  seq: number;
  type: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  actorRole: string | null;
  at: string;
  data: Record<string, unknown>;
}

export interface NewDossierEvent {
  dossierId: string;
  type: string;
  fromState: string | null;
  toState: string;
  actorId: string | null;
  actorRole: string | null;
  at: string;
  /** Never personal data. */
  data: Record<string, unknown>;
}

/**
 * The row of an event: `seq` given (1 for the first event of a dossier written in the same statement) or "next",
 * the dossier's last number + 1 read by the INSERT itself.
 */
export function dossierEventRow(
  id: string,
  e: NewDossierEvent,
  seq: number | "next",
): InsertObject<Database, "dossier_events"> {
  return {
    id,
    dossier_id: e.dossierId,
    seq:
      seq === "next"
        ? sql<number>`(select coalesce(max(seq), 0) + 1 from dossier_events where dossier_id = ${e.dossierId})`
        : seq,
    type: e.type,
    from_state: e.fromState,
    to_state: e.toState,
    actor_id: e.actorId,
    actor_role: e.actorRole,
    at: e.at,
    data: JSON.stringify(e.data),
  };
}

/**
 * Appends the next event (seq = last + 1, read and written by one statement); the unique (dossier_id, seq) refuses
 * a concurrent duplicate.
 */
export async function appendDossierEvent(db: Db, e: NewDossierEvent): Promise<DossierEventRecord> {
  const id = randomUUID();
  const row = await db
    .insertInto("dossier_events")
    .values(dossierEventRow(id, e, "next"))
    .returning("seq")
    .executeTakeFirstOrThrow();
  return { id, seq: Number(row.seq), ...e };
}

export async function listDossierEvents(db: Db, dossierId: string): Promise<DossierEventRecord[]> {
  const rows = await db
    .selectFrom("dossier_events")
    .selectAll()
    .where("dossier_id", "=", dossierId)
    .orderBy("seq")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    dossierId: r.dossier_id,
    seq: Number(r.seq),
    type: r.type,
    fromState: r.from_state,
    toState: r.to_state,
    actorId: r.actor_id,
    actorRole: r.actor_role,
    at: r.at,
    data: parse<Record<string, unknown>>(r.data, {}),
  }));
}

/** The newest open console draft started from this pre-entry (at this unit when given). */
export async function findOpenDraftOfPreRegistration(
  db: Db,
  preRegistrationId: string,
  unitId: string | null,
): Promise<DossierRecord | undefined> {
  let q = db
    .selectFrom("dossiers")
    .selectAll()
    .where("pre_registration_id", "=", preRegistrationId)
    .where("state", "=", "draft");
  if (unitId) q = q.where("receiving_unit_id", "=", unitId);
  const row = await q.orderBy("updated_at", "desc").executeTakeFirst();
  return row && dossierFromRow(row);
}

/** What discarding a draft checks and audits. */
export async function findDraftFacts(db: Db, id: string) {
  return db
    .selectFrom("dossiers")
    .select(["id", "code", "state", "receiving_unit_id", "form_data"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Deletes the dossier if it is still a draft. */
export async function deleteDraft(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom("dossiers").where("id", "=", id).where("state", "=", "draft").executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function findDossierCode(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom("dossiers").select("code").where("id", "=", id).executeTakeFirst())?.code;
}

/** Whose dossier it is and where it was received (the applicant's phone at the counter). */
export async function findDossierApplicant(db: Db, id: string) {
  return db
    .selectFrom("dossiers")
    .select(["id", "citizen_id", "receiving_unit_id"])
    .where("id", "=", id)
    .executeTakeFirst();
}
