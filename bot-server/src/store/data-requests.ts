/**
 * Citizens' data: everything held about one citizen (for their own view and download), and their correction
 * requests (migration 0007). Callers audit every read and write; nothing here logs values.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

const parse = (json: string): Record<string, unknown> => {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

export async function readCitizenData(db: Db, citizenId: string) {
  const citizen = await db.selectFrom("citizens").selectAll().where("id", "=", citizenId).executeTakeFirst();
  if (!citizen) return undefined;
  const preRegistrations = await db
    .selectFrom("pre_registrations")
    .selectAll()
    .where("citizen_id", "=", citizenId)
    .orderBy("created_at", "desc")
    .execute();
  const preIds = preRegistrations.map((p) => p.id);
  let dossierQuery = db
    .selectFrom("dossiers")
    .selectAll()
    .where((eb) => {
      const own = eb("citizen_id", "=", citizenId);
      return preIds.length > 0 ? eb.or([own, eb("pre_registration_id", "in", preIds)]) : own;
    });
  dossierQuery = dossierQuery.orderBy("received_at", "desc");
  const dossiers = await dossierQuery.execute();
  const feedback = await db
    .selectFrom("feedback")
    .leftJoin("dossiers", "dossiers.id", "feedback.dossier_id")
    .select([
      "feedback.id",
      "feedback.kind",
      "feedback.rating",
      "feedback.text",
      "feedback.unit_id",
      "feedback.answer",
      "feedback.created_at",
      "dossiers.code as dossier_code",
    ])
    .where("feedback.citizen_id", "=", citizenId)
    .orderBy("feedback.created_at", "desc")
    .execute();
  const requests = await listRequestsOfCitizen(db, citizenId);
  return {
    citizen,
    preRegistrations: preRegistrations.map((p) => ({ ...p, formData: parse(p.form_data) })),
    dossiers: dossiers.map((d) => ({ ...d, formData: parse(d.form_data) })),
    feedback,
    requests,
  };
}

export interface DataRequestRecord {
  id: string;
  citizenId: string;
  unitId: string;
  subject: string;
  reference: string | null;
  text: string;
  status: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  createdAt: string;
}

type Row = Database["data_requests"];
const toRecord = (r: Row): DataRequestRecord => ({
  id: r.id,
  citizenId: r.citizen_id,
  unitId: r.unit_id,
  subject: r.subject,
  reference: r.reference,
  text: r.text,
  status: r.status,
  answer: r.answer,
  answeredBy: r.answered_by,
  answeredAt: r.answered_at,
  createdAt: r.created_at,
});

export async function insertDataRequest(
  db: Db,
  r: { citizenId: string; unitId: string; subject: string; reference: string | null; text: string; now: string },
): Promise<DataRequestRecord> {
  const row: Row = {
    id: randomUUID(),
    citizen_id: r.citizenId,
    unit_id: r.unitId,
    kind: "correction",
    subject: r.subject,
    reference: r.reference,
    text: r.text,
    status: "open",
    answer: null,
    answered_by: null,
    answered_at: null,
    created_at: r.now,
  };
  await db.insertInto("data_requests").values(row).execute();
  return toRecord(row);
}

export async function listRequestsOfCitizen(db: Db, citizenId: string): Promise<DataRequestRecord[]> {
  const rows = await db
    .selectFrom("data_requests")
    .selectAll()
    .where("citizen_id", "=", citizenId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(toRecord);
}

/** `unitId` undefined: every unit (province viewer). */
export async function listRequestsOfUnit(
  db: Db,
  unitId: string | undefined,
  limit = 200,
): Promise<DataRequestRecord[]> {
  let q = db.selectFrom("data_requests").selectAll();
  if (unitId !== undefined) q = q.where("unit_id", "=", unitId);
  const rows = await q.orderBy("status", "desc").orderBy("created_at", "desc").limit(limit).execute();
  return rows.map(toRecord);
}

export async function findDataRequest(db: Db, id: string): Promise<DataRequestRecord | undefined> {
  const row = await db.selectFrom("data_requests").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toRecord(row);
}

/** Only an open request is answered; false when someone answered it first. */
export async function answerDataRequest(
  db: Db,
  id: string,
  a: { status: "done" | "refused"; answer: string; officerId: string; now: string },
): Promise<boolean> {
  const r = await db
    .updateTable("data_requests")
    .set({ status: a.status, answer: a.answer, answered_by: a.officerId, answered_at: a.now })
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
