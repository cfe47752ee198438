/**
 * The signed-in officer as the use-cases see it, and the visibility rule: an officer sees only the dossiers
 * received by their own unit; a province viewer sees every unit but changes nothing.
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

export function canSeeDossier(officer: Officer, dossier: { receivingUnitId: string | null }): boolean {
  if (officer.role === "province_viewer") return true;
  return officer.unitId !== null && officer.unitId === dossier.receivingUnitId;
}

/** The unit filter for lists: undefined means every unit. */
export function unitScope(officer: Officer): string | undefined {
  return officer.role === "province_viewer" ? undefined : (officer.unitId ?? "__none__");
}
