/**
 * When the chatbot told a conversation that the scheme plan it answers from is not an official decision: said once
 * per conversation, not in every reply.
 */
import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("conversations").addColumn("demo_noted_at", "text").execute();
}

async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("conversations").dropColumn("demo_noted_at").execute();
}

export const chatbotDemoNotedMigration: Migration = { up, down };
