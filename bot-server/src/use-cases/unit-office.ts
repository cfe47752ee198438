/** The one-stop office of a unit for API answers: the shipped row, or the People's Committee seat flagged to verify. */
import type { UnitOffice } from "../../../shared/api/units.js";
import { officeOf } from "../../../shared/data/offices.js";
import type { AdminUnit } from "../../../shared/model.js";
import type { UnitDirectory } from "../../../shared/units/unit-directory.js";

const DERIVED_SOURCE = "Suy ra từ tên đơn vị; chưa có địa chỉ, số điện thoại được kiểm chứng";

export function unitOffice(units: UnitDirectory, unit: AdminUnit): UnitOffice {
  const o = officeOf(unit.id);
  if (o) return { place: o.place, address: o.address, phone: o.phone, toVerify: o.toVerify, source: o.source };
  return {
    place: `Bộ phận Một cửa, UBND ${units.displayName(unit)}`,
    address: null,
    phone: null,
    toVerify: true,
    source: DERIVED_SOURCE,
  };
}
