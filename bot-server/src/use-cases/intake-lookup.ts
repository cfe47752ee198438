/**
 * The code an officer scans or types at the counter: a pre-registration (KH1:… or K7M-4X9-RN), a draft reference
 * (NHAP-…) or a dossier code. Each read of personal data it opens is audited; another unit's pre-registration
 * discloses only that unit's name.
 */
import type { LookupReply } from "../../../shared/console/intake.js";
import { canSeeDossier, type Officer } from "../../../shared/officers/officer.js";
import { fail, type Outcome } from "../../../shared/outcomes.js";
import type { Deps } from "../deps.js";
import { writeAudit } from "../store/audit.js";
import { findDossierByCode, findDossierById, type DossierRecord } from "../store/dossiers.js";
import { findPreRegistrationByCode } from "../store/pre-registrations.js";
import { inTraining, trainingMismatch } from "./training.js";
import { openDraftOfPreRegistration } from "./console-drafts.js";
import { nowOf } from "./console-context.js";
import { otherUnitFailure, servesUnit } from "./pre-registration-unit.js";
import { DRAFT_CODE_PREFIX, readPreRegistrationCode } from "./receive-dossier.js";

/** A console draft to continue at the intake screen (the read of its form data is audited). */
async function resumeDraft(deps: Deps, officer: Officer, d: DossierRecord, at: string): Promise<LookupReply> {
  await writeAudit(deps.db, {
    at,
    actorKind: "officer",
    actorId: officer.id,
    action: "read",
    subjectKind: "dossier",
    subjectId: d.id,
    fields: Object.keys(d.formData),
    reason: "Tiếp tục kê khai",
  });
  return {
    kind: "draft",
    draftId: d.id,
    code: d.code,
    procedureCode: d.procedureCode,
    formData: d.formData,
    documents: d.submittedDocuments,
    caseFlags: d.caseFlags,
    visitId: d.visitId,
    missingDocuments: d.missingDocuments,
  };
}

export async function lookUpIntakeCode(deps: Deps, officer: Officer, code: string): Promise<Outcome<LookupReply>> {
  const now = nowOf(deps);
  const raw = code.trim();
  const preCode = readPreRegistrationCode(raw);
  if (preCode) {
    // Training uses synthetic citizens only: a real citizen's pre-registration is not even read.
    if (inTraining(deps)) return fail("training_mode_active");
    const p = await findPreRegistrationByCode(deps.db, preCode);
    if (!p) return fail("pre_registration_not_found");
    const open = (p.status === "draft" || p.status === "submitted") && p.expiresAt > now.iso;
    if (!open) {
      const done = p.dossierId ? await findDossierById(deps.db, p.dossierId) : undefined;
      return {
        ok: true,
        value: {
          kind: "closed",
          status: p.status,
          ...(done && canSeeDossier(officer, done) ? { dossierId: done.id, dossierCode: done.code } : {}),
        },
      };
    }
    if (!servesUnit(officer, p.unitId)) return otherUnitFailure(deps, officer, p);
    // Rescanned after printing: resume the console draft made from it instead of starting a second dossier.
    const draft = await openDraftOfPreRegistration(deps, p.id, officer.unitId);
    if (draft && canSeeDossier(officer, draft))
      return { ok: true, value: await resumeDraft(deps, officer, draft, now.iso) };
    await writeAudit(deps.db, {
      at: now.iso,
      actorKind: "officer",
      actorId: officer.id,
      action: "read",
      subjectKind: "pre_registration",
      subjectId: p.id,
      fields: Object.keys(p.formData),
      reason: "Tiếp nhận hồ sơ đăng ký trước",
    });
    return {
      ok: true,
      value: {
        kind: "pre_registration",
        code: p.code,
        status: p.status,
        procedureCode: p.procedureCode,
        formData: p.formData,
        sameUnit: true,
      },
    };
  }
  const upper = raw.toUpperCase();
  const d = await findDossierByCode(deps.db, upper.startsWith(DRAFT_CODE_PREFIX) ? upper : upper.replace(/\s+/g, ""));
  if (d && canSeeDossier(officer, d)) {
    if (d.state !== "draft") return { ok: true, value: { kind: "dossier", dossierId: d.id, dossierCode: d.code } };
    const mismatch = trainingMismatch(deps, d);
    if (mismatch) return mismatch;
    return { ok: true, value: await resumeDraft(deps, officer, d, now.iso) };
  }
  return fail("pre_registration_not_found", {
    message: "Không tìm thấy mã này (mã đăng ký trước, mã phiếu bổ sung hoặc mã hồ sơ).",
  });
}
