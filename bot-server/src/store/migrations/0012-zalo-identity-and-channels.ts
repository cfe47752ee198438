/**
 * Zalo for real: when a citizen last opened the Mini App (its notifications reach only users active in the last 7
 * days), where a phone number came from (the citizen's Zalo account or the counter), the daily Mini App
 * notification slot per user (one a day), and the short-lived code an officer sends to the OA to link their OA
 * user id for leader alerts.
 */
import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("citizens").addColumn("miniapp_opened_at", "text").execute();
  await db.schema.alterTable("citizens").addColumn("phone_source", "text").execute();
  await db.schema.alterTable("users").addColumn("zalo_link_code_hash", "text").execute();
  await db.schema.alterTable("users").addColumn("zalo_link_code_expires_at", "text").execute();
  await db.schema
    .createTable("miniapp_notify_slots")
    .addColumn("zalo_user_id", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("outbox_id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("miniapp_notify_slots_pkey", ["zalo_user_id", "day"])
    .execute();
  await db.schema.createIndex("miniapp_notify_slots_day_idx").on("miniapp_notify_slots").column("day").execute();
  await db.schema.createIndex("users_zalo_link_code_hash_idx").on("users").column("zalo_link_code_hash").execute();
}

async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("users_zalo_link_code_hash_idx").execute();
  await db.schema.dropTable("miniapp_notify_slots").execute();
  await db.schema.alterTable("users").dropColumn("zalo_link_code_expires_at").execute();
  await db.schema.alterTable("users").dropColumn("zalo_link_code_hash").execute();
  await db.schema.alterTable("citizens").dropColumn("phone_source").execute();
  await db.schema.alterTable("citizens").dropColumn("miniapp_opened_at").execute();
}

export const zaloIdentityAndChannelsMigration: Migration = { up, down };
