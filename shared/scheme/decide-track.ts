/**
 * The scheme domain: createDomain binds units, calendar, catalog and plans once (indexes built here), and the
 * default decideTrack / schemeStatusAt run over the shipped data (Đắk Nông 2023 plans, Lâm Đồng demo plan).
 */
import type { Calendar } from "../calendar/calendar.js";
import { vnCalendar } from "../calendar/vn-calendar.js";
import { schemePlans } from "../data/scheme-plans.js";
import type { IsoDate } from "../model.js";
import { procedureCatalog, type ProcedureCatalog } from "../procedures/catalog.js";
import { unitDirectory, type UnitDirectory } from "../units/unit-directory.js";
import { buildContext } from "./domain-context.js";
import { makeDecideTrack, type TrackInput, type TrackResult } from "./make-decide-track.js";
import { indexPlans } from "./plan-index.js";
import type { PlanParticipation } from "./plan-participation.js";
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
  /** The units' dated participation in the plans covering them (none: every covered unit takes part). */
  participation?: readonly PlanParticipation[];
}

export interface SchemeDomain {
  decideTrack(input: TrackInput): TrackResult;
  schemeStatusAt(unitCode: string, at: string): SchemeStatus | TrackError;
  /** The plan in force at a unit (by id) on a date. */
  planAt(unitId: string, date: IsoDate): SchemePlan | undefined;
}

/** Throws RangeError when the plans do not fit the units or the catalog (deployment data, checked at start-up). */
export function createDomain({ units, calendar, catalog, plans, participation }: DomainInput): SchemeDomain {
  const index = indexPlans(plans, units, catalog, participation);
  const ctx = buildContext(units, calendar, catalog, index);
  const decideTrack = makeDecideTrack(ctx);
  return {
    decideTrack,
    schemeStatusAt: makeSchemeStatusAt(ctx, decideTrack),
    planAt: (unitId, date) => index.planAt(unitId, date)?.plan,
  };
}

export const schemeDomain: SchemeDomain = createDomain({
  units: unitDirectory,
  calendar: vnCalendar,
  catalog: procedureCatalog,
  plans: schemePlans,
});
export const decideTrack = (input: TrackInput): TrackResult => schemeDomain.decideTrack(input);
export const schemeStatusAt = (unitCode: string, at: string): SchemeStatus | TrackError =>
  schemeDomain.schemeStatusAt(unitCode, at);
