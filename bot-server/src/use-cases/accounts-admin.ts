/**
 * Officer accounts managed from the console by a unit administrator (their unit's accounts) or a province
 * administrator (every unit of the province and the province's own accounts): list, create with a one-time password,
 * disable and re-enable, reset the password, change the role. The scope rules are shared/officers/accounts.ts; every
 * change is audited (who, when, what, why) in the change's transaction, and passwords are neither stored in clear nor
 * logged: a one-time password is in the answer that made it, once (docs/admin/accounts.md).
 */
import { randomBytes, randomUUID } from "node:crypto";
import type {
  AccountUnit,
  AccountView,
  AccountsReply,
  OneTimePasswordReply,
} from "../../../shared/console/accounts.js";
import type { Role } from "../../../shared/data/lifecycle.js";
import {
  grantableRoles,
  isProvinceRole,
  managesAccount,
  roleFitsUnit,
  type AccountRole,
} from "../../../shared/officers/accounts.js";
import type { Officer } from "../../../shared/officers/officer.js";
import { fail, type Failure, type Outcome } from "../../../shared/outcomes.js";
import { hashPassword } from "../console/session-auth.js";
import type { Deps } from "../deps.js";
import { writeAudit } from "../store/audit.js";
import { deleteSessionsOfUser } from "../store/sessions.js";
import {
  findOfficerById,
  findOfficerByUsername,
  insertOfficerIfFree,
  listOfficersOfUnits,
  setOfficerActive,
  setOfficerPassword,
  setOfficerRole,
  type OfficerRecord,
} from "../store/users.js";
import { nowOf } from "./console-context.js";

/** Readable one-time passwords: 16 characters without look-alikes (as the demo accounts and `npm run users`). */
function oneTimePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzACDEFHJKMNPRTUVWXY34679";
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join("");
}

function provinceIdOf(deps: Deps) {
  return (unitId: string): string | undefined => {
    const unit = deps.domain.units.byId(unitId);
    return unit && deps.domain.units.provinceOf(unit)?.id;
  };
}

function unitNameOf(deps: Deps, unitId: string | null): string | null {
  const unit = unitId ? deps.domain.units.byId(unitId) : undefined;
  return unit ? deps.domain.units.displayName(unit) : null;
}

/** Every unit whose accounts the administrator may see: their unit, or the province and every unit in it (past ones too). */
function scopeUnitIds(deps: Deps, admin: Officer): string[] {
  if (admin.unitId === null) return [];
  if (admin.role === "unit_admin") return [admin.unitId];
  if (admin.role !== "province_admin") return [];
  const of = provinceIdOf(deps);
  return deps.domain.units.units.filter((u) => of(u.id) === admin.unitId).map((u) => u.id);
}

/** The units an account can be given today: the administrator's own first, then the units in force by name. */
function assignableUnits(deps: Deps, admin: Officer): AccountUnit[] {
  if (admin.unitId === null) return [];
  const units = deps.domain.units;
  const today = nowOf(deps).date;
  const own = units.byId(admin.unitId);
  const view = (u: NonNullable<typeof own>): AccountUnit => ({ id: u.id, name: units.displayName(u), level: u.level });
  if (!own) return [];
  if (admin.role === "unit_admin") return [view(own)];
  if (admin.role !== "province_admin") return [];
  const of = provinceIdOf(deps);
  const inProvince = units.units
    .filter((u) => u.id !== own.id && u.level !== "province" && units.isInForce(u, today) && of(u.id) === own.id)
    .map(view)
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  return [view(own), ...inProvince];
}

function viewOf(deps: Deps, admin: Officer, o: OfficerRecord): AccountView {
  return {
    id: o.id,
    username: o.username,
    displayName: o.displayName,
    role: o.role,
    unitId: o.unitId,
    unitName: unitNameOf(deps, o.unitId),
    active: o.active,
    mustChangePassword: o.mustChangePassword,
    createdAt: o.createdAt,
    self: o.id === admin.id,
  };
}

export async function listAccounts(deps: Deps, admin: Officer): Promise<Outcome<AccountsReply>> {
  const of = provinceIdOf(deps);
  const accounts = (await listOfficersOfUnits(deps.db, scopeUnitIds(deps, admin))).filter((o) =>
    managesAccount(admin, o, of),
  );
  return {
    ok: true,
    value: {
      accounts: accounts.map((o) => viewOf(deps, admin, o)),
      units: assignableUnits(deps, admin),
      roles: [...grantableRoles(admin)],
    },
  };
}

