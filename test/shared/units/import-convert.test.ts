import { beforeAll, describe, expect, test } from "@jest/globals";
import { daknongUnits } from "../../../shared/data/units/dak-nong.js";
import type { AdminUnit, UnitSuccession } from "../../../shared/model.js";
import { checkUnitsData } from "../../../shared/units/check-units-data.js";
import { convertPackageUnits, type PackageUnits } from "../../../bot-server/scripts/units/convert.js";
import { loadPackageUnits } from "../../../bot-server/scripts/units/load-packages.js";
import {
  exportNameOf,
  resolveOldProvince,
  slugOf,
  splitTypedName,
} from "../../../bot-server/scripts/units/package-names.js";

const unitKey = ({ id, code, name, type, level, parentId, validFrom, validTo }: AdminUnit) =>
  JSON.stringify({ id, code, name, type, level, parentId, validFrom, validTo });
const linkKey = ({ fromId, toId, effectiveDate, legalBasis }: UnitSuccession) =>
  JSON.stringify({ fromId, toId, effectiveDate, legalBasis });

describe("import from the npm packages, cross-checked against the shipped CSV-based Đắk Nông data", () => {
  let pkg: PackageUnits;
  beforeAll(async () => {
    pkg = await loadPackageUnits();
  });

  test("Đắk Nông from the packages equals the shipped data unit for unit and link for link", () => {
    const r = convertPackageUnits(pkg, { provinceCodes: ["67"] });
    if (!r.ok) throw new Error(r.error);
    expect(r.warnings).toEqual([]);
    expect(r.counts).toMatchObject({
      oldProvinces: 1,
      oldDistricts: 8,
      oldCommunes: 71,
      newProvinces: 1,
      newCommunes: 28,
      communeSuccessions: 71,
      splitCommunes: 0,
      unmappedCommunes: 0,
      toVerifyUnits: 0,
      toVerifySuccessions: 0,
    });
    // Names too: "Xã  Đắk Lao" (double space) and "Quảng Hoà" (old spelling) come out as in the CSV.
    expect(r.data.units.map(unitKey).sort()).toEqual(daknongUnits.units.map(unitKey).sort());
    expect(r.data.successions.map(linkKey).sort()).toEqual(daknongUnits.successions.map(linkKey).sort());
    expect(checkUnitsData(r.data)).toEqual([]);
  });

  test("Lâm Đồng (old 68) keeps the code 68 for old and new province, under distinct ids", () => {
    const r = convertPackageUnits(pkg, { provinceCodes: ["68"] });
    if (!r.ok) throw new Error(r.error);
    const provinces = r.data.units.filter((u) => u.level === "province").map((u) => u.id);
    expect(provinces).toEqual(["68@2020-03-01", "68@2025-07-01"]);
    expect(r.data.units.find((u) => u.id === "68@2020-03-01")?.toVerify).toBe(true); // start date not verified for 68
    expect(checkUnitsData(r.data)).toEqual([]);
  });

  test("Hà Nội: phường Dịch Vọng was split between phường Cầu Giấy and phường Nghĩa Đô (name-only mapping rows)", () => {
    const r = convertPackageUnits(pkg, { provinceCodes: ["01"] });
    if (!r.ok) throw new Error(r.error);
    const to = r.data.successions
      .filter((s) => s.fromId === "00166@2020-03-01")
      .map((s) => r.data.units.find((u) => u.id === s.toId)?.name);
    expect(to.sort()).toEqual(["Cầu Giấy", "Nghĩa Đô"]);
    expect(r.data.units.find((u) => u.id === "01@2025-07-01")?.type).toBe("thành phố trực thuộc trung ương");
  });

  test("a wrong or unpadded new code in the mapping is corrected from the new ward list, by name", () => {
    const r = convertPackageUnits(pkg, { provinceCodes: ["01"] });
    if (!r.ok) throw new Error(r.error);
    expect(r.data.units.some((u) => u.id === "00292@2025-07-01" && u.name === "Bạch Mai")).toBe(true);
    expect(r.data.units.some((u) => u.id === "292@2025-07-01")).toBe(false);
  });
});

