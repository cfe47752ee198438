/**
 * The citizen's rights over their data (shared/api/my-data.ts): everything held about them, as JSON and as a
 * readable page, and their correction requests. Every read is audited (the fields read, never their values).
 */
import {
  CORRECTION_STATUS_LABELS,
  CORRECTION_SUBJECT_LABELS,
  LAW_91_2025,
  type CorrectionInput,
  type CorrectionRequest,
  type CorrectionSubject,
  type MyData,
} from "../../../shared/api/my-data.js";
import type { Deps } from "../deps.js";
import type { Outcome } from "../../../shared/outcomes.js";
import type { CitizenIdentity } from "../identity/citizen-auth.js";
import { writeAudit } from "../store/audit.js";
import { insertDataRequest, readCitizenData, type DataRequestRecord } from "../store/data-requests.js";

const unitName = (deps: Deps, id: string) => {
  const u = deps.domain.units.byId(id);
  return u ? deps.domain.units.displayName(u) : id;
};

/** Form data keyed by the form's own field labels (what the citizen saw when typing), not internal field ids. */
function labelled(deps: Deps, versionId: string, form: Record<string, unknown>): Record<string, unknown> {
  const fields = deps.domain.catalog.versionById(versionId)?.form.fields ?? [];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form)) out[fields.find((f) => f.id === k)?.label ?? k] = v;
  return out;
}

export function correctionView(deps: Deps, r: DataRequestRecord): CorrectionRequest {
  return {
    id: r.id,
    subject: r.subject as CorrectionSubject,
    subjectLabel: CORRECTION_SUBJECT_LABELS[r.subject as CorrectionSubject] ?? r.subject,
    reference: r.reference,
    unitName: unitName(deps, r.unitId),
    text: r.text,
    status: r.status,
    statusLabel: CORRECTION_STATUS_LABELS[r.status] ?? r.status,
    answer: r.answer,
    answeredAt: r.answeredAt,
    createdAt: r.createdAt,
  };
}

export async function myData(deps: Deps, who: CitizenIdentity, purpose: "view" | "download"): Promise<Outcome<MyData>> {
  const d = await readCitizenData(deps.db, who.citizenId);
  if (!d) return { ok: false, code: "unauthenticated" };
  const now = deps.clock.now().toISOString();
  const c = d.citizen;
  const data: MyData = {
    generatedAt: now,
    law: LAW_91_2025,
    account: {
      citizenId: c.id,
      identity: who.kind,
      displayName: c.display_name,
      phone: c.phone,
      phoneConsentAt: c.phone_consent_at,
      miniAppNotificationsSince: c.notify_opt_in_at,
      followsOA: c.oa_followed === 1,
      lastOAInteractionAt: c.oa_last_interaction_at,
      createdAt: c.created_at,
    },
    preRegistrations: d.preRegistrations.map((p) => ({
      code: p.code,
      unitName: unitName(deps, p.unit_id),
      procedureCode: p.procedure_code,
      status: p.status,
      formData: labelled(deps, p.procedure_version_id, p.formData),
      consentVersion: p.consent_version,
      consentAt: p.consent_at,
      createdAt: p.created_at,
      expiresAt: p.expires_at,
    })),
    dossiers: d.dossiers.map((x) => ({
      code: x.code,
      unitName: unitName(deps, x.receiving_unit_id),
      procedureCode: x.procedure_code,
      state: x.state,
      applicantName: x.applicant_name,
      applicantIdNumber: x.applicant_id_number,
      formData: labelled(deps, x.procedure_version_id, x.formData),
      receivedAt: x.received_at,
      returnedTo: x.returned_to,
    })),
    feedback: d.feedback.map((f) => ({
      id: f.id,
      kind: f.kind,
      rating: f.rating,
      text: f.text,
      unitName: unitName(deps, f.unit_id),
      dossierCode: f.dossier_code ?? null,
      answer: f.answer,
      createdAt: f.created_at,
    })),
    consents: [
      ...d.preRegistrations
        .filter((p) => p.consent_at)
        .map((p) => ({
          what: `Xử lý dữ liệu cá nhân của hồ sơ khai trước ${p.code}`,
          version: p.consent_version,
          at: p.consent_at!,
        })),
      ...(c.phone_consent_at
        ? [{ what: "Dùng số điện thoại để nhận thông báo", version: null, at: c.phone_consent_at }]
        : []),
      ...(c.notify_opt_in_at ? [{ what: "Nhận thông báo qua Mini App", version: null, at: c.notify_opt_in_at }] : []),
    ],
    corrections: d.requests.map((r) => correctionView(deps, r)),
  };
  await writeAudit(deps.db, {
    at: now,
    actorKind: "citizen",
    actorId: c.id,
    action: purpose === "download" ? "export" : "read",
    subjectKind: "citizen",
    subjectId: c.id,
    fields: ["account", "preRegistrations", "dossiers", "feedback", "consents", "corrections"],
    reason: purpose === "download" ? "Người dân tải về dữ liệu của mình" : "Người dân xem dữ liệu của mình",
  });
  return { ok: true, value: data };
}

