/**
 * /console/api/reports: the report of a period/unit/procedure, the dossiers behind a figure, the annual review and
 * the units the officer may report on. Parse (shared/reports/api.ts) → use case (use-cases/reports.ts) → respond.
 */
import { Router, type Request, type Response } from "express";
import type { z } from "zod";
import { DrillDownRequest, ReportQuery, ReviewQuery } from "../../../shared/reports/api.js";
import type { Deps } from "../deps.js";
import { annualReview, buildReport, drillDown, reportUnits } from "../use-cases/reports.js";
import type { Checked } from "../use-cases/intake-input.js";
import { sendError } from "../http/api-error.js";

function parse<T>(schema: z.ZodType<T>, req: Request, res: Response): T | undefined {
  const p = schema.safeParse(req.query);
  if (p.success) return p.data;
  sendError(res, {
    code: "invalid_body",
    fields: p.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
  });
  return undefined;
}

function respond<T>(res: Response, out: Checked<T>): void {
  if (!out.ok) return sendError(res, out);
  res.set("Cache-Control", "no-store").json(out.value);
}

export function consoleReportRoutes(deps: Deps): Router {
  const r = Router();
  r.get("/", async (req, res) => {
    const q = parse(ReportQuery, req, res);
    if (q) respond(res, await buildReport(deps, req.console!.officer, q));
  });
  r.get("/dossiers", async (req, res) => {
    const q = parse(DrillDownRequest, req, res);
    if (q) respond(res, await drillDown(deps, req.console!.officer, q));
  });
  r.get("/review", async (req, res) => {
    const q = parse(ReviewQuery, req, res);
    if (q) respond(res, await annualReview(deps, req.console!.officer, q.year));
  });
  r.get("/units", (req, res) => respond(res, reportUnits(deps, req.console!.officer)));
  return r;
}
