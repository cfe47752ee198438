import { describe, expect, test } from "@jest/globals";
import { daknongUnits } from "../../../shared/data/units/dak-nong.js";
import { checkUnitsData } from "../../../shared/units/check-units-data.js";
import { mergeUnitsData } from "../../../shared/units/merge-units-data.js";

const { units, successions } = daknongUnits;
const old = units.filter((u) => u.validTo === "2025-06-30");
const current = units.filter((u) => u.validFrom === "2025-07-01");
const count = (list: typeof units, level: string) => list.filter((u) => u.level === level).length;

describe("shipped Đắk Nông units", () => {
  test("before 1/7/2025: 1 province, 8 district-level, 71 commune-level units (6 phường, 5 thị trấn, 60 xã)", () => {
    expect([count(old, "province"), count(old, "district"), count(old, "commune")]).toEqual([1, 8, 71]);
    const communes = old.filter((u) => u.level === "commune");
    expect(["phường", "thị trấn", "xã"].map((t) => communes.filter((u) => u.type === t).length)).toEqual([6, 5, 60]);
    expect(old.every((u) => u.validFrom === "2020-03-01" && u.id === `${u.code}@2020-03-01`)).toBe(true);
  });

  test("from 1/7/2025: Lâm Đồng 68 and 28 communes (3 phường, 25 xã), all children of 68", () => {
    expect(count(current, "province")).toBe(1);
    expect(count(current, "district")).toBe(0);
    const communes = current.filter((u) => u.level === "commune");
    expect(communes).toHaveLength(28);
    expect(communes.filter((u) => u.type === "phường")).toHaveLength(3);
    expect(communes.every((u) => u.parentId === "68@2025-07-01" && u.validTo === undefined)).toBe(true);
  });

  test("every old commune maps exactly once, onto the 28 new communes, all used", () => {
    const communeSuccessions = successions.filter((s) => old.some((u) => u.id === s.fromId && u.level === "commune"));
    const from = communeSuccessions.map((s) => s.fromId);
    expect(new Set(from).size).toBe(71);
    expect(from).toHaveLength(71);
    expect(new Set(communeSuccessions.map((s) => s.toId)).size).toBe(28);
    expect(
      communeSuccessions.every(
        (s) => s.effectiveDate === "2025-07-01" && s.legalBasis === "Nghị quyết 1671/NQ-UBTVQH15 ngày 16/6/2025",
      ),
    ).toBe(true);
  });

  test("each district is carried on by the new communes of its former communes (derived, 30 links)", () => {
    const districtLinks = successions.filter((s) => old.some((u) => u.id === s.fromId && u.level === "district"));
    expect(new Set(districtLinks.map((s) => s.fromId)).size).toBe(8);
    expect(districtLinks).toHaveLength(30);
    expect(districtLinks.every((s) => s.legalBasis.includes("72/2025/QH15") && s.legalBasis.includes("kế thừa"))).toBe(
      true,
    );
  });

  test("names are NFC with single spaces (the GSO double space in 'Xã  Đắk Lao' is gone)", () => {
    expect(units.every((u) => u.name === u.name.normalize("NFC") && !/\s{2}/.test(u.name))).toBe(true);
    expect(units.some((u) => u.name === "Đắk Lao")).toBe(true);
  });

  test("the data is consistent: ids, parents, code reuse without overlap, succession dates", () => {
    expect(checkUnitsData(daknongUnits)).toEqual([]);
    expect(units.every((u) => u.source.length > 0 && !u.toVerify)).toBe(true);
  });

  test("the consistency check catches overlapping code reuse and dangling successions", () => {
    const broken = {
      units: [...units, { ...units[10]!, id: `${units[10]!.code}@2024-01-01`, validFrom: "2024-01-01" }],
      successions: [
        ...successions,
        { fromId: "x", toId: "68@2025-07-01", effectiveDate: "2025-07-01", legalBasis: "t" },
      ],
    };
    expect(
      checkUnitsData(broken)
        .map((i) => i.code)
        .sort(),
    ).toEqual(["code_overlap", "missing_unit"]);
  });
});

describe("merging datasets", () => {
  test("equal ids and links are kept once, the first dataset wins", () => {
    const extra = {
      units: [
        { ...units[0]!, source: "other" },
        {
          id: "1@2025-07-01",
          code: "1",
          name: "X",
          type: "xã" as const,
          level: "commune" as const,
          validFrom: "2025-07-01",
          source: "t",
        },
      ],
      successions: [successions[0]!],
    };
    const merged = mergeUnitsData(daknongUnits, extra);
    expect(merged.units).toHaveLength(units.length + 1);
    expect(merged.units[0]?.source).toBe(units[0]?.source);
    expect(merged.successions).toHaveLength(successions.length);
  });
});