/** A correction request goes to the unit that holds the data it names; "contact"/"other" to the latest unit. */
export async function requestCorrection(
  deps: Deps,
  who: CitizenIdentity,
  input: CorrectionInput,
): Promise<Outcome<CorrectionRequest>> {
  const d = await readCitizenData(deps.db, who.citizenId);
  if (!d) return { ok: false, code: "unauthenticated" };
  const ref = input.reference?.trim();
  let unitId: string | undefined;
  if (input.subject === "pre_registration") {
    unitId = d.preRegistrations.find((p) => p.code === ref?.toUpperCase() || p.id === ref)?.unit_id;
    if (!unitId)
      return {
        ok: false,
        code: "pre_registration_not_found",
        fields: [{ path: "reference", message: "Không có hồ sơ khai trước này trong dữ liệu của bạn." }],
      };
  } else if (input.subject === "dossier") {
    unitId = d.dossiers.find((x) => x.code === ref?.toUpperCase())?.receiving_unit_id;
    if (!unitId)
      return {
        ok: false,
        code: "dossier_not_found",
        fields: [{ path: "reference", message: "Không có hồ sơ này trong dữ liệu của bạn." }],
      };
  } else if (input.subject === "feedback") {
    unitId = d.feedback.find((f) => f.id === ref)?.unit_id;
    if (!unitId)
      return {
        ok: false,
        code: "data_request_no_unit",
        fields: [{ path: "reference", message: "Không có ý kiến này trong dữ liệu của bạn." }],
      };
  } else {
    const latest = [
      ...d.dossiers.map((x) => ({ at: x.received_at, unit: x.receiving_unit_id })),
      ...d.preRegistrations.map((p) => ({ at: p.created_at, unit: p.unit_id })),
      ...d.feedback.map((f) => ({ at: f.created_at, unit: f.unit_id })),
    ].sort((x, y) => y.at.localeCompare(x.at))[0];
    unitId = latest?.unit;
    if (!unitId) return { ok: false, code: "data_request_no_unit" };
  }
  const now = deps.clock.now().toISOString();
  const created = await deps.db.transaction().execute(async (tx) => {
    const r = await insertDataRequest(tx, {
      citizenId: who.citizenId,
      unitId: unitId!,
      subject: input.subject,
      reference: ref ?? null,
      text: input.text.normalize("NFC"),
      now,
    });
    await writeAudit(tx, {
      at: now,
      actorKind: "citizen",
      actorId: who.citizenId,
      action: "create",
      subjectKind: "data_request",
      subjectId: r.id,
      fields: ["text"],
      reason: "Người dân yêu cầu chỉnh sửa dữ liệu cá nhân",
    });
    return r;
  });
  return { ok: true, value: correctionView(deps, created) };
}
