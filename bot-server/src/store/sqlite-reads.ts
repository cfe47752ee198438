/**
 * The hottest public read (dossier status by code) on SQLite through its own read-only connection with a
 * statement prepared once: Kysely prepares every statement anew, which costs more than the lookup itself.
 * WAL mode lets this connection read committed data while the main one writes. PostgreSQL, an in-memory
 * database, or any failure to open falls back to the Kysely path.
 */
import SqliteDatabase from "better-sqlite3";
import { sql, type Kysely } from "kysely";
import { dialectOf } from "./connect.js";
import type { Database } from "./database.js";

export interface DossierStatusColumns {
  id: string;
  code: string;
  procedure_code: string;
  procedure_version_id: string;
  receiving_unit_id: string;
  state: string;
  track: string;
  received_at: string;
  due_date: string;
  result_ready_at: string | null;
  returned_at: string | null;
  missing_documents: string;
}

export interface SqliteReads {
  dossierStatusByCode(code: string): DossierStatusColumns | undefined;
  close(): void;
}

export const DOSSIER_STATUS_COLUMNS = [
  "id",
  "code",
  "procedure_code",
  "procedure_version_id",
  "receiving_unit_id",
  "state",
  "track",
  "received_at",
  "due_date",
  "result_ready_at",
  "returned_at",
  "missing_documents",
] as const;

/** The file behind the main connection, or undefined (PostgreSQL, in-memory). */
async function sqliteFileOf(db: Kysely<Database>): Promise<string | undefined> {
  if (dialectOf(db) !== "sqlite") return undefined;
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db);
  const file = rows[0]?.file;
  return file ? file : undefined;
}

export async function openSqliteReads(db: Kysely<Database>): Promise<SqliteReads | undefined> {
  const file = await sqliteFileOf(db);
  if (!file) return undefined;
  let conn: SqliteDatabase.Database;
  try {
    conn = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    conn.pragma("busy_timeout = 5000");
  } catch {
    return undefined;
  }
  const byCode = conn.prepare(
    `select ${DOSSIER_STATUS_COLUMNS.join(", ")} from dossiers where code = ? and training = 0`,
  );
  return {
    dossierStatusByCode: (code) => byCode.get(code) as DossierStatusColumns | undefined,
    close: () => conn.close(),
  };
}
