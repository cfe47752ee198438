/** How a pre-registration is shown to its owner: status as displayed, unit and procedure names, QR, dossier. */
import type { FieldError } from "../../../shared/api/errors.js";
import {
  PRE_REGISTRATION_QR_PREFIX,
  PRE_REGISTRATION_STATUS_LABELS,
  type PreRegistration,
  type PreRegistrationSummary,
} from "../../../shared/api/pre-registrations.js";
import type { Deps } from "../deps.js";
import { findDossierStatusesByIds } from "../store/dossier-status.js";
import type { PreRegistrationRecord } from "../store/pre-registrations.js";
import { dossierBrief } from "./dossier-status.js";
import { checkForm } from "./form-check.js";
import { unitRef } from "./unit-ref.js";

/** Displayed status: a draft or submission past its expiry reads "expired" until the purge removes it. */
export function effectiveStatus(deps: Deps, p: PreRegistrationRecord): PreRegistrationRecord["status"] {
  const open = p.status === "draft" || p.status === "submitted";
  return open && p.expiresAt <= deps.clock.now().toISOString() ? "expired" : p.status;
}

export function preRegistrationSummary(
  deps: Deps,
  p: PreRegistrationRecord,
  dossier: PreRegistrationSummary["dossier"],
): PreRegistrationSummary {
  const status = effectiveStatus(deps, p);
  const unit = deps.domain.units.byId(p.unitId);
  const version = deps.domain.catalog.versionById(p.procedureVersionId);
  return {
    id: p.id,
    code: p.code,
    status,
    statusLabel: PRE_REGISTRATION_STATUS_LABELS[status],
    unit: unit
      ? unitRef(deps.domain.units, unit)
      : { id: p.unitId, code: p.unitId.split("@")[0] ?? "", name: "", type: "", displayName: "", fullName: "" },
    procedure: { code: p.procedureCode, name: version?.name ?? p.procedureCode, versionId: p.procedureVersionId },
    consent: p.consentVersion && p.consentAt ? { version: p.consentVersion, acceptedAt: p.consentAt } : null,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    expiresAt: p.expiresAt,
    qr: { payload: `${PRE_REGISTRATION_QR_PREFIX}${p.code}`, svgUrl: `/api/pre-registrations/${p.id}/qr.svg` },
    dossier,
  };
}

export function preRegistrationView(
  deps: Deps,
  p: PreRegistrationRecord,
  missing: FieldError[],
  dossier: PreRegistrationSummary["dossier"],
): PreRegistration {
  return {
    ...preRegistrationSummary(deps, p, dossier),
    formData: p.formData,
    missingFields: p.status === "draft" ? missing : [],
  };
}

export function missingFieldsOf(deps: Deps, p: PreRegistrationRecord): FieldError[] {
  const schema = deps.domain.formSchema(p.procedureVersionId);
  if (!schema || p.status !== "draft") return [];
  const r = checkForm(schema, p.formData, "draft");
  return r.ok ? r.missing : r.fields;
}

export async function dossierOf(deps: Deps, p: PreRegistrationRecord): Promise<PreRegistrationSummary["dossier"]> {
  if (!p.dossierId) return null;
  const [row] = await findDossierStatusesByIds(deps.db, [p.dossierId]);
  return row ? dossierBrief(row) : null;
}
