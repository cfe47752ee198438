/**
 * The one-stop office of a unit for API answers: the shipped row (or the People's Committee seat flagged to verify),
 * with what the unit's administrator saved (name as citizens know it, address, telephone) and its confirmation
 * (docs/admin/unit-and-verification.md).
 */
import type { UnitOffice } from "../../../shared/api/units.js";
import { shippedOffice, type UnitOfficeSetting } from "../../../shared/admin/unit-office.js";
import type { AdminUnit } from "../../../shared/model.js";
import type { UnitDirectory } from "../../../shared/units/unit-directory.js";

interface OfficeDomain {
  units: UnitDirectory;
  officeSettingOf(unitId: string): UnitOfficeSetting | undefined;
  officeConfirmed(unitId: string): boolean;
}

export function unitOffice(domain: OfficeDomain, unit: AdminUnit): UnitOffice {
  const shipped = shippedOffice(domain.units, unit.id);
  const own = domain.officeSettingOf(unit.id);
  return {
    place: own?.name ?? shipped.place,
    address: own?.address ?? shipped.address,
    phone: own?.phone ?? shipped.phone,
    toVerify: shipped.toVerify && !domain.officeConfirmed(unit.id),
    source: own ? "Do đơn vị tự cập nhật" : shipped.source,
  };
}
