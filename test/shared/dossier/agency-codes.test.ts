import { describe, expect, it } from "@jest/globals";
import { AGENCY_CODES, agencyCodeFor, type AgencyCodeRow } from "../../../shared/dossier/agency-codes.js";
import { AGENCY_CODE_PATTERN, formatDossierCode } from "../../../shared/dossier/dossier-code.js";

describe("AGENCY_CODES data", () => {
  it("covers the 2023 province and 8 districts, and the 2025 province and 28 communes of the Đắk Nông area", () => {
    expect(AGENCY_CODES.filter((r) => r.unitId.endsWith("@2020-03-01"))).toHaveLength(9);
    expect(AGENCY_CODES.filter((r) => r.unitId.endsWith("@2025-07-01"))).toHaveLength(29);
  });

  it("flags every row 'cần kiểm tra': the real codes are unknown", () => {
    expect(AGENCY_CODES.every((r) => r.toVerify && r.evidence === "?")).toBe(true);
  });

  it.each(AGENCY_CODES.map((r) => [r.unitId, r.agencyCode]))(
    "%s → %s has the QCVN 102 form NNN.NN.NN.Hnn",
    (_id, code) => {
      expect(code).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H\d{2}$/);
    },
  );

  it("has unique unit ids and unique agency codes (two units never share a dossier sequence)", () => {
    expect(new Set(AGENCY_CODES.map((r) => r.unitId)).size).toBe(AGENCY_CODES.length);
    expect(new Set(AGENCY_CODES.map((r) => r.agencyCode)).size).toBe(AGENCY_CODES.length);
  });
});

describe("agencyCodeFor", () => {
  it.each([
    ["664@2020-03-01", "000.00.64.H99"],
    ["67@2020-03-01", "000.00.00.H99"],
    ["24611@2025-07-01", "000.00.01.H98"],
    ["24760@2025-07-01", "000.00.28.H98"],
  ])("reads %s from the table", (unitId, agencyCode) => {
    expect(agencyCodeFor(unitId)).toEqual({ agencyCode, toVerify: true, derived: false });
  });

  it.each([
    ["a 2023 commune", "24611@2020-03-01", "000.00.24611.H00"],
    ["a commune of another province", "00004@2025-07-01", "000.00.00004.H00"],
    ["a unit id without validFrom", "26734", "000.00.26734.H00"],
    ["an empty unit id", "", "000.00.00.H00"],
  ])("derives a flagged placeholder for %s", (_label, unitId, agencyCode) => {
    const lookup = agencyCodeFor(unitId);
    expect(lookup).toEqual({ agencyCode, toVerify: true, derived: true });
    expect(lookup.agencyCode).toMatch(AGENCY_CODE_PATTERN);
    expect(() => formatDossierCode(lookup.agencyCode, "2025-07-01", 1)).not.toThrow();
  });

  it("keeps the old and new unit with the same GSO code apart", () => {
    expect(agencyCodeFor("24611@2020-03-01").agencyCode).not.toBe(agencyCodeFor("24611@2025-07-01").agencyCode);
  });

  it("uses the table passed in, so a province's verified codes replace the placeholders by configuration", () => {
    const verified: AgencyCodeRow[] = [
      {
        unitId: "24611@2025-07-01",
        unitName: "UBND phường Bắc Gia Nghĩa",
        agencyCode: "000.01.02.H03",
        evidence: "V",
        toVerify: false,
        source: "test",
      },
    ];
    expect(agencyCodeFor("24611@2025-07-01", verified)).toEqual({
      agencyCode: "000.01.02.H03",
      toVerify: false,
      derived: false,
    });
  });
});
