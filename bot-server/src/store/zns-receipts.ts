/** ZNS delivery receipts by tracking_id (migration 0006). */
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

type Db = Kysely<Database>;

export interface ZnsReceipt {
  trackingId: string;
  msgId: string | null;
  /** When the phone received it (Zalo's delivery_time), ISO. */
  deliveredAt: string | null;
}

/** Zalo may send the same receipt again: the first one stays. */
export async function recordZnsReceipt(db: Db, r: ZnsReceipt, receivedAt: string): Promise<void> {
  await db
    .insertInto("zns_receipts")
    .values({ tracking_id: r.trackingId, msg_id: r.msgId, delivered_at: r.deliveredAt, received_at: receivedAt })
    .onConflict((oc) => oc.column("tracking_id").doNothing())
    .execute();
}

export async function hasZnsReceipt(db: Db, trackingId: string): Promise<boolean> {
  const row = await db
    .selectFrom("zns_receipts")
    .select("tracking_id")
    .where("tracking_id", "=", trackingId)
    .executeTakeFirst();
  return row !== undefined;
}
