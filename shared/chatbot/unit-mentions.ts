/**
 * Which administrative unit a message names, from the units data: folded names ("quang khe", "ea tling"), an optional
 * type word before it ("xã", "phường", "tt", "ubnd"), the units in force on a date, and successors for a unit that no
 * longer exists (thị trấn Ea T'Ling → xã Cư Jút). Care with ambiguity: a name held by several units in force with no
 * type word to tell them apart gives no unit; a name made only of everyday words ("Nhân Cơ" = "nhận có") counts only
 * after a type word or when typed with its diacritics.
 */
import type { AdminUnit, IsoDate, UnitLevel } from "../model.js";
import type { UnitDirectory } from "../units/unit-directory.js";
import { UNIT_TYPE_SEARCH_WORDS } from "../units/unit-names.js";
import { plainWords } from "./message-tokens.js";

export interface UnitFinder {
  find(plain: readonly string[], text: string): string | undefined;
  /** As find, with the unit named when it no longer exists (its successor's code is `code`). */
  mention(plain: readonly string[], text: string): UnitMention | undefined;
  /** Folded words of every unit name (typo correction must not "correct" them). */
  readonly words: ReadonlySet<string>;
}

export interface UnitMention {
  code: string;
  /** The former unit the message named (e.g. phường Nghĩa Tân before 1/7/2025), when the answer is for its successor. */
  formerUnitId?: string;
}

interface NameEntry {
  units: AdminUnit[];
  /** Every word of the name is also an everyday word. */
  risky: boolean;
  /** The name with diacritics, lower case NFC, for the risky check. */
  spelled: Set<string>;
}

const LEVEL_RANK: Record<UnitLevel, number> = { commune: 0, district: 1, province: 2 };
/** Words that introduce a unit without being its type. */
const CONTEXT_WORDS = ["ubnd", "ub", "uy ban"];
const MAX_NAME_WORDS = 5;

export function createUnitFinder(
  directory: UnitDirectory,
  date: IsoDate,
  everydayWords: ReadonlySet<string>,
): UnitFinder {
  const names = new Map<string, NameEntry>();
  const words = new Set<string>();
  const firstWords = new Set<string>();
  for (const unit of directory.units) {
    const key = plainWords(unit.name).join(" ");
    if (key === "") continue;
    let entry = names.get(key);
    if (!entry) {
      const parts = key.split(" ");
      parts.forEach((w) => words.add(w));
      firstWords.add(parts[0]!);
      entry = { units: [], risky: parts.every((w) => everydayWords.has(w)), spelled: new Set() };
      names.set(key, entry);
    }
    entry.units.push(unit);
    entry.spelled.add(unit.name.normalize("NFC").toLowerCase());
  }
  const typeWords = new Map<string, string[]>();
  for (const [type, list] of Object.entries(UNIT_TYPE_SEARCH_WORDS)) {
    for (const w of list) typeWords.set(w, [...(typeWords.get(w) ?? []), type]);
  }
  for (const w of CONTEXT_WORDS) typeWords.set(w, typeWords.get(w) ?? []);

  /** The type word (or context word) right before position i, if any. */
  function typeBefore(plain: readonly string[], i: number): { found: boolean; types: string[] } {
    for (const n of [2, 1]) {
      if (i - n < 0) continue;
      const types = typeWords.get(plain.slice(i - n, i).join(" "));
      if (types) return { found: true, types };
    }
    return { found: false, types: [] };
  }

  function resolve(entry: NameEntry, types: readonly string[]): { unit: AdminUnit; former?: AdminUnit } | undefined {
    let candidates = entry.units;
    if (types.length > 0) {
      const typed = candidates.filter((u) => types.includes(u.type));
      if (typed.length > 0) candidates = typed;
    }
    const inForce = candidates.filter((u) => directory.isInForce(u, date));
    const pool = inForce.length > 0 ? inForce : entry.units.filter((u) => directory.isInForce(u, date));
    if (pool.length > 0) {
      const unit = unique(pool);
      return unit && { unit };
    }
    const successors = new Map<string, AdminUnit>();
    for (const u of candidates) for (const s of directory.successorsAt(u.id, date)) successors.set(s.id, s);
    const unit = unique([...successors.values()]);
    const former = candidates.length === 1 ? candidates[0] : undefined;
    return unit && { unit, ...(former ? { former } : {}) };
  }

  function mention(plain: readonly string[], text: string): UnitMention | undefined {
    let lowered: string | undefined;
    let best: { unit: AdminUnit; former?: AdminUnit } | undefined;
    for (let i = 0; i < plain.length; i += 1) {
      if (!firstWords.has(plain[i]!)) continue;
      for (let n = Math.min(MAX_NAME_WORDS, plain.length - i); n >= 1; n -= 1) {
        const entry = names.get(plain.slice(i, i + n).join(" "));
        if (!entry) continue;
        const before = typeBefore(plain, i);
        if (entry.risky && !before.found) {
          lowered ??= text.normalize("NFC").toLowerCase();
          if (![...entry.spelled].some((s) => lowered!.includes(s))) continue;
        }
        const found = resolve(entry, before.types);
        if (found && (!best || LEVEL_RANK[found.unit.level] < LEVEL_RANK[best.unit.level])) best = found;
        i += n - 1;
        break;
      }
    }
    return best && { code: best.unit.code, ...(best.former ? { formerUnitId: best.former.id } : {}) };
  }

  return {
    words,
    find: (plain, text) => mention(plain, text)?.code,
    mention,
  };
}

function unique(units: readonly AdminUnit[]): AdminUnit | undefined {
  if (units.length === 1) return units[0];
  // Several in force: only a clear level difference decides (a commune over the district of the same name).
  const sorted = [...units].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  return sorted.length > 1 && LEVEL_RANK[sorted[0]!.level] < LEVEL_RANK[sorted[1]!.level] ? sorted[0] : undefined;
}
