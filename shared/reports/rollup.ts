/**
 * Which recorded units a report on a unit counts, and to which unit a historical unit's dossiers are credited.
 * Dossiers keep the unit that received them; after a merger (1/7/2025) their figures count in the successor,
 * through the succession table. Before 1/7/2025 a district's report also counts the communes under it.
 */
import type { AdminUnit, IsoDate } from "../model.js";
import type { UnitDirectory } from "../units/unit-directory.js";

/** District level ended on this day (Luật 72/2025/QH15, two-tier local government from 1/7/2025). */
export const DISTRICTS_ABOLISHED_ON: IsoDate = "2025-07-01";

type Dir = Pick<UnitDirectory, "byId" | "predecessorsOf" | "childrenOf" | "successorsAt" | "parentOf">;

/** The unit itself, every unit merged or split into it (transitively) and the units under it (a district's communes). */
export function unitsCountedIn(dir: Dir, unitId: string): AdminUnit[] {
  const out = new Map<string, AdminUnit>();
  const queue = [unitId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const u = dir.byId(id);
    if (!u || out.has(id)) continue;
    out.set(id, u);
    for (const p of dir.predecessorsOf(id)) queue.push(p.id);
    if (u.level !== "commune") for (const c of dir.childrenOf(id)) queue.push(c.id);
  }
  return [...out.values()];
}

/**
 * The unit a recorded unit's dossiers are credited to in a ranking whose period ends on `periodEnd`: its successor
 * in force then (the first one after a split) and, for periods ending before 1/7/2025, a commune's district.
 */
export function creditedUnit(dir: Dir, unitId: string, periodEnd: IsoDate): AdminUnit | undefined {
  const u = dir.byId(unitId);
  if (!u) return undefined;
  const successor =
    (u.validTo !== undefined && u.validTo < periodEnd ? dir.successorsAt(unitId, periodEnd)[0] : undefined) ?? u;
  if (periodEnd < DISTRICTS_ABOLISHED_ON && successor.level === "commune") return dir.parentOf(successor) ?? successor;
  return successor;
}
