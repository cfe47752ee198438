/**
 * Scheme plans compiled once for fast decisions: plans per unit id, scheme weekdays as a lookup table,
 * office hours and cutoff in minutes, eligible procedures per level with their excluded flags.
 */
import type { IsoDate, UnitLevel } from "../model.js";
import type { ProcedureCatalog } from "../procedures/catalog.js";
import type { ProcedureVersion } from "../procedures/procedure-version.js";
import { WEEKDAY_NAMES_VI, clockMinutes } from "../time/vn-time.js";
import type { UnitDirectory } from "../units/unit-directory.js";
import { takesPartOn, type PlanParticipation } from "./plan-participation.js";
import { schemePlanSchema, type SchemePlan } from "./scheme-plan.js";

export interface CompiledPlan {
  plan: SchemePlan;
  /** Index 1–7 (ISO weekday) → scheme day. */
  schemeWeekday: readonly boolean[];
  weekdayNames: string;
  /** [start, end) pairs in minutes since midnight. */
  officeMinutes: readonly number[];
  officeHoursText: string;
  cutoffMinutes: number;
  /** level → procedure code → flags the plan excludes. */
  eligible: ReadonlyMap<UnitLevel, ReadonlyMap<string, ReadonlySet<string>>>;
  /** level → procedure codes whose deciding office (outside the receiving unit) the plan has take part. */
  decidingOfficeTakesPart: ReadonlyMap<UnitLevel, ReadonlySet<string>>;
}

/**
 * Whether the plan can promise a same-day result for the version at this level: listed, and decided by the receiving
 * unit itself or by an office the plan has take part.
 */
export function sameDayListed(plan: CompiledPlan, level: UnitLevel, version: ProcedureVersion): boolean {
  if (!plan.eligible.get(level)?.has(version.code)) return false;
  return (
    version.competentBody.sameBodyAsReceiving || plan.decidingOfficeTakesPart.get(level)?.has(version.code) === true
  );
}

export interface PlanIndex {
  /**
   * The plan in force at the unit on the date (the latest validFrom wins when plans overlap); none on a day the unit
   * does not take part (its participation document, plan-participation.ts).
   */
  planAt(unitId: string, date: IsoDate): CompiledPlan | undefined;
  plansOf(unitId: string): readonly CompiledPlan[];
}

function compile(plan: SchemePlan): CompiledPlan {
  const schemeWeekday = Array.from({ length: 8 }, (_, d) => plan.weekdays.includes(d));
  const eligible = new Map<UnitLevel, Map<string, Set<string>>>();
  const decidingOfficeTakesPart = new Map<UnitLevel, Set<string>>();
  for (const [level, list] of Object.entries(plan.eligible) as [UnitLevel, SchemePlan["eligible"][UnitLevel]][]) {
    eligible.set(level, new Map((list ?? []).map((e) => [e.procedureCode, new Set(e.excludedFlags ?? [])])));
    decidingOfficeTakesPart.set(
      level,
      new Set((list ?? []).filter((e) => e.decidingOfficeTakesPart).map((e) => e.procedureCode)),
    );
  }
  return {
    plan,
    schemeWeekday,
    weekdayNames: [...plan.weekdays]
      .sort()
      .map((d) => WEEKDAY_NAMES_VI[d])
      .join(", "),
    officeMinutes: plan.officeHours.flatMap((h) => [clockMinutes(h.start), clockMinutes(h.end)]),
    officeHoursText: plan.officeHours.map((h) => `${h.start}–${h.end}`).join(", "),
    cutoffMinutes: clockMinutes(plan.intakeCutoff),
    eligible,
    decidingOfficeTakesPart,
  };
}

/** Configuration errors of plans against the units and the catalog (empty when consistent). */
export function checkSchemePlans(
  plans: readonly SchemePlan[],
  units: UnitDirectory,
  catalog: ProcedureCatalog,
): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const plan of plans) {
    const parsed = schemePlanSchema.safeParse(plan);
    if (!parsed.success)
      errors.push(`${plan.id}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    if (ids.has(plan.id)) errors.push(`${plan.id}: duplicate id`);
    ids.add(plan.id);
    const { provinceUnitId, unitIds = [] } = plan.coverage;
    for (const id of provinceUnitId ? [provinceUnitId, ...unitIds] : unitIds) {
      if (!units.byId(id)) errors.push(`${plan.id}: unknown unit ${id}`);
    }
    for (const list of Object.values(plan.eligible)) {
      for (const e of list ?? []) {
        const versions = catalog.versions.filter(
          (v) =>
            v.code === e.procedureCode &&
            v.validFrom <= (plan.validTo ?? "9999-12-31") &&
            (v.validTo ?? "9999-12-31") >= plan.validFrom,
        );
        if (versions.length === 0) errors.push(`${plan.id}: no version of ${e.procedureCode} in force during the plan`);
        for (const flag of e.excludedFlags ?? []) {
          if (!versions.every((v) => v.caseFlags.some((f) => f.id === flag)))
            errors.push(`${plan.id}: flag ${flag} not defined on ${e.procedureCode}`);
        }
      }
    }
  }
  return errors;
}

/** The ids of the units a plan covers (its explicit units, and the units of its levels in its province). */
export function coveredUnitIds(plan: SchemePlan, units: UnitDirectory): string[] {
  const { provinceUnitId, levels = [], unitIds = [] } = plan.coverage;
  const ids = new Set(unitIds);
  if (provinceUnitId) {
    for (const unit of units.units) {
      if (levels.includes(unit.level) && units.provinceOf(unit)?.id === provinceUnitId) ids.add(unit.id);
    }
  }
  return [...ids];
}

/** Throws RangeError on a configuration error: plans are deployment data, checked at start-up. */
export function indexPlans(
  plans: readonly SchemePlan[],
  units: UnitDirectory,
  catalog: ProcedureCatalog,
  participation: readonly PlanParticipation[] = [],
): PlanIndex {
  const errors = checkSchemePlans(plans, units, catalog);
  if (errors.length > 0) throw new RangeError(`invalid scheme plans: ${errors.join(" | ")}`);
  const byUnit = new Map<string, CompiledPlan[]>();
  const add = (unitId: string, compiled: CompiledPlan) => {
    const list = byUnit.get(unitId) ?? [];
    if (!list.includes(compiled)) list.push(compiled);
    byUnit.set(unitId, list);
  };
  for (const plan of plans) {
    const compiled = compile(plan);
    for (const id of coveredUnitIds(plan, units)) add(id, compiled);
  }
  const participationOf = new Map(participation.map((p) => [p.unitId, p]));
  for (const list of byUnit.values()) list.sort((a, b) => (a.plan.validFrom < b.plan.validFrom ? 1 : -1));

  return {
    planAt(unitId, date) {
      const list = byUnit.get(unitId);
      if (!list) return undefined;
      if (!takesPartOn(participationOf.get(unitId), date)) return undefined;
      for (const p of list)
        if (p.plan.validFrom <= date && (p.plan.validTo === undefined || date <= p.plan.validTo)) return p;
      return undefined;
    },
    plansOf: (unitId) => byUnit.get(unitId) ?? [],
  };
}
