/** GET /healthz: 200 {"status":"ok"} when the database answers, 503 {"status":"unavailable"} otherwise. */
import type { Request, Response } from "express";
import type { Deps } from "../deps.js";

export function healthHandler(deps: Pick<Deps, "database">) {
  return async (_req: Request, res: Response) => {
    const up = await deps.database.ping();
    res.status(up ? 200 : 503).set("Cache-Control", "no-store").json({ status: up ? "ok" : "unavailable" });
  };
}
