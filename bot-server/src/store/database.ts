/**
 * The Kysely database type: one interface per table, columns in snake_case as in SQL.
 * Portable across SQLite and PostgreSQL: keys are text UUIDs, timestamps are ISO-8601 UTC text,
 * JSON is text, booleans are integers 0/1. Personal data columns are marked "personal".
 */
import type { Generated } from "kysely";

export interface UnitTable {
  id: string;
  code: string;
  name: string;
  type: string;
  level: string;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
  folded_name: string;
  source: string;
}

export interface UnitSuccessionTable {
  from_id: string;
  to_id: string;
  effective_date: string;
  legal_basis: string;
}

/** Catalogue and configuration documents (procedure versions, scheme plans, calendar years, fees, agency codes). */
export interface CatalogDocumentTable {
  kind: string; // "procedure_version" | "scheme_plan" | "calendar_year" | "fee" | "agency_code"
  id: string;
  valid_from: string | null;
  valid_to: string | null;
  body: string; // JSON
  origin: string; // "shipped" | "admin"
  updated_at: string;
  updated_by: string | null;
}

export interface CitizenTable {
  id: string;
  zalo_user_id: string | null; // Zalo user id (Mini App / Graph API)
  zalo_oa_user_id: string | null; // follower id within our OA (webhook sender / recipient)
  device_token_hash: string | null; // anonymous web citizens
  display_name: string | null; // personal
  phone: string | null; // personal, only with consent
  phone_consent_at: string | null;
  notify_opt_in_at: string | null; // Mini App notification permission
  oa_followed: number; // 0/1
  oa_last_interaction_at: string | null; // opens the 7-day CS window
  miniapp_opened_at: string | null; // last signed-in Mini App call (Mini App notifications: active in 7 days)
  phone_source: string | null; // "zalo" (getPhoneNumber) | "counter" (entered by an officer with consent)
  created_at: string;
  updated_at: string;
}

/** Citizen pre-entry (đăng ký trước) that an officer finalises at the counter. */
export interface PreRegistrationTable {
  id: string;
  code: string; // short human code, unique
  citizen_id: string;
  unit_id: string;
  procedure_code: string;
  procedure_version_id: string;
  status: string; // draft | submitted | finalised | cancelled | expired
  form_data: string; // JSON, personal
  consent_version: string | null;
  consent_at: string | null;
  expires_at: string;
  dossier_id: string | null;
  created_at: string;
  updated_at: string;
}

/** hồ sơ */
export interface DossierTable {
  id: string;
  code: string; // mã hồ sơ <agency>-<yyMMdd>-<NNNN>
  pre_registration_id: string | null;
  citizen_id: string | null;
  visit_id: string | null; // several procedures brought in one visit
  receiving_unit_id: string;
  competent_unit_id: string;
  procedure_code: string;
  procedure_version_id: string;
  plan_id: string | null;
  track: string; // same-day | normal
  track_reasons: string; // JSON string[]
  state: string;
  received_at: string;
  due_date: string; // YYYY-MM-DD
  original_due_date: string;
  assisted_writing: number; // 0/1 Ngày không viết
  typed_by: string | null; // officer id
  checked_by_citizen: number; // 0/1 (citizen mirror)
  applicant_name: string; // personal
  applicant_id_number: string | null; // personal
  form_data: string; // JSON, personal
  submitted_documents: string; // JSON
  case_flags: string; // JSON string[]
  missing_documents: string; // JSON (Mẫu 02)
  result_ready_at: string | null;
  returned_at: string | null;
  returned_to: string | null; // personal
  notify_status: string; // pending | notified | not_notified
  created_at: string;
  updated_at: string;
  /** 0/1: received in training mode (migration 0027); set at insert, never changed. */
  training: Generated<number>;
}

/** Per receiving agency, per day sequence for dossier codes. */
export interface DossierSequenceTable {
  agency_code: string;
  day: string; // yyMMdd
  last_value: number;
}

/** Append-only. */
export interface DossierEventTable {
  id: string;
  dossier_id: string;
  seq: number; // per dossier, 1..n
  type: string; // transition event name
  from_state: string | null;
  to_state: string;
  actor_id: string | null;
  actor_role: string | null;
  at: string;
  data: string; // JSON (no personal data)
}

/** Who read or changed personal data. Append-only. */
export interface AuditLogTable {
  id: string;
  at: string;
  actor_kind: string; // officer | citizen | system
  actor_id: string | null;
  action: string; // read | create | update | delete | export | purge
  subject_kind: string; // pre_registration | dossier | citizen
  subject_id: string;
  fields: string; // JSON string[] of field names, never values
  reason: string;
}

/** Transactional outbox: written in the same transaction as the state change it announces. */
export interface OutboxTable {
  id: string;
  dossier_id: string | null;
  event_id: string | null;
  kind: string; // result_ready | supplement_requested | receipt_issued | late_apology | returned | feedback_answer
  payload: string; // JSON, no sensitive data
  status: string; // pending | queued | sent | not_notified | dead
  attempts: number;
  available_at: string;
  created_at: string;
  updated_at: string;
  last_error: string | null;
}

/** One row per send attempt per channel. */
export interface DeliveryTable {
  id: string;
  outbox_id: string;
  channel: string; // oa_cs | miniapp | zns
  idempotency_key: string; // `${outbox_id}:${channel}`
  attempt: number;
  status: string; // sent | failed | skipped
  error_code: string | null;
  error_message: string | null;
  tracking_id: string | null;
  at: string;
}

export interface FeedbackTable {
  id: string;
  dossier_id: string | null;
  unit_id: string;
  citizen_id: string | null;
  kind: string; // rating | complaint | suggestion
  rating: string | null; // rat_hai_long | hai_long | khong_hai_long
  text: string | null; // personal (free text)
  status: string; // open | answered | closed
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  created_at: string;
}

