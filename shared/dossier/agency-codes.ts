/**
 * Mã định danh cơ quan (QCVN 102:2016/BTTTT, `NNN.NN.NN.Hnn`) of the receiving units, used as the first block of
 * the dossier code. Đắk Nông's and the new Lâm Đồng communes' real codes were not found (docs/domain/scheme.md#agency-codes [?]):
 * every row is a placeholder on a non-existent level-1 segment (H99 Đắk Nông 2023, H98 Lâm Đồng 2025, H00 derived),
 * flagged "cần kiểm tra", to be replaced by the codes of the province's issuing decision before go-live.
 * Unit ids are `${GSO code}@${validFrom}`.
 */
import type { Evidence } from "../model.js";

export interface AgencyCodeRow {
  unitId: string;
  unitName: string;
  agencyCode: string;
  evidence: Evidence;
  toVerify: boolean;
  source: string;
}

export interface AgencyCodeLookup {
  agencyCode: string;
  toVerify: boolean;
  /** True when the unit had no row and the code was derived from its GSO code. */
  derived: boolean;
}

const PLACEHOLDER_SOURCE =
  "Placeholder: real code not found (docs/domain/scheme.md#agency-codes [?]); replace from the province's decision";
const OLD = "2020-03-01";
const NEW = "2025-07-01";

function placeholder(unitId: string, unitName: string, agencyCode: string): AgencyCodeRow {
  return { unitId, unitName, agencyCode, evidence: "?", toVerify: true, source: PLACEHOLDER_SOURCE };
}

/** 2023 plan: the province and its 8 district one-stops (level 2 = last two digits of the GSO district code). */
const DAK_NONG_2023: AgencyCodeRow[] = [
  placeholder(`67@${OLD}`, "UBND tỉnh Đắk Nông", "000.00.00.H99"),
  ...[
    ["660", "UBND thành phố Gia Nghĩa"],
    ["661", "UBND huyện Đăk Glong"],
    ["662", "UBND huyện Cư Jút"],
    ["663", "UBND huyện Đắk Mil"],
    ["664", "UBND huyện Krông Nô"],
    ["665", "UBND huyện Đắk Song"],
    ["666", "UBND huyện Đắk R'Lấp"],
    ["667", "UBND huyện Tuy Đức"],
  ].map(([code, name]) => placeholder(`${code}@${OLD}`, name!, `000.00.${code!.slice(1)}.H99`)),
];

/** From 1/7/2025: the 28 communes of Lâm Đồng covering the former Đắk Nông area (docs/domain/units.md#unit-data-and-sources), numbered 01–28. */
const LAM_DONG_2025_DAK_NONG_AREA: AgencyCodeRow[] = [
  ["24611", "UBND phường Bắc Gia Nghĩa"],
  ["24615", "UBND phường Nam Gia Nghĩa"],
  ["24616", "UBND xã Quảng Sơn"],
  ["24617", "UBND phường Đông Gia Nghĩa"],
  ["24620", "UBND xã Quảng Hòa"],
  ["24631", "UBND xã Quảng Khê"],
  ["24637", "UBND xã Tà Đùng"],
  ["24640", "UBND xã Cư Jút"],
  ["24646", "UBND xã Đắk Wil"],
  ["24649", "UBND xã Nam Dong"],
  ["24664", "UBND xã Đức Lập"],
  ["24670", "UBND xã Đắk Mil"],
  ["24678", "UBND xã Đắk Sắk"],
  ["24682", "UBND xã Thuận An"],
  ["24688", "UBND xã Krông Nô"],
  ["24697", "UBND xã Nam Đà"],
  ["24703", "UBND xã Nâm Nung"],
  ["24712", "UBND xã Quảng Phú"],
  ["24717", "UBND xã Đức An"],
  ["24718", "UBND xã Đắk Song"],
  ["24722", "UBND xã Thuận Hạnh"],
  ["24730", "UBND xã Trường Xuân"],
  ["24733", "UBND xã Kiến Đức"],
  ["24736", "UBND xã Quảng Trực"],
  ["24739", "UBND xã Tuy Đức"],
  ["24748", "UBND xã Quảng Tân"],
  ["24751", "UBND xã Nhân Cơ"],
  ["24760", "UBND xã Quảng Tín"],
].map(([code, name], i) => placeholder(`${code}@${NEW}`, name!, `000.00.${String(i + 1).padStart(2, "0")}.H98`));

export const AGENCY_CODES: readonly AgencyCodeRow[] = [
  ...DAK_NONG_2023,
  placeholder(`68@${NEW}`, "UBND tỉnh Lâm Đồng", "000.00.00.H98"),
  ...LAM_DONG_2025_DAK_NONG_AREA,
];

/**
 * The agency code of a receiving unit. A unit without a row (e.g. a 2023 commune, another province) gets the
 * placeholder `000.00.<GSO code>.H00`, flagged toVerify, so intake never stops for want of configuration. H00 keeps
 * derived codes apart from the table's; the validFrom part of the id is ignored, so a GSO code reused by a
 * different unit needs a row of its own.
 */
export function agencyCodeFor(unitId: string, table: readonly AgencyCodeRow[] = AGENCY_CODES): AgencyCodeLookup {
  const row = table.find((r) => r.unitId === unitId);
  if (row) return { agencyCode: row.agencyCode, toVerify: row.toVerify, derived: false };
  const unitCode = (unitId.split("@")[0] ?? "").replace(/\D/g, "").slice(-5).padStart(2, "0");
  return { agencyCode: `000.00.${unitCode}.H00`, toVerify: true, derived: true };
}
