/**
 * The signed-in officer as the console's use cases see it, and the visibility rule: an officer sees only the
 * dossiers received by their own unit; a province viewer sees every unit but changes nothing.
 */
import type { Role } from "../../../shared/data/lifecycle.js";
import type { DossierRecord } from "../store/dossiers.js";

export interface Officer {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  delegateFor: string | null;
  phone: string | null;
}

export function canSeeDossier(officer: Officer, dossier: Pick<DossierRecord, "receivingUnitId">): boolean {
  if (officer.role === "province_viewer") return true;
  return officer.unitId !== null && officer.unitId === dossier.receivingUnitId;
}

/** The unit filter for lists: undefined means every unit. */
export function unitScope(officer: Officer): string | undefined {
  return officer.role === "province_viewer" ? undefined : (officer.unitId ?? "__none__");
}

export const READ_ONLY_ROLES: readonly Role[] = ["province_viewer"];
/** May fill in a draft at the counter; may not receive, refuse or approve. */
export const DRAFT_ROLES: readonly Role[] = ["counter_officer", "volunteer"];
