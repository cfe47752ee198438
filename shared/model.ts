/**
 * Core domain types of Khong Hen. Pure data shapes: every rule table in shared/data is typed by these.
 * Evidence marks follow the reference notes: "V" verified, "S" secondary, "U" unverified, "?" not found.
 * Anything "U" or "?" is shown to users with the "cần kiểm tra" (to verify) flag.
 */

/** A calendar date "YYYY-MM-DD" (Asia/Ho_Chi_Minh). */
export type IsoDate = string;
/** A clock time "HH:mm" (Asia/Ho_Chi_Minh). */
export type ClockTime = string;

export type Evidence = "V" | "S" | "U" | "?";

/** A fact with its source; `toVerify` is true for evidence U or ? ("cần kiểm tra"). */
export interface Sourced {
  source: string;
  evidence: Evidence;
}

/** đơn vị hành chính */
export type UnitType =
  | "tỉnh"
  | "thành phố trực thuộc trung ương"
  | "thành phố"
  | "thị xã"
  | "huyện"
  | "quận"
  | "xã"
  | "phường"
  | "thị trấn"
  | "đặc khu";
export type UnitLevel = "province" | "district" | "commune";

export interface AdminUnit {
  /** Internal, stable key: `${code}@${validFrom}`. Codes are reused across 1/7/2025, ids never are. */
  id: string;
  /** Official GSO code, as a string. */
  code: string;
  /** Name without the type prefix ("Quảng Khê"). */
  name: string;
  type: UnitType;
  level: UnitLevel;
  parentId?: string;
  validFrom: IsoDate;
  /** Last day the unit existed (inclusive); absent while in force. */
  validTo?: IsoDate;
  source: string;
  /** True when a fact of this unit (e.g. its start date in an imported province) is unverified: "cần kiểm tra". */
  toVerify?: boolean;
}

/** Old unit → new unit, from `effectiveDate`. Many-to-many in general (split communes). */
export interface UnitSuccession {
  fromId: string;
  toId: string;
  effectiveDate: IsoDate;
  legalBasis: string;
  /** True when the legal basis or the mapping is unverified: "cần kiểm tra". */
  toVerify?: boolean;
}

export interface UnitsData {
  units: AdminUnit[];
  successions: UnitSuccession[];
}
