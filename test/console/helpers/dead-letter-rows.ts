/**
 * A notification that died after its attempts, written as the sender leaves it (outbox row "dead", its failed
 * delivery attempts, the dossier marked not notified), for the console's dead-letter tests. Synthetic data only.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../../bot-server/src/store/database.js";

export interface DeadLetterFixture {
  dossierId: string | null;
  kind?: string;
  payload?: Record<string, unknown>;
  /** The dossier event it tells of (a webhook to the province's system). */
  eventId?: string;
  /** The delivery channel of the attempts (default oa_cs). */
  channel?: string;
  /** Error code of each failed attempt, in order (e.g. http_500, -230). */
  errors: string[];
  /** When the first attempt was made; each next one a minute later. */
  at: string;
}

export async function insertDeadLetter(db: Kysely<Database>, f: DeadLetterFixture): Promise<string> {
  const id = randomUUID();
  const kind = f.kind ?? "result_ready";
  const times = f.errors.map((_, i) => new Date(Date.parse(f.at) + i * 60_000).toISOString());
  const last = times[times.length - 1] ?? f.at;
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("outbox")
      .values({
        id,
        dossier_id: f.dossierId,
        event_id: f.eventId ?? null,
        kind,
        payload: JSON.stringify(f.payload ?? {}),
        status: "dead",
        attempts: f.errors.length,
        available_at: f.at,
        created_at: f.at,
        updated_at: last,
        last_error: `${f.channel ?? "oa_cs"} ${f.errors[f.errors.length - 1]}: failed`,
      })
      .execute();
    if (f.errors.length > 0) {
      await tx
        .insertInto("deliveries")
        .values(
          f.errors.map((code, i) => ({
            id: randomUUID(),
            outbox_id: id,
            channel: f.channel ?? "oa_cs",
            idempotency_key: `${id}:${f.channel ?? "oa_cs"}#${i}`,
            attempt: i + 1,
            status: "failed",
            error_code: code,
            error_message: "failed",
            tracking_id: null,
            at: times[i]!,
          })),
        )
        .execute();
    }
    if (f.dossierId)
      await tx.updateTable("dossiers").set({ notify_status: "not_notified" }).where("id", "=", f.dossierId).execute();
  });
  return id;
}
