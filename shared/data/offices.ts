/**
 * Where citizens go: the one-stop office of each unit, keyed by unit id `${GSO code}@${validFrom}`.
 * No verified street address or telephone number was found in the reference material, so every row names the
 * commune People's Committee as the place and leaves address and phone empty, flagged `toVerify` ("cần kiểm tra").
 * Never fill in a number without a source. Nghị định 118/2025/NĐ-CP [S] calls the commune one-stop office
 * "Trung tâm Phục vụ hành chính công": rename a row once the commune's own name for it is verified.
 * Office hours come from the scheme plan in force (shared/data/scheme-plans.ts), not from this table.
 */
import type { Evidence } from "../model.js";

export interface UnitOffice {
  unitId: string;
  /** The office a citizen asks for, e.g. "Bộ phận Một cửa, UBND xã Quảng Khê". */
  place: string;
  /** Postal address; null until verified. */
  address: string | null;
  /** As dialled; null until verified: never invented. */
  phone: string | null;
  source: string;
  evidence: Evidence;
  toVerify: boolean;
}

const SOURCE =
  "Suy ra từ đơn vị hành chính (Nghị quyết 1671/NQ-UBTVQH15); chưa có địa chỉ, số điện thoại được kiểm chứng";

/** A successor commune of the former Đắk Nông area: its one-stop office at the commune People's Committee. */
function office(unitId: string, displayName: string): UnitOffice {
  return {
    unitId,
    place: `Bộ phận Một cửa, UBND ${displayName}`,
    address: null,
    phone: null,
    source: SOURCE,
    evidence: "U",
    toVerify: true,
  };
}

/** The 28 communes and wards of Lâm Đồng covering the former Đắk Nông (from 1/7/2025); xã Quảng Khê is the demo unit. */
export const unitOffices: readonly UnitOffice[] = [
  office("24611@2025-07-01", "phường Bắc Gia Nghĩa"),
  office("24615@2025-07-01", "phường Nam Gia Nghĩa"),
  office("24616@2025-07-01", "xã Quảng Sơn"),
  office("24617@2025-07-01", "phường Đông Gia Nghĩa"),
  office("24620@2025-07-01", "xã Quảng Hòa"),
  office("24631@2025-07-01", "xã Quảng Khê"),
  office("24637@2025-07-01", "xã Tà Đùng"),
  office("24640@2025-07-01", "xã Cư Jút"),
  office("24646@2025-07-01", "xã Đắk Wil"),
  office("24649@2025-07-01", "xã Nam Dong"),
  office("24664@2025-07-01", "xã Đức Lập"),
  office("24670@2025-07-01", "xã Đắk Mil"),
  office("24678@2025-07-01", "xã Đắk Sắk"),
  office("24682@2025-07-01", "xã Thuận An"),
  office("24688@2025-07-01", "xã Krông Nô"),
  office("24697@2025-07-01", "xã Nam Đà"),
  office("24703@2025-07-01", "xã Nâm Nung"),
  office("24712@2025-07-01", "xã Quảng Phú"),
  office("24717@2025-07-01", "xã Đức An"),
  office("24718@2025-07-01", "xã Đắk Song"),
  office("24722@2025-07-01", "xã Thuận Hạnh"),
  office("24730@2025-07-01", "xã Trường Xuân"),
  office("24733@2025-07-01", "xã Kiến Đức"),
  office("24736@2025-07-01", "xã Quảng Trực"),
  office("24739@2025-07-01", "xã Tuy Đức"),
  office("24748@2025-07-01", "xã Quảng Tân"),
  office("24751@2025-07-01", "xã Nhân Cơ"),
  office("24760@2025-07-01", "xã Quảng Tín"),
];

const byUnitId = new Map(unitOffices.map((o) => [o.unitId, o]));

export function officeOf(unitId: string): UnitOffice | undefined {
  return byUnitId.get(unitId);
}
