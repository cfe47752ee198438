/**
 * Citizen pre-registration: create, read, list, update while draft, submit, cancel. A citizen sees only their
 * own (another citizen's id or code is "not found", exactly like a missing one). Personal data needs consent to
 * the current notice; every read or change of the form data writes the audit log in the same transaction.
 */
import { CONSENT_NOTICE, type ConsentInput } from "../../../shared/api/consent.js";
import type { FieldError } from "../../../shared/api/errors.js";
import {
  PRE_REGISTRATION_QR_PREFIX,
  type CreatePreRegistration,
  type PreRegistration,
  type PreRegistrationSummary,
  type UpdatePreRegistration,
} from "../../../shared/api/pre-registrations.js";
import { normalizePreRegistrationCode } from "../../../shared/dossier/pre-registration-code.js";
import type { AdminUnit } from "../../../shared/model.js";
import type { ProcedureVersion } from "../../../shared/procedures/procedure-version.js";
import { vnMomentFromEpoch } from "../../../shared/time/vn-time.js";
import type { Deps } from "../deps.js";
import { fail, type Failure } from "../../../shared/outcomes.js";
import type { CitizenIdentity } from "../identity/citizen-auth.js";
import { writeAudit, type AuditAction } from "../store/audit.js";
import { findDossierStatusesByIds } from "../store/dossier-status.js";
import { isUniqueViolation } from "../store/errors.js";
import { timeOrderedId } from "../store/time-ordered-id.js";
import {
  erasePreRegistration,
  findOwnPreRegistration,
  listCitizenPreRegistrations,
  updatePreRegistration,
  type PreRegistrationRecord,
} from "../store/pre-registrations.js";
import { dossierBrief } from "./dossier-status.js";
import { checkForm } from "./form-check.js";
import { newPreRegistrationCode } from "./new-pre-registration-code.js";
import {
  dossierOf,
  effectiveStatus,
  missingFieldsOf,
  preRegistrationSummary,
  preRegistrationView,
} from "./pre-registration-view.js";

type Ok<T> = { ok: true; value: T };
type Outcome<T> = Ok<T> | Failure;

const CODE_ATTEMPTS = 5;
const DAY_MS = 86_400_000;

const today = (deps: Deps) => vnMomentFromEpoch(deps.clock.now().getTime()).date;
const nowIso = (deps: Deps) => deps.clock.now().toISOString();
const expiry = (deps: Deps) => new Date(deps.clock.now().getTime() + deps.config.DRAFT_TTL_DAYS * DAY_MS).toISOString();

/** The unit holding `unitCode` today, if it receives the procedure's version in force today. */
function resolveTarget(
  deps: Deps,
  unitCode: string,
  procedureCode: string,
): Outcome<{ unit: AdminUnit; version: ProcedureVersion }> {
  const date = today(deps);
  const unit = deps.domain.units.findByCode(unitCode, date);
  if (!unit)
    return fail("unit_not_found", {
      fields: [{ path: "unitCode", message: "Không có đơn vị hành chính mang mã này vào hôm nay" }],
    });
  const version = deps.domain.catalog.versionAt(procedureCode, date);
  if (!version)
    return fail("procedure_not_found", {
      fields: [{ path: "procedureCode", message: "Không có thủ tục mang mã này đang có hiệu lực" }],
    });
  if (!version.receivingLevels.includes(unit.level)) return fail("procedure_not_received");
  return { ok: true, value: { unit, version } };
}

type Consent = { version: string; at: string } | null;

function decideConsent(
  current: Consent,
  given: ConsentInput | undefined,
  hasData: boolean,
  now: string,
): Outcome<Consent> {
  if (given) {
    if (given.version !== CONSENT_NOTICE.version) return fail("consent_outdated");
    return { ok: true, value: { version: given.version, at: now } };
  }
  if (!hasData) return { ok: true, value: current };
  if (!current) return fail("consent_required");
  if (current.version !== CONSENT_NOTICE.version) return fail("consent_outdated");
  return { ok: true, value: current };
}

function audit(
  deps: Deps,
  db: Deps["db"],
  who: CitizenIdentity,
  action: AuditAction,
  id: string,
  fields: string[],
  reason: string,
) {
  return writeAudit(db, {
    at: nowIso(deps),
    actorKind: "citizen",
    actorId: who.citizenId,
    action,
    subjectKind: "pre_registration",
    subjectId: id,
    fields,
    reason,
  });
}

/** Another citizen's id or code, a missing one and garbage all look the same. */
async function findOwn(deps: Deps, who: CitizenIdentity, idOrCode: string): Promise<Outcome<PreRegistrationRecord>> {
  const code = normalizePreRegistrationCode(idOrCode);
  const found = await findOwnPreRegistration(deps.db, who.citizenId, code.ok ? code.value : idOrCode);
  return found ? { ok: true, value: found } : fail("pre_registration_not_found");
}