const ROLE_OUT_OF_SCOPE = "Quản trị đơn vị chỉ cấp được vai trò của đơn vị (không cấp vai trò cấp tỉnh).";
const UNIT_OUT_OF_SCOPE = "Đơn vị này không thuộc phạm vi quản trị của bạn.";

function roleRefused(admin: Officer, role: AccountRole): Failure | undefined {
  if ((grantableRoles(admin) as readonly string[]).includes(role)) return undefined;
  return fail("forbidden", {
    message: ROLE_OUT_OF_SCOPE,
    detail: `Your role may not give the role ${role}.`,
    fields: [{ path: "role", message: ROLE_OUT_OF_SCOPE }],
  });
}

function roleMisfit(role: string, path: "role" | "unitId"): Failure {
  const message = isProvinceRole(role)
    ? "Vai trò cấp tỉnh chỉ dành cho tài khoản của tỉnh: chọn đơn vị là tỉnh."
    : "Vai trò này dành cho cán bộ của một xã, phường, đặc khu: chọn đơn vị của cán bộ.";
  return fail("invalid_body", {
    message,
    detail: isProvinceRole(role)
      ? "A province role goes with the province as unit."
      : "A unit role goes with a unit below the province.",
    fields: [{ path, message }],
  });
}

export interface CreateAccountInput {
  username: string;
  displayName: string;
  role: AccountRole;
  unitId?: string | undefined;
  reason?: string | undefined;
}

export async function createAccount(
  deps: Deps,
  admin: Officer,
  input: CreateAccountInput,
): Promise<Outcome<OneTimePasswordReply>> {
  const refused = roleRefused(admin, input.role);
  if (refused) return refused;
  const unitId = input.unitId ?? admin.unitId;
  if (unitId === null || !assignableUnits(deps, admin).some((u) => u.id === unitId))
    return fail("forbidden", {
      message: UNIT_OUT_OF_SCOPE,
      detail: "This unit is not one you administer.",
      fields: [{ path: "unitId", message: UNIT_OUT_OF_SCOPE }],
    });
  if (!roleFitsUnit(input.role, unitId, (id) => deps.domain.units.byId(id)?.level))
    return roleMisfit(input.role, "role");
  const taken = () =>
    fail("username_taken", {
      fields: [{ path: "username", message: `Tên đăng nhập "${input.username}" đã có, vui lòng chọn tên khác.` }],
    });
  if (await findOfficerByUsername(deps.db, input.username)) return taken();

  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const now = nowOf(deps).iso;
  const id = randomUUID();
  const unitName = unitNameOf(deps, unitId);
  const created = await deps.db.transaction().execute(async (trx) => {
    const inserted = await insertOfficerIfFree(trx, {
      id,
      username: input.username,
      passwordHash,
      displayName: input.displayName,
      role: input.role,
      unitId,
      now,
    });
    if (!inserted) return false;
    await auditAccountChange(trx, admin, {
      at: now,
      action: "create",
      accountId: id,
      fields: ["username", "display_name", "role", "unit_id", "password_hash"],
      what: `Tạo tài khoản ${input.username}, vai trò ${input.role}, đơn vị ${unitName ?? unitId}, mật khẩu dùng một lần`,
      reason: input.reason,
    });
    return true;
  });
  if (!created) return taken();
  return { ok: true, value: { account: await storedView(deps, admin, id), oneTimePassword: password } };
}

/** "what. Lý do: why" — the audit entry's reason names the change and the administrator's reason. */
function withReason(what: string, reason: string | undefined): string {
  return reason ? `${what}. Lý do: ${reason}` : what;
}

/** The audit entry of the administrator's change to an account: its fields, and what changed with the reason why. */
function auditAccountChange(
  db: Deps["db"],
  admin: Officer,
  change: {
    at: string;
    action?: "create" | "update";
    accountId: string;
    fields: string[];
    what: string;
    reason: string | undefined;
  },
): Promise<void> {
  return writeAudit(db, {
    at: change.at,
    actorKind: "officer",
    actorId: admin.id,
    action: change.action ?? "update",
    subjectKind: "user",
    subjectId: change.accountId,
    fields: change.fields,
    reason: withReason(change.what, change.reason),
  });
}

