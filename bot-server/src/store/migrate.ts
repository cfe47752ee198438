/**
 * Runs the migrations listed in code (no folder globbing, so tsx, jest and compiled dist behave alike).
 * Called at every start; already-applied migrations are skipped, concurrent starters wait on Kysely's lock.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from "kysely";
import { dialectOf } from "./connect.js";
import type { Database } from "./database.js";
import { initialMigration } from "./migrations/0001-initial.js";

/** Names sort in apply order; append only. */
export const migrations: Record<string, Migration> = {
  "0001-initial": initialMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrationReport {
  /** Names applied by this call, in order; empty when the schema was already current. */
  applied: string[];
}

/** Brings the schema to the latest version; throws one clear error naming the failed migration. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  // Without an explicit schema Kysely would find its bookkeeping table in *any* schema of a shared PostgreSQL
  // database and skip creating it in ours.
  const schema = dialectOf(db) === "postgres" ? await currentSchema(db) : undefined;
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((r) => r.status === "Error")?.migrationName;
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cập nhật cấu trúc cơ sở dữ liệu thất bại${failed ? ` ở bước ${failed}` : ""} / ` +
        `Database migration failed${failed ? ` at ${failed}` : ""}: ${cause}`,
      { cause: error },
    );
  }
  return { applied: results.filter((r) => r.status === "Success").map((r) => r.migrationName) };
}

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error("Database migration failed: no schema on the PostgreSQL search_path exists");
  return schema;
}
