/**
 * A pre-registration is addressed to one unit (the citizen chose it in the Mini App). Only officers serving that
 * unit read its form data; at another unit's counter the citizen is told the unit's name, nothing personal. With
 * the citizen present and saying so, a counter officer may re-address it to their own unit (audited), for a
 * citizen who chose the wrong commune or now wants to file here.
 */
import { inTraining } from "./training.js";
import { fail, type Failure } from "../../../shared/outcomes.js";
import { isProvinceWide, type Officer } from "../../../shared/officers/officer.js";
import type { Deps } from "../deps.js";
import { writeAudit } from "../store/audit.js";
import {
  findPreRegistrationByCode,
  updatePreRegistration,
  type PreRegistrationRecord,
} from "../store/pre-registrations.js";
import { nowOf, unitOf, versionForUnit } from "./console-context.js";
import type { Checked } from "./intake-input.js";
import { may } from "../../../shared/officers/permissions.js";

/** Whether the officer serves the unit the pre-registration is addressed to (a province viewer serves no counter). */
export function servesUnit(officer: Officer, unitId: string): boolean {
  return !isProvinceWide(officer) && officer.unitId !== null && officer.unitId === unitId;
}

export function unitNameOf(deps: Deps, unitId: string): string {
  const unit = unitOf(deps, unitId);
  return unit ? `Ủy ban nhân dân ${deps.domain.units.displayName(unit)}` : "một đơn vị khác";
}

/** What an officer of another unit is told: the addressed unit's name only. */
export function otherUnitFailure(deps: Deps, officer: Officer, pre: Pick<PreRegistrationRecord, "unitId">): Failure {
  const name = unitNameOf(deps, pre.unitId);
  const here = may(officer, "intake.readdress")
    ? " Nếu công dân có mặt và muốn nộp tại đơn vị này, chọn «Chuyển về đơn vị tôi» để tiếp nhận."
    : "";
  return fail("pre_registration_other_unit", {
    message: `Hồ sơ đăng ký trước này gửi đến ${name}. Đề nghị công dân đến Bộ phận Một cửa của ${name}.${here}`,
  });
}

/** Re-addresses an open pre-registration to the officer's unit; the officer states the citizen is at the counter. */
export async function readdressPreRegistration(
  deps: Deps,
  officer: Officer,
  code: string,
): Promise<Checked<PreRegistrationRecord>> {
  if (!may(officer, "intake.readdress")) return fail("forbidden");
  // Training (docs/admin/training.md) never touches a real citizen's pre-registration.
  if (inTraining(deps)) return fail("training_mode_active");
  const unit = unitOf(deps, officer.unitId);
  if (!unit) return fail("unit_unknown");
  const now = nowOf(deps);
  const p = await findPreRegistrationByCode(deps.db, code);
  if (!p) return fail("pre_registration_not_found");
  const open = (p.status === "draft" || p.status === "submitted") && p.expiresAt > now.iso;
  if (!open) return fail("pre_registration_closed");
  if (p.unitId === unit.id) return { ok: true, value: p };
  if (!versionForUnit(deps, unit, p.procedureCode, now.date)) return fail("procedure_not_received_today");
  const from = unitNameOf(deps, p.unitId);
  const moved = await deps.db.transaction().execute(async (trx) => {
    const ok = await updatePreRegistration(trx, p.id, { unitId: unit.id, updatedAt: now.iso }, p.status);
    if (ok) {
      await writeAudit(trx, {
        at: now.iso,
        actorKind: "officer",
        actorId: officer.id,
        action: "update",
        subjectKind: "pre_registration",
        subjectId: p.id,
        fields: ["unit_id"],
        reason: `Chuyển hồ sơ đăng ký trước từ ${from} về ${unitNameOf(deps, unit.id)}, công dân có mặt tại quầy và đồng ý`,
      });
    }
    return ok;
  });
  if (!moved) return fail("conflict");
  return { ok: true, value: { ...p, unitId: unit.id, updatedAt: now.iso } };
}
