/**
 * /console/api. Every route but session and login needs a signed-in officer; every state change needs the
 * CSRF header (session-auth.ts). Every route is a row of a route table (session.routes.ts, console-routes.ts),
 * documented at /console/api/openapi.json, but the officer's mirror stream (server-sent events).
 */
import { Router } from "express";
import type { Deps } from "../deps.js";
import { buildOpenApi } from "../api/openapi.js";
import { mountRoutes, type AnyRoute } from "../http/route-table.js";
import { consoleRoutes } from "./console-routes.js";
import type { MirrorHub } from "./mirror-hub.js";
import { requireOfficer } from "./session-auth.js";
import { sessionRoutes, signInRoutes } from "./session.routes.js";

const CONSOLE_API = {
  title: "Khong Hen officer console API",
  description:
    "The officer console at /console: session cookie (POST /console/api/login) and X-CSRF-Token on every state change. " +
    "x-permission names the action of the permissions table that the route requires. Errors: { error: { code, message (Vietnamese), detail (English), fields? } }.",
};

/** `areaRoutes`: the route tables mounted under their own prefix (console-router.ts), documented here too. */
export function consoleApi(deps: Deps, mirror: MirrorHub, areaRoutes: AnyRoute[] = []): Router {
  const r = Router();
  const open = signInRoutes();
  mountRoutes(r, open, deps);
  r.use(requireOfficer);
  const session = sessionRoutes(mirror);
  mountRoutes(r, session, deps);

  const routes = consoleRoutes(mirror);
  let openApi: unknown;
  r.get("/openapi.json", (_req, res) => {
    openApi ??= buildOpenApi([...open, ...session, ...routes, ...areaRoutes], {
      version: "0.1.0",
      serverUrl: deps.config.PUBLIC_BASE_URL,
      prefix: "/console/api",
      ...CONSOLE_API,
    });
    res.json(openApi);
  });
  // The counter's work (board, intake, dossiers) runs on the training clock while the unit trains; settings do not.
  mountRoutes(r, routes, deps, undefined, { trainingClock: (spec) => spec.tag !== "Settings" });

  // The officer's live view of the paired screen (server-sent events).
  r.get("/mirror/events", (req, res) => {
    mirror.subscribeOfficer(req.console!.sessionId, res);
  });

  return r;
}
