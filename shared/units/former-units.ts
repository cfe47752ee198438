/**
 * Former names lead to today's units through the succession table (units merged or abolished on 1/7/2025):
 * a citizen who types "dak glong" or "Đắk Nông" finds the communes that now serve that area, and an address
 * printed on an older CCCD ("…Xã Quảng Khê, Huyện Đắk Glong, Tỉnh Đắk Nông") is offered in today's units
 * ("xã Quảng Khê, tỉnh Lâm Đồng"), for the citizen or officer to accept, never applied silently.
 */
import type { AdminUnit, IsoDate, UnitLevel } from "../model.js";
import type { UnitDirectory } from "./unit-directory.js";
import { searchKey } from "./unit-search.js";

export interface FormerUnitLead {
  /** The unit no longer in force whose name matched ("huyện Đăk Glong"). */
  former: AdminUnit;
  /** Today's units of `level` covering its area, by name (communes for a former district or province). */
  successors: AdminUnit[];
}

const collator = new Intl.Collator("vi");

/** Every unit ever below `unit` (all periods). */
function descendants(units: UnitDirectory, unit: AdminUnit): AdminUnit[] {
  const out: AdminUnit[] = [];
  const queue = [unit];
  const seen = new Set([unit.id]);
  for (let u = queue.shift(); u; u = queue.shift()) {
    for (const child of units.childrenOf(u.id)) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** Today's units at `level` that carry on `former` (through its own successions and those of the units it held). */
export function currentUnitsFor(
  units: UnitDirectory,
  former: AdminUnit,
  date: IsoDate,
  level: UnitLevel = "commune",
): AdminUnit[] {
  const found = new Map<string, AdminUnit>();
  for (const u of [former, ...descendants(units, former)]) {
    if (u.level !== level) continue;
    for (const next of units.successorsAt(u.id, date)) if (next.level === level) found.set(next.id, next);
  }
  if (found.size === 0)
    for (const next of units.successorsAt(former.id, date)) if (next.level === level) found.set(next.id, next);
  return [...found.values()].sort((a, b) => collator.compare(a.name, b.name));
}

/** Units no longer in force on `date` whose name matches `query`, each with today's communes that took its area. */
export function searchFormerUnits(units: UnitDirectory, query: string, date: IsoDate, limit = 5): FormerUnitLead[] {
  const leads: FormerUnitLead[] = [];
  for (const hit of units.search(query, { limit: 50 })) {
    if (units.isInForce(hit.unit, date) || hit.match === "contains") continue;
    const successors = currentUnitsFor(units, hit.unit, date);
    if (successors.length > 0) leads.push({ former: hit.unit, successors });
    if (leads.length >= limit) break;
  }
  return leads;
}

export interface AddressOffer {
  /** The address as printed. */
  printed: string;
  /** The same address with today's units ("Thôn 3, xã Quảng Khê, tỉnh Lâm Đồng"). */
  current: string;
  /** The former commune named in the address and today's commune it became. */
  formerUnit: AdminUnit;
  currentUnit: AdminUnit;
}

/** Folded type words an address part starts with ("Xã", "TP.", "tinh"). */
const TYPE_PREFIX = /^(xa|phuong|thi tran|tt|huyen|quan|thi xa|tx|thanh pho|tp|tinh|dac khu) /;
const bareKey = (text: string) => searchKey(text).replace(TYPE_PREFIX, "");

/**
 * Reads an address written "detail, Xã X, Huyện Y, Tỉnh Z" (as the CCCD prints it). When its commune no longer
 * exists on `date` and has exactly one successor, returns the address in today's units (detail, commune, province).
 * Anything uncertain (commune not found, several communes of that name in the district, a split) gives no offer.
 */
export function currentAddressOffer(units: UnitDirectory, printed: string, date: IsoDate): AddressOffer | undefined {
  const parts = printed
    .normalize("NFC")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return undefined;
  // Find the first part naming a commune whose parents are named by the parts after it.
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!TYPE_PREFIX.test(searchKey(part))) continue;
    const key = bareKey(part);
    const rest = parts.slice(i + 1).map(bareKey);
    const candidates = units
      .search(key, { levels: ["commune"], limit: 20 })
      .map((h) => h.unit)
      .filter((u) => searchKey(u.name) === key)
      .filter((u) => {
        const above = units.ancestors(u).map((a) => searchKey(a.name));
        return rest.every((r) => above.includes(r));
      })
      .filter((u) => !units.isInForce(u, date));
    if (candidates.length !== 1) return undefined;
    const formerUnit = candidates[0]!;
    const next = units.successorsAt(formerUnit.id, date);
    if (next.length !== 1) return undefined;
    const currentUnit = next[0]!;
    const province = units.provinceOf(currentUnit);
    const detail = parts.slice(0, i);
    const current = [
      ...detail,
      units.displayName(currentUnit),
      ...(province ? [units.displayName(province)] : []),
    ].join(", ");
    return { printed, current, formerUnit, currentUnit };
  }
  return undefined;
}
