/**
 * What every console use case needs about "now" and "here": the injected clock read once per request in
 * Việt Nam time, the officer's unit, the procedure version in force, and the outbox payload of a dossier.
 */
import type { AdminUnit, IsoDate } from "../../../shared/model.js";
import type { ProcedureVersion } from "../../../shared/procedures/procedure-version.js";
import { vnMomentFromEpoch } from "../../../shared/time/vn-time.js";
import type { Deps } from "../deps.js";
import type { OutboxPayload } from "../store/outbox.js";
import type { DossierRecord } from "../store/dossiers.js";

export interface Now {
  iso: string;
  /** The same instant as "YYYY-MM-DDTHH:mm:ss+07:00" (what decideTrack reads fastest). */
  vnIso: string;
  date: IsoDate;
  minutes: number;
  weekday: number;
}

export function nowOf(deps: Deps): Now {
  const at = deps.clock.now();
  const m = vnMomentFromEpoch(at.getTime());
  const hh = String(Math.floor(m.minutes / 60)).padStart(2, "0");
  const mm = String(m.minutes % 60).padStart(2, "0");
  const ss = String(at.getUTCSeconds()).padStart(2, "0");
  return {
    iso: at.toISOString(),
    vnIso: `${m.date}T${hh}:${mm}:${ss}+07:00`,
    date: m.date,
    minutes: m.minutes,
    weekday: m.weekday,
  };
}

export function unitOf(deps: Deps, unitId: string | null): AdminUnit | undefined {
  return unitId ? deps.domain.units.byId(unitId) : undefined;
}

/** The version of `procedureCode` in force today that the unit's level receives. */
export function versionForUnit(
  deps: Deps,
  unit: AdminUnit,
  procedureCode: string,
  date: IsoDate,
): ProcedureVersion | undefined {
  const v = deps.domain.catalog.versionAt(procedureCode, date);
  return v && v.receivingLevels.includes(unit.level) ? v : undefined;
}

/** The notification payload: identifiers, procedure, state, dates and unit; never names, ID numbers or addresses. */
export function notificationPayload(deps: Deps, d: DossierRecord, extra: OutboxPayload = {}): OutboxPayload {
  const version = deps.domain.catalog.versionById(d.procedureVersionId);
  const unit = deps.domain.units.byId(d.receivingUnitId);
  return {
    dossierId: d.id,
    dossierCode: d.state === "draft" || d.state === "refused" ? null : d.code,
    procedureCode: d.procedureCode,
    procedureName: version?.name ?? d.procedureCode,
    state: d.state,
    track: d.track,
    dueDate: d.dueDate,
    unitId: d.receivingUnitId,
    unitName: unit ? deps.domain.units.displayName(unit) : "",
    ...extra,
  };
}
