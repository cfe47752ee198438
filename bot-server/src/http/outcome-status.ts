/**
 * The HTTP status of every outcome code (shared/outcomes.ts): the one place the edge turns a use-case's refusal
 * into a status. A new code fails the typecheck here until it has its status.
 */
import type { OutcomeCode } from "../../../shared/outcomes.js";

export const OUTCOME_STATUS = {
  bad_request: 400,
  invalid_body: 400,
  invalid_query: 400,
  invalid_params: 400,
  invalid_characters: 400,
  malformed_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  not_found: 404,
  internal_error: 500,
  service_unavailable: 503,

  unauthenticated: 401,
  invalid_zalo_token: 401,
  invalid_device_token: 401,
  identity_unavailable: 503,
  zalo_not_configured: 503,
  phone_needs_zalo: 403,
  phone_token_invalid: 422,
  phone_not_vietnamese: 422,
  integration_token_invalid: 401,
  integration_forbidden: 403,
  figure_without_list: 404,

  not_signed_in: 401,
  bad_credentials: 401,
  account_locked: 423,
  login_throttled: 429,
  password_change_required: 403,
  csrf_failed: 403,
  forbidden: 403,
  unit_unknown: 422,
  too_many_lookups: 429,

  account_not_found: 404,
  username_taken: 409,

  unit_not_found: 404,
  procedure_not_found: 404,
  procedure_not_received: 422,
  procedure_not_received_today: 404,

  consent_required: 422,
  consent_outdated: 422,
  form_incomplete: 422,
  pre_registration_not_found: 404,
  pre_registration_not_editable: 409,
  pre_registration_expired: 410,
  pre_registration_closed: 409,
  pre_registration_other_unit: 403,

  dossier_not_found: 404,
  dossier_not_in_unit: 404,
  queue_not_found: 404,
  documents_incomplete: 422,
  not_eligible: 422,
  invalid_transition: 409,
  conflict: 409,
  missing_data: 422,
  form_not_available: 404,

  rating_not_ready: 422,
  rating_already_sent: 409,
  feedback_not_found: 404,
  data_request_no_unit: 422,
  data_request_not_found: 404,
  notification_not_found: 404,
  conversation_not_found: 404,

  mirror_not_found: 404,
  mirror_already_joined: 409,
} as const satisfies Record<OutcomeCode, number>;

export const statusOf = (code: OutcomeCode): number => OUTCOME_STATUS[code];
