/** A dossier row as the counter would write it, for API tests that need one (synthetic data only). */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../bot-server/src/store/database.js";

export interface DossierFixture {
  code: string;
  state?: string;
  track?: "same-day" | "normal";
  dueDate?: string;
  receivedAt?: string;
  receivingUnitId?: string;
  procedureCode?: string;
  procedureVersionId?: string;
  preRegistrationId?: string | null;
  citizenId?: string | null;
  resultReadyAt?: string | null;
}

export async function insertDossier(db: Kysely<Database>, f: DossierFixture): Promise<string> {
  const id = randomUUID();
  const receivedAt = f.receivedAt ?? "2025-10-15T02:00:00.000Z";
  const unit = f.receivingUnitId ?? "24631@2025-07-01";
  await db
    .insertInto("dossiers")
    .values({
      id,
      code: f.code,
      pre_registration_id: f.preRegistrationId ?? null,
      citizen_id: f.citizenId ?? null,
      visit_id: null,
      receiving_unit_id: unit,
      competent_unit_id: unit,
      procedure_code: f.procedureCode ?? "1.004873",
      procedure_version_id: f.procedureVersionId ?? "1.004873@2025-07-01",
      plan_id: "lam-dong-2025-demo",
      track: f.track ?? "same-day",
      track_reasons: "[]",
      state: f.state ?? "received",
      received_at: receivedAt,
      due_date: f.dueDate ?? "2025-10-15",
      original_due_date: f.dueDate ?? "2025-10-15",
      assisted_writing: 1,
      typed_by: null,
      checked_by_citizen: 1,
      applicant_name: "Nguyễn Văn Thử",
      applicant_id_number: "067085000001",
      form_data: "{}",
      submitted_documents: "[]",
      case_flags: "[]",
      missing_documents: "[]",
      result_ready_at: f.resultReadyAt ?? null,
      returned_at: null,
      returned_to: null,
      notify_status: "pending",
      created_at: receivedAt,
      updated_at: receivedAt,
    })
    .execute();
  return id;
}
