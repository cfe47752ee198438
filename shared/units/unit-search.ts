/** Search over a precomputed folded index: diacritics, tone placement, case and type words do not matter. */
import type { AdminUnit, IsoDate, UnitLevel } from "../model.js";
import { foldVietnamese } from "../text/fold.js";
import { UNIT_TYPE_SEARCH_WORDS } from "./unit-names.js";
import { isInForce, toDay } from "./unit-period.js";

export type UnitMatch = "exact" | "prefix" | "contains";

export interface UnitSearchOptions {
  /** Only units in force on this day. */
  date?: IsoDate;
  /** At most this many results (default 10). */
  limit?: number;
  levels?: readonly UnitLevel[];
}

export interface UnitSearchHit {
  unit: AdminUnit;
  match: UnitMatch;
  /** "xã Quảng Khê" */
  displayName: string;
  /** "xã Quảng Khê, huyện Đăk Glong, tỉnh Đắk Nông": type and parents, so equal names are told apart. */
  fullName: string;
  parent?: AdminUnit;
}

export interface UnitSearchEntry {
  unit: AdminUnit;
  /** Folded name, then folded "type name" for each type word. */
  keys: string[];
  compactKeys: string[];
}

const LEVEL_ORDER: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2 };
const DEFAULT_LIMIT = 10;

/** Fold, drop apostrophes ("Ea T'Ling" = "ea tling"), turn other punctuation into spaces. */
export function searchKey(text: string): string {
  return foldVietnamese(text)
    .replace(/['’ʼ`]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function buildSearchIndex(units: readonly AdminUnit[]): UnitSearchEntry[] {
  return units.map((unit) => {
    const name = searchKey(unit.name);
    const keys = [name, ...UNIT_TYPE_SEARCH_WORDS[unit.type].map((w) => `${w} ${name}`)];
    return { unit, keys, compactKeys: keys.map((k) => k.replace(/ /g, "")) };
  });
}

/** 0 exact, 1 prefix, 2 contains at a word start, 3 contains; undefined when no key matches. */
function rankOf(entry: UnitSearchEntry, query: string, compactQuery: string): number | undefined {
  let best: number | undefined;
  const consider = (rank: number) => (best = best === undefined ? rank : Math.min(best, rank));
  for (const key of entry.keys) {
    if (key === query) consider(0);
    else if (key.startsWith(query)) consider(1);
    else if (key.includes(` ${query}`)) consider(2);
    else if (key.includes(query)) consider(3);
  }
  for (const key of entry.compactKeys) {
    if (key === compactQuery) consider(0);
    else if (key.startsWith(compactQuery)) consider(1);
    else if (key.includes(compactQuery)) consider(3);
  }
  return best;
}

export function searchIndex(
  index: readonly UnitSearchEntry[],
  query: string,
  options: UnitSearchOptions,
  describe: (unit: AdminUnit) => Omit<UnitSearchHit, "unit" | "match">,
): UnitSearchHit[] {
  const q = typeof query === "string" ? searchKey(query) : "";
  if (q === "") return [];
  const day = options.date === undefined ? undefined : toDay(options.date);
  if (options.date !== undefined && day === undefined) return [];
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
  const compact = q.replace(/ /g, "");
  const found: { entry: UnitSearchEntry; rank: number }[] = [];
  for (const entry of index) {
    if (options.levels && !options.levels.includes(entry.unit.level)) continue;
    if (day !== undefined && !isInForce(entry.unit, day)) continue;
    const rank = rankOf(entry, q, compact);
    if (rank !== undefined) found.push({ entry, rank });
  }
  found.sort((a, b) => compareHits(a.entry.unit, a.rank, b.entry.unit, b.rank));
  return found.slice(0, limit).map(({ entry, rank }) => ({
    unit: entry.unit,
    match: rank === 0 ? "exact" : rank === 1 ? "prefix" : "contains",
    ...describe(entry.unit),
  }));
}

/** Better match first; then units still in force, higher level, shorter name. */
function compareHits(a: AdminUnit, rankA: number, b: AdminUnit, rankB: number): number {
  return (
    rankA - rankB ||
    Number(a.validTo !== undefined) - Number(b.validTo !== undefined) ||
    LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
    a.name.length - b.name.length ||
    a.name.localeCompare(b.name, "vi") ||
    a.id.localeCompare(b.id)
  );
}
