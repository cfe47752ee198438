/**
 * The console's contract for officer accounts (/console/api/admin/accounts): the list in the administrator's scope,
 * creating an account with a one-time password, disabling and re-enabling, resetting the password and changing the
 * role. The rules of who manages which account are shared/officers/accounts.ts; docs/admin/accounts.md.
 */
import { z } from "zod";
import { ROLES } from "../data/lifecycle.js";
import { ACCOUNT_ROLES, USERNAME_PATTERN, USERNAME_RULE_VI } from "../officers/accounts.js";

export const AccountView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  unitId: z.string().nullable(),
  /** The unit's name as officers read it ("xã Quảng Khê", "tỉnh Lâm Đồng"). */
  unitName: z.string().nullable(),
  active: z.boolean(),
  /** A one-time password not yet replaced by the officer. */
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  /** The administrator's own account (no role change, no disabling). */
  self: z.boolean(),
});
export type AccountView = z.infer<typeof AccountView>;

export const AccountUnit = z.object({ id: z.string(), name: z.string(), level: z.string() });
export type AccountUnit = z.infer<typeof AccountUnit>;

export const AccountsReply = z.object({
  accounts: z.array(AccountView),
  /** The units the administrator may give an account, their own first. */
  units: z.array(AccountUnit),
  /** The roles the administrator may give. */
  roles: z.array(z.enum(ACCOUNT_ROLES)),
});
export type AccountsReply = z.infer<typeof AccountsReply>;

const REASON_MAX = 500;
const role = z.enum(ACCOUNT_ROLES, { error: "Chọn một vai trò trong danh sách." });
const reason = z
  .string({ error: "Ghi lý do thay đổi." })
  .trim()
  .min(3, "Ghi lý do thay đổi (ít nhất 3 ký tự).")
  .max(REASON_MAX, `Lý do tối đa ${REASON_MAX} ký tự.`)
  .transform((r) => r.normalize("NFC"));

export const CreateAccountBody = z.object({
  username: z
    .string({ error: "Nhập tên đăng nhập." })
    .trim()
    .toLowerCase()
    .min(1, "Nhập tên đăng nhập.")
    .regex(USERNAME_PATTERN, USERNAME_RULE_VI),
  displayName: z
    .string({ error: "Nhập họ và tên." })
    .trim()
    .min(1, "Nhập họ và tên.")
    .max(100, "Họ và tên tối đa 100 ký tự.")
    .transform((n) => n.normalize("NFC")),
  role,
  /** The unit of the account; the administrator's own unit when omitted. */
  unitId: z.string().trim().min(1, "Chọn đơn vị.").max(100).optional(),
  /** Why the account is made (optional). */
  reason: z
    .string()
    .trim()
    .max(REASON_MAX, `Lý do tối đa ${REASON_MAX} ký tự.`)
    .transform((r) => r.normalize("NFC"))
    .optional(),
});
export type CreateAccountBody = z.input<typeof CreateAccountBody>;

export const AccountParams = z.object({ id: z.string().min(1).max(100) });

export const ReasonBody = z.object({ reason });
export type ReasonBody = z.input<typeof ReasonBody>;

export const RoleBody = z.object({ role, reason });
export type RoleBody = z.input<typeof RoleBody>;

export const AccountReply = z.object({ account: AccountView });
export type AccountReply = z.infer<typeof AccountReply>;

/** The one-time password is in this answer only: it is stored hashed and never shown again. */
export const OneTimePasswordReply = z.object({
  account: AccountView,
  oneTimePassword: z.string(),
});
export type OneTimePasswordReply = z.infer<typeof OneTimePasswordReply>;
