/** Row builders with synthetic data for the storage tests (no real person). */
import { randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import type {
  CitizenTable,
  DossierTable,
  OutboxTable,
  PreRegistrationTable,
  UnitTable,
  UserTable,
} from "../../bot-server/src/store/database.js";

const NOW = "2025-07-02T02:15:00.000Z"; // 09:15 on Wednesday 2/7/2025, Asia/Ho_Chi_Minh

export function aUnit(over: Partial<Insertable<UnitTable>> = {}): Insertable<UnitTable> {
  return {
    id: "99001@2025-07-01",
    code: "99001",
    name: "Quảng Khê",
    type: "xã",
    level: "commune",
    parent_id: null,
    valid_from: "2025-07-01",
    valid_to: null,
    folded_name: "quang khe",
    source: "dữ liệu thử (synthetic)",
    ...over,
  };
}

export function aCitizen(over: Partial<Insertable<CitizenTable>> = {}): Insertable<CitizenTable> {
  return {
    id: randomUUID(),
    zalo_user_id: null,
    zalo_oa_user_id: null,
    device_token_hash: null,
    display_name: "Người dùng thử",
    phone: null,
    phone_consent_at: null,
    notify_opt_in_at: null,
    oa_followed: 0,
    oa_last_interaction_at: null,
    created_at: NOW,
    updated_at: NOW,
    ...over,
  };
}

export function aUser(over: Partial<Insertable<UserTable>> = {}): Insertable<UserTable> {
  return {
    id: randomUUID(),
    username: `canbo-${randomUUID().slice(0, 8)}`,
    password_hash: "$argon2id$synthetic",
    display_name: "Cán bộ thử",
    role: "counter_officer",
    unit_id: null,
    delegate_for: null,
    phone: null,
    zalo_user_id: null,
    active: 1,
    failed_logins: 0,
    locked_until: null,
    created_at: NOW,
    ...over,
  };
}

export function aPreRegistration(
  citizenId: string,
  unitId: string,
  over: Partial<Insertable<PreRegistrationTable>> = {},
): Insertable<PreRegistrationTable> {
  return {
    id: randomUUID(),
    code: `DK${randomUUID().slice(0, 6).toUpperCase()}`,
    citizen_id: citizenId,
    unit_id: unitId,
    procedure_code: "1.004873",
    procedure_version_id: "1.004873@2023",
    status: "submitted",
    form_data: "{}",
    consent_version: "1",
    consent_at: NOW,
    expires_at: "2025-07-09T02:15:00.000Z",
    dossier_id: null,
    created_at: NOW,
    updated_at: NOW,
    ...over,
  };
}

export function aDossier(unitId: string, over: Partial<Insertable<DossierTable>> = {}): Insertable<DossierTable> {
  return {
    id: randomUUID(),
    code: `000.00.00.H00-250702-${randomUUID().slice(0, 4)}`,
    pre_registration_id: null,
    citizen_id: null,
    visit_id: null,
    receiving_unit_id: unitId,
    competent_unit_id: unitId,
    procedure_code: "1.004873",
    procedure_version_id: "1.004873@2023",
    plan_id: null,
    track: "same-day",
    track_reasons: "[]",
    state: "received",
    received_at: NOW,
    due_date: "2025-07-02",
    original_due_date: "2025-07-02",
    assisted_writing: 1,
    typed_by: null,
    checked_by_citizen: 0,
    applicant_name: "Nguyễn Văn Thử",
    applicant_id_number: null,
    form_data: "{}",
    submitted_documents: "[]",
    case_flags: "[]",
    missing_documents: "[]",
    result_ready_at: null,
    returned_at: null,
    returned_to: null,
    notify_status: "pending",
    created_at: NOW,
    updated_at: NOW,
    ...over,
  };
}

export function anOutboxRow(dossierId: string, over: Partial<Insertable<OutboxTable>> = {}): Insertable<OutboxTable> {
  return {
    id: randomUUID(),
    dossier_id: dossierId,
    event_id: null,
    kind: "receipt_issued",
    payload: JSON.stringify({ dossierId }),
    status: "pending",
    attempts: 0,
    available_at: NOW,
    created_at: NOW,
    updated_at: NOW,
    last_error: null,
    ...over,
  };
}
