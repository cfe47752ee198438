/**
 * Initial schema: every table of database.ts. One DDL for SQLite and PostgreSQL: text keys, ISO timestamps
 * and JSON as text, booleans as integer 0/1 (docs/architecture.md#storage). Never edit once released: add a new migration.
 * Not enforced by a foreign key, on purpose: pre_registrations.dossier_id (the cycle with
 * dossiers.pre_registration_id; SQLite cannot add a constraint later), actor ids (officer, citizen or system),
 * procedure_version_id / plan_id (catalog_documents has a composite key), visit_id (no table).
 */
import type { Kysely, Migration } from "kysely";

// Kysely's migration docs: migrations take Kysely<any> so they stay valid when database.ts changes later.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("units")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("parent_id", "text", (c) => c.references("units.id"))
    .addColumn("valid_from", "text", (c) => c.notNull())
    .addColumn("valid_to", "text")
    .addColumn("folded_name", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("units_code_idx").on("units").column("code").execute();
  await db.schema.createIndex("units_parent_id_idx").on("units").column("parent_id").execute();

  await db.schema
    .createTable("unit_successions")
    .addColumn("from_id", "text", (c) => c.notNull().references("units.id"))
    .addColumn("to_id", "text", (c) => c.notNull().references("units.id"))
    .addColumn("effective_date", "text", (c) => c.notNull())
    .addColumn("legal_basis", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("unit_successions_pkey", ["from_id", "to_id"])
    .execute();
  await db.schema.createIndex("unit_successions_to_id_idx").on("unit_successions").column("to_id").execute();

  await db.schema
    .createTable("catalog_documents")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("valid_from", "text")
    .addColumn("valid_to", "text")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .addPrimaryKeyConstraint("catalog_documents_pkey", ["kind", "id"])
    .execute();

  await db.schema
    .createTable("citizens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("zalo_user_id", "text", (c) => c.unique())
    .addColumn("zalo_oa_user_id", "text", (c) => c.unique())
    .addColumn("device_token_hash", "text", (c) => c.unique())
    .addColumn("display_name", "text")
    .addColumn("phone", "text")
    .addColumn("phone_consent_at", "text")
    .addColumn("notify_opt_in_at", "text")
    .addColumn("oa_followed", "integer", (c) => c.notNull())
    .addColumn("oa_last_interaction_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("unit_id", "text", (c) => c.references("units.id"))
    .addColumn("delegate_for", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("phone", "text")
    .addColumn("zalo_user_id", "text")
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("failed_logins", "integer", (c) => c.notNull())
    .addColumn("locked_until", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("pre_registrations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("citizen_id", "text", (c) => c.notNull().references("citizens.id").onDelete("cascade"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
    .addColumn("procedure_code", "text", (c) => c.notNull())
    .addColumn("procedure_version_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("form_data", "text", (c) => c.notNull())
    .addColumn("consent_version", "text")
    .addColumn("consent_at", "text")
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("dossier_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("pre_registrations_citizen_id_idx")
    .on("pre_registrations")
    .column("citizen_id")
    .execute();
  await db.schema
    .createIndex("pre_registrations_expires_at_idx")
    .on("pre_registrations")
    .column("expires_at")
    .execute();

  await db.schema
    .createTable("dossiers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("pre_registration_id", "text", (c) => c.references("pre_registrations.id").onDelete("set null"))
    .addColumn("citizen_id", "text", (c) => c.references("citizens.id").onDelete("set null"))
    .addColumn("visit_id", "text")
    .addColumn("receiving_unit_id", "text", (c) => c.notNull().references("units.id"))
    .addColumn("competent_unit_id", "text", (c) => c.notNull().references("units.id"))
    .addColumn("procedure_code", "text", (c) => c.notNull())
    .addColumn("procedure_version_id", "text", (c) => c.notNull())
    .addColumn("plan_id", "text")
    .addColumn("track", "text", (c) => c.notNull())
    .addColumn("track_reasons", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("original_due_date", "text", (c) => c.notNull())
    .addColumn("assisted_writing", "integer", (c) => c.notNull())
    .addColumn("typed_by", "text", (c) => c.references("users.id"))
    .addColumn("checked_by_citizen", "integer", (c) => c.notNull())
    .addColumn("applicant_name", "text", (c) => c.notNull())
    .addColumn("applicant_id_number", "text")
    .addColumn("form_data", "text", (c) => c.notNull())
    .addColumn("submitted_documents", "text", (c) => c.notNull())
    .addColumn("case_flags", "text", (c) => c.notNull())
    .addColumn("missing_documents", "text", (c) => c.notNull())
    .addColumn("result_ready_at", "text")
    .addColumn("returned_at", "text")
    .addColumn("returned_to", "text")
    .addColumn("notify_status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("dossiers_receiving_unit_received_at_idx")
    .on("dossiers")
    .columns(["receiving_unit_id", "received_at"])
    .execute();
  await db.schema.createIndex("dossiers_state_idx").on("dossiers").column("state").execute();
  await db.schema.createIndex("dossiers_due_date_idx").on("dossiers").column("due_date").execute();
  await db.schema.createIndex("dossiers_citizen_id_idx").on("dossiers").column("citizen_id").execute();
  await db.schema
    .createIndex("dossiers_pre_registration_id_idx")
    .on("dossiers")
    .column("pre_registration_id")
    .execute();

  await db.schema
    .createTable("dossier_sequences")
    .addColumn("agency_code", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("last_value", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("dossier_sequences_pkey", ["agency_code", "day"])
    .execute();

  await db.schema
    .createTable("dossier_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("dossier_id", "text", (c) => c.notNull().references("dossiers.id").onDelete("cascade"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("from_state", "text")
    .addColumn("to_state", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("actor_role", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addUniqueConstraint("dossier_events_dossier_id_seq_unique", ["dossier_id", "seq"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_kind", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_kind", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("fields", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("audit_log_subject_idx")
    .on("audit_log")
    .columns(["subject_kind", "subject_id"])
    .execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("dossier_id", "text", (c) => c.references("dossiers.id").onDelete("cascade"))
    .addColumn("event_id", "text", (c) => c.references("dossier_events.id").onDelete("set null"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("available_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .execute();
  await db.schema
    .createIndex("outbox_status_available_at_idx")
    .on("outbox")
    .columns(["status", "available_at"])
    .execute();
  await db.schema.createIndex("outbox_dossier_id_idx").on("outbox").column("dossier_id").execute();

  await db.schema
    .createTable("deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("outbox_id", "text", (c) => c.notNull().references("outbox.id").onDelete("cascade"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
    .addColumn("attempt", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("error_code", "text")
    .addColumn("error_message", "text")
    .addColumn("tracking_id", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("deliveries_outbox_id_idx").on("deliveries").column("outbox_id").execute();

  await db.schema
    .createTable("feedback")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("dossier_id", "text", (c) => c.references("dossiers.id").onDelete("set null"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
    .addColumn("citizen_id", "text", (c) => c.references("citizens.id").onDelete("set null"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("rating", "text")
    .addColumn("text", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("answer", "text")
    .addColumn("answered_by", "text", (c) => c.references("users.id"))
    .addColumn("answered_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("feedback_unit_created_at_idx")
    .on("feedback")
    .columns(["unit_id", "created_at"])
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_id_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("zalo_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("access_token", "text", (c) => c.notNull())
    .addColumn("refresh_token", "text", (c) => c.notNull())
    .addColumn("access_expires_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("webhook_events")
    .addColumn("event_id", "text", (c) => c.primaryKey())
    .addColumn("received_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("webhook_events_received_at_idx").on("webhook_events").column("received_at").execute();

  await db.schema
    .createTable("conversations")
    .addColumn("oa_user_id", "text", (c) => c.primaryKey())
    .addColumn("citizen_id", "text", (c) => c.references("citizens.id").onDelete("set null"))
    .addColumn("followed", "integer", (c) => c.notNull())
    .addColumn("needs_human", "integer", (c) => c.notNull())
    .addColumn("unit_id", "text", (c) => c.references("units.id"))
    .addColumn("last_interaction_at", "text", (c) => c.notNull())
    .execute();
}

const DROP_ORDER = [
  "conversations",
  "webhook_events",
  "zalo_tokens",
  "sessions",
  "feedback",
  "deliveries",
  "outbox",
  "audit_log",
  "dossier_events",
  "dossier_sequences",
  "dossiers",
  "pre_registrations",
  "users",
  "citizens",
  "catalog_documents",
  "unit_successions",
  "units",
];

async function down(db: AnyDb): Promise<void> {
  for (const table of DROP_ORDER) await db.schema.dropTable(table).ifExists().execute();
}

export const initialMigration: Migration = { up, down };
