/**
 * Citizens' requests to correct their personal data (Luật số 91/2025/QH15), addressed to the unit that holds the
 * data, answered by its unit administrator. The request text is personal: read and written under audit.
 */
import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("data_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("citizen_id", "text", (c) => c.notNull().references("citizens.id").onDelete("cascade"))
    .addColumn("unit_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("reference", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("answer", "text")
    .addColumn("answered_by", "text")
    .addColumn("answered_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("data_requests_unit_idx")
    .on("data_requests")
    .columns(["unit_id", "status", "created_at"])
    .execute();
  await db.schema.createIndex("data_requests_citizen_idx").on("data_requests").column("citizen_id").execute();
}

async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("data_requests").execute();
}

export const dataRequestsMigration: Migration = { up, down };
