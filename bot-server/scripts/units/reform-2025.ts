/** Facts of the 1/7/2025 reform shared by the unit generators (docs/domain/units.md#the-2025-reform). */
import type { UnitType } from "../../../shared/model.js";

export const REFORM_DATE = "2025-07-01";
export const LAST_DAY_BEFORE_REFORM = "2025-06-30";

/** Resolution 202/2025/QH15 (12/6/2025): arrangement of provinces, effective 1/7/2025. */
export const PROVINCE_BASIS = "Nghị quyết 202/2025/QH15 ngày 12/6/2025";
/** Law 72/2025/QH15 ends district-level units; a district is carried on by the communes that took over its communes. */
export const DISTRICT_BASIS = "Luật 72/2025/QH15 (bỏ cấp huyện); kế thừa theo các xã thuộc huyện";

/** Commune arrangement resolution per new province code; only verified ones are listed. */
export const COMMUNE_BASIS_BY_PROVINCE: Record<string, string> = {
  "68": "Nghị quyết 1671/NQ-UBTVQH15 ngày 16/6/2025",
};

/** Earliest verified snapshot per pre-2025 province code (docs/domain/units.md#unit-data-and-sources: dvhcvn snapshots 01/03/2020 … 01/03/2025). */
export const VERIFIED_OLD_VALID_FROM: Record<string, string> = {
  "67": "2020-03-01",
};
export const DEFAULT_OLD_VALID_FROM = "2020-03-01";

/** Type prefixes as written in official names, longest first within a level. */
export const TYPE_PREFIXES = {
  province: [
    ["Thành phố", "thành phố trực thuộc trung ương"],
    ["Tỉnh", "tỉnh"],
  ],
  district: [
    ["Thành phố", "thành phố"],
    ["Thị xã", "thị xã"],
    ["Huyện", "huyện"],
    ["Quận", "quận"],
  ],
  commune: [
    ["Thị trấn", "thị trấn"],
    ["Đặc khu", "đặc khu"],
    ["Phường", "phường"],
    ["Xã", "xã"],
  ],
} as const satisfies Record<string, readonly (readonly [string, UnitType])[]>;
