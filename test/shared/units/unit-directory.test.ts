import { describe, expect, test } from "@jest/globals";
import { createUnitDirectory, daknongUnits, unitDirectory as dir } from "../../../shared/units/unit-directory.js";
import type { AdminUnit } from "../../../shared/model.js";

const must = (u: AdminUnit | undefined): AdminUnit => {
  if (!u) throw new Error("unit not found");
  return u;
};
const names = (units: AdminUnit[]) => units.map((u) => dir.displayName(u)).sort();

describe("codes are reused across 1/7/2025: lookups by code take a date", () => {
  test("24640 is thị trấn Ea T'Ling of huyện Cư Jút in 2024, xã Cư Jút of Lâm Đồng from 1/7/2025", () => {
    const before = must(dir.findByCode("24640", "2024-05-01"));
    expect(dir.fullName(before)).toBe("thị trấn Ea T'Ling, huyện Cư Jút, tỉnh Đắk Nông");
    const after = must(dir.findByCode("24640", "2025-07-01"));
    expect(dir.fullName(after)).toBe("xã Cư Jút, tỉnh Lâm Đồng");
    expect(after.id).not.toBe(before.id);
  });

  test("30/6/2025 is the last day of the old unit", () => {
    expect(dir.displayName(must(dir.findByCode("24640", "2025-06-30")))).toBe("thị trấn Ea T'Ling");
  });

  test("24611 is phường Nghĩa Đức before, phường Bắc Gia Nghĩa after", () => {
    expect(dir.fullName(must(dir.findByCode("24611", "2023-10-18")))).toBe(
      "phường Nghĩa Đức, thành phố Gia Nghĩa, tỉnh Đắk Nông",
    );
    expect(dir.fullName(must(dir.findByCode("24611", "2025-08-06")))).toBe("phường Bắc Gia Nghĩa, tỉnh Lâm Đồng");
  });

  test("province 67 ends with Đắk Nông; 68 is the new Lâm Đồng", () => {
    expect(dir.displayName(must(dir.findByCode("67", "2024-01-01")))).toBe("tỉnh Đắk Nông");
    expect(dir.findByCode("67", "2025-07-01")).toBeUndefined();
    expect(dir.displayName(must(dir.findByCode("68", "2025-07-01")))).toBe("tỉnh Lâm Đồng");
  });

  test("no unit before the data starts, unknown codes or malformed dates give undefined", () => {
    expect(dir.findByCode("24640", "2019-01-01")).toBeUndefined();
    expect(dir.findByCode("99999", "2024-01-01")).toBeUndefined();
    expect(dir.findByCode("24640", "01/05/2024")).toBeUndefined();
  });

  test("an instant is read as its calendar day", () => {
    expect(must(dir.findByCode("24615", "2025-07-01T08:00:00+07:00")).name).toBe("Nam Gia Nghĩa");
  });
});

describe("names", () => {
  test("display and full names carry the type word and parents", () => {
    const quangKhe = must(dir.findByCode("24631", "2023-03-01"));
    expect(dir.displayName(quangKhe)).toBe("xã Quảng Khê");
    expect(dir.fullName(quangKhe)).toBe("xã Quảng Khê, huyện Đăk Glong, tỉnh Đắk Nông");
    expect(dir.displayName(must(dir.findByCode("24615", "2025-07-01")))).toBe("phường Nam Gia Nghĩa");
    expect(dir.displayName(must(dir.findByCode("661", "2023-03-01")))).toBe("huyện Đăk Glong");
    expect(dir.displayName(must(dir.findByCode("660", "2023-03-01")))).toBe("thành phố Gia Nghĩa");
  });

  test("parents, ancestors and province", () => {
    const nghiaTan = must(dir.findByCode("24615", "2023-03-01"));
    expect(dir.ancestors(nghiaTan).map((u) => u.code)).toEqual(["660", "67"]);
    expect(must(dir.parentOf(nghiaTan)).name).toBe("Gia Nghĩa");
    expect(must(dir.provinceOf(nghiaTan)).name).toBe("Đắk Nông");
    const namGiaNghia = must(dir.findByCode("24615", "2025-07-01"));
    expect(must(dir.provinceOf(namGiaNghia)).id).toBe("68@2025-07-01");
    expect(dir.provinceOf(must(dir.byId("67@2020-03-01")))?.id).toBe("67@2020-03-01");
  });

  test("children by date: 8 districts of Đắk Nông, 7 communes of Đăk Glong, 28 communes of Lâm Đồng here", () => {
    expect(dir.childrenOf("67@2020-03-01", "2024-01-01")).toHaveLength(8);
    expect(dir.childrenOf("661@2020-03-01", "2024-01-01")).toHaveLength(7);
    expect(dir.childrenOf("661@2020-03-01", "2025-07-01")).toHaveLength(0);
    expect(dir.childrenOf("68@2025-07-01", "2025-07-01")).toHaveLength(28);
  });
});

