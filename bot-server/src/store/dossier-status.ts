/** The public, non-personal columns of a dossier, looked up by its code. */
import { sql, type Kysely, type SqlBool } from "kysely";
import type { Database } from "./database.js";
import { preparedQuery } from "./prepared-query.js";
import { DOSSIER_STATUS_COLUMNS, type SqliteReads } from "./sqlite-reads.js";

export interface DossierStatusRow {
  id: string;
  code: string;
  procedureCode: string;
  procedureVersionId: string;
  receivingUnitId: string;
  state: string;
  track: string;
  receivedAt: string;
  dueDate: string;
  resultReadyAt: string | null;
  returnedAt: string | null;
  /** JSON list (Mẫu 02) of documents or document names. */
  missingDocumentsJson: string;
}

const COLUMNS = DOSSIER_STATUS_COLUMNS;

type Row = Pick<Database["dossiers"], (typeof COLUMNS)[number]>;

const toStatus = (r: Row): DossierStatusRow => ({
  id: r.id,
  code: r.code,
  procedureCode: r.procedure_code,
  procedureVersionId: r.procedure_version_id,
  receivingUnitId: r.receiving_unit_id,
  state: r.state,
  track: r.track,
  receivedAt: r.received_at,
  dueDate: r.due_date,
  resultReadyAt: r.result_ready_at,
  returnedAt: r.returned_at,
  missingDocumentsJson: r.missing_documents,
});

/** Training dossiers (docs/admin/training.md) are never found by the public: a literal, so no extra parameter. */
const NOT_TRAINING = sql<SqlBool>`training = 0`;

const byCode = preparedQuery((db) =>
  db.selectFrom("dossiers").select(COLUMNS).where("code", "=", "").where(NOT_TRAINING),
);

/** The public status lookup, the hottest read of the API: through the prepared SQLite reader when there is one. */
export async function findDossierStatusByCode(
  db: Kysely<Database>,
  code: string,
  reads?: SqliteReads,
): Promise<DossierStatusRow | undefined> {
  const row = reads ? reads.dossierStatusByCode(code) : (await byCode(db, [code]))[0];
  return row && toStatus(row);
}

export async function findDossierStatusesByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<DossierStatusRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("dossiers").select(COLUMNS).where("id", "in", ids).where(NOT_TRAINING).execute();
  return rows.map(toStatus);
}

/** The citizen a dossier belongs to (null for walk-ins without a Mini App account). */
export async function findDossierCitizenId(db: Kysely<Database>, code: string): Promise<string | null | undefined> {
  const row = await db
    .selectFrom("dossiers")
    .select("citizen_id")
    .where("code", "=", code)
    .where(NOT_TRAINING)
    .executeTakeFirst();
  return row?.citizen_id;
}
