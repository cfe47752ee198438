/** Names as the npm seed packages write them ("Huyện Đăk Glong", "Thành Phố …"): type split, folded keys, slugs. */
import type { UnitLevel, UnitType } from "../../../shared/model.js";
import { searchKey } from "../../../shared/units/unit-search.js";
import { TYPE_PREFIXES } from "./reform-2025.js";

const DEFAULT_TYPE: Record<UnitLevel, UnitType> = { province: "tỉnh", district: "huyện", commune: "xã" };

export const cleanName = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

/** "Huyện Đăk Glong" → huyện / "Đăk Glong"; `known` is false when no type word was recognised. */
export function splitTypedName(raw: string, level: UnitLevel): { type: UnitType; name: string; known: boolean } {
  const name = cleanName(raw);
  const key = searchKey(name);
  for (const [prefix, type] of TYPE_PREFIXES[level]) {
    if (key.startsWith(`${searchKey(prefix)} `)) {
      return { type, name: name.split(" ").slice(prefix.split(" ").length).join(" "), known: true };
    }
  }
  return { type: DEFAULT_TYPE[level], name, known: false };
}

/** Folded key of a name without its type word: "Tỉnh Đắk Nông", "Đăk Nông", "dak-nong" → "dak nong". */
export const nameKey = (raw: string, level: UnitLevel) => searchKey(splitTypedName(raw, level).name);

/** "Tỉnh Đắk Nông" → "dak-nong" */
export const slugOf = (provinceName: string) => nameKey(provinceName, "province").replace(/ /g, "-");

/** ["dak-nong"] → "daknongUnits"; ["lam-dong", "dak-nong"] → "lamdongDaknongUnits" */
export function exportNameOf(slugs: readonly string[]): string {
  const parts = slugs.map((s) => s.replace(/[^a-z0-9]/g, ""));
  return `${parts.map((p, i) => (i === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1))).join("")}Units`;
}

export const padCode = (code: string | null | undefined, width: number) => {
  const c = (code ?? "").trim();
  return /^\d+$/.test(c) && c.length < width ? c.padStart(width, "0") : c;
};

export type ProvinceChoice<P> = { ok: true; province: P } | { ok: false; error: string };

/** A pre-2025 province from a code ("67"), slug ("dak-nong") or name ("Đắk Nông", "Tỉnh Đắk Nông"). */
export function resolveOldProvince<P extends { idProvince: string; name: string }>(
  arg: string,
  provinces: readonly P[],
): ProvinceChoice<P> {
  const text = cleanName(arg ?? "");
  if (text === "")
    return {
      ok: false,
      error: 'Chưa nêu tỉnh (mã, tên hoặc slug, ví dụ 67, "Đắk Nông", dak-nong) / no province given',
    };
  if (/^\d{1,2}$/.test(text)) {
    const province = provinces.find((p) => p.idProvince === padCode(text, 2));
    return province
      ? { ok: true, province }
      : { ok: false, error: `Không có tỉnh mã ${text} trước 1/7/2025 / no pre-2025 province with code ${text}` };
  }
  const key = nameKey(text, "province");
  const compact = key.replace(/ /g, "");
  const exact = provinces.filter((p) => nameKey(p.name, "province").replace(/ /g, "") === compact);
  const candidates =
    exact.length > 0 ? exact : provinces.filter((p) => ` ${nameKey(p.name, "province")} `.includes(` ${key} `));
  if (candidates.length === 1 && candidates[0]) return { ok: true, province: candidates[0] };
  if (candidates.length === 0)
    return { ok: false, error: `Không tìm thấy tỉnh "${text}" (danh mục trước 1/7/2025) / province not found` };
  return {
    ok: false,
    error: `"${text}" khớp nhiều tỉnh: ${candidates.map((p) => `${p.idProvince} ${p.name}`).join(", ")} / ambiguous province`,
  };
}
