/** How a unit appears in API answers: id, code, name, type, and names with and without its parents. */
import type { UnitRef } from "../../../shared/api/common.js";
import type { AdminUnit } from "../../../shared/model.js";
import type { UnitDirectory } from "../../../shared/units/unit-directory.js";

export function unitRef(units: UnitDirectory, unit: AdminUnit): UnitRef {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    type: unit.type,
    displayName: units.displayName(unit),
    fullName: units.fullName(unit),
  };
}
