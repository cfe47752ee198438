/**
 * Training mode (docs/admin/training.md): the units in training mode with the scheme day their console clock shows,
 * and a flag on dossiers received in training. The flag is set once, at insert, and never changes; every query that
 * feeds reports, the outbox, the TTHC exchange or the public status lookup leaves flagged dossiers out.
 */
import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("dossiers")
    .addColumn("training", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("dossiers_training_idx")
    .on("dossiers")
    .columns(["training", "receiving_unit_id"])
    .execute();
  await db.schema
    .createTable("training_units")
    .addColumn("unit_id", "text", (c) => c.primaryKey())
    // The scheme day (YYYY-MM-DD) the training clock shows, from 08:00 Asia/Ho_Chi_Minh.
    .addColumn("day", "text", (c) => c.notNull())
    // The real instant the clock started at 08:00 of `day` (switch-on or the last reset).
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("started_by", "text", (c) => c.notNull())
    .execute();
}

async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("training_units").execute();
  await db.schema.dropIndex("dossiers_training_idx").execute();
  await db.schema.alterTable("dossiers").dropColumn("training").execute();
}

export const trainingModeMigration: Migration = { up, down };