/** Officers (cán bộ, công chức). */
export interface UserTable {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  role: string; // counter_officer | processing_officer | leader | unit_admin | province_viewer | province_admin | volunteer
  unit_id: string | null;
  delegate_for: string | null; // user id of the leader this user may approve for
  phone: string | null;
  zalo_user_id: string | null; // OA user id for leader alerts, linked by a code the officer sends to the OA
  zalo_link_code_hash: string | null;
  zalo_link_code_expires_at: string | null;
  active: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  /** 1: a one-time password (command line) to be changed at the next sign-in (migration 0004). */
  must_change_password: Generated<number>;
}

export interface SessionTable {
  id: string; // sha-256 of the session token
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  /** Last activity of the officer (idle timeout); null on rows older than migration 0004. */
  last_seen_at: string | null;
}

/** OA access/refresh tokens after rotation (refresh tokens are single-use). */
export interface ZaloTokenTable {
  id: string; // "oa"
  access_token: string;
  refresh_token: string;
  access_expires_at: string;
  updated_at: string;
}

/** Webhook dedupe by event/message id. */
export interface WebhookEventTable {
  event_id: string;
  received_at: string;
}

/** ZNS delivery receipts (user_received_message), by the tracking_id the sender chose. */
export interface ZnsReceiptTable {
  tracking_id: string;
  msg_id: string | null;
  delivered_at: string | null;
  received_at: string;
}

/** A citizen's request to correct their personal data, answered by the unit administrator. */
export interface DataRequestTable {
  id: string;
  citizen_id: string;
  unit_id: string;
  kind: string; // correction
  subject: string; // pre_registration | dossier | feedback | contact | other
  reference: string | null;
  text: string; // personal
  status: string; // open | done | refused
  answer: string | null; // personal
  answered_by: string | null;
  answered_at: string | null;
  created_at: string;
}

export interface ConversationTable {
  oa_user_id: string;
  citizen_id: string | null;
  followed: number;
  needs_human: number;
  needs_human_since: string | null; // when needs_human was last set (console: "waiting since")
  unit_id: string | null;
  last_interaction_at: string;
  demo_noted_at: string | null; // when the chatbot said its plan is not an official decision (once per conversation)
}

export interface Database {
  units: UnitTable;
  unit_successions: UnitSuccessionTable;
  catalog_documents: CatalogDocumentTable;
  citizens: CitizenTable;
  pre_registrations: PreRegistrationTable;
  dossiers: DossierTable;
  dossier_sequences: DossierSequenceTable;
  dossier_events: DossierEventTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  deliveries: DeliveryTable;
  feedback: FeedbackTable;
  users: UserTable;
  sessions: SessionTable;
  zalo_tokens: ZaloTokenTable;
  webhook_events: WebhookEventTable;
  conversations: ConversationTable;
  zns_receipts: ZnsReceiptTable;
  data_requests: DataRequestTable;
  miniapp_notify_slots: MiniAppNotifySlotTable;
  report_facts: ReportFactsTable;
  report_state: ReportStateTable;
  integration_targets: IntegrationTargetTable;
  integration_cursor: IntegrationCursorTable;
  integration_tokens: IntegrationTokenTable;
  training_units: TrainingUnitTable;
}

/** A unit in training mode (migration 0027, docs/admin/training.md). */
export interface TrainingUnitTable {
  unit_id: string;
  /** The scheme day the training clock shows (YYYY-MM-DD). */
  day: string;
  /** The real instant the training clock read 08:00 of `day`. */
  started_at: string;
  started_by: string;
}

/** Where a province or unit wants dossier events sent (migration 0016); `unit_id` null: the whole province. */
export interface IntegrationTargetTable {
  id: string;
  unit_id: string | null;
  url: string;
  secret: string; // HMAC-SHA256 key shared with the receiver
  active: number;
  created_at: string;
  updated_at: string;
}

/** How far the webhook feeder has read dossier_events (by `at`). */
export interface IntegrationCursorTable {
  id: string;
  last_at: string;
}

/** Bearer tokens of the read API, stored as SHA-256. */
export interface IntegrationTokenTable {
  id: string;
  token_hash: string;
  name: string;
  unit_id: string | null;
  created_at: string;
  revoked_at: string | null;
}

/** One Mini App notification per user per Việt Nam day (Zalo's limit). */
export interface MiniAppNotifySlotTable {
  zalo_user_id: string;
  day: string; // YYYY-MM-DD, Asia/Ho_Chi_Minh
  outbox_id: string;
  at: string;
}

/** Reports: one row of facts per dossier (migration 0015; shared/reports/dossier-facts.ts). Flags are 0/1. */
export interface ReportFactsTable {
  dossier_id: string;
  unit_id: string;
  procedure_code: string;
  day: string; // YYYY-MM-DD, Việt Nam day of receipt
  due_date: string;
  processing_minutes: number | null;
  updated_at: string;
  received: number;
  same_day: number;
  same_day_done: number;
  assisted: number;
  after_cutoff: number;
  other_day: number;
  pre_entered: number;
  walk_in: number;
  completed: number;
  early: number;
  on_time: number;
  late: number;
  open: number;
  supplement: number;
  refused: number;
  apology: number;
  withdrawn: number;
  notified: number;
  notified_oa: number;
  notified_miniapp: number;
  notified_zns: number;
}

/** The reports catch-up's watermark (id "facts"): dossiers updated after it are recomputed. */
export interface ReportStateTable {
  id: string;
  watermark: string;
}

export type { Generated };
