/**
 * Administrative units with history: O(1) lookups by id and (code, date), parents, children,
 * successions across 1/7/2025, and folded search. Codes are reused across the reform, so every
 * lookup by code or name takes a date or returns the unit's type and parents.
 */
import type { AdminUnit, IsoDate, UnitsData, UnitSuccession } from "../model.js";
import { daknongUnits } from "../data/units/dak-nong.js";
import { displayName } from "./unit-names.js";
import { isInForce, toDay } from "./unit-period.js";
import { buildSearchIndex, searchIndex, type UnitSearchHit, type UnitSearchOptions } from "./unit-search.js";

export interface UnitDirectory {
  readonly units: readonly AdminUnit[];
  byId(id: string): AdminUnit | undefined;
  /** The unit holding `code` on `date`; undefined if none. */
  findByCode(code: string, date: IsoDate): AdminUnit | undefined;
  search(query: string, options?: UnitSearchOptions): UnitSearchHit[];
  parentOf(unit: AdminUnit): AdminUnit | undefined;
  /** Parent first, province last. */
  ancestors(unit: AdminUnit): AdminUnit[];
  provinceOf(unit: AdminUnit): AdminUnit | undefined;
  /** Children in force on `date` (all children ever when `date` is omitted). */
  childrenOf(unitId: string, date?: IsoDate): AdminUnit[];
  displayName(unit: AdminUnit): string;
  /** "xã Quảng Khê, huyện Đăk Glong, tỉnh Đắk Nông" */
  fullName(unit: AdminUnit): string;
  /** The units in force on `date` that carry on `unitId` (itself while in force; several after a split). */
  successorsAt(unitId: string, date: IsoDate): AdminUnit[];
  /** Direct predecessors at the same level: the units merged or split into `unitId` (not the derived district links). */
  predecessorsOf(unitId: string): AdminUnit[];
  successionsFrom(unitId: string): readonly UnitSuccession[];
  successionsTo(unitId: string): readonly UnitSuccession[];
  isInForce(unit: AdminUnit, date: IsoDate): boolean;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export function createUnitDirectory(data: UnitsData): UnitDirectory {
  const units = data.units;
  const byIdMap = new Map(units.map((u) => [u.id, u]));
  const byCode = groupBy(units, (u) => u.code);
  const children = groupBy(units, (u) => u.parentId);
  const successionsByFrom = groupBy(data.successions, (s) => s.fromId);
  const successionsByTo = groupBy(data.successions, (s) => s.toId);
  const index = buildSearchIndex(units);

  const byId = (id: string) => byIdMap.get(id);
  const parentOf = (unit: AdminUnit) => (unit.parentId === undefined ? undefined : byIdMap.get(unit.parentId));

  function ancestors(unit: AdminUnit): AdminUnit[] {
    const chain: AdminUnit[] = [];
    const seen = new Set([unit.id]);
    for (let p = parentOf(unit); p && !seen.has(p.id); p = parentOf(p)) {
      chain.push(p);
      seen.add(p.id);
    }
    return chain;
  }

  const fullName = (unit: AdminUnit) => [unit, ...ancestors(unit)].map(displayName).join(", ");

  function successorsAt(unitId: string, date: IsoDate): AdminUnit[] {
    const start = byIdMap.get(unitId);
    const day = toDay(date);
    if (!start || day === undefined || day < start.validFrom) return [];
    const result: AdminUnit[] = [];
    const seen = new Set<string>();
    const queue: AdminUnit[] = [start];
    for (let unit = queue.shift(); unit; unit = queue.shift()) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      if (isInForce(unit, day)) {
        result.push(unit);
        continue;
      }
      for (const s of successionsByFrom.get(unit.id) ?? []) {
        const next = s.effectiveDate <= day ? byIdMap.get(s.toId) : undefined;
        if (next) queue.push(next);
      }
    }
    return result;
  }

  return {
    units,
    byId,
    findByCode(code, date) {
      const day = toDay(date);
      if (typeof code !== "string" || day === undefined) return undefined;
      return byCode.get(code.trim())?.find((u) => isInForce(u, day));
    },
    search(query, options = {}) {
      return searchIndex(index, query, options, (unit) => ({
        displayName: displayName(unit),
        fullName: fullName(unit),
        parent: parentOf(unit),
      }));
    },
    parentOf,
    ancestors,
    provinceOf: (unit) => (unit.level === "province" ? unit : ancestors(unit).find((a) => a.level === "province")),
    childrenOf(unitId, date) {
      const list = children.get(unitId) ?? [];
      return date === undefined ? [...list] : list.filter((u) => isInForce(u, date));
    },
    displayName,
    fullName,
    successorsAt,
    predecessorsOf(unitId) {
      const level = byIdMap.get(unitId)?.level;
      return (successionsByTo.get(unitId) ?? [])
        .flatMap((s) => byIdMap.get(s.fromId) ?? [])
        .filter((u) => u.level === level);
    },
    successionsFrom: (unitId) => successionsByFrom.get(unitId) ?? [],
    successionsTo: (unitId) => successionsByTo.get(unitId) ?? [],
    isInForce,
  };
}

export { daknongUnits };

/** Directory over the shipped Đắk Nông data (2020-03-01 to today). */
export const unitDirectory: UnitDirectory = createUnitDirectory(daknongUnits);
