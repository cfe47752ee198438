/**
 * What a citizen typed in "Tra cứu": a dossier code (printed on the receipt) or a pre-registration code
 * (on the ticket). Read with the shared parsers so a typo gets a precise Vietnamese message.
 */
import { parseDossierCode } from "../../../../shared/dossier/dossier-code.js";
import { normalizePreRegistrationCode } from "../../../../shared/dossier/pre-registration-code.js";

export type LookupTarget =
  | { ok: true; kind: "dossier"; code: string }
  | { ok: true; kind: "pre-registration"; code: string }
  | { ok: false; error: string };

export function readLookupCode(input: string): LookupTarget {
  const text = input.trim();
  if (text === "") return { ok: false, error: "Vui lòng nhập mã hồ sơ hoặc mã khai trước." };
  const dossier = parseDossierCode(text);
  if (dossier) return { ok: true, kind: "dossier", code: dossier.dossierCode };
  if (/\d{6}\s*[-–]\s*\d{4}/.test(text)) {
    return {
      ok: false,
      error: "Mã hồ sơ không đúng dạng. Mã hồ sơ có dạng 000.00.01.H29-240115-0001, in trên Giấy tiếp nhận.",
    };
  }
  const pre = normalizePreRegistrationCode(text);
  return pre.ok ? { ok: true, kind: "pre-registration", code: pre.value } : { ok: false, error: pre.error };
}
