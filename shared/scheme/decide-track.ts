/**
 * The scheme domain: createDomain binds units, calendar, catalog and plans once (indexes built here), and the
 * default decideTrack / schemeStatusAt run over the shipped data (Đắk Nông 2023 plans, Lâm Đồng demo plan).
 */
import type { Calendar } from "../calendar/calendar.js";
import { vnCalendar } from "../calendar/vn-calendar.js";
import { schemePlans } from "../data/scheme-plans.js";
import type { AdminUnit, IsoDate } from "../model.js";
import { procedureCatalog, type ProcedureCatalog } from "../procedures/catalog.js";
import type { CaseFlag, ProcedureVersion } from "../procedures/procedure-version.js";
import { unitDirectory, type UnitDirectory } from "../units/unit-directory.js";
import { makeDecideTrack, type DecideContext, type TrackInput, type TrackResult } from "./make-decide-track.js";
import { indexPlans } from "./plan-index.js";
import type { SchemePlan } from "./scheme-plan.js";
import { makeSchemeStatusAt, type SchemeStatus } from "./scheme-status.js";
import type { TrackError } from "./track-errors.js";

export type { TrackCause, TrackDecision, TrackInput, TrackResult } from "./make-decide-track.js";
export type { SchemeStatus, SchemeStatusProcedure } from "./scheme-status.js";
export type { TrackError, TrackErrorCode } from "./track-errors.js";

export interface DomainInput {
  units: UnitDirectory;
  calendar: Calendar;
  catalog: ProcedureCatalog;
  plans: readonly SchemePlan[];
}

export interface SchemeDomain {
  decideTrack(input: TrackInput): TrackResult;
  schemeStatusAt(unitCode: string, at: string): SchemeStatus | TrackError;
  /** The plan in force at a unit (by id) on a date. */
  planAt(unitId: string, date: IsoDate): SchemePlan | undefined;
}

/** Throws RangeError when the plans do not fit the units or the catalog (deployment data, checked at start-up). */
export function createDomain({ units, calendar, catalog, plans }: DomainInput): SchemeDomain {
  const index = indexPlans(plans, units, catalog);
  const names = new Map<string, string>();
  const flags = new Map<string, ReadonlyMap<string, CaseFlag>>();
  for (const v of catalog.versions) flags.set(v.id, new Map(v.caseFlags.map((f) => [f.id, f])));
  const ctx: DecideContext = {
    units,
    calendar,
    catalog,
    plans: index,
    unitName(unit: AdminUnit) {
      let name = names.get(unit.id);
      if (name === undefined) names.set(unit.id, (name = units.displayName(unit)));
      return name;
    },
    flagsOf: (version: ProcedureVersion) => flags.get(version.id) ?? new Map(),
  };
  const decideTrack = makeDecideTrack(ctx);
  return {
    decideTrack,
    schemeStatusAt: makeSchemeStatusAt(ctx, decideTrack),
    planAt: (unitId, date) => index.planAt(unitId, date)?.plan,
  };
}


export const schemeDomain: SchemeDomain = createDomain({ units: unitDirectory, calendar: vnCalendar, catalog: procedureCatalog, plans: schemePlans });
export const decideTrack = (input: TrackInput): TrackResult => schemeDomain.decideTrack(input);
export const schemeStatusAt = (unitCode: string, at: string): SchemeStatus | TrackError => schemeDomain.schemeStatusAt(unitCode, at);
