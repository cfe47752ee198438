/** Text normalisation for Vietnamese input: NFC at every boundary, folded keys for search. */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Normalise to NFC (Unikey "tổ hợp" types NFD) and trim. */
export function normalizeText(s: string): string {
  return s.normalize("NFC").trim();
}

/**
 * Fold for search and matching: no diacritics, đ→d, lower case, single spaces.
 * Tone-mark placement variants (Hoà/Hòa, Thuỵ/Thụy) fold to the same key.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
