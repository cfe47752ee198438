/** Units as the public API shows them: searched without diacritics, with type, parent and history. */
import type { CurrentAddressAnswer, FormerUnitLead, UnitDetail, UnitSummary } from "../../../shared/api/units.js";
import { currentAddressOffer, searchFormerUnits } from "../../../shared/units/former-units.js";
import type { AdminUnit, IsoDate, UnitLevel } from "../../../shared/model.js";
import type { Deps } from "../deps.js";
import { unitRef } from "./unit-ref.js";
import { unitOffice } from "./unit-office.js";

const DEFAULT_LIMIT = 20;
const LEVEL_ORDER: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2 };

export function unitSummary(deps: Deps, unit: AdminUnit): UnitSummary {
  const units = deps.domain.units;
  const parent = units.parentOf(unit);
  return {
    ...unitRef(units, unit),
    level: unit.level,
    parent: parent ? unitRef(units, parent) : null,
    validFrom: unit.validFrom,
    validTo: unit.validTo ?? null,
  };
}

export function searchUnits(
  deps: Deps,
  q: string | undefined,
  date: IsoDate,
  level: UnitLevel | undefined,
  limit = DEFAULT_LIMIT,
): UnitSummary[] {
  const units = deps.domain.units;
  const levels = level ? [level] : undefined;
  if (q !== undefined && q.trim() !== "") {
    return units.search(q, { date, limit, ...(levels ? { levels } : {}) }).map((hit) => unitSummary(deps, hit.unit));
  }
  return units.units
    .filter((u) => units.isInForce(u, date) && (!level || u.level === level))
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.name.localeCompare(b.name, "vi"))
    .slice(0, limit)
    .map((u) => unitSummary(deps, u));
}

/** Former units named by `q` with today's communes that took their area, leaving out leads already in `shown`. */
export function formerNameLeads(
  deps: Deps,
  q: string | undefined,
  date: IsoDate,
  shown: readonly UnitSummary[],
): FormerUnitLead[] {
  if (q === undefined || q.trim() === "") return [];
  const seen = new Set(shown.map((u) => u.id));
  return searchFormerUnits(deps.domain.units, q, date)
    .filter((lead) => lead.successors.some((u) => !seen.has(u.id)))
    .map((lead) => ({
      former: unitSummary(deps, lead.former),
      successors: lead.successors.map((u) => unitSummary(deps, u)),
    }));
}

export function unitDetail(deps: Deps, unit: AdminUnit, date: IsoDate): UnitDetail {
  const units = deps.domain.units;
  const link = (id: string, effectiveDate: string, legalBasis: string) => {
    const u = units.byId(id);
    return u ? [{ unit: unitRef(units, u), effectiveDate, legalBasis }] : [];
  };
  const predecessors = units.predecessorsOf(unit.id).flatMap((p) =>
    units
      .successionsFrom(p.id)
      .filter((s) => s.toId === unit.id)
      .flatMap((s) => link(p.id, s.effectiveDate, s.legalBasis)),
  );
  const successors = units.successionsFrom(unit.id).flatMap((s) => link(s.toId, s.effectiveDate, s.legalBasis));
  const plan = deps.domain.scheme.planAt(unit.id, date);
  return {
    ...unitSummary(deps, unit),
    predecessors,
    successors,
    office: unitOffice(deps.domain, unit),
    officeHours: plan?.officeHours ?? [],
    officeHoursToVerify: plan?.officeHoursToVerify ?? false,
  };
}

/** An address printed before the 2025 reform, read in today's units (an offer the citizen or officer accepts). */
export function currentAddress(deps: Deps, address: string, date: IsoDate): CurrentAddressAnswer {
  const units = deps.domain.units;
  const offer = currentAddressOffer(units, address, date);
  return {
    offer: offer
      ? {
          printed: offer.printed,
          current: offer.current,
          formerUnit: unitRef(units, offer.formerUnit),
          currentUnit: unitRef(units, offer.currentUnit),
        }
      : null,
  };
}
