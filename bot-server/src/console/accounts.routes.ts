/**
 * /console/api/admin/accounts: officer accounts managed by a unit or province administrator
 * (use-cases/accounts-admin.ts), as route-table rows (http/route-table.ts) with the schemas of
 * shared/console/accounts.ts. The answers that carry a one-time password are never cached.
 */
import {
  AccountParams,
  AccountReply,
  AccountsReply,
  CreateAccountBody,
  OneTimePasswordReply,
  ReasonBody,
  RoleBody,
} from "../../../shared/console/accounts.js";
import { route, noStore, type AnyRoute } from "../http/route-table.js";
import {
  changeAccountRole,
  createAccount,
  listAccounts,
  resetAccountPassword,
  setAccountActive,
} from "../use-cases/accounts-admin.js";

export function consoleAccountRoutes(): AnyRoute[] {
  return [
    route({
      method: "get",
      path: "/",
      tag: "Accounts",
      auth: "officer",
      may: "admin.unit",
      summary: "The accounts the administrator manages, the units and roles they may give",
      response: { status: 200, schema: AccountsReply, description: "By user name" },
      errors: ["forbidden"],
      handler: async ({ officer }, deps) => noStore(await listAccounts(deps, officer)),
    }),
    route({
      method: "post",
      path: "/",
      tag: "Accounts",
      auth: "officer",
      may: "admin.unit",
      bodyOptional: true,
      summary: "Create an account with a one-time password, shown once, to be changed at the first sign-in (audited)",
      body: CreateAccountBody,
      response: { status: 201, schema: OneTimePasswordReply, description: "Created" },
      errors: ["forbidden", "username_taken", "invalid_body"],
      handler: async ({ officer, body }, deps) => noStore(await createAccount(deps, officer, body)),
    }),
    route({
      method: "post",
      path: "/:id/disable",
      tag: "Accounts",
      auth: "officer",
      may: "admin.unit",
      params: AccountParams,
      bodyOptional: true,
      summary: "Disable an account and end its sessions (audited with the reason)",
      body: ReasonBody,
      response: { status: 200, schema: AccountReply, description: "Disabled" },
      errors: ["forbidden", "account_not_found"],
      handler: ({ officer, params, body }, deps) => setAccountActive(deps, officer, params.id, false, body.reason),
    }),
    route({
      method: "post",
      path: "/:id/enable",
      tag: "Accounts",
      auth: "officer",
      may: "admin.unit",
      params: AccountParams,
      bodyOptional: true,
      summary: "Re-enable a disabled account (audited with the reason)",
      body: ReasonBody,
      response: { status: 200, schema: AccountReply, description: "Enabled" },
      errors: ["forbidden", "account_not_found"],
      handler: ({ officer, params, body }, deps) => setAccountActive(deps, officer, params.id, true, body.reason),
    }),
    route({
      method: "post",
      path: "/:id/reset-password",
      tag: "Accounts",
      auth: "officer",
      may: "admin.unit",
      params: AccountParams,
      bodyOptional: true,
      summary: "A new one-time password, shown once; the account's sessions end (audited with the reason)",
      body: ReasonBody,
      response: { status: 200, schema: OneTimePasswordReply, description: "Reset" },
      errors: ["forbidden", "account_not_found"],
      handler: async ({ officer, params, body }, deps) =>
        noStore(await resetAccountPassword(deps, officer, params.id, body.reason)),
    }),
    route({
      method: "put",
      path: "/:id/role",
      tag: "Accounts",
      auth: "officer",
      may: "admin.unit",
      params: AccountParams,
      bodyOptional: true,
      summary: "Change an account's role (never one's own; audited with the reason)",
      body: RoleBody,
      response: { status: 200, schema: AccountReply, description: "Changed" },
      errors: ["forbidden", "account_not_found", "invalid_body"],
      handler: ({ officer, params, body }, deps) => changeAccountRole(deps, officer, params.id, body.role, body.reason),
    }),
  ];
}
