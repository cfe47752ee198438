/**
 * Mã hồ sơ `<mã định danh cơ quan tiếp nhận>-<yyMMdd>-<NNNN>`, e.g. "000.00.01.H29-240115-0001" (docs/domain/scheme.md#dossier-code:
 * the pattern of one-stop systems and the national portal [S]; TT 03/2025/TT-VPCP's format rule not consulted [?]).
 * The sequence counts per receiving agency per day; above 9999 it widens to as many digits as it needs
 * ("…-10000"), so codes never collide and still sort by day. Years are 2000–2099.
 */
import type { IsoDate } from "../model.js";
import { parseDay } from "../calendar/day-number.js";

export interface DossierCodeParts {
  /** Canonical form: upper case, no spaces. */
  dossierCode: string;
  agencyCode: string;
  receivedDate: IsoDate;
  sequence: number;
}

/**
 * QCVN 102:2016/BTTTT agency code `NNN.NN.NN.Xnn` (docs/domain/scheme.md#agency-codes). Middle segments accept up to 5 digits so
 * the placeholders derived from 5-digit GSO commune codes (agency-codes.ts) still form valid dossier codes.
 */
const AGENCY = String.raw`\d{3}\.\d{2,5}\.\d{2,5}\.[A-Za-z]\d{2}`;
export const AGENCY_CODE_PATTERN = new RegExp(`^${AGENCY}$`);

/**
 * Finds a dossier code inside free text (a chat message): tolerant of lower-case letters and spaces around the
 * dashes. Not global, so it is safe to share; use `findDossierCodes` for every match.
 */
export const DOSSIER_CODE_PATTERN = new RegExp(
  String.raw`(?<![\d.])(?<agency>${AGENCY})\s*[-–]\s*(?<day>\d{6})\s*[-–]\s*(?<sequence>\d{4,})(?!\d)`,
);

const MIN_SEQUENCE_DIGITS = 4;

/** Throws RangeError on a malformed agency code, date or sequence: callers pass server-side values, so it is a bug. */
export function formatDossierCode(agencyCode: string, receivedDate: IsoDate, sequence: number): string {
  const agency = agencyCode.trim().toUpperCase();
  if (!AGENCY_CODE_PATTERN.test(agency)) throw new RangeError(`agency code not in NNN.NN.NN.Xnn form: ${agencyCode}`);
  if (parseDay(receivedDate) === undefined || !receivedDate.startsWith("20")) {
    throw new RangeError(`received date must be a real date in 2000–2099: ${receivedDate}`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw new RangeError(`sequence must be a positive integer: ${sequence}`);
  const day = receivedDate.slice(2, 4) + receivedDate.slice(5, 7) + receivedDate.slice(8, 10);
  return `${agency}-${day}-${String(sequence).padStart(MIN_SEQUENCE_DIGITS, "0")}`;
}

/** The parts of a dossier code typed or pasted by a person; undefined when it is not one. */
export function parseDossierCode(input: string): DossierCodeParts | undefined {
  const m = new RegExp(`^\\s*${DOSSIER_CODE_PATTERN.source}\\s*$`).exec(input.normalize("NFC"));
  return m ? partsOf(m) : undefined;
}

/** Every well-formed dossier code in a text, in order of appearance. */
export function findDossierCodes(text: string): DossierCodeParts[] {
  const found: DossierCodeParts[] = [];
  for (const m of text.normalize("NFC").matchAll(new RegExp(DOSSIER_CODE_PATTERN.source, "g"))) {
    const parts = partsOf(m);
    if (parts) found.push(parts);
  }
  return found;
}

function partsOf(m: RegExpMatchArray): DossierCodeParts | undefined {
  const { agency, day, sequence } = m.groups as { agency: string; day: string; sequence: string };
  const receivedDate = `20${day.slice(0, 2)}-${day.slice(2, 4)}-${day.slice(4, 6)}`;
  const n = Number(sequence);
  if (parseDay(receivedDate) === undefined || !Number.isSafeInteger(n) || n < 1) return undefined;
  const agencyCode = agency.toUpperCase();
  return { dossierCode: formatDossierCode(agencyCode, receivedDate, n), agencyCode, receivedDate, sequence: n };
}
