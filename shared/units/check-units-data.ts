/** Consistency checks over units data (ids, parents, periods, code reuse, successions); empty when sound. */
import type { AdminUnit, UnitsData } from "../model.js";

export interface UnitsDataIssue {
  code:
    | "duplicate_id"
    | "bad_id"
    | "missing_parent"
    | "parent_period"
    | "code_overlap"
    | "missing_unit"
    | "succession_date";
  message: string;
}

const overlaps = (a: AdminUnit, b: AdminUnit) =>
  a.validFrom <= (b.validTo ?? "9999-12-31") && b.validFrom <= (a.validTo ?? "9999-12-31");

export function checkUnitsData(data: UnitsData): UnitsDataIssue[] {
  const issues: UnitsDataIssue[] = [];
  const byId = new Map<string, AdminUnit>();
  const byCode = new Map<string, AdminUnit[]>();
  for (const u of data.units) {
    if (byId.has(u.id)) issues.push({ code: "duplicate_id", message: `${u.id} appears twice` });
    if (u.id !== `${u.code}@${u.validFrom}`) issues.push({ code: "bad_id", message: `${u.id} is not code@validFrom` });
    byId.set(u.id, u);
    for (const other of byCode.get(u.code) ?? []) {
      if (other.level === u.level && overlaps(other, u)) {
        issues.push({ code: "code_overlap", message: `${other.id} and ${u.id} hold code ${u.code} at the same time` });
      }
    }
    byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);
  }
  for (const u of data.units) {
    if (u.parentId === undefined) continue;
    const p = byId.get(u.parentId);
    if (!p) issues.push({ code: "missing_parent", message: `${u.id}: parent ${u.parentId} not found` });
    else if (p.validFrom > u.validFrom || (p.validTo !== undefined && (u.validTo ?? "9999-12-31") > p.validTo)) {
      issues.push({ code: "parent_period", message: `${u.id} outlives or predates its parent ${p.id}` });
    }
  }
  for (const s of data.successions) {
    const from = byId.get(s.fromId);
    const to = byId.get(s.toId);
    if (!from || !to) {
      issues.push({ code: "missing_unit", message: `succession ${s.fromId} → ${s.toId}: unit not found` });
    } else if (from.validTo === undefined || from.validTo >= s.effectiveDate || to.validFrom > s.effectiveDate) {
      issues.push({
        code: "succession_date",
        message: `succession ${s.fromId} → ${s.toId} on ${s.effectiveDate} does not fit the units' periods`,
      });
    }
  }
  return issues;
}
