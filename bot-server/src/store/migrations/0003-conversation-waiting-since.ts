/**
 * When a chatbot conversation started waiting for an officer (needs_human set), so the console can say since
 * when; conversations already waiting take their last interaction. The index serves the console's waiting list.
 */
import { sql, type Kysely, type Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("conversations").addColumn("needs_human_since", "text").execute();
  await db
    .updateTable("conversations")
    .set({ needs_human_since: sql.ref("last_interaction_at") })
    .where("needs_human", "=", 1)
    .execute();
  await db.schema
    .createIndex("conversations_needs_human_idx")
    .on("conversations")
    .columns(["needs_human", "unit_id"])
    .execute();
}

async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("conversations_needs_human_idx").execute();
  await db.schema.alterTable("conversations").dropColumn("needs_human_since").execute();
}

export const conversationWaitingSinceMigration: Migration = { up, down };
