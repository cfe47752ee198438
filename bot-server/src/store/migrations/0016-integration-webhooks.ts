/**
 * The exchange with the province's TTHC information system: where each province or unit wants dossier events
 * sent (URL and signing secret), the deliveries (one per event and target, retried with backoff), the tokens of
 * the read API, and indexes for reading dossiers and events in order of change.
 */
import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("integration_targets")
    .addColumn("id", "text", (c) => c.primaryKey())
    // null: every unit of the province.
    .addColumn("unit_id", "text")
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull().references("integration_targets.id").onDelete("cascade"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // pending | sent | dead
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("available_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("webhook_deliveries_event_target_unique", ["event_id", "target_id"])
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_status_available_idx")
    .on("webhook_deliveries")
    .columns(["status", "available_at"])
    .execute();

  await db.schema
    .createTable("integration_cursor")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("last_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("integration_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    // null: every unit of the province.
    .addColumn("unit_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();

  await db.schema.createIndex("dossier_events_at_id_idx").on("dossier_events").columns(["at", "id"]).execute();
  // Names distinct from other migrations' single-column indexes on the same tables (0015 has dossiers_updated_at_idx).
  await db.schema.createIndex("dossiers_updated_at_id_idx").on("dossiers").columns(["updated_at", "id"]).execute();
  // The province-wide tracking book reads a period of every unit: by received_at alone.
  await db.schema
    .createIndex("dossiers_received_at_code_idx")
    .on("dossiers")
    .columns(["received_at", "code"])
    .execute();
}

async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("dossiers_received_at_code_idx").execute();
  await db.schema.dropIndex("dossiers_updated_at_id_idx").execute();
  await db.schema.dropIndex("dossier_events_at_id_idx").execute();
  await db.schema.dropTable("integration_tokens").execute();
  await db.schema.dropTable("integration_cursor").execute();
  await db.schema.dropTable("webhook_deliveries").execute();
  await db.schema.dropTable("integration_targets").execute();
}

export const integrationWebhooksMigration: Migration = { up, down };
