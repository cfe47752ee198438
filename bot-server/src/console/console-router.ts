/**
 * The officer console at /console: the JSON API under /console/api (session cookie + CSRF header), the citizen
 * mirror's endpoints under /console/mirror/api (authorised by the pairing code and its token), and the React
 * front-end (built on first use when missing or stale, see console-app/build.ts).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { Router, type NextFunction, type Request, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import { z } from "zod";
import { CONSOLE_DIST_DIR, ensureConsoleBuilt } from "../../console-app/build.js";
import type { Deps } from "../deps.js";
import { htmlPage } from "../http/html-page.js";
import { jsonBody } from "../http/json-body.js";
import { consoleApi } from "./console-api.js";
import { sendConsoleError } from "./console-errors.js";
import { createMirrorHub, type MirrorHub, type MirrorSync } from "./mirror-hub.js";
import { consoleChatbotRoutes } from "./chatbot.routes.js";
import { consoleConversationRoutes } from "./conversations.routes.js";
import { consoleDataRequestRoutes } from "./data-requests.routes.js";
import { consoleFeedbackRoutes } from "./feedback.routes.js";
import { consoleOfficeContactRoutes } from "./office-contact.routes.js";
import { consoleReportRoutes } from "./reports.routes.js";
import { consoleNotificationRoutes } from "./notifications.routes.js";
import { consoleSecurityAlertRoutes } from "./security-alerts.routes.js";
import { idleMsOf, loadSession, requireCsrf, requireOfficer } from "./session-auth.js";
import { findSessionById } from "../store/sessions.js";
import { consoleWorkflowRoutes } from "./workflow.routes.js";
import { consoleZaloRoutes } from "./zalo.routes.js";

export interface ConsoleRouterOptions {
  mirror?: MirrorHub;
  /** Several instances: replays mirror changes across them (console/mirror-sync.ts). */
  mirrorSync?: MirrorSync;
  /** Build the front-end in the background at start when it is missing or stale (default: not under NODE_ENV=test). */
  buildAtStart?: boolean;
}

export function consoleRouter(deps: Deps, options: ConsoleRouterOptions = {}): Router {
  const mirror = options.mirror ?? createMirrorHub(() => deps.clock.now().getTime(), {
    sessionAlive: async (sessionId) => {
      const now = deps.clock.now();
      return (await findSessionById(deps.db, sessionId, now.toISOString(), new Date(now.getTime() - idleMsOf(deps)).toISOString())) !== undefined;
    },
    sync: options.mirrorSync,
  });
  const router = Router();
  const json = jsonBody();
  router.use("/api/feedback", json, loadSession(deps), requireCsrf, requireOfficer, consoleFeedbackRoutes(deps));
  router.use("/api/office-contact", json, loadSession(deps), requireCsrf, requireOfficer, consoleOfficeContactRoutes(deps));
  router.use("/api/notifications", json, loadSession(deps), requireCsrf, requireOfficer, consoleNotificationRoutes(deps));
  router.use("/api/chatbot", json, loadSession(deps), requireCsrf, requireOfficer, consoleChatbotRoutes(deps));
  router.use("/api/conversations", json, loadSession(deps), requireCsrf, requireOfficer, consoleConversationRoutes(deps));
  router.use("/api/data-requests", json, loadSession(deps), requireCsrf, requireOfficer, consoleDataRequestRoutes(deps));
  router.use("/api/security", json, loadSession(deps), requireCsrf, requireOfficer, consoleSecurityAlertRoutes(deps));
  router.use("/api/workflow", json, loadSession(deps), requireCsrf, requireOfficer, consoleWorkflowRoutes(deps));
  router.use("/api/zalo", json, loadSession(deps), requireCsrf, requireOfficer, consoleZaloRoutes(deps));
  router.use("/api/reports", json, loadSession(deps), requireCsrf, requireOfficer, consoleReportRoutes(deps));
  router.use("/api", json, loadSession(deps), requireCsrf, consoleApi(deps, mirror));
  router.use("/mirror/api", json, mirrorApi(mirror));
  router.use("/mirror/api", (_req, res) => sendConsoleError(res, { code: "mirror_not_found" }));
  router.use("/api", (_req, res) => sendConsoleError(res, { code: "not_found", message: "Không có địa chỉ này." }));
  router.use(frontEnd(deps, options.buildAtStart ?? deps.config.NODE_ENV !== "test"));
  router.use(consoleErrorHandler(deps));
  return router;
}

const JoinBody = z.object({ code: z.string().regex(/^\d{6}$/) });
const ConfirmBody = z.object({ token: z.string().min(10).max(100), version: z.number().int().positive() });

function mirrorApi(mirror: MirrorHub): Router {
  const router = Router();
  // The pairing code is short: guessing is slowed per address.
  router.use(rateLimit({ windowMs: 60_000, limit: 30, standardHeaders: "draft-7", legacyHeaders: false, handler: (_q, res) => sendConsoleError(res, { code: "mirror_not_found" }) }));
  router.post("/join", (req, res) => {
    const b = JoinBody.safeParse(req.body);
    const joined = b.success ? mirror.join(b.data.code, req.get("user-agent")) : undefined;
    if (!joined?.ok) return sendConsoleError(res, { code: joined?.reason === "already_joined" ? "mirror_already_joined" : "mirror_not_found" });
    res.json({ token: joined.token });
  });
  router.get("/events", (req, res) => {
    const token = typeof req.query.token === "string" ? req.query.token : "";
    if (!mirror.subscribeMirror(token, res)) sendConsoleError(res, { code: "mirror_not_found" });
  });
  router.post("/confirm", (req, res) => {
    const b = ConfirmBody.safeParse(req.body);
    if (!b.success || !mirror.confirm(b.data.token, b.data.version)) {
      return sendConsoleError(res, { code: "mirror_not_found", message: "Nội dung vừa thay đổi, vui lòng kiểm tra lại rồi xác nhận." });
    }
    res.json({ ok: true });
  });
  return router;
}

function frontEnd(deps: Deps, buildAtStart: boolean): Router {
  const router = Router();
  if (buildAtStart) {
    ensureConsoleBuilt().catch((e: unknown) => deps.log.error({ err: { message: e instanceof Error ? e.message : String(e) } }, "console build failed"));
  }
  const index = join(CONSOLE_DIST_DIR, "index.html");
  const assets = express.static(CONSOLE_DIST_DIR, { index: false, maxAge: "1h", fallthrough: true });
  router.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      await ensureConsoleBuilt();
    } catch (e) {
      deps.log.error({ err: { message: e instanceof Error ? e.message : String(e) } }, "console build failed");
      if (!existsSync(index)) {
        res.status(503).type("html").send(htmlPage("Bàn làm việc Một cửa", "<h1>Giao diện cán bộ chưa được đóng gói</h1><p>Chạy <code>npx tsx bot-server/console-app/build.ts</code> rồi tải lại trang.</p>"));
        return;
      }
    }
    next();
  });
  router.use(assets);
  router.get("/{*rest}", (req, res, next) => {
    if (/\.[a-z0-9]{1,8}$/i.test(req.path)) return next();
    res.set("Cache-Control", "no-cache").sendFile(index);
  });
  router.get("/", (_req, res) => res.set("Cache-Control", "no-cache").sendFile(index));
  return router;
}

function consoleErrorHandler(deps: Deps) {
  return (err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = (err as { status?: number })?.status;
    if (status && status >= 400 && status < 500) return sendConsoleError(res, { code: "invalid_body" });
    deps.log.error({ reqId: req.id, err: { name: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack } }, "console error");
    sendConsoleError(res, { code: "internal_error" });
  };
}
