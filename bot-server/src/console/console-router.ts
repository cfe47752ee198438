/**
 * The officer console at /console: the JSON API under /console/api (session cookie + CSRF header), the citizen
 * mirror's endpoints under /console/mirror/api (authorised by the pairing code and its token), and the React
 * front-end (`npm run build:console`, served by http/console-front-end.ts).
 */
import { Router, type NextFunction, type Request, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import { z } from "zod";
import type { Deps } from "../deps.js";
import { consoleFrontEnd } from "../http/console-front-end.js";
import { jsonBody } from "../http/json-body.js";
import { mountRoutes, type AnyRoute } from "../http/route-table.js";
import { consoleApi } from "./console-api.js";
import { sendError } from "../http/api-error.js";
import { createMirrorHub, type MirrorHub, type MirrorSync } from "./mirror-hub.js";
import { consoleAccountRoutes } from "./accounts.routes.js";
import { consoleChatbotRoutes } from "./chatbot.routes.js";
import { consoleConversationRoutes } from "./conversations.routes.js";
import { consoleDataRequestRoutes } from "./data-requests.routes.js";
import { consoleOfficeContactRoutes } from "./office-contact.routes.js";
import { consoleReportExportRoutes } from "./report-exports.routes.js";
import { consoleReportRoutes } from "./reports.routes.js";
import { consoleNotificationRoutes } from "./notifications.routes.js";
import { idleMsOf, loadSession, requireCsrf, requireOfficer } from "./session-auth.js";
import { findSessionById } from "../store/sessions.js";
import { consoleZaloRoutes } from "./zalo.routes.js";

export interface ConsoleRouterOptions {
  mirror?: MirrorHub;
  /** Several instances: replays mirror changes across them (console/mirror-sync.ts). */
  mirrorSync?: MirrorSync;
  /** Run the console build at start when running from sources (default: under NODE_ENV=development). */
  buildAtStart?: boolean;
}

export function consoleRouter(deps: Deps, options: ConsoleRouterOptions = {}): Router {
  const mirror =
    options.mirror ??
    createMirrorHub(() => deps.clock.now().getTime(), {
      sessionAlive: async (sessionId) => {
        const now = deps.clock.now();
        return (
          (await findSessionById(
            deps.db,
            sessionId,
            now.toISOString(),
            new Date(now.getTime() - idleMsOf(deps)).toISOString(),
          )) !== undefined
        );
      },
      sync: options.mirrorSync,
    });
  const router = Router();
  const json = jsonBody();
  // Each area is a route table under its own prefix, behind the session, CSRF and sign-in checks.
  const areas = consoleAreas();
  for (const area of areas) {
    const tables = Router();
    mountRoutes(tables, area.routes, deps);
    router.use(`/api${area.prefix}`, json, loadSession(deps), requireCsrf, requireOfficer, tables);
  }
  router.use("/api", json, loadSession(deps), requireCsrf, consoleApi(deps, mirror, areas.flatMap(documented)));
  router.use("/mirror/api", json, mirrorApi(mirror));
  router.use("/mirror/api", (_req, res) => sendError(res, { code: "mirror_not_found" }));
  router.use("/api", (_req, res) => sendError(res, { code: "not_found" }));
  const nodeEnv = deps.config.NODE_ENV;
  router.use(
    consoleFrontEnd(deps.log, {
      build: nodeEnv !== "production",
      buildAtStart: options.buildAtStart ?? nodeEnv === "development",
    }),
  );
  router.use(consoleErrorHandler(deps));
  return router;
}

interface ConsoleArea {
  /** Under /console/api. */
  prefix: string;
  routes: AnyRoute[];
}

/** The console's areas with their own prefix: route tables (http/route-table.ts) like the rest of /console/api. */
function consoleAreas(): ConsoleArea[] {
  return [
    { prefix: "/office-contact", routes: consoleOfficeContactRoutes() },
    { prefix: "/notifications", routes: consoleNotificationRoutes() },
    { prefix: "/chatbot", routes: consoleChatbotRoutes() },
    { prefix: "/conversations", routes: consoleConversationRoutes() },
    { prefix: "/data-requests", routes: consoleDataRequestRoutes() },
    { prefix: "/zalo", routes: consoleZaloRoutes() },
    { prefix: "/reports", routes: consoleReportRoutes() },
    { prefix: "/report-exports", routes: consoleReportExportRoutes() },
    { prefix: "/admin/accounts", routes: consoleAccountRoutes() },
  ];
}

/** An area's routes as /console/api/openapi.json documents them: the path under /console/api. */
const documented = (area: ConsoleArea): AnyRoute[] =>
  area.routes.map((r) => ({ ...r, path: r.path === "/" ? area.prefix : `${area.prefix}${r.path}` }));

const JoinBody = z.object({ code: z.string().regex(/^\d{6}$/) });
const ConfirmBody = z.object({ token: z.string().min(10).max(100), version: z.number().int().positive() });

function mirrorApi(mirror: MirrorHub): Router {
  const router = Router();
  // The pairing code is short: guessing is slowed per address.
  router.use(
    rateLimit({
      windowMs: 60_000,
      limit: 30,
      standardHeaders: "draft-7",
      legacyHeaders: false,
      handler: (_q, res) => sendError(res, { code: "mirror_not_found" }),
    }),
  );
  router.post("/join", (req, res) => {
    const b = JoinBody.safeParse(req.body);
    const joined = b.success ? mirror.join(b.data.code, req.get("user-agent")) : undefined;
    if (!joined?.ok)
      return sendError(res, {
        code: joined?.reason === "already_joined" ? "mirror_already_joined" : "mirror_not_found",
      });
    res.json({ token: joined.token });
  });
  router.get("/events", (req, res) => {
    const token = typeof req.query.token === "string" ? req.query.token : "";
    if (!mirror.subscribeMirror(token, res)) sendError(res, { code: "mirror_not_found" });
  });
  router.post("/confirm", (req, res) => {
    const b = ConfirmBody.safeParse(req.body);
    if (!b.success || !mirror.confirm(b.data.token, b.data.version)) {
      return sendError(res, {
        code: "mirror_not_found",
        message: "Nội dung vừa thay đổi, vui lòng kiểm tra lại rồi xác nhận.",
      });
    }
    res.json({ ok: true });
  });
  return router;
}

function consoleErrorHandler(deps: Deps) {
  return (err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = (err as { status?: number })?.status;
    if (status && status >= 400 && status < 500) return sendError(res, { code: "invalid_body" });
    deps.log.error(
      {
        reqId: req.id,
        err: { name: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack },
      },
      "console error",
    );
    sendError(res, { code: "internal_error" });
  };
}
