/**
 * "Nộp ở đâu, ai giải quyết": where a citizen submits a procedure's dossier and which body decides, for the unit the
 * conversation is about. The one place the chatbot reads it: today from the procedure version's receivingBody and
 * competentBody (shared/procedures/procedure-version.ts, each with its source); a richer "nơi tiếp nhận / nơi giải
 * quyết" of the version plugs in here.
 */
import type { AdminUnit } from "../model.js";
import type { ProcedureVersion } from "../procedures/procedure-version.js";

export interface WhereToApply {
  /** Where the dossier is handed in. */
  submitAt: string;
  /** Who examines and decides. */
  decidedBy: string;
}

export function whereToApply(v: ProcedureVersion, unit: AdminUnit | undefined, unitName: (u: AdminUnit) => string): WhereToApply {
  const receiving = v.receivingBody.name;
  const submitAt = unit && unit.level !== "province" && v.receivingLevels.includes(unit.level)
    ? `Bộ phận Một cửa ${unitName(unit)} (${lowerFirst(receiving)})`
    : receiving;
  return { submitAt, decidedBy: v.competentBody.name };
}

const lowerFirst = (s: string) => (/^(Trung tâm|Bộ phận)/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));
