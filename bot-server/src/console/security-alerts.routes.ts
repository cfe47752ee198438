/**
 * /console/api/security/alerts: for the unit admin, the sign-in alerts of the last ALERT_DAYS days on their unit's
 * accounts (repeated wrong passwords, login-throttle.ts), so they can call the officer or change the password.
 */
import { Router, type Request, type Response } from "express";
import type { Deps } from "../deps.js";
import { listSignInAlerts } from "../store/audit.js";
import { sendError } from "../http/api-error.js";
import { may } from "../../../shared/officers/permissions.js";

const ALERT_DAYS = 7;

export function consoleSecurityAlertRoutes(deps: Deps): Router {
  const r = Router();
  r.get("/alerts", async (req: Request, res: Response) => {
    const o = req.console!.officer;
    if (!may(o, "security.read_alerts") || !o.unitId) return sendError(res, { code: "forbidden" });
    const since = new Date(deps.clock.now().getTime() - ALERT_DAYS * 86_400_000).toISOString();
    res.set("Cache-Control", "no-store").json({ alerts: await listSignInAlerts(deps.db, o.unitId, since) });
  });
  return r;
}
