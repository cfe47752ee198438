/** Dossiers with their events, notifications and feedback, as the report tests need them (synthetic data only). */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../bot-server/src/store/database.js";

/** Việt Nam local "YYYY-MM-DDTHH:mm" → ISO instant. */
export const vn = (local: string) => new Date(`${local}+07:00`).toISOString();

export interface Fixture {
  code?: string;
  unit: string;
  at: string; // VN local "YYYY-MM-DDTHH:mm"
  track: "same-day" | "normal";
  state: string;
  plan: string | null;
  due: string;
  assisted?: boolean;
  preEntered?: boolean;
  readyAt?: string;
  events?: [string, string, string | null][]; // type, VN local time, from_state
  sent?: string[];
}

let serial = 0;
/** Inserts a dossier (and its pre-registration, events, sent deliveries); returns its id. */
export async function put(db: Kysely<Database>, f: Fixture): Promise<string> {
  const id = randomUUID();
  const receivedAt = vn(f.at);
  serial += 1;
  let preId: string | null = null;
  if (f.preEntered) {
    const citizenId = randomUUID();
    await db
      .insertInto("citizens")
      .values({
        id: citizenId,
        zalo_user_id: null,
        zalo_oa_user_id: null,
        device_token_hash: randomUUID(),
        display_name: null,
        phone: null,
        phone_consent_at: null,
        notify_opt_in_at: null,
        oa_followed: 0,
        oa_last_interaction_at: null,
        created_at: receivedAt,
        updated_at: receivedAt,
      })
      .execute();
    preId = randomUUID();
    await db
      .insertInto("pre_registrations")
      .values({
        id: preId,
        code: `PR${serial}`,
        citizen_id: citizenId,
        unit_id: f.unit,
        procedure_code: "1.004873",
        procedure_version_id: "v",
        status: "finalised",
        form_data: "{}",
        consent_version: null,
        consent_at: null,
        expires_at: receivedAt,
        dossier_id: null,
        created_at: receivedAt,
        updated_at: receivedAt,
      })
      .execute();
  }
  const events: [string, string, string | null][] =
    f.state === "refused"
      ? [["refuse", f.at, "draft"]]
      : [
          ["receive", f.at, "draft"],
          ...(f.readyAt ? [["mark_result_ready", f.readyAt, "approved"] as [string, string, string]] : []),
          ...(f.events ?? []),
        ];
  const last = events
    .map((e) => vn(e[1]))
    .sort()
    .at(-1)!;
  await db
    .insertInto("dossiers")
    .values({
      id,
      code: f.code ?? `000.00.06.H98-250611-${String(serial).padStart(4, "0")}`,
      pre_registration_id: preId,
      citizen_id: null,
      visit_id: null,
      receiving_unit_id: f.unit,
      competent_unit_id: f.unit,
      procedure_code: "1.004873",
      procedure_version_id: "1.004873@2025-07-01",
      plan_id: f.plan,
      track: f.track,
      track_reasons: "[]",
      state: f.state,
      received_at: receivedAt,
      due_date: f.due,
      original_due_date: f.due,
      assisted_writing: f.assisted ? 1 : 0,
      typed_by: null,
      checked_by_citizen: 1,
      applicant_name: "Nguyễn Văn Thử",
      applicant_id_number: null,
      form_data: "{}",
      submitted_documents: "[]",
      case_flags: "[]",
      missing_documents: "[]",
      result_ready_at: f.readyAt ? vn(f.readyAt) : null,
      returned_at: null,
      returned_to: null,
      notify_status: "pending",
      created_at: receivedAt,
      updated_at: last,
    })
    .execute();
  let seq = 0;
  for (const [type, at, from] of events) {
    seq += 1;
    await db
      .insertInto("dossier_events")
      .values({
        id: randomUUID(),
        dossier_id: id,
        seq,
        type,
        from_state: from,
        to_state: "x",
        actor_id: null,
        actor_role: null,
        at: vn(at),
        data: "{}",
      })
      .execute();
  }
  for (const channel of f.sent ?? []) {
    const outboxId = randomUUID();
    await db
      .insertInto("outbox")
      .values({
        id: outboxId,
        dossier_id: id,
        event_id: null,
        kind: "late_apology",
        payload: "{}",
        status: "sent",
        attempts: 1,
        available_at: last,
        created_at: last,
        updated_at: last,
        last_error: null,
      })
      .execute();
    await db
      .insertInto("deliveries")
      .values({
        id: randomUUID(),
        outbox_id: outboxId,
        channel,
        idempotency_key: `${outboxId}:${channel}`,
        attempt: 1,
        status: "sent",
        error_code: null,
        error_message: null,
        tracking_id: null,
        at: last,
      })
      .execute();
  }
  return id;
}

export async function feedback(
  db: Kysely<Database>,
  unit: string,
  kind: string,
  rating: string | null,
  at: string,
  dossierId: string | null,
) {
  await db
    .insertInto("feedback")
    .values({
      id: randomUUID(),
      dossier_id: dossierId,
      unit_id: unit,
      citizen_id: null,
      kind,
      rating,
      text: null,
      status: "open",
      answer: null,
      answered_by: null,
      answered_at: null,
      created_at: vn(at),
    })
    .execute();
}
