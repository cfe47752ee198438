/**
 * The applicant's identity helpers the intake screen uses (fill a form from the scanned CCCD, list mismatches).
 * The one import of them in the console app: when they move to shared/ (issue #13, point 2), change this line only.
 */
export {
  fillFromIdentity,
  identityMismatches,
  type VisitIdentity,
} from "../../../../shared/dossier/applicant-fields.js";
