/**
 * Reports: one row of facts per dossier (shared/reports/dossier-facts.ts), kept current from dossiers.updated_at and
 * the notification deliveries, so a province month or a unit year is a sum over indexed rows. Plus the indexes the
 * catch-up and the feedback counts read by.
 */
import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const FLAGS = [
  "received",
  "same_day",
  "same_day_done",
  "assisted",
  "after_cutoff",
  "other_day",
  "pre_entered",
  "walk_in",
  "completed",
  "early",
  "on_time",
  "late",
  "open",
  "supplement",
  "refused",
  "apology",
  "withdrawn",
  "notified",
  "notified_oa",
  "notified_miniapp",
  "notified_zns",
];

async function up(db: AnyDb): Promise<void> {
  let table = db.schema
    .createTable("report_facts")
    .addColumn("dossier_id", "text", (c) => c.primaryKey())
    .addColumn("unit_id", "text", (c) => c.notNull())
    .addColumn("procedure_code", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("processing_minutes", "integer")
    .addColumn("updated_at", "text", (c) => c.notNull());
  for (const flag of FLAGS) table = table.addColumn(flag, "integer", (c) => c.notNull().defaultTo(0));
  await table.execute();
  // Covers the median query (completed rows of the period ordered by processing time) without reading the table.
  await db.schema
    .createIndex("report_facts_day_unit_idx")
    .on("report_facts")
    .columns(["day", "unit_id", "procedure_code", "completed", "processing_minutes"])
    .execute();
  await db.schema.createIndex("report_facts_unit_day_idx").on("report_facts").columns(["unit_id", "day"]).execute();
  await db.schema
    .createTable("report_state")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("watermark", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("dossiers_updated_at_idx").on("dossiers").column("updated_at").execute();
  await db.schema.createIndex("deliveries_at_idx").on("deliveries").column("at").execute();
  await db.schema.createIndex("feedback_created_at_idx").on("feedback").column("created_at").execute();
}

async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("feedback_created_at_idx").execute();
  await db.schema.dropIndex("deliveries_at_idx").execute();
  await db.schema.dropIndex("dossiers_updated_at_idx").execute();
  await db.schema.dropTable("report_state").execute();
  await db.schema.dropTable("report_facts").execute();
}

export const reportFactsMigration: Migration = { up, down };
