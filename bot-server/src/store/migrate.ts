/**
 * Runs the migrations listed in code (no folder globbing, so tsx, jest and compiled dist behave alike).
 * Called at every start; already-applied migrations are skipped. Concurrent starters (server and worker) wait:
 * on PostgreSQL on Kysely's advisory lock, on SQLite on BEGIN IMMEDIATE (migrateSqlite). Run it before serving:
 * on SQLite other statements sent through the same handle meanwhile would join the migration transaction.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from "kysely";
import { SQLITE_BUSY_TIMEOUT_MS, dialectOf } from "./connect.js";
import type { Database } from "./database.js";
import { initialMigration } from "./migrations/0001-initial.js";
import { feedbackOneRatingMigration } from "./migrations/0002-feedback-one-rating.js";
import { conversationWaitingSinceMigration } from "./migrations/0003-conversation-waiting-since.js";
import { sessionIdleAndFirstPasswordMigration } from "./migrations/0004-session-idle-and-first-password.js";
import { znsReceiptsMigration } from "./migrations/0006-zns-receipts.js";
import { dataRequestsMigration } from "./migrations/0007-data-requests.js";
import { chatbotDemoNotedMigration } from "./migrations/0014-chatbot-demo-noted.js";
import { zaloIdentityAndChannelsMigration } from "./migrations/0012-zalo-identity-and-channels.js";
import { reportFactsMigration } from "./migrations/0015-report-facts.js";
import { integrationWebhooksMigration } from "./migrations/0016-integration-webhooks.js";
import { webhooksThroughOutboxMigration } from "./migrations/0021-webhooks-through-outbox.js";
import { trainingModeMigration } from "./migrations/0027-training-mode.js";

/** Names sort in apply order; append only. */
export const migrations: Record<string, Migration> = {
  "0001-initial": initialMigration,
  "0002-feedback-one-rating": feedbackOneRatingMigration,
  "0003-conversation-waiting-since": conversationWaitingSinceMigration,
  "0004-session-idle-and-first-password": sessionIdleAndFirstPasswordMigration,
  "0006-zns-receipts": znsReceiptsMigration,
  "0007-data-requests": dataRequestsMigration,
  "0012-zalo-identity-and-channels": zaloIdentityAndChannelsMigration,
  "0014-chatbot-demo-noted": chatbotDemoNotedMigration,
  "0015-report-facts": reportFactsMigration,
  "0016-integration-webhooks": integrationWebhooksMigration,
  "0021-webhooks-through-outbox": webhooksThroughOutboxMigration,
  "0027-training-mode": trainingModeMigration,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrationReport {
  /** Names applied by this call, in order; empty when the schema was already current. */
  applied: string[];
}

/** Brings the schema to the latest version; throws one clear error naming the failed migration. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  // PostgreSQL: name the current schema, or Kysely finds its bookkeeping table in *any* schema of a shared
  // database (another test's, another tenant's) and skips creating it in ours.
  const { error, results = [] } =
    dialectOf(db) === "postgres"
      ? await new Migrator({ db, provider, migrationTableSchema: await currentSchema(db) }).migrateToLatest()
      : await migrateSqlite(db);
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

/**
 * Kysely takes no lock on SQLite and its deferred BEGIN lets two starters (server and worker) both see an empty
 * schema. Hold SQLite's write lock (BEGIN IMMEDIATE) around the whole run instead, waiting without blocking
 * the event loop, and roll everything back on failure.
 */
async function migrateSqlite(db: Kysely<Database>): Promise<MigrationResultSet> {
  await beginImmediate(db);
  const resultSet = await new Migrator({ db, provider, disableTransactions: true }).migrateToLatest();
  await sql.raw(resultSet.error === undefined ? "commit" : "rollback").execute(db);
  return resultSet;
}

async function beginImmediate(db: Kysely<Database>): Promise<void> {
  await sql`pragma busy_timeout = 0`.execute(db);
  try {
    for (let waitedMs = 0; ; waitedMs += LOCK_POLL_MS) {
      try {
        await sql`begin immediate`.execute(db);
        return;
      } catch (err) {
        const busy = String((err as { code?: unknown }).code ?? "").startsWith("SQLITE_BUSY");
        if (!busy || waitedMs >= LOCK_WAIT_MS) throw err;
        await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
      }
    }
  } finally {
    await sql.raw(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`).execute(db);
  }
}

const LOCK_POLL_MS = 50;
const LOCK_WAIT_MS = 60_000;

async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new Error("Database migration failed: no schema on the PostgreSQL search_path exists");
  return schema;
}

/** Names of the migrations in code not yet applied to this database (readiness); throws when it cannot tell. */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const migrator =
    dialectOf(db) === "postgres"
      ? new Migrator({ db, provider, migrationTableSchema: await currentSchema(db) })
      : new Migrator({ db, provider });
  return (await migrator.getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}
