/**
 * Đắk Nông units with history from the two reference CSVs (docs/domain/units.md#unit-data-and-sources): the 2023 list, valid from the
 * earliest verified snapshot (1/3/2020) to 30/6/2025, and the 28 successor communes of Lâm Đồng from 1/7/2025.
 */
import type { AdminUnit, UnitLevel, UnitsData, UnitSuccession, UnitType } from "../../../shared/model.js";
import { parseCsv } from "./csv.js";
import {
  COMMUNE_BASIS_BY_PROVINCE,
  DISTRICT_BASIS,
  LAST_DAY_BEFORE_REFORM,
  PROVINCE_BASIS,
  REFORM_DATE,
  VERIFIED_OLD_VALID_FROM,
} from "./reform-2025.js";

export const DAK_NONG_SOURCES = {
  old: "Danh mục hành chính TCTK (GSO), qua daohoangson/dvhcvn data/dvhcvn.json @9ce1ab5 (10/04/2023); giống hệt ở các bản 01/03/2020, 01/02/2024, 01/03/2025",
  newProvince: "Nghị quyết 202/2025/QH15 (hợp nhất Lâm Đồng, Đắk Nông, Bình Thuận); mã 68 theo Công văn 915/CTK-CSCL",
  newCommune: "Nghị quyết 1671/NQ-UBTVQH15 (16/6/2025); mã theo Công văn 1027/CTK-CSCL (25/6/2025)",
} as const;

const OLD_FROM = VERIFIED_OLD_VALID_FROM["67"] ?? "2020-03-01";
const LEVELS: readonly string[] = ["province", "district", "commune"];
const TYPES: readonly string[] = [
  "tỉnh",
  "thành phố",
  "thị xã",
  "huyện",
  "quận",
  "xã",
  "phường",
  "thị trấn",
  "đặc khu",
];

const clean = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

function unitFrom(
  row: Record<string, string>,
  validFrom: string,
  validTo: string | undefined,
  source: string,
): AdminUnit {
  const level = row.level ?? "";
  const type = clean(row.type ?? "");
  if (!LEVELS.includes(level) || !TYPES.includes(type))
    throw new Error(`CSV row ${row.code}: unknown level/type ${level}/${type}`);
  const unit: AdminUnit = {
    id: `${row.code}@${validFrom}`,
    code: clean(row.code ?? ""),
    name: clean(row.name ?? ""),
    type: type as UnitType,
    level: level as UnitLevel,
    validFrom,
    source,
  };
  if (row.parent_code) unit.parentId = `${row.parent_code}@${validFrom}`;
  if (validTo) unit.validTo = validTo;
  return unit;
}

export function dakNongFromCsv(csv2023: string, csv2025: string): UnitsData {
  const oldRows = parseCsv(csv2023);
  const newRows = parseCsv(csv2025);
  const oldUnits = oldRows.map((r) => unitFrom(r, OLD_FROM, LAST_DAY_BEFORE_REFORM, DAK_NONG_SOURCES.old));
  const newUnits = newRows.map((r) =>
    unitFrom(
      r,
      REFORM_DATE,
      undefined,
      r.level === "province" ? DAK_NONG_SOURCES.newProvince : DAK_NONG_SOURCES.newCommune,
    ),
  );
  const oldId = (code: string) => `${code}@${OLD_FROM}`;
  const newId = (code: string) => `${code}@${REFORM_DATE}`;
  const communeBasis = COMMUNE_BASIS_BY_PROVINCE["68"] ?? "";

  const targetOf = new Map<string, string[]>();
  for (const r of newRows.filter((r) => r.level === "commune")) {
    for (const former of (r.former_codes_2023 ?? "")
      .split(";")
      .map((c) => c.trim())
      .filter(Boolean)) {
      targetOf.set(former, [...(targetOf.get(former) ?? []), r.code ?? ""]);
    }
  }
  const successions: UnitSuccession[] = [];
  const communes = oldRows.filter((r) => r.level === "commune");
  for (const c of communes) {
    const targets = targetOf.get(c.code ?? "");
    if (!targets) throw new Error(`old commune ${c.code} has no successor in the 2025 CSV`);
    for (const t of targets)
      successions.push({
        fromId: oldId(c.code ?? ""),
        toId: newId(t),
        effectiveDate: REFORM_DATE,
        legalBasis: communeBasis,
      });
  }
  successions.push({ fromId: oldId("67"), toId: newId("68"), effectiveDate: REFORM_DATE, legalBasis: PROVINCE_BASIS });
  for (const d of oldRows.filter((r) => r.level === "district")) {
    const targets = new Set(
      communes.filter((c) => c.parent_code === d.code).flatMap((c) => targetOf.get(c.code ?? "") ?? []),
    );
    for (const t of targets)
      successions.push({
        fromId: oldId(d.code ?? ""),
        toId: newId(t),
        effectiveDate: REFORM_DATE,
        legalBasis: DISTRICT_BASIS,
      });
  }
  return { units: [...oldUnits, ...newUnits], successions };
}
