/** The scheme at a unit at an instant, from shared/scheme's schemeStatusAt, in the public API's shape. */
import type { SchemeStatus } from "../../../shared/api/scheme.js";
import { formatDateVn } from "../../../shared/time/vn-time.js";
import type { TrackError } from "../../../shared/scheme/track-errors.js";
import type { Deps } from "../deps.js";
import { fail, type Failure } from "../../../shared/outcomes.js";
import type { Moment } from "./moment.js";
import { unitRef } from "./unit-ref.js";
import { unitOffice } from "./unit-office.js";

export function trackFailure(e: TrackError): Failure {
  switch (e.code) {
    case "unknown_unit":
      return fail("unit_not_found", { message: `${e.error}.`, detail: e.errorEn });
    case "unknown_procedure":
    case "procedure_not_in_force":
      return fail("procedure_not_found", { message: `${e.error}.`, detail: e.errorEn });
    case "not_received_here":
      return fail("procedure_not_received", { message: `${e.error}.`, detail: e.errorEn });
    case "invalid_time":
      return fail("invalid_query", { fields: [{ path: "at", message: e.error }], detail: e.errorEn });
    default:
      return fail("bad_request", { message: `${e.error}.`, detail: e.errorEn });
  }
}

export function schemeStatus(
  deps: Deps,
  unitCode: string,
  moment: Moment,
): { ok: true; value: SchemeStatus } | Failure {
  const s = deps.domain.scheme.schemeStatusAt(unitCode, moment.at);
  if (!s.ok) return trackFailure(s);
  const unit = deps.domain.units.byId(s.unitId);
  if (!unit) return fail("unit_not_found");
  return {
    ok: true,
    value: {
      unit: unitRef(deps.domain.units, unit),
      at: moment.at,
      date: s.date,
      dateText: formatDateVn(s.date),
      time: s.time,
      weekday: s.weekdayName,
      workingDay: s.workingDay,
      schemeDay: s.isSchemeDay,
      plan: s.plan
        ? {
            id: s.plan.id,
            title: s.plan.label,
            issuer: s.plan.issuer,
            number: s.plan.number,
            validFrom: s.plan.validFrom,
            validTo: s.plan.validTo ?? null,
            official: s.plan.status === "official",
            statusLabel: s.plan.statusLabel,
            toVerify: s.plan.toVerify,
          }
        : null,
      officeHours: s.officeHours ?? [],
      officeHoursToVerify: s.officeHoursToVerify ?? false,
      office: unitOffice(deps.domain, unit),
      openNow: s.openNow,
      intakeCutoff: s.intakeCutoff ?? null,
      intakeOpen: s.intakeOpen,
      intakeState: s.intakeState,
      resumesAt: s.resumesAt ?? null,
      pauseKind: s.pauseKind ?? null,
      minutesToCutoff: s.minutesToCutoff ?? null,
      nextSchemeDay: s.nextSchemeDay ?? null,
      nextSchemeDayText: s.nextSchemeDayText ?? null,
      procedures: s.procedures.map((p) => ({
        code: p.procedureCode,
        name: p.name,
        versionId: p.versionId,
        sameDayEligible: p.sameDayEligible,
        track: p.track,
        sameDayNow: p.track === "same-day",
        dueDate: p.dueDate,
        dueDateText: formatDateVn(p.dueDate),
        reasons: p.reasons,
      })),
      summary: s.summary,
    },
  };
}
