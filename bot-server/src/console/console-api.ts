/**
 * /console/api. Every route but session and login needs a signed-in officer; every state change needs the
 * CSRF header (session-auth.ts). Sign-in, the session's own routes and the officer's mirror stream are here; every
 * other route is a row of the console route table (console-routes.ts), documented at /console/api/openapi.json.
 */
import { Router } from "express";
import { rateLimit } from "express-rate-limit";
import type { Deps } from "../deps.js";
import { buildOpenApi } from "../api/openapi.js";
import { sendError } from "../http/api-error.js";
import { mountRoutes, type AnyRoute } from "../http/route-table.js";
import { consoleRoutes } from "./console-routes.js";
import type { MirrorHub } from "./mirror-hub.js";
import {
  changePasswordHandler,
  idleInfo,
  loginHandler,
  logoutHandler,
  requireOfficer,
  sessionInfo,
} from "./session-auth.js";

const CONSOLE_API = {
  title: "Khong Hen officer console API",
  description:
    "The officer console at /console: session cookie (POST /console/api/login) and X-CSRF-Token on every state change. " +
    "x-permission names the action of the permissions table that the route requires. Errors: { error: { code, message (Vietnamese), detail (English), fields? } }.",
};

/** `areaRoutes`: the route tables mounted under their own prefix (console-router.ts), documented here too. */
export function consoleApi(deps: Deps, mirror: MirrorHub, areaRoutes: AnyRoute[] = []): Router {
  const r = Router();
  const loginLimit = rateLimit({
    windowMs: 60_000,
    limit: 30,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    handler: (_q, res) =>
      sendError(res, { code: "login_throttled", message: "Thao tác đăng nhập quá nhanh, vui lòng thử lại sau." }),
  });
  r.get("/session", sessionInfo(deps));
  r.post("/login", loginLimit, loginHandler(deps));
  r.use(requireOfficer);
  r.post("/password", changePasswordHandler(deps));
  // "Tiếp tục làm việc" in the idle warning, and the console's note of typing that made no request: activity.
  r.post("/session/keep-alive", (req, res) => {
    res.set("Cache-Control", "no-store").json({ idle: idleInfo(deps, req.console!) });
  });
  // Asked in the background when the console's own count says the session is over: 401 if it is.
  r.get("/session/state", (req, res) => {
    res.set("Cache-Control", "no-store").json({ idle: idleInfo(deps, req.console!) });
  });
  // Signing out ends the citizen screen paired to this session.
  r.post(
    "/logout",
    (req, _res, next) => {
      mirror.end(req.console!.sessionId, "session_ended");
      next();
    },
    logoutHandler(deps),
  );

  const routes = consoleRoutes(mirror);
  let openApi: unknown;
  r.get("/openapi.json", (_req, res) => {
    openApi ??= buildOpenApi([...routes, ...areaRoutes], {
      version: "0.1.0",
      serverUrl: deps.config.PUBLIC_BASE_URL,
      prefix: "/console/api",
      ...CONSOLE_API,
    });
    res.json(openApi);
  });
  mountRoutes(r, routes, deps);

  // The officer's live view of the paired screen (server-sent events).
  r.get("/mirror/events", (req, res) => {
    mirror.subscribeOfficer(req.console!.sessionId, res);
  });

  return r;
}
