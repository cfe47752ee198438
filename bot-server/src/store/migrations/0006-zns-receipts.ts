/**
 * ZNS delivery receipts: Zalo's `user_received_message` webhook event carries the `tracking_id` the sender chose
 * (the outbox row and channel). A send whose worker died is looked up here before it is sent again, so a ZNS
 * message Zalo reported delivered is never sent twice. Phone numbers are not kept: the tracking id is enough.
 */
import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("zns_receipts")
    .addColumn("tracking_id", "text", (c) => c.primaryKey())
    .addColumn("msg_id", "text")
    .addColumn("delivered_at", "text")
    .addColumn("received_at", "text", (c) => c.notNull())
    .execute();
}

async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("zns_receipts").execute();
}

export const znsReceiptsMigration: Migration = { up, down };