describe("conversion rules on synthetic package rows", () => {
  const base: PackageUnits = {
    before: {
      provinces: [{ idProvince: "99", name: "Tỉnh Thử Nghiệm" }],
      districts: [{ idProvince: "99", idDistrict: "990", name: "Huyện Một" }],
      communes: [
        { idDistrict: "990", idCommune: "99001", name: "Xã  An Hoà" },
        { idDistrict: "990", idCommune: "99002", name: "Thị trấn Bình" },
        { idDistrict: "990", idCommune: "99003", name: "Xã Cũ" },
      ],
    },
    after: {
      provinces: [{ province_code: "98", name: "Tỉnh Mới", place_type: "Tỉnh" }],
      wards: [
        { ward_code: "99001", name: "Xã An Hòa", province_code: "98" },
        { ward_code: "99005", name: "Phường Bình Minh", province_code: "98" },
      ],
      mappings: [
        {
          old_ward_code: "99001",
          old_ward_name: "Xã An Hoà",
          old_district_name: "Huyện Một",
          old_province_name: "Tỉnh Thử Nghiệm",
          new_ward_code: "99001",
          new_ward_name: "Xã An Hòa",
          new_province_name: "Mới",
        },
        {
          old_ward_code: "99002",
          old_ward_name: "Thị trấn Bình",
          old_district_name: "Huyện Một",
          old_province_name: "Tỉnh Thử Nghiệm",
          new_ward_code: "99001",
          new_ward_name: "Xã An Hòa",
          new_province_name: "Mới",
        },
        // the split part has no old code and a new code without its leading digits
        {
          old_ward_code: null,
          old_ward_name: "Thị trấn Bình",
          old_district_name: "huyện Một",
          old_province_name: "Tỉnh Thử Nghiệm",
          new_ward_code: "5",
          new_ward_name: "Phường Bình Minh",
          new_province_name: "Mới",
        },
      ],
    },
    versions: { provincesJs: "t", addressDatabase: "t" },
  };

  test("split: one old commune → two new ones; district → both; unmapped commune flagged", () => {
    const r = convertPackageUnits(base, { provinceCodes: ["99"] });
    if (!r.ok) throw new Error(r.error);
    const from = (id: string) =>
      r.data.successions
        .filter((s) => s.fromId === id)
        .map((s) => s.toId)
        .sort();
    expect(from("99002@2020-03-01")).toEqual(["99001@2025-07-01", "99005@2025-07-01"]);
    expect(from("990@2020-03-01")).toEqual(["99001@2025-07-01", "99005@2025-07-01"]);
    expect(from("99@2020-03-01")).toEqual(["98@2025-07-01"]);
    expect(r.counts.splitCommunes).toBe(1);
    expect(r.data.units.find((u) => u.id === "99003@2020-03-01")?.toVerify).toBe(true);
    expect(r.warnings.some((w) => w.includes("xã Cũ (99003)"))).toBe(true);
    expect(r.warnings.some((w) => w.includes("sửa thành 99005"))).toBe(true);
    expect(r.data.units.find((u) => u.id === "99001@2020-03-01")?.name).toBe("An Hoà");
    // legal-basis number unknown outside Lâm Đồng: visible "cần kiểm tra"
    const s = r.data.successions.find((x) => x.fromId === "99001@2020-03-01");
    expect(s?.toVerify).toBe(true);
    expect(s?.legalBasis).toContain("cần kiểm tra");
    expect(checkUnitsData(r.data)).toEqual([]);
  });

  test("unknown province code is an error result, not a throw", () => {
    expect(convertPackageUnits(base, { provinceCodes: ["42"] })).toMatchObject({ ok: false });
  });
});

describe("province argument and names", () => {
  const provinces = [
    { idProvince: "67", name: "Tỉnh Đắk Nông" },
    { idProvince: "66", name: "Tỉnh Đắk Lắk" },
    { idProvince: "68", name: "Tỉnh Lâm Đồng" },
    { idProvince: "46", name: "Tỉnh Thừa Thiên Huế" },
    { idProvince: "01", name: "Thành phố Hà Nội" },
  ];
  test.each(["67", "dak-nong", "Đắk Nông", "Đăk Nông", "tinh dak nong", "DAKNONG"])("%s → 67", (arg) => {
    expect(resolveOldProvince(arg, provinces)).toMatchObject({ ok: true, province: { idProvince: "67" } });
  });
  test("lam-dong, hue, 1", () => {
    expect(resolveOldProvince("lam-dong", provinces)).toMatchObject({ ok: true, province: { idProvince: "68" } });
    expect(resolveOldProvince("hue", provinces)).toMatchObject({ ok: true, province: { idProvince: "46" } });
    expect(resolveOldProvince("1", provinces)).toMatchObject({ ok: true, province: { idProvince: "01" } });
  });
  test("unknown, ambiguous and empty arguments give a Vietnamese message", () => {
    for (const arg of ["xyz", "dak", "", "99"]) {
      const r = resolveOldProvince(arg, provinces);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/tỉnh|Tỉnh/);
    }
  });
  test("type words, slugs and export names", () => {
    expect(splitTypedName("Thành Phố Gia Nghĩa", "district")).toEqual({
      type: "thành phố",
      name: "Gia Nghĩa",
      known: true,
    });
    expect(splitTypedName("Thành phố Hà Nội", "province")).toEqual({
      type: "thành phố trực thuộc trung ương",
      name: "Hà Nội",
      known: true,
    });
    expect(splitTypedName("Đặc khu Phú Quý", "commune")).toEqual({ type: "đặc khu", name: "Phú Quý", known: true });
    expect(slugOf("Tỉnh Đắk Nông")).toBe("dak-nong");
    expect(slugOf("Tỉnh Bà Rịa - Vũng Tàu")).toBe("ba-ria-vung-tau");
    expect(exportNameOf(["dak-nong"])).toBe("daknongUnits");
    expect(exportNameOf(["lam-dong", "dak-nong"])).toBe("lamdongDaknongUnits");
  });
});