/** The account as it is now stored, as the administrator sees it. */
async function storedView(deps: Deps, admin: Officer, id: string): Promise<AccountView> {
  return viewOf(deps, admin, (await findOfficerById(deps.db, id))!);
}

/** The account, when the administrator manages it; another unit's account reads as missing. */
async function managedAccount(deps: Deps, admin: Officer, id: string): Promise<OfficerRecord | undefined> {
  const o = await findOfficerById(deps.db, id);
  return o && managesAccount(admin, o, provinceIdOf(deps)) ? o : undefined;
}

const own = (message: string, detail: string, path?: string): Failure =>
  fail("forbidden", { message, detail, ...(path ? { fields: [{ path, message }] } : {}) });

export async function setAccountActive(
  deps: Deps,
  admin: Officer,
  id: string,
  active: boolean,
  reason: string,
): Promise<Outcome<{ account: AccountView }>> {
  if (id === admin.id)
    return own("Bạn không thể tự khóa hoặc mở khóa tài khoản của mình.", "You may not disable your own account.");
  const o = await managedAccount(deps, admin, id);
  if (!o) return fail("account_not_found");
  if (o.active !== active) {
    const at = nowOf(deps).iso;
    await deps.db.transaction().execute(async (trx) => {
      await setOfficerActive(trx, o.id, active);
      // A disabled account's open sessions end now (each request also checks that the account is active).
      const ended = active ? 0 : await deleteSessionsOfUser(trx, o.id);
      await auditAccountChange(trx, admin, {
        at,
        accountId: o.id,
        fields: ["active"],
        what: active
          ? `Mở khóa tài khoản ${o.username}`
          : `Khóa tài khoản ${o.username}${ended > 0 ? `, kết thúc ${ended} phiên đang mở` : ""}`,
        reason,
      });
    });
  }
  return { ok: true, value: { account: await storedView(deps, admin, o.id) } };
}

export async function resetAccountPassword(
  deps: Deps,
  admin: Officer,
  id: string,
  reason: string,
): Promise<Outcome<OneTimePasswordReply>> {
  if (id === admin.id)
    return own(
      "Bạn không tự đặt lại mật khẩu của mình ở đây: hãy nhờ một quản trị khác.",
      "You may not reset your own password here.",
    );
  const o = await managedAccount(deps, admin, id);
  if (!o) return fail("account_not_found");
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const at = nowOf(deps).iso;
  await deps.db.transaction().execute(async (trx) => {
    await setOfficerPassword(trx, o.id, passwordHash, true);
    await deleteSessionsOfUser(trx, o.id);
    await auditAccountChange(trx, admin, {
      at,
      accountId: o.id,
      fields: ["password_hash"],
      what: `Đặt lại mật khẩu tài khoản ${o.username} (mật khẩu dùng một lần)`,
      reason,
    });
  });
  return {
    ok: true,
    value: { account: await storedView(deps, admin, o.id), oneTimePassword: password },
  };
}

export async function changeAccountRole(
  deps: Deps,
  admin: Officer,
  id: string,
  role: AccountRole,
  reason: string,
): Promise<Outcome<{ account: AccountView }>> {
  if (id === admin.id)
    return own("Bạn không thể tự đổi vai trò của mình.", "You may not change your own role.", "role");
  const refused = roleRefused(admin, role);
  if (refused) return refused;
  const o = await managedAccount(deps, admin, id);
  if (!o) return fail("account_not_found");
  if (!roleFitsUnit(role, o.unitId!, (u) => deps.domain.units.byId(u)?.level)) return roleMisfit(role, "role");
  if (o.role !== role) {
    const at = nowOf(deps).iso;
    await deps.db.transaction().execute(async (trx) => {
      await setOfficerRole(trx, o.id, role as Role);
      await auditAccountChange(trx, admin, {
        at,
        accountId: o.id,
        fields: o.delegateFor && role !== "leader" ? ["delegate_for", "role"] : ["role"],
        what: `Đổi vai trò tài khoản ${o.username}: ${o.role} → ${role}`,
        reason,
      });
    });
  }
  return { ok: true, value: { account: await storedView(deps, admin, o.id) } };
}
