/**
 * Officer accounts as administrators manage them (docs/admin/accounts.md): the user-name rule, the roles an account
 * can hold, and who may manage which account. A unit's accounts carry a unit role and the unit's id; the province's
 * own accounts (province viewer, province administrator) carry a province role and the province's id. A unit
 * administrator manages the unit roles of their own unit; a province administrator manages every unit of their
 * province and the province's own accounts. Nobody changes their own role or disables themself.
 */
import type { Role } from "../data/lifecycle.js";
import { administers, type Officer } from "./officer.js";

/** Lower-case ASCII letters, digits, dot, hyphen, underscore; 3–64 characters, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const USERNAME_RULE_VI =
  "Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới (3–64 ký tự, bắt đầu bằng chữ hoặc số).";

/** The roles of a unit's accounts. */
export const UNIT_ROLES = [
  "counter_officer",
  "processing_officer",
  "leader",
  "unit_admin",
  "volunteer",
] as const satisfies readonly Role[];
/** The roles of the province's own accounts (their unit is the province). */
export const PROVINCE_ROLES = ["province_viewer", "province_admin"] as const satisfies readonly Role[];
/** Every role an account can hold (the lifecycle's "system" is not an account). */
export const ACCOUNT_ROLES = [...UNIT_ROLES, ...PROVINCE_ROLES] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const isProvinceRole = (role: string): boolean => (PROVINCE_ROLES as readonly string[]).includes(role);
export const isAccountRole = (role: string): role is AccountRole => (ACCOUNT_ROLES as readonly string[]).includes(role);

type Admin = Pick<Officer, "id" | "role" | "unitId">;

/** The roles this administrator may give: a unit administrator the unit roles, a province administrator all. */
export function grantableRoles(admin: Pick<Officer, "role">): readonly AccountRole[] {
  if (admin.role === "province_admin") return ACCOUNT_ROLES;
  if (admin.role === "unit_admin") return UNIT_ROLES;
  return [];
}

/**
 * Whether `role` goes with `unitId`: a province role with the province itself, a unit role with a unit below it.
 * `levelOf` gives a unit's level ("province", "commune"…), undefined for an unknown unit.
 */
export function roleFitsUnit(role: string, unitId: string, levelOf: (unitId: string) => string | undefined): boolean {
  const level = levelOf(unitId);
  if (level === undefined) return false;
  return isProvinceRole(role) ? level === "province" : level !== "province";
}

/**
 * Whether the administrator manages this account (reads it in the list, disables it, resets its password, changes
 * its role): its unit is one they administer, and a unit administrator only touches unit roles.
 */
export function managesAccount(
  admin: Admin,
  account: { role: string; unitId: string | null },
  provinceIdOf: (unitId: string) => string | undefined,
): boolean {
  if (account.unitId === null) return false;
  if (!administers(admin, account.unitId, provinceIdOf)) return false;
  return (grantableRoles(admin) as readonly string[]).includes(account.role);
}
