/**
 * The public status of a pre-entry code (the code printed on the citizen's ticket, "tra cứu lại bằng mã …"):
 * procedure, unit, state and validity, and once the counter finalised it, the dossier it became. Never personal
 * data: the form is not read (and so not audited).
 */
import { PRE_REGISTRATION_STATUS_LABELS } from "../../../shared/api/pre-registrations.js";
import { normalizePreRegistrationCode } from "../../../shared/dossier/pre-registration-code.js";
import { formatDateVn, vnMomentFromEpoch } from "../../../shared/time/vn-time.js";
import type { Deps } from "../deps.js";
import { findDossierCode } from "../store/dossiers.js";
import { findPreRegistrationByCode } from "../store/pre-registrations.js";
import { effectiveStatus } from "./pre-registration-view.js";

export interface PreEntryPublicStatus {
  code: string;
  procedure: string;
  unit: string;
  status: string;
  statusLabel: string;
  /** dd/mm/yyyy, while the code can still be used at the counter. */
  validUntilText: string | null;
  /** The dossier code once the counter received it. */
  dossierCode: string | null;
}

/** undefined when the text is not shaped like a pre-entry code (then it may be a dossier code). */
export function readPreEntryCode(raw: string): string | undefined {
  const r = normalizePreRegistrationCode(raw.trim());
  return r.ok ? r.value : undefined;
}

export async function lookupPreEntryStatus(deps: Deps, code: string): Promise<PreEntryPublicStatus | undefined> {
  const p = await findPreRegistrationByCode(deps.db, code);
  if (!p) return undefined;
  const status = effectiveStatus(deps, p);
  const unit = deps.domain.units.byId(p.unitId);
  const dossierCode = p.dossierId ? await findDossierCode(deps.db, p.dossierId) : undefined;
  const open = status === "draft" || status === "submitted";
  return {
    code: p.code,
    procedure: `${deps.domain.catalog.versionById(p.procedureVersionId)?.name ?? p.procedureCode} (${p.procedureCode})`,
    unit: unit ? deps.domain.units.displayName(unit) : "",
    status,
    statusLabel: PRE_REGISTRATION_STATUS_LABELS[status],
    validUntilText: open ? formatDateVn(vnMomentFromEpoch(Date.parse(p.expiresAt)).date) : null,
    dossierCode: status === "finalised" && dossierCode ? dossierCode : null,
  };
}
