/**
 * "Nộp ở đâu, ai giải quyết": where a citizen submits a procedure's dossier and which body decides, for the unit the
 * conversation is about. The chatbot reads it here only; the words come from the procedure version's nơi tiếp nhận
 * and nơi giải quyết (shared/procedures/where-to-submit.ts), as on the mini-app and the printed slips.
 */
import type { AdminUnit } from "../model.js";
import type { ProcedureVersion } from "../procedures/procedure-version.js";
import { whereToSubmit } from "../procedures/where-to-submit.js";

export interface WhereToApply {
  /** Where the dossier is handed in. */
  submitAt: string;
  /** Who examines and decides. */
  decidedBy: string;
}

export function whereToApply(v: ProcedureVersion, unit: AdminUnit | undefined): WhereToApply {
  const receivedHere = unit !== undefined && unit.level !== "province" && v.receivingLevels.includes(unit.level);
  const where = whereToSubmit(v, receivedHere ? unit : undefined);
  return { submitAt: where.receivingOffice, decidedBy: where.decidingOffice };
}
