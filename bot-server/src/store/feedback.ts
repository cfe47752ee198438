/**
 * Feedback rows (đánh giá, phản ánh, kiến nghị). `text` and `answer` are personal free text: callers audit
 * every write and read, and nothing here logs them.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export interface NewFeedback {
  dossierId: string | null;
  unitId: string;
  citizenId: string;
  kind: string;
  rating: string | null;
  text: string | null;
  status: string;
  now: string;
}

export interface FeedbackRecord {
  id: string;
  dossierId: string | null;
  dossierCode: string | null;
  unitId: string;
  citizenId: string | null;
  kind: string;
  rating: string | null;
  text: string | null;
  status: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  createdAt: string;
}

/** A dossier the citizen owns: recorded on the dossier, or through the pre-registration it came from. */
export interface OwnedDossier {
  id: string;
  code: string;
  receivingUnitId: string;
  state: string;
  resultReadyAt: string | null;
  returnedAt: string | null;
}

export async function findOwnedDossier(db: Db, citizenId: string, code: string): Promise<OwnedDossier | undefined> {
  const row = await db
    .selectFrom("dossiers as d")
    .leftJoin("pre_registrations as p", "p.id", "d.pre_registration_id")
    .select([
      "d.id",
      "d.code",
      "d.receiving_unit_id",
      "d.state",
      "d.result_ready_at",
      "d.returned_at",
      "d.citizen_id",
      "p.citizen_id as pre_citizen_id",
    ])
    .where("d.code", "=", code)
    .executeTakeFirst();
  if (!row || (row.citizen_id !== citizenId && row.pre_citizen_id !== citizenId)) return undefined;
  return {
    id: row.id,
    code: row.code,
    receivingUnitId: row.receiving_unit_id,
    state: row.state,
    resultReadyAt: row.result_ready_at,
    returnedAt: row.returned_at,
  };
}

export async function hasRating(db: Db, dossierId: string, citizenId: string): Promise<boolean> {
  const row = await db
    .selectFrom("feedback")
    .select("id")
    .where("dossier_id", "=", dossierId)
    .where("citizen_id", "=", citizenId)
    .where("kind", "=", "rating")
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertFeedback(db: Db, f: NewFeedback): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("feedback")
    .values({
      id,
      dossier_id: f.dossierId,
      unit_id: f.unitId,
      citizen_id: f.citizenId,
      kind: f.kind,
      rating: f.rating,
      text: f.text,
      status: f.status,
      answer: null,
      answered_by: null,
      answered_at: null,
      created_at: f.now,
    })
    .execute();
  return id;
}

function feedbackQuery(db: Db) {
  return db
    .selectFrom("feedback as f")
    .leftJoin("dossiers as d", "d.id", "f.dossier_id")
    .select([
      "f.id",
      "f.dossier_id",
      "d.code as dossier_code",
      "f.unit_id",
      "f.citizen_id",
      "f.kind",
      "f.rating",
      "f.text",
      "f.status",
      "f.answer",
      "f.answered_by",
      "f.answered_at",
      "f.created_at",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof feedbackQuery>["execute"]>>[number];

const toRecord = (r: Row): FeedbackRecord => ({
  id: r.id,
  dossierId: r.dossier_id,
  dossierCode: r.dossier_code,
  unitId: r.unit_id,
  citizenId: r.citizen_id,
  kind: r.kind,
  rating: r.rating,
  text: r.text,
  status: r.status,
  answer: r.answer,
  answeredBy: r.answered_by,
  answeredAt: r.answered_at,
  createdAt: r.created_at,
});

export async function listFeedbackOfCitizen(db: Db, citizenId: string, limit = 100): Promise<FeedbackRecord[]> {
  const rows = await feedbackQuery(db)
    .where("f.citizen_id", "=", citizenId)
    .orderBy("f.created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

/** A unit's feedback, open first then newest; `unitId` undefined means every unit (province viewer). */
export async function listFeedbackOfUnit(
  db: Db,
  unitId: string | undefined,
  status: string | undefined,
  limit = 200,
): Promise<FeedbackRecord[]> {
  let q = feedbackQuery(db);
  if (unitId !== undefined) q = q.where("f.unit_id", "=", unitId);
  if (status !== undefined) q = q.where("f.status", "=", status);
  const rows = await q.orderBy("f.created_at", "desc").limit(limit).execute();
  return rows.map(toRecord);
}

export async function findFeedback(db: Db, id: string): Promise<FeedbackRecord | undefined> {
  const row = await feedbackQuery(db).where("f.id", "=", id).executeTakeFirst();
  return row && toRecord(row);
}

/** Sets the answer once; false when the row was answered meanwhile. */
export async function answerFeedback(
  db: Db,
  id: string,
  answer: string,
  officerId: string,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable("feedback")
    .set({ answer, answered_by: officerId, answered_at: now, status: "answered" })
    .where("id", "=", id)
    .where("answer", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
