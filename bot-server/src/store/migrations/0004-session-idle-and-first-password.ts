/**
 * Console sessions end after a configurable idle time besides their absolute lifetime: each session keeps when the
 * officer was last active (null on older rows: their creation counts). An account created or reset from the command
 * line carries a one-time password that must be changed at the first sign-in.
 */
import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("sessions").addColumn("last_seen_at", "text").execute();
  await db.schema
    .alterTable("users")
    .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("users").dropColumn("must_change_password").execute();
  await db.schema.alterTable("sessions").dropColumn("last_seen_at").execute();
}

export const sessionIdleAndFirstPasswordMigration: Migration = { up, down };
