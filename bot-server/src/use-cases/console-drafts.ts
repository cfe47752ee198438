/**
 * Console drafts ("NHAP-…", what printing the form or Mẫu 02 at the counter leaves) are never orphaned: rescanning
 * the citizen's pre-entry code resumes the open draft made from it, and a draft the citizen will not complete can be
 * discarded with a reason. Discarding erases the draft (its form data, events and pending notifications); an audit
 * line names the erased fields and the reason.
 */
import { fail } from "../../../shared/outcomes.js";
import type { Officer } from "../../../shared/officers/officer.js";
import type { Deps } from "../deps.js";
import { writeAudit } from "../store/audit.js";
import { deleteDraft, findDraftFacts, findOpenDraftOfPreRegistration, type DossierRecord } from "../store/dossiers.js";
import { nowOf } from "./console-context.js";
import type { Checked } from "./intake-input.js";
import { may } from "../../../shared/officers/permissions.js";

export { DiscardDraftBody } from "../../../shared/console/intake.js";

/** The open console draft started from a pre-entry at this unit, if any (newest first). */
export async function openDraftOfPreRegistration(
  deps: Deps,
  preRegistrationId: string,
  unitId: string | null,
): Promise<DossierRecord | undefined> {
  return findOpenDraftOfPreRegistration(deps.db, preRegistrationId, unitId);
}

export async function discardDraft(
  deps: Deps,
  officer: Officer,
  id: string,
  reason: string,
): Promise<Checked<{ code: string }>> {
  if (!may(officer, "intake.discard_draft")) return fail("forbidden");
  const row = await findDraftFacts(deps.db, id);
  if (!row || row.receiving_unit_id !== officer.unitId) return fail("dossier_not_in_unit");
  if (row.state !== "draft")
    return fail("invalid_transition", { message: "Chỉ bỏ được hồ sơ đang kê khai (bản nháp)." });
  const now = nowOf(deps);
  const done = await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteDraft(trx, id))) return false;
    await writeAudit(trx, {
      at: now.iso,
      actorKind: "officer",
      actorId: officer.id,
      action: "delete",
      subjectKind: "dossier",
      subjectId: id,
      fields: Object.keys(JSON.parse(row.form_data) as object),
      reason: `Bỏ bản nháp ${row.code}: ${reason}`,
    });
    return true;
  });
  return done ? { ok: true, value: { code: row.code } } : fail("conflict");
}
