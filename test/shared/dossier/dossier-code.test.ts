import { describe, expect, it } from "@jest/globals";
import {
  DOSSIER_CODE_PATTERN,
  findDossierCodes,
  formatDossierCode,
  parseDossierCode,
} from "../../../shared/dossier/dossier-code.js";

describe("formatDossierCode: <agency>-<yyMMdd>-<NNNN> (docs/domain/scheme.md#dossier-code)", () => {
  it.each([
    ["000.00.01.H29", "2024-01-15", 1, "000.00.01.H29-240115-0001"],
    ["000.00.01.H29", "2026-03-10", 420, "000.00.01.H29-260310-0420"],
    ["000.00.01.h29", "2026-03-10", 9999, "000.00.01.H29-260310-9999"],
    [" 000.00.00.H30 ", "2025-07-01", 7, "000.00.00.H30-250701-0007"],
    ["000.00.24611.H00", "2025-12-31", 12, "000.00.24611.H00-251231-0012"],
  ])("%s received %s, number %i → %s", (agency, date, seq, expected) => {
    expect(formatDossierCode(agency, date, seq)).toBe(expected);
  });

  it("widens the sequence beyond 9999 instead of wrapping, so codes stay unique", () => {
    expect(formatDossierCode("000.00.01.H29", "2024-01-15", 10000)).toBe("000.00.01.H29-240115-10000");
    expect(formatDossierCode("000.00.01.H29", "2024-01-15", 123456)).toBe("000.00.01.H29-240115-123456");
  });

  it.each([
    ["an agency code outside QCVN 102 form", "H29", "2024-01-15", 1],
    ["an empty agency code", "", "2024-01-15", 1],
    ["31/02", "000.00.01.H29", "2024-02-31", 1],
    ["a year before 2000", "000.00.01.H29", "1999-12-31", 1],
    ["sequence 0", "000.00.01.H29", "2024-01-15", 0],
    ["a negative sequence", "000.00.01.H29", "2024-01-15", -3],
    ["a fractional sequence", "000.00.01.H29", "2024-01-15", 1.5],
  ])("refuses %s as a programming error", (_label, agency, date, seq) => {
    expect(() => formatDossierCode(agency, date, seq)).toThrow(RangeError);
  });
});

describe("parseDossierCode: what a citizen types or pastes", () => {
  const expected = {
    dossierCode: "000.00.01.H29-240115-0001",
    agencyCode: "000.00.01.H29",
    receivedDate: "2024-01-15",
    sequence: 1,
  };

  it.each([
    "000.00.01.H29-240115-0001",
    "000.00.01.h29-240115-0001",
    "  000.00.01.H29-240115-0001\n",
    "000.00.01.H29 - 240115 - 0001",
    "000.00.01.h29 -240115- 0001",
    "000.00.01.H29–240115–0001",
  ])("reads %j", (input) => {
    expect(parseDossierCode(input)).toEqual(expected);
  });

  it("round-trips a widened sequence", () => {
    expect(parseDossierCode("000.00.01.H29-240115-10000")).toMatchObject({
      sequence: 10000,
      dossierCode: "000.00.01.H29-240115-10000",
    });
  });

  it.each([
    ["empty", ""],
    ["a sentence", "hồ sơ của tôi"],
    ["an impossible date", "000.00.01.H29-240231-0001"],
    ["month 13", "000.00.01.H29-241315-0001"],
    ["a 3-digit sequence", "000.00.01.H29-240115-001"],
    ["sequence 0000", "000.00.01.H29-240115-0000"],
    ["a missing agency", "240115-0001"],
    ["a truncated agency", "00.01.H29-240115-0001"],
    ["text around the code", "mã 000.00.01.H29-240115-0001"],
    ["a local short ID", "18ACE289"],
  ])("returns undefined for %s", (_label, input) => {
    expect(parseDossierCode(input)).toBeUndefined();
  });
});

describe("DOSSIER_CODE_PATTERN and findDossierCodes: codes inside chat messages", () => {
  it("finds the code in a Zalo message typed without diacritics", () => {
    const text = "cho em hoi ho so 000.00.01.h29-260310-0420 da xong chua a";
    expect(text.match(DOSSIER_CODE_PATTERN)?.[0]).toBe("000.00.01.h29-260310-0420");
    expect(findDossierCodes(text)).toEqual([
      {
        dossierCode: "000.00.01.H29-260310-0420",
        agencyCode: "000.00.01.H29",
        receivedDate: "2026-03-10",
        sequence: 420,
      },
    ]);
  });

  it("finds every code and skips impossible dates", () => {
    const text = "Mã: 000.00.01.H29-240115-0001, 000.00.70.H98 - 250702 - 0015 và 000.00.01.H29-249999-0001.";
    expect(findDossierCodes(text).map((p) => p.dossierCode)).toEqual([
      "000.00.01.H29-240115-0001",
      "000.00.70.H98-250702-0015",
    ]);
  });

  it("does not take a phone number or a date for a code", () => {
    expect(findDossierCodes("SĐT 0912345678, hẹn ngày 15/01/2024 lúc 14:00")).toEqual([]);
  });

  it("is not global, so sharing it cannot leak lastIndex between calls", () => {
    expect(DOSSIER_CODE_PATTERN.global).toBe(false);
    const text = "000.00.01.H29-240115-0001";
    expect(DOSSIER_CODE_PATTERN.test(text)).toBe(true);
    expect(DOSSIER_CODE_PATTERN.test(text)).toBe(true);
  });
});
