/**
 * Webhooks to the province's TTHC system move into the notification outbox (outbox kind and delivery channel
 * "tthc_webhook", docs/architecture.md): the deliveries still waiting (pending) or given up (dead, for the
 * administrator's list) become outbox rows with the id the feeder derives from (event, target), so the feeder, reading
 * the same events again, adds no second row; sent ones are history and go with the table.
 */
import { createHash } from "node:crypto";
import type { Kysely, Migration } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** As store/integration.ts webhookOutboxId at the time of this migration. */
function outboxId(eventId: string, targetId: string): string {
  const h = createHash("sha256").update(`tthc_webhook:${eventId}:${targetId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

interface OldDelivery {
  event_id: string;
  target_id: string;
  unit_id: string | null;
  body: string;
  status: string;
  attempts: number;
  available_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

async function up(db: AnyDb): Promise<void> {
  const rows = (await db
    .selectFrom("webhook_deliveries as w")
    .innerJoin("integration_targets as t", "t.id", "w.target_id")
    .select([
      "w.event_id",
      "w.target_id",
      "t.unit_id",
      "w.body",
      "w.status",
      "w.attempts",
      "w.available_at",
      "w.last_error",
      "w.created_at",
      "w.updated_at",
    ])
    .where("w.status", "in", ["pending", "dead"])
    .execute()) as OldDelivery[];
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto("outbox")
      .values(
        rows.slice(i, i + 200).map((r) => ({
          id: outboxId(r.event_id, r.target_id),
          dossier_id: null,
          event_id: r.event_id,
          kind: "tthc_webhook",
          payload: JSON.stringify({ targetId: r.target_id, unitId: r.unit_id, eventId: r.event_id, body: r.body }),
          status: r.status,
          attempts: Number(r.attempts),
          available_at: r.available_at,
          created_at: r.created_at,
          updated_at: r.updated_at,
          last_error: r.last_error,
        })),
      )
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }
  await db.schema.dropTable("webhook_deliveries").execute();
}

/** The table comes back empty; the webhooks already in the outbox stay there. */
async function down(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull().references("integration_targets.id").onDelete("cascade"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
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
}

export const webhooksThroughOutboxMigration: Migration = { up, down };
