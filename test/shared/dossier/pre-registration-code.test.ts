import { describe, expect, it } from "@jest/globals";
import {
  findPreRegistrationCodes,
  formatPreRegistrationCode,
  normalizePreRegistrationCode,
  PRE_REGISTRATION_ALPHABET,
  PRE_REGISTRATION_CODE_PATTERN,
} from "../../../shared/dossier/pre-registration-code.js";

/** Random values that spell the given 7 characters. */
function valuesOf(chars: string): number[] {
  return [...chars].map((c) => PRE_REGISTRATION_ALPHABET.indexOf(c));
}

/** A deterministic pseudo-random stream (no clock, no crypto) for property-style tables. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31);
}

const SAMPLE = formatPreRegistrationCode(valuesOf("K7M4X9R"));
const ALL_CODES = Array.from({ length: 200 }, (_, i) => {
  const next = lcg(i + 1);
  return formatPreRegistrationCode(Array.from({ length: 7 }, next));
});

describe("formatPreRegistrationCode", () => {
  it("groups 8 characters 3-3-2 for reading aloud", () => {
    expect(SAMPLE).toBe("K7M-4X9-RN");
  });

  it("never uses a look-alike character", () => {
    expect(PRE_REGISTRATION_ALPHABET).toHaveLength(23);
    for (const c of "0O1IL2Z5S8B6G".replace("6", "")) expect(PRE_REGISTRATION_ALPHABET).not.toContain(c);
    for (const code of ALL_CODES)
      expect(code).toMatch(/^[34679ACDEFHJKMNPRTUVWXY]{3}-[34679ACDEFHJKMNPRTUVWXY]{3}-[34679ACDEFHJKMNPRTUVWXY]{2}$/);
  });

  it("takes large random integers modulo the alphabet size", () => {
    expect(formatPreRegistrationCode(valuesOf("K7M4X9R").map((v) => v + 23 * 1000))).toBe(SAMPLE);
    expect(formatPreRegistrationCode([...valuesOf("K7M4X9R"), 5, 5])).toBe(SAMPLE);
  });

  it.each([
    ["too few numbers", [1, 2, 3]],
    ["a negative number", [1, 2, 3, 4, 5, 6, -1]],
    ["a fraction", [1, 2, 3, 4, 5, 6, 0.5]],
  ])("refuses %s as a programming error", (_label, ints) => {
    expect(() => formatPreRegistrationCode(ints)).toThrow(RangeError);
  });

  it("gives different codes for different random input", () => {
    expect(new Set(ALL_CODES).size).toBe(ALL_CODES.length);
  });
});

describe("normalizePreRegistrationCode: what people type", () => {
  it.each([
    ["K7M-4X9-RN"],
    ["k7m-4x9-rn"],
    ["K7M4X9RN"],
    ["k7m 4x9 rn"],
    ["  K7M - 4X9 - RN  "],
    ["K7M.4X9.RN"],
    ["K7M–4X9–RN"],
  ])("reads %j as K7M-4X9-RN", (input) => {
    expect(normalizePreRegistrationCode(input)).toEqual({ ok: true, value: "K7M-4X9-RN" });
  });

  it.each(ALL_CODES.slice(0, 20))("accepts generated code %s in lower case without dashes", (code) => {
    expect(normalizePreRegistrationCode(code.toLowerCase().replace(/-/g, ""))).toEqual({ ok: true, value: code });
  });

  it("maps O, 0, Q and đ to D, and G to 6, the only alphabet characters they resemble", () => {
    const withD = ALL_CODES.find((c) => c.includes("D"))!;
    for (const typed of ["O", "0", "Q", "đ", "Đ"]) {
      expect(normalizePreRegistrationCode(withD.replace(/D/g, typed))).toEqual({ ok: true, value: withD });
    }
    const with6 = ALL_CODES.find((c) => c.includes("6"))!;
    expect(normalizePreRegistrationCode(with6.replace(/6/g, "g"))).toEqual({ ok: true, value: with6 });
  });

  it.each([
    ["empty", "", "invalid_length"],
    ["7 characters", "K7M-4X9-R", "invalid_length"],
    ["9 characters", "K7M-4X9-RNN", "invalid_length"],
    ["a 1, which never appears", "K1M-4X9-RN", "invalid_character"],
    ["an S, which never appears", "KSM-4X9-RN", "invalid_character"],
    ["punctuation", "K7M-4X9-R?", "invalid_character"],
  ])("rejects %s", (_label, input, code) => {
    expect(normalizePreRegistrationCode(input)).toMatchObject({ ok: false, code });
  });

  it("detects every single mistyped character", () => {
    for (const code of ALL_CODES.slice(0, 30)) {
      const plain = code.replace(/-/g, "");
      for (let i = 0; i < plain.length; i++) {
        for (const c of PRE_REGISTRATION_ALPHABET) {
          if (c === plain[i]) continue;
          const typo = plain.slice(0, i) + c + plain.slice(i + 1);
          expect(normalizePreRegistrationCode(typo)).toMatchObject({ ok: false, code: "checksum_mismatch" });
        }
      }
    }
  });

  it("detects every swap of two different characters", () => {
    for (const code of ALL_CODES.slice(0, 30)) {
      const plain = [...code.replace(/-/g, "")];
      for (let i = 0; i < plain.length; i++) {
        for (let j = i + 1; j < plain.length; j++) {
          if (plain[i] === plain[j]) continue;
          const swapped = [...plain];
          [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
          expect(normalizePreRegistrationCode(swapped.join(""))).toMatchObject({
            ok: false,
            code: "checksum_mismatch",
          });
        }
      }
    }
  });

  it("explains errors in Vietnamese with an example code", () => {
    const r = normalizePreRegistrationCode("abc");
    expect(r.ok ? "" : r.error).toBe("Mã đăng ký trước gồm 8 ký tự, ví dụ K7M-4X9-RN. Vui lòng kiểm tra lại.");
    expect(normalizePreRegistrationCode(SAMPLE.replace("N", "P"))).toMatchObject({
      ok: false,
      error: expect.stringContaining("gõ nhầm"),
    });
  });
});

describe("finding a code in a chat message", () => {
  it("finds a code typed in lower case inside a sentence", () => {
    const text = "em da dang ky truoc, ma k7m-4x9-rn a";
    expect(text.match(PRE_REGISTRATION_CODE_PATTERN)?.[0]).toBe("k7m-4x9-rn");
    expect(findPreRegistrationCodes(text)).toEqual(["K7M-4X9-RN"]);
  });

  it("keeps only codes whose check character is right", () => {
    expect(findPreRegistrationCodes("K7M4X9RN hoặc K7M4X9RP, lại K7M 4X9 RN")).toEqual(["K7M-4X9-RN"]);
  });

  it("does not pick codes out of longer words or numbers", () => {
    expect(findPreRegistrationCodes("mã hồ sơ 000.00.01.H29-240115-0001, SĐT 0912345678")).toEqual([]);
    expect(findPreRegistrationCodes("XK7M4X9RNX")).toEqual([]);
  });
});
