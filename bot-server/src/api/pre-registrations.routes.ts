/** Citizen pre-registration routes (owner only; see use-cases/pre-registrations.ts for the rules). */
import QRCode from "qrcode";
import { z } from "zod";
import {
  CreatePreRegistration,
  PreRegistration,
  PreRegistrationIdParams,
  PreRegistrationList,
  PreRegistrationListQuery,
  UpdatePreRegistration,
} from "../../../shared/api/pre-registrations.js";
import type { OutcomeCode } from "../../../shared/outcomes.js";
import { route } from "../http/route-table.js";
import {
  cancelPreRegistration,
  createPreRegistration,
  listPreRegistrations,
  preRegistrationQrPayload,
  readPreRegistration,
  submitPreRegistration,
  updateDraft,
} from "../use-cases/pre-registrations.js";

const IDENTITY_ERRORS: OutcomeCode[] = [
  "unauthenticated",
  "invalid_device_token",
  "invalid_zalo_token",
  "identity_unavailable",
  "zalo_not_configured",
];
const TAG = "Pre-registrations";

export const preRegistrationRoutes = [
  route({
    method: "post",
    path: "/pre-registrations",
    tag: TAG,
    summary: "Create a pre-registration (a draft; partial form data allowed)",
    description:
      "Form data is checked against the procedure version's form: missing fields are listed in missingFields, wrong values are refused. Personal data needs `consent` to the current notice (GET /api/consent).",
    auth: "citizen",
    body: CreatePreRegistration,
    response: { status: 201, schema: PreRegistration, description: "The new draft with its code and QR payload" },
    errors: [
      ...IDENTITY_ERRORS,
      "unit_not_found",
      "procedure_not_found",
      "procedure_not_received",
      "consent_required",
      "consent_outdated",
      "payload_too_large",
      "unsupported_media_type",
      "malformed_json",
      "rate_limited",
    ],
    handler: ({ citizen, body }, deps) => createPreRegistration(deps, citizen, body),
  }),
  route({
    method: "get",
    path: "/pre-registrations",
    tag: TAG,
    summary: "My pre-registrations, with the status of the dossier each became",
    auth: "citizen",
    query: PreRegistrationListQuery,
    response: { status: 200, schema: PreRegistrationList, description: "Newest first; without form data" },
    errors: [...IDENTITY_ERRORS, "rate_limited"],
    handler: ({ citizen }, deps) => listPreRegistrations(deps, citizen),
  }),
  route({
    method: "get",
    path: "/pre-registrations/:id",
    tag: TAG,
    summary: "One of my pre-registrations, by id or human code",
    auth: "citizen",
    params: PreRegistrationIdParams,
    response: { status: 200, schema: PreRegistration, description: "With form data (the read is audited)" },
    errors: [...IDENTITY_ERRORS, "pre_registration_not_found", "rate_limited"],
    handler: ({ citizen, params }, deps) => readPreRegistration(deps, citizen, params.id),
  }),
  route({
    method: "patch",
    path: "/pre-registrations/:id",
    tag: TAG,
    summary: "Update a draft (form data is merged; null clears a field)",
    auth: "citizen",
    params: PreRegistrationIdParams,
    body: UpdatePreRegistration,
    response: { status: 200, schema: PreRegistration, description: "The updated draft" },
    errors: [
      ...IDENTITY_ERRORS,
      "pre_registration_not_found",
      "pre_registration_not_editable",
      "pre_registration_expired",
      "unit_not_found",
      "procedure_not_received",
      "consent_required",
      "consent_outdated",
      "payload_too_large",
      "unsupported_media_type",
      "malformed_json",
      "rate_limited",
    ],
    handler: ({ citizen, params, body }, deps) => updateDraft(deps, citizen, params.id, body),
  }),
  route({
    method: "post",
    path: "/pre-registrations/:id/submit",
    tag: TAG,
    summary: "Submit a draft: the form must be complete",
    auth: "citizen",
    params: PreRegistrationIdParams,
    response: { status: 200, schema: PreRegistration, description: "Submitted; show its code or QR at the counter" },
    errors: [
      ...IDENTITY_ERRORS,
      "pre_registration_not_found",
      "pre_registration_not_editable",
      "pre_registration_expired",
      "form_incomplete",
      "consent_required",
      "consent_outdated",
      "rate_limited",
    ],
    handler: ({ citizen, params }, deps) => submitPreRegistration(deps, citizen, params.id),
  }),
  route({
    method: "delete",
    path: "/pre-registrations/:id",
    tag: TAG,
    summary: "Cancel a draft or a submitted pre-registration (its form data is erased)",
    auth: "citizen",
    params: PreRegistrationIdParams,
    response: { status: 200, schema: PreRegistration, description: "Cancelled" },
    errors: [...IDENTITY_ERRORS, "pre_registration_not_found", "pre_registration_not_editable", "rate_limited"],
    handler: ({ citizen, params }, deps) => cancelPreRegistration(deps, citizen, params.id),
  }),
  route({
    method: "get",
    path: "/pre-registrations/:id/qr.svg",
    tag: TAG,
    summary: "The QR code the counter scans (SVG)",
    auth: "citizen",
    params: PreRegistrationIdParams,
    response: { status: 200, schema: z.string(), contentType: "image/svg+xml", description: "SVG image of KH1:<code>" },
    errors: [...IDENTITY_ERRORS, "pre_registration_not_found", "rate_limited"],
    async handler({ citizen, params }, deps) {
      const payload = await preRegistrationQrPayload(deps, citizen, params.id);
      if (!payload.ok) return payload;
      const svg = await QRCode.toString(payload.value, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
      return { ok: true, value: svg, headers: { "Cache-Control": "private, max-age=3600" } };
    },
  }),
];