export async function createPreRegistration(
  deps: Deps,
  who: CitizenIdentity,
  input: CreatePreRegistration,
): Promise<Outcome<PreRegistration>> {
  const target = resolveTarget(deps, input.unitCode, input.procedureCode);
  if (!target.ok) return target;
  const { unit, version } = target.value;
  const now = nowIso(deps);
  const formInput = input.formData ?? {};
  const schema = deps.domain.formSchema(version.id);
  if (!schema) return fail("procedure_not_found");
  const form = checkForm(schema, formInput, "draft");
  if (!form.ok) return form;
  const consent = decideConsent(null, input.consent, Object.keys(form.data).length > 0, now);
  if (!consent.ok) return consent;

  const base: Omit<PreRegistrationRecord, "code"> = {
    id: timeOrderedId(),
    citizenId: who.citizenId,
    unitId: unit.id,
    procedureCode: version.code,
    procedureVersionId: version.id,
    status: "draft",
    formData: form.data,
    consentVersion: consent.value?.version ?? null,
    consentAt: consent.value?.at ?? null,
    expiresAt: expiry(deps),
    dossierId: null,
    createdAt: now,
    updatedAt: now,
  };
  const fields = Object.keys(form.data);
  for (let attempt = 1; ; attempt++) {
    const record = { ...base, code: newPreRegistrationCode() };
    try {
      await deps.preRegistrationWriter.write({
        record,
        ...(fields.length > 0
          ? {
              audit: {
                at: now,
                actorKind: "citizen",
                actorId: who.citizenId,
                action: "create",
                subjectKind: "pre_registration",
                subjectId: record.id,
                fields,
                reason: "Người dân khai trước hồ sơ",
              },
            }
          : {}),
      });
      return { ok: true, value: preRegistrationView(deps, record, form.missing, null) };
    } catch (e) {
      // A code collision (1 in billions): draw another code.
      if (attempt < CODE_ATTEMPTS && isUniqueViolation(e, { table: "pre_registrations", columns: ["code"] })) continue;
      throw e;
    }
  }
}

export async function readPreRegistration(
  deps: Deps,
  who: CitizenIdentity,
  idOrCode: string,
): Promise<Outcome<PreRegistration>> {
  const found = await findOwn(deps, who, idOrCode);
  if (!found.ok) return found;
  const p = found.value;
  const fields = Object.keys(p.formData);
  if (fields.length > 0) await audit(deps, deps.db, who, "read", p.id, fields, "Người dân xem bản khai của mình");
  return { ok: true, value: preRegistrationView(deps, p, missingFieldsOf(deps, p), await dossierOf(deps, p)) };
}

export async function listPreRegistrations(
  deps: Deps,
  who: CitizenIdentity,
): Promise<Ok<{ items: PreRegistrationSummary[] }>> {
  const list = await listCitizenPreRegistrations(deps.db, who.citizenId);
  const dossierIds = list.flatMap((p) => (p.dossierId ? [p.dossierId] : []));
  const dossiers = new Map((await findDossierStatusesByIds(deps.db, dossierIds)).map((d) => [d.id, dossierBrief(d)]));
  return {
    ok: true,
    value: {
      items: list.map((p) => preRegistrationSummary(deps, p, (p.dossierId && dossiers.get(p.dossierId)) || null)),
    },
  };
}

/** The citizen's own pre-entry, if it may change: only a draft that has not expired may. */
async function findEditable(
  deps: Deps,
  who: CitizenIdentity,
  idOrCode: string,
): Promise<Outcome<PreRegistrationRecord>> {
  const found = await findOwn(deps, who, idOrCode);
  if (!found.ok) return found;
  const status = effectiveStatus(deps, found.value);
  if (status === "expired") return fail("pre_registration_expired");
  if (status !== "draft") return fail("pre_registration_not_editable");
  return found;
}

/**
 * Runs `change` in one transaction; it answers false when the pre-entry is no longer in the status it was read in
 * (another request moved it first), and the change is then refused. Otherwise the citizen is shown `next`.
 */
async function commitChange(
  deps: Deps,
  next: PreRegistrationRecord,
  missing: FieldError[],
  change: (trx: Deps["db"]) => Promise<boolean>,
): Promise<Outcome<PreRegistration>> {
  const moved = await deps.db.transaction().execute(change);
  if (!moved) return fail("pre_registration_not_editable");
  return { ok: true, value: preRegistrationView(deps, next, missing, null) };
}

