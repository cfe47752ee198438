/** Who manages which officer account (shared/officers/accounts.ts): the user-name rule, roles by unit, the scope. */
import { describe, expect, it } from "@jest/globals";
import {
  grantableRoles,
  managesAccount,
  PROVINCE_ROLES,
  roleFitsUnit,
  UNIT_ROLES,
  USERNAME_PATTERN,
} from "../../../shared/officers/accounts.js";

const LAM_DONG = "68@2025-07-01";
const QUANG_KHE = "24631@2025-07-01";
const NAM_DA = "24697@2025-07-01";
const DAK_NONG_FORMER = "67@2020-03-01";
const PROVINCE: Record<string, string> = { [LAM_DONG]: LAM_DONG, [QUANG_KHE]: LAM_DONG, [NAM_DA]: LAM_DONG };
const LEVEL: Record<string, string> = { [LAM_DONG]: "province", [QUANG_KHE]: "commune", [NAM_DA]: "commune" };
const provinceIdOf = (id: string) => PROVINCE[id];
const levelOf = (id: string) => LEVEL[id];

const unitAdmin = { id: "a", role: "unit_admin" as const, unitId: QUANG_KHE };
const provinceAdmin = { id: "p", role: "province_admin" as const, unitId: LAM_DONG };

describe("officer accounts", () => {
  it("user names: lower-case ASCII, digits, dot, hyphen, underscore, 3 to 64 characters", () => {
    for (const ok of ["quangkhe.motcua", "nva", "a_b-c.9", "x".repeat(64)])
      expect(USERNAME_PATTERN.test(ok)).toBe(true);
    for (const bad of ["ab", "Nguyen", "nguyễn", ".abc", "a b c", "x".repeat(65)])
      expect(USERNAME_PATTERN.test(bad)).toBe(false);
  });

  it("a unit administrator gives the unit roles, a province administrator every role, others none", () => {
    expect(grantableRoles(unitAdmin)).toEqual(UNIT_ROLES);
    expect(grantableRoles(provinceAdmin)).toEqual([...UNIT_ROLES, ...PROVINCE_ROLES]);
    expect(grantableRoles({ role: "leader" })).toEqual([]);
  });

  it("a province role goes with the province, a unit role with a unit below it", () => {
    expect(roleFitsUnit("province_viewer", LAM_DONG, levelOf)).toBe(true);
    expect(roleFitsUnit("province_viewer", QUANG_KHE, levelOf)).toBe(false);
    expect(roleFitsUnit("counter_officer", QUANG_KHE, levelOf)).toBe(true);
    expect(roleFitsUnit("counter_officer", LAM_DONG, levelOf)).toBe(false);
    expect(roleFitsUnit("counter_officer", "unknown@2025-07-01", levelOf)).toBe(false);
  });

  it("scope: the unit administrator their unit's unit roles; the province administrator the province and its units", () => {
    const at = (role: string, unitId: string | null) => ({ role, unitId });
    expect(managesAccount(unitAdmin, at("leader", QUANG_KHE), provinceIdOf)).toBe(true);
    expect(managesAccount(unitAdmin, at("leader", NAM_DA), provinceIdOf)).toBe(false);
    expect(managesAccount(unitAdmin, at("province_admin", LAM_DONG), provinceIdOf)).toBe(false);
    expect(managesAccount(provinceAdmin, at("leader", NAM_DA), provinceIdOf)).toBe(true);
    expect(managesAccount(provinceAdmin, at("province_viewer", LAM_DONG), provinceIdOf)).toBe(true);
    expect(managesAccount(provinceAdmin, at("province_viewer", null), provinceIdOf)).toBe(false);
    const formerAdmin = { id: "f", role: "province_admin" as const, unitId: DAK_NONG_FORMER };
    expect(managesAccount(formerAdmin, at("leader", QUANG_KHE), provinceIdOf)).toBe(false);
    expect(managesAccount({ id: "l", role: "leader", unitId: QUANG_KHE }, at("leader", QUANG_KHE), provinceIdOf)).toBe(
      false,
    );
  });
});
