/**
 * createApp(deps): the Express application, without listen() (bot-server/src/server.ts makes the HTTP server).
 * Surfaces other modules own are mounted at the lines marked "MOUNT": the officer console (bot-server/src/console/)
 * and the Zalo webhook (bot-server/src/zalo/), which needs the raw body and therefore sits before any JSON parser.
 */
import { favicon } from "./http/favicon.js";
import express, { Router, type Express } from "express";
import { buildOpenApi } from "./api/openapi.js";
import { apiRoutes } from "./api/routes.js";
import type { Deps } from "./deps.js";
import { createCitizenAuth } from "./identity/citizen-auth.js";
import { sendError } from "./http/api-error.js";
import { refuseControlCharacters } from "./http/control-characters.js";
import { errorHandler } from "./http/error-handler.js";
import { healthHandler, readinessHandler } from "./http/health.js";
import { miniAppFirstBuild } from "./http/mini-app-build.js";
import { MINI_APP_WWW, RUNNING_COMPILED } from "./app-paths.js";
import { jsonBody } from "./http/json-body.js";
import { metricsHandler } from "./metrics/metrics-handler.js";
import { miniAppStatic } from "./http/mini-app-static.js";
import { consoleRouter } from "./console/console-router.js";
import type { MirrorSync } from "./console/mirror-hub.js";
import { corsForOrigins } from "./http/cors.js";
import { requestContext } from "./http/request-context.js";
import { mountRoutes } from "./http/route-table.js";
import { publicRateLimit, securityHeaders } from "./http/security.js";
import { staticCompression } from "./http/static-compression.js";
import { statusPageRouter } from "./http/status-page.js";
import { testClockRouter } from "./http/test-clock.js";
import { unitPagesRouter } from "./outreach/unit-pages.routes.js";
import { WEBHOOK_PATH, zaloWebhook } from "./zalo/webhook.routes.js";

const VERSION = "0.1.0";

export interface AppOptions {
  /** Directory of the mini-app web build served at /m/. */
  miniAppDir?: string;
  /** Several instances (main.ts with REDIS_URL): the citizen mirror's changes go through Redis to the others. */
  mirrorSync?: MirrorSync;
}

export function createApp(deps: Deps, options: AppOptions = {}): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.set("trust proxy", deps.config.TRUST_PROXY);
  app.set("query parser", "simple");

  app.use(requestContext(deps.log));
  app.use(securityHeaders());
  app.use(refuseControlCharacters());

  // MOUNT: Zalo OA webhook, before any JSON parser: it reads its raw body (the signature covers the exact bytes).
  app.all(WEBHOOK_PATH, ...zaloWebhook(deps));

  app.get("/healthz", healthHandler());
  app.get("/readyz", readinessHandler(deps));
  app.get("/metrics", metricsHandler(deps));
  if (deps.config.TEST_CLOCK && deps.testClock) app.use("/__test/clock", testClockRouter(deps.testClock));
  domainVerification(app, deps.config.ZALO_DOMAIN_VERIFICATION);
  favicon(app);

  const limit = publicRateLimit(
    deps.config.RATE_LIMIT_PER_MINUTE,
    deps.redis
      ? { redis: deps.redis, prefix: `${deps.config.NOTIFY_QUEUE_PREFIX}:rate:public:`, log: deps.log }
      : undefined,
  );
  app.use("/api", corsForOrigins(deps.config.CORS_ORIGINS), limit, apiRouter(deps));
  app.use("/tra-cuu", limit, statusPageRouter(deps));
  app.use("/don-vi", limit, unitPagesRouter(deps));

  // MOUNT: officer console (its own sessions and CSRF handling).
  app.use(
    "/console",
    staticCompression(["/api", "/mirror/api"]),
    consoleRouter(deps, options.mirrorSync ? { mirrorSync: options.mirrorSync } : {}),
  );

  // Development and a fresh clone build the mini-app at first start (compiled code and NODE_ENV=production never do:
  // the build would take the CPU the requests need).
  const buildMiniApp = !options.miniAppDir && !RUNNING_COMPILED && deps.config.NODE_ENV === "development";
  app.use(
    "/m",
    staticCompression(),
    ...(buildMiniApp ? [miniAppFirstBuild(MINI_APP_WWW, deps.log)] : []),
    miniAppStatic(options.miniAppDir ?? MINI_APP_WWW),
  );
  app.get("/", (_req, res) => res.redirect(302, "/tra-cuu"));

  app.use((_req, res) => sendError(res, { code: "not_found" }));
  app.use(errorHandler(deps.log, deps.database));
  return app;
}

function apiRouter(deps: Deps): Router {
  const router = Router();
  router.use(jsonBody());
  mountRoutes(router, apiRoutes, deps, createCitizenAuth(deps));
  const openapi = buildOpenApi(apiRoutes, { version: VERSION, serverUrl: deps.config.PUBLIC_BASE_URL });
  router.get("/openapi.json", (_req, res) => res.json(openapi));
  router.use((_req, res) => sendError(res, { code: "not_found" }));
  return router;
}

/** Zalo's domain check fetches a verification file at the site root (docs/zalo.md#pitfalls). */
function domainVerification(app: Express, setting: string | undefined): void {
  if (!setting) return;
  const colon = setting.indexOf(":");
  const file = setting.slice(0, colon);
  const content = setting.slice(colon + 1);
  app.get(`/${file}`, (_req, res) => res.type(file.endsWith(".txt") ? "text" : "html").send(content));
}
