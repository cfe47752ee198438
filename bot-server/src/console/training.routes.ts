/**
 * /console/api/admin/training/:unitId: a unit's training mode (use-cases/training.ts, docs/admin/training.md), for
 * its unit administrator or the province administrator, as route-table rows (http/route-table.ts) with the schemas
 * of shared/console/training.ts.
 */
import {
  TrainingParams,
  TrainingResetBody,
  TrainingResetReply,
  TrainingState,
  TrainingSwitchBody,
} from "../../../shared/console/training.js";
import { route, noStore, type AnyRoute } from "../http/route-table.js";
import { readTraining, resetTraining, switchTraining } from "../use-cases/training.js";

export function consoleTrainingRoutes(): AnyRoute[] {
  return [
    route({
      method: "get",
      path: "/:unitId",
      tag: "Training",
      auth: "officer",
      may: "admin.unit",
      params: TrainingParams,
      summary: "A unit's training mode: on or off, the training day and clock, its training dossiers",
      response: { status: 200, schema: TrainingState, description: "The training mode" },
      errors: ["forbidden", "unit_not_found"],
      handler: async ({ officer, params }, deps) => noStore(await readTraining(deps, officer, params.unitId)),
    }),
    route({
      method: "put",
      path: "/:unitId",
      tag: "Training",
      auth: "officer",
      may: "admin.unit",
      params: TrainingParams,
      bodyOptional: true,
      summary: "Switch the unit's training mode on (clock at 08:00 of the next scheme day) or off (audited)",
      body: TrainingSwitchBody,
      response: { status: 200, schema: TrainingState, description: "Saved" },
      errors: ["forbidden", "unit_not_found", "training_no_scheme_day"],
      handler: ({ officer, params, body }, deps) =>
        switchTraining(deps, officer, params.unitId, body.active, body.reason),
    }),
    route({
      method: "post",
      path: "/:unitId/reset",
      tag: "Training",
      auth: "officer",
      may: "admin.unit",
      params: TrainingParams,
      bodyOptional: true,
      summary: "Delete the unit's training dossiers and restart the training clock (audited)",
      body: TrainingResetBody,
      response: { status: 200, schema: TrainingResetReply, description: "Reset" },
      errors: ["forbidden", "unit_not_found", "training_no_scheme_day"],
      handler: ({ officer, params, body }, deps) => resetTraining(deps, officer, params.unitId, body.reason),
    }),
  ];
}
