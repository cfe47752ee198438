/** Combines units datasets (e.g. shipped Đắk Nông + an imported province); the first dataset wins on equal ids. */
import type { UnitsData } from "../model.js";

export function mergeUnitsData(...datasets: readonly UnitsData[]): UnitsData {
  const units = new Map<string, UnitsData["units"][number]>();
  const successions = new Map<string, UnitsData["successions"][number]>();
  for (const d of datasets) {
    for (const u of d.units) if (!units.has(u.id)) units.set(u.id, u);
    for (const s of d.successions) {
      const key = `${s.fromId}>${s.toId}`;
      if (!successions.has(key)) successions.set(key, s);
    }
  }
  return { units: [...units.values()], successions: [...successions.values()] };
}