export async function updateDraft(
  deps: Deps,
  who: CitizenIdentity,
  idOrCode: string,
  input: UpdatePreRegistration,
): Promise<Outcome<PreRegistration>> {
  const found = await findEditable(deps, who, idOrCode);
  if (!found.ok) return found;
  const p = found.value;
  let unitId = p.unitId;
  if (input.unitCode !== undefined) {
    const target = resolveTarget(deps, input.unitCode, p.procedureCode);
    if (!target.ok) return target;
    unitId = target.value.unit.id;
  }
  const schema = deps.domain.formSchema(p.procedureVersionId);
  if (!schema) return fail("procedure_not_found");
  const merged = { ...p.formData, ...(input.formData ?? {}) };
  const form = checkForm(schema, merged, "draft");
  if (!form.ok) return form;
  const now = nowIso(deps);
  const current = p.consentVersion && p.consentAt ? { version: p.consentVersion, at: p.consentAt } : null;
  const consent = decideConsent(current, input.consent, Object.keys(form.data).length > 0, now);
  if (!consent.ok) return consent;

  const changed = changedFields(p.formData, form.data);
  const next: PreRegistrationRecord = {
    ...p,
    unitId,
    formData: form.data,
    consentVersion: consent.value?.version ?? null,
    consentAt: consent.value?.at ?? null,
    updatedAt: now,
  };
  return commitChange(deps, next, form.missing, async (trx) => {
    const ok = await updatePreRegistration(
      trx,
      p.id,
      {
        unitId,
        formData: next.formData,
        consentVersion: next.consentVersion,
        consentAt: next.consentAt,
        updatedAt: now,
      },
      "draft",
    );
    if (ok && changed.length > 0) await audit(deps, trx, who, "update", p.id, changed, "Người dân sửa bản khai");
    return ok;
  });
}

export async function submitPreRegistration(
  deps: Deps,
  who: CitizenIdentity,
  idOrCode: string,
): Promise<Outcome<PreRegistration>> {
  const found = await findEditable(deps, who, idOrCode);
  if (!found.ok) return found;
  const p = found.value;
  const schema = deps.domain.formSchema(p.procedureVersionId);
  if (!schema) return fail("procedure_not_found");
  const form = checkForm(schema, p.formData, "submit");
  if (!form.ok) return form;
  const now = nowIso(deps);
  const consent = decideConsent(
    p.consentVersion && p.consentAt ? { version: p.consentVersion, at: p.consentAt } : null,
    undefined,
    true,
    now,
  );
  if (!consent.ok) return consent;
  const next: PreRegistrationRecord = {
    ...p,
    status: "submitted",
    formData: form.data,
    expiresAt: expiry(deps),
    updatedAt: now,
  };
  return commitChange(deps, next, [], async (trx) => {
    const ok = await updatePreRegistration(
      trx,
      p.id,
      { status: "submitted", formData: form.data, expiresAt: next.expiresAt, updatedAt: now },
      "draft",
    );
    if (ok)
      await audit(
        deps,
        trx,
        who,
        "update",
        p.id,
        Object.keys(form.data),
        "Người dân gửi bản khai để nộp tại Bộ phận Một cửa",
      );
    return ok;
  });
}

/**
 * Cancelling (deleting a draft, or withdrawing a submitted pre-entry before the counter finalises it) erases it at
 * once: the row and its personal data go, as does a console draft started from it; only audit lines naming the
 * erased fields remain (the data subject's right to deletion, Law on Personal Data Protection 91/2025/QH15).
 */
export async function cancelPreRegistration(
  deps: Deps,
  who: CitizenIdentity,
  idOrCode: string,
): Promise<Outcome<PreRegistration>> {
  const found = await findOwn(deps, who, idOrCode);
  if (!found.ok) return found;
  const p = found.value;
  if (p.status !== "draft" && p.status !== "submitted") return fail("pre_registration_not_editable");
  const now = nowIso(deps);
  const fields = Object.keys(p.formData);
  const next: PreRegistrationRecord = { ...p, status: "cancelled", formData: {}, expiresAt: now, updatedAt: now };
  return commitChange(deps, next, [], async (trx) => {
    const erased = await erasePreRegistration(trx, p.id, p.status);
    if (!erased) return false;
    await audit(
      deps,
      trx,
      who,
      "delete",
      p.id,
      fields,
      p.status === "draft"
        ? "Người dân xóa bản khai: xóa dữ liệu đã khai"
        : "Người dân rút bản khai đã gửi: xóa dữ liệu đã khai",
    );
    for (const d of erased) {
      await writeAudit(trx, {
        at: now,
        actorKind: "citizen",
        actorId: who.citizenId,
        action: "delete",
        subjectKind: "dossier",
        subjectId: d.dossierId,
        fields: d.fields,
        reason: "Người dân rút bản khai: xóa bản nháp tại Bộ phận Một cửa",
      });
    }
    return true;
  });
}

/** The QR the counter scans, for the owner only. */
export async function preRegistrationQrPayload(
  deps: Deps,
  who: CitizenIdentity,
  idOrCode: string,
): Promise<Outcome<string>> {
  const found = await findOwn(deps, who, idOrCode);
  if (!found.ok) return found;
  return { ok: true, value: `${PRE_REGISTRATION_QR_PREFIX}${found.value.code}` };
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
