/**
 * /console/api/admin/plans: the scheme plans of the province (use-cases/plans-admin.ts, docs/admin/plans.md) as
 * route-table rows (http/route-table.ts) with the schemas of shared/console/plans.ts. The province administrator
 * lists, reads and enters new versions; a unit's administrator sets the unit's participation.
 */
import {
  ParticipationBody,
  ParticipationQuery,
  ParticipationReply,
  PlanListReply,
  PlanParams,
  PlanVersionBody,
  PlanVersionReply,
  PlanView,
} from "../../../shared/console/plans.js";
import { route, noStore, type AnyRoute } from "../http/route-table.js";
import {
  createPlanVersion,
  listPlans,
  readPlan,
  readUnitParticipation,
  setUnitParticipation,
} from "../use-cases/plans-admin.js";

export function consolePlanRoutes(): AnyRoute[] {
  return [
    route({
      method: "get",
      path: "/",
      tag: "Administration",
      auth: "officer",
      may: "admin.province",
      summary: "The scheme plans covering the province's units: current, past and future versions",
      response: { status: 200, schema: PlanListReply, description: "Newest version first" },
      errors: ["forbidden"],
      handler: async ({ officer }, deps) => noStore(await listPlans(deps, officer)),
    }),
    // Before "/:id": the unit's participation.
    route({
      method: "get",
      path: "/participation",
      tag: "Administration",
      auth: "officer",
      may: "admin.unit",
      query: ParticipationQuery,
      summary: "Whether a unit takes part in the province's plan, today and from which dates",
      response: { status: 200, schema: ParticipationReply, description: "The unit's participation" },
      errors: ["forbidden", "invalid_body"],
      handler: async ({ officer, query }, deps) => noStore(await readUnitParticipation(deps, officer, query.unitId)),
    }),
    route({
      method: "put",
      path: "/participation",
      tag: "Administration",
      auth: "officer",
      may: "admin.unit",
      bodyOptional: true,
      summary: "From a date after today, the unit takes part (or not) in the province's plan (audited)",
      body: ParticipationBody,
      response: { status: 200, schema: ParticipationReply, description: "Saved; the public answers follow" },
      errors: ["forbidden", "invalid_body"],
      handler: ({ officer, body }, deps) => setUnitParticipation(deps, officer, body),
    }),
    route({
      method: "get",
      path: "/:id",
      tag: "Administration",
      auth: "officer",
      may: "admin.province",
      params: PlanParams,
      summary: "One plan version",
      response: { status: 200, schema: PlanView, description: "The plan" },
      errors: ["forbidden", "plan_not_found"],
      handler: async ({ officer, params }, deps) => noStore(await readPlan(deps, officer, params.id)),
    }),
    route({
      method: "post",
      path: "/:id/versions",
      tag: "Administration",
      auth: "officer",
      may: "admin.province",
      params: PlanParams,
      bodyOptional: true,
      summary: "A new version of the plan from a date after today; the version :id ends the day before (audited)",
      body: PlanVersionBody,
      response: { status: 201, schema: PlanVersionReply, description: "The new version and the ended one" },
      errors: ["forbidden", "plan_not_found", "plan_invalid"],
      handler: ({ officer, params, body }, deps) => createPlanVersion(deps, officer, params.id, body),
    }),
  ];
}