describe("successions (docs/domain/scheme.md#origin-and-results pilot communes)", () => {
  test.each([
    ["24697", "xã Nam Đà", "xã Nam Đà"],
    ["24631", "xã Quảng Khê", "xã Quảng Khê"],
    ["24640", "thị trấn Ea T'Ling", "xã Cư Jút"],
    ["24615", "phường Nghĩa Tân", "phường Nam Gia Nghĩa"],
  ])("%s %s → %s from 1/7/2025", (code, oldName, newName) => {
    const old = must(dir.findByCode(code, "2023-03-01"));
    expect(dir.displayName(old)).toBe(oldName);
    const next = dir.successorsAt(old.id, "2025-07-01");
    expect(next.map((u) => dir.fullName(u))).toEqual([`${newName}, tỉnh Lâm Đồng`]);
    expect(next[0]?.code).toBe(code);
    expect(dir.successionsFrom(old.id)[0]?.legalBasis).toBe("Nghị quyết 1671/NQ-UBTVQH15 ngày 16/6/2025");
  });

  test("a unit in force is its own successor; before 1/7/2025 nothing has moved yet", () => {
    expect(dir.successorsAt("24631@2020-03-01", "2025-06-30").map((u) => u.id)).toEqual(["24631@2020-03-01"]);
    expect(dir.successorsAt("24631@2025-07-01", "2026-01-01").map((u) => u.id)).toEqual(["24631@2025-07-01"]);
    expect(dir.successorsAt("24631@2025-07-01", "2025-01-01")).toEqual([]);
    expect(dir.successorsAt("nope", "2025-07-01")).toEqual([]);
  });

  test("huyện Cư Jút is carried on by xã Cư Jút, Đắk Wil and Nam Dong", () => {
    expect(names(dir.successorsAt("662@2020-03-01", "2025-07-01"))).toEqual(["xã Cư Jút", "xã Nam Dong", "xã Đắk Wil"]);
    expect(dir.successionsFrom("662@2020-03-01")[0]?.legalBasis).toMatch(/^Luật 72\/2025\/QH15/);
  });

  test("huyện Đăk Glong → 5 new communes, including phường Bắc Gia Nghĩa (xã Đắk Ha moved there)", () => {
    expect(names(dir.successorsAt("661@2020-03-01", "2025-07-01"))).toEqual(
      ["phường Bắc Gia Nghĩa", "xã Quảng Hòa", "xã Quảng Khê", "xã Quảng Sơn", "xã Tà Đùng"].sort(),
    );
  });

  test("tỉnh Đắk Nông → tỉnh Lâm Đồng (Nghị quyết 202/2025/QH15)", () => {
    expect(dir.successorsAt("67@2020-03-01", "2025-07-01").map((u) => u.id)).toEqual(["68@2025-07-01"]);
    expect(dir.successionsFrom("67@2020-03-01")[0]?.legalBasis).toContain("202/2025/QH15");
  });

  test("predecessors of xã Cư Jút are the four 2023 communes merged into it", () => {
    expect(names(dir.predecessorsOf("24640@2025-07-01"))).toEqual(
      ["thị trấn Ea T'Ling", "xã Cư Knia", "xã Trúc Sơn", "xã Tâm Thắng"].sort(),
    );
  });

  test("huyện Krông Nô → 5 new communes; xã Đắk Sắk also carries on huyện Đắk Mil (xã Long Sơn)", () => {
    const krongNo = names(dir.successorsAt("664@2020-03-01", "2025-07-01"));
    expect(krongNo).toEqual(["xã Krông Nô", "xã Nam Đà", "xã Nâm Nung", "xã Quảng Phú", "xã Đắk Sắk"].sort());
    expect(names(dir.successorsAt("663@2020-03-01", "2025-07-01"))).toContain("xã Đắk Sắk");
    expect(dir.successionsTo("24640@2025-07-01").map((s) => s.fromId)).toContain("662@2020-03-01");
  });

  test("a split (one old commune → two new ones) yields both successors", () => {
    const d = createUnitDirectory({
      units: [
        {
          id: "1@2020-01-01",
          code: "1",
          name: "A",
          type: "xã",
          level: "commune",
          validFrom: "2020-01-01",
          validTo: "2025-06-30",
          source: "t",
        },
        {
          id: "2@2025-07-01",
          code: "2",
          name: "B",
          type: "xã",
          level: "commune",
          validFrom: "2025-07-01",
          source: "t",
        },
        {
          id: "3@2025-07-01",
          code: "3",
          name: "C",
          type: "phường",
          level: "commune",
          validFrom: "2025-07-01",
          validTo: "2026-12-31",
          source: "t",
        },
        {
          id: "4@2027-01-01",
          code: "4",
          name: "D",
          type: "phường",
          level: "commune",
          validFrom: "2027-01-01",
          source: "t",
        },
      ],
      successions: [
        { fromId: "1@2020-01-01", toId: "2@2025-07-01", effectiveDate: "2025-07-01", legalBasis: "t" },
        { fromId: "1@2020-01-01", toId: "3@2025-07-01", effectiveDate: "2025-07-01", legalBasis: "t" },
        { fromId: "3@2025-07-01", toId: "4@2027-01-01", effectiveDate: "2027-01-01", legalBasis: "t" },
      ],
    });
    expect(d.successorsAt("1@2020-01-01", "2025-07-01").map((u) => u.name)).toEqual(["B", "C"]);
    expect(d.successorsAt("1@2020-01-01", "2027-03-01").map((u) => u.name)).toEqual(["B", "D"]);
  });
});

