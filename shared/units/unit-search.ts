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
const collator = new Intl.Collator("vi");

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

/** 0 exact, 1 prefix, 2 contains at a word start, 3 contains; 4 when no key matches. */
function rankOf(entry: UnitSearchEntry, query: string, wordQuery: string, compactQuery: string): number {
  let best = 4;
  for (const key of entry.keys) {
    const rank =
      key === query ? 0 : key.startsWith(query) ? 1 : key.includes(wordQuery) ? 2 : key.includes(query) ? 3 : 4;
    if (rank < best) best = rank;
  }
  if (best <= 1) return best;
  for (const key of entry.compactKeys) {
    const rank = key === compactQuery ? 0 : key.startsWith(compactQuery) ? 1 : key.includes(compactQuery) ? 3 : 4;
    if (rank < best) best = rank;
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
  const wordQuery = ` ${q}`;
  const found: { entry: UnitSearchEntry; rank: number }[] = [];
  for (const entry of index) {
    if (options.levels && !options.levels.includes(entry.unit.level)) continue;
    if (day !== undefined && !isInForce(entry.unit, day)) continue;
    const rank = rankOf(entry, q, wordQuery, compact);
    if (rank < 4) found.push({ entry, rank });
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
    collator.compare(a.name, b.name) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
