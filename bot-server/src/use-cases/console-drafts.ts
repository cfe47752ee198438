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
import { dossierFromRow, type DossierRecord } from "../store/dossiers.js";
import { nowOf } from "./console-context.js";
import type { Checked } from "./intake-input.js";
import { may } from "../../../shared/officers/permissions.js";

export { DiscardDraftBody } from "../../../shared/console/intake.js";

/** The open console draft started from a pre-entry at this unit, if any (newest first). */
export async function openDraftOfPreRegistration(deps: Deps, preRegistrationId: string, unitId: string | null): Promise<DossierRecord | undefined> {
  let q = deps.db.selectFrom("dossiers").selectAll().where("pre_registration_id", "=", preRegistrationId).where("state", "=", "draft");
  if (unitId) q = q.where("receiving_unit_id", "=", unitId);
  const row = await q.orderBy("updated_at", "desc").executeTakeFirst();
  return row && dossierFromRow(row);
}

export async function discardDraft(deps: Deps, officer: Officer, id: string, reason: string): Promise<Checked<{ code: string }>> {
  if (!may(officer, "intake.discard_draft")) return fail("forbidden");
  const row = await deps.db.selectFrom("dossiers").select(["id", "code", "state", "receiving_unit_id", "form_data"]).where("id", "=", id).executeTakeFirst();
  if (!row || row.receiving_unit_id !== officer.unitId) return fail("dossier_not_in_unit");
  if (row.state !== "draft") return fail("invalid_transition", { message: "Chỉ bỏ được hồ sơ đang kê khai (bản nháp)." });
  const now = nowOf(deps);
  const done = await deps.db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom("dossiers").where("id", "=", id).where("state", "=", "draft").executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) return false;
    await writeAudit(trx, {
      at: now.iso, actorKind: "officer", actorId: officer.id, action: "delete", subjectKind: "dossier", subjectId: id,
      fields: Object.keys(JSON.parse(row.form_data) as object), reason: `Bỏ bản nháp ${row.code}: ${reason}`,
    });
    return true;
  });
  return done ? { ok: true, value: { code: row.code } } : fail("conflict");
}
