/**
 * /console/api/workflow: the unit's workflow (three steps, or the counter officer submitting straight to the leader).
 * Every officer of the unit reads it; the unit administrator changes it (audited as a console setting).
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { UNIT_WORKFLOW_LABELS, UNIT_WORKFLOWS } from "../../../shared/dossier/unit-workflow.js";
import type { Deps } from "../deps.js";
import { nowOf } from "../use-cases/console-context.js";
import { readUnitWorkflow, writeUnitWorkflow } from "../use-cases/unit-workflow.js";
import { sendError } from "../http/api-error.js";
import { may, refusalOf } from "../../../shared/officers/permissions.js";

const Body = z.object({ workflow: z.enum(UNIT_WORKFLOWS, "Chọn một quy trình trong danh sách.") });
const options = UNIT_WORKFLOWS.map((id) => ({ id, label: UNIT_WORKFLOW_LABELS[id] }));

export function consoleWorkflowRoutes(deps: Deps): Router {
  const r = Router();
  r.get("/", async (req: Request, res: Response) => {
    const unitId = req.console!.officer.unitId;
    if (!unitId) return sendError(res, { code: "unit_unknown" });
    res.set("Cache-Control", "no-store").json({ workflow: await readUnitWorkflow(deps, unitId), options });
  });
  r.put("/", async (req: Request, res: Response) => {
    const officer = req.console!.officer;
    if (!may(officer, "workflow.edit") || !officer.unitId) {
      return sendError(res, { code: "forbidden", message: refusalOf("workflow.edit") });
    }
    const body = Body.safeParse(req.body ?? {});
    if (!body.success) return sendError(res, { code: "invalid_body", fields: body.error.issues.map((i) => ({ path: "workflow", message: i.message })) });
    await writeUnitWorkflow(deps, officer.unitId, body.data.workflow, nowOf(deps).iso, officer.id);
    res.json({ workflow: body.data.workflow, options });
  });
  return r;
}
