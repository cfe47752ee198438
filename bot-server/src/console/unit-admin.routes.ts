/**
 * /console/api/admin/unit and /console/api/admin/verification: the unit's own settings and the verification of
 * shipped facts (use-cases/unit-admin.ts), as route-table rows with the schemas of shared/console/unit-admin.ts.
 */
import {
  AdminUnitQuery,
  ConfirmBody,
  FactView,
  UnitSettingsBody,
  UnitSettingsReply,
  VerificationQuery,
  VerificationReply,
} from "../../../shared/console/unit-admin.js";
import { route, noStore, type AnyRoute } from "../http/route-table.js";
import { confirmFact, listVerification, saveUnitSettings, unitSettings } from "../use-cases/unit-admin.js";

export function consoleUnitAdminRoutes(): AnyRoute[] {
  return [
    route({
      method: "get",
      path: "/",
      tag: "Administration",
      auth: "officer",
      may: "admin.unit",
      summary: "The unit's own settings: the office's name as citizens know it, address, telephone, office hours",
      query: AdminUnitQuery,
      response: { status: 200, schema: UnitSettingsReply, description: "The settings and what citizens see" },
      errors: ["forbidden", "admin_unit_not_found"],
      handler: ({ officer, query }, deps) => Promise.resolve(noStore(unitSettings(deps, officer, query.unitId))),
    }),
    route({
      method: "put",
      path: "/",
      tag: "Administration",
      auth: "officer",
      may: "admin.unit",
      summary: "Change the unit's own settings (dated, audited; the public answers follow at once)",
      body: UnitSettingsBody,
      response: { status: 200, schema: UnitSettingsReply, description: "Saved" },
      errors: ["forbidden", "admin_unit_not_found", "invalid_body"],
      handler: ({ officer, body }, deps) => saveUnitSettings(deps, officer, body),
    }),
  ];
}

export function consoleVerificationRoutes(): AnyRoute[] {
  return [
    route({
      method: "get",
      path: "/",
      tag: "Administration",
      auth: "officer",
      may: "admin.unit",
      summary: "Shipped facts marked for verification, with who may confirm each",
      query: VerificationQuery,
      response: { status: 200, schema: VerificationReply, description: "The facts" },
      errors: ["forbidden", "admin_unit_not_found"],
      handler: ({ officer, query }, deps) => Promise.resolve(noStore(listVerification(deps, officer, query))),
    }),
    route({
      method: "post",
      path: "/confirm",
      tag: "Administration",
      auth: "officer",
      may: "admin.unit",
      summary: "Confirm a fact against a document or URL (recorded with the person, audited)",
      body: ConfirmBody,
      response: { status: 200, schema: FactView, description: "The fact, confirmed" },
      errors: ["forbidden", "fact_not_found"],
      handler: ({ officer, body }, deps) => confirmFact(deps, officer, body),
    }),
  ];
}