describe("search folds diacritics, tone placement, type words", () => {
  const first = (q: string, opts?: Parameters<typeof dir.search>[1]) => dir.search(q, opts)[0];

  test.each(["xa quang khe", "Quảng Khê", "quang khe", "QUẢNG KHÊ", "xã Quảng Khê", "Qua\u0309ng Khe\u0302"])(
    "%s finds Quảng Khê",
    (q) => {
      const hit = first(q);
      expect(hit?.unit.name).toBe("Quảng Khê");
      expect(hit?.match).toBe("exact");
    },
  );

  test("NFD input (Unikey tổ hợp) matches the NFC data", () => {
    const nfd = "phường Nam Gia Nghĩa".normalize("NFD");
    expect(first(nfd)?.fullName).toBe("phường Nam Gia Nghĩa, tỉnh Lâm Đồng");
  });

  test("Hoà and Hòa fold equal: old xã Quảng Hoà and new xã Quảng Hòa both found", () => {
    for (const q of ["Quảng Hoà", "Quảng Hòa", "quang hoa"]) {
      expect(dir.search(q).map((h) => h.fullName)).toEqual([
        "xã Quảng Hòa, tỉnh Lâm Đồng",
        "xã Quảng Hoà, huyện Đăk Glong, tỉnh Đắk Nông",
      ]);
    }
  });

  test("Đăk and Đắk fold equal", () => {
    expect(first("Đắk Glong")?.unit.code).toBe("661");
    expect(first("dak r'moan")?.unit.name).toBe("Đăk R'Moan");
    expect(first("Đắk R'Moan")?.unit.name).toBe("Đăk R'Moan");
    expect(first("dak rlap")?.unit.name).toBe("Đắk R'Lấp");
  });

  test("gia nghia: the city first (exact), then the three new wards (contains)", () => {
    const hits = dir.search("gia nghia");
    expect(hits[0]?.fullName).toBe("thành phố Gia Nghĩa, tỉnh Đắk Nông");
    expect(
      hits
        .slice(1, 4)
        .map((h) => h.displayName)
        .sort(),
    ).toEqual(["phường Bắc Gia Nghĩa", "phường Nam Gia Nghĩa", "phường Đông Gia Nghĩa"]);
    expect(hits.slice(1, 4).every((h) => h.match === "contains")).toBe(true);
  });

  test("exact > prefix > contains", () => {
    const hits = dir.search("nam");
    const ranks = hits.map((h) => h.match);
    expect(ranks).toEqual(
      [...ranks].sort(
        (a, b) => ["exact", "prefix", "contains"].indexOf(a) - ["exact", "prefix", "contains"].indexOf(b),
      ),
    );
    expect(hits[0]?.match).toBe("prefix");
    expect(hits.some((h) => h.unit.name === "Nam Đà")).toBe(true);
  });

  test("the type word tells xã Krông Nô from huyện Krông Nô", () => {
    expect(dir.search("xã Krông Nô").map((h) => h.fullName)).toEqual(["xã Krông Nô, tỉnh Lâm Đồng"]);
    expect(dir.search("huyen krong no").map((h) => h.fullName)).toEqual(["huyện Krông Nô, tỉnh Đắk Nông"]);
    const both = dir.search("krong no");
    expect(both.map((h) => h.displayName)).toEqual(["xã Krông Nô", "huyện Krông Nô"]);
    expect(both[0]?.parent?.name).toBe("Lâm Đồng");
  });

  test("date and level filters", () => {
    expect(dir.search("cu jut", { date: "2024-05-01" }).map((h) => h.displayName)).toEqual(["huyện Cư Jút"]);
    expect(dir.search("cu jut", { date: "2025-07-01" }).map((h) => h.displayName)).toEqual(["xã Cư Jút"]);
    expect(dir.search("dak", { levels: ["district"], limit: 50 }).every((h) => h.unit.level === "district")).toBe(true);
    expect(dir.search("dak", { limit: 3 })).toHaveLength(3);
  });

  test("abbreviations and no spaces", () => {
    expect(first("tp gia nghia")?.displayName).toBe("thành phố Gia Nghĩa");
    expect(first("tt ea tling")?.displayName).toBe("thị trấn Ea T'Ling");
    expect(first("quangkhe")?.unit.name).toBe("Quảng Khê");
  });

  test("empty or punctuation-only queries and bad dates return nothing instead of crashing", () => {
    expect(dir.search("")).toEqual([]);
    expect(dir.search("  ,. ")).toEqual([]);
    expect(dir.search("quang khe", { date: "hôm qua" })).toEqual([]);
    expect(dir.search(undefined as unknown as string)).toEqual([]);
  });
});

test("isInForce uses inclusive bounds", () => {
  const u = must(dir.byId("24640@2020-03-01"));
  expect(dir.isInForce(u, "2020-03-01")).toBe(true);
  expect(dir.isInForce(u, "2025-06-30")).toBe(true);
  expect(dir.isInForce(u, "2025-07-01")).toBe(false);
  expect(dir.isInForce(u, "2020-02-29")).toBe(false);
  expect(daknongUnits.units).toBe(dir.units);
});
