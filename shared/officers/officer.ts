/**
 * The signed-in officer as the use-cases see it, and the visibility rule: an officer sees only the dossiers
 * received by their own unit; a province viewer sees every unit but changes nothing; a province administrator sees every unit and administers them.
 */
import type { Role } from "../data/lifecycle.js";

export interface Officer {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  delegateFor: string | null;
  phone: string | null;
}

/** Roles that read every unit of the province (the province administrator also administers them). */
const PROVINCE_WIDE_ROLES: ReadonlySet<Role> = new Set(["province_viewer", "province_admin"]);

export function isProvinceWide(officer: Pick<Officer, "role">): boolean {
  return PROVINCE_WIDE_ROLES.has(officer.role);
}

export function canSeeDossier(officer: Officer, dossier: { receivingUnitId: string | null }): boolean {
  if (isProvinceWide(officer)) return true;
  return officer.unitId !== null && officer.unitId === dossier.receivingUnitId;
}

/** The unit filter for lists: undefined means every unit. */
export function unitScope(officer: Officer): string | undefined {
  return isProvinceWide(officer) ? undefined : (officer.unitId ?? "__none__");
}

/**
 * Whether the officer administers a unit: a unit administrator their own unit; a province administrator every unit
 * whose province is theirs (and the province itself). `provinceIdOf` gives a unit's province id (the unit directory's
 * provinceOf), undefined for an unknown unit.
 */
export function administers(
  officer: Pick<Officer, "role" | "unitId">,
  unitId: string,
  provinceIdOf: (unitId: string) => string | undefined,
): boolean {
  if (officer.unitId === null) return false;
  if (officer.role === "unit_admin") return officer.unitId === unitId;
  if (officer.role === "province_admin") return provinceIdOf(unitId) === officer.unitId;
  return false;
}
