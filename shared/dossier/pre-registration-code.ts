/**
 * Short code a citizen reads out at the counter to find a pre-registration, e.g. "K7M-4X9-RN": 7 random characters
 * and 1 check character from a 23-character alphabet without look-alikes (no 0/O/Q, 1/I/L, 2/Z, 5/S, 8/B, 6/G).
 * 23^7 ≈ 3.4 billion codes. The check character makes Σ weight·value ≡ 0 (mod 23) with weights 1…8: 23 is prime,
 * so every single wrong character and every swap of two characters is detected.
 */
import { foldVietnamese } from "../text/fold.js";

export const PRE_REGISTRATION_ALPHABET = "34679ACDEFHJKMNPRTUVWXY";
const BASE = PRE_REGISTRATION_ALPHABET.length;
const RANDOM_LENGTH = 7;
const GROUPS = [3, 3, 2] as const;

/** What a reader may type for a character missing from the alphabet, where only one alphabet character fits. */
const LOOK_ALIKES: Record<string, string> = { O: "D", "0": "D", Q: "D", G: "6" };

/**
 * Finds a candidate code in free text: groups of 3, 3 and 2 characters (alphabet or look-alike), dashes or spaces
 * optional. A plain word can match: confirm with `normalizePreRegistrationCode` (the check rejects 22 in 23).
 */
const CODE_CHAR = `[${PRE_REGISTRATION_ALPHABET}${Object.keys(LOOK_ALIKES).join("")}]`;
export const PRE_REGISTRATION_CODE_PATTERN = new RegExp(
  `(?<![0-9A-Z])${CODE_CHAR}{3}[- ]?${CODE_CHAR}{3}[- ]?${CODE_CHAR}{2}(?![0-9A-Z])`,
  "i",
);

export type PreRegistrationCodeError = "invalid_length" | "invalid_character" | "checksum_mismatch";

export type PreRegistrationCodeResult =
  { ok: true; value: string } | { ok: false; code: PreRegistrationCodeError; error: string; errorEn: string };

const MESSAGES: Record<PreRegistrationCodeError, { vi: string; en: string }> = {
  invalid_length: {
    vi: "Mã đăng ký trước gồm 8 ký tự, ví dụ K7M-4X9-RN. Vui lòng kiểm tra lại.",
    en: "A pre-registration code has 8 characters, e.g. K7M-4X9-RN.",
  },
  invalid_character: {
    vi: "Mã đăng ký trước có ký tự không hợp lệ. Vui lòng kiểm tra lại.",
    en: "The pre-registration code contains a character that is never used in codes.",
  },
  checksum_mismatch: {
    vi: "Mã đăng ký trước không đúng (có thể gõ nhầm một ký tự). Vui lòng kiểm tra lại.",
    en: "The pre-registration code is wrong (probably a mistyped character).",
  },
};

/**
 * Builds a code from 7 caller-supplied random integers (e.g. `crypto.getRandomValues(new Uint32Array(7))`); each is
 * taken modulo 23, so uniform 32-bit values give a practically uniform code. Throws RangeError on other input (a bug).
 */
export function formatPreRegistrationCode(randomInts: readonly number[]): string {
  if (randomInts.length < RANDOM_LENGTH || !randomInts.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    throw new RangeError(`need ${RANDOM_LENGTH} non-negative integers`);
  }
  const values = randomInts.slice(0, RANDOM_LENGTH).map((n) => n % BASE);
  return group([...values, checkValue(values)].map((v) => PRE_REGISTRATION_ALPHABET[v]).join(""));
}

/** Reads a code as typed (any case, spaces, dashes, Vietnamese diacritics, O for D…) into its canonical form. */
export function normalizePreRegistrationCode(input: string): PreRegistrationCodeResult {
  const chars = [
    ...foldVietnamese(String(input))
      .toUpperCase()
      .replace(/[\s\-–_.]/g, ""),
  ].map((c) => LOOK_ALIKES[c] ?? c);
  if (chars.length !== RANDOM_LENGTH + 1) return fail("invalid_length");
  const values = chars.map((c) => PRE_REGISTRATION_ALPHABET.indexOf(c));
  if (values.some((v) => v < 0)) return fail("invalid_character");
  if (weightedSum(values) % BASE !== 0) return fail("checksum_mismatch");
  return { ok: true, value: group(chars.join("")) };
}

/** Every valid code in a chat message, canonical and de-duplicated. */
export function findPreRegistrationCodes(text: string): string[] {
  const found = new Set<string>();
  for (const m of String(text).matchAll(new RegExp(PRE_REGISTRATION_CODE_PATTERN.source, "gi"))) {
    const r = normalizePreRegistrationCode(m[0]);
    if (r.ok) found.add(r.value);
  }
  return [...found];
}

function weightedSum(values: readonly number[]): number {
  return values.reduce((sum, v, i) => sum + (i + 1) * v, 0);
}

/** c with Σ + 8c ≡ 0 (mod 23); 3 is the inverse of 8 modulo 23. */
function checkValue(values: readonly number[]): number {
  return (((-3 * weightedSum(values)) % BASE) + BASE) % BASE;
}

function group(code: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of GROUPS) {
    parts.push(code.slice(at, at + size));
    at += size;
  }
  return parts.join("-");
}

function fail(code: PreRegistrationCodeError): PreRegistrationCodeResult {
  return { ok: false, code, error: MESSAGES[code].vi, errorEn: MESSAGES[code].en };
}
