/**
 * /console/api sign-in and session routes as route-table rows (http/route-table.ts) with the schemas of
 * shared/console/officers.ts. `signInRoutes` answer anyone (the session, the sign-in); `sessionRoutes` need a
 * signed-in officer (their password, keeping the session, signing out). Cookies and the checks are session-auth.ts.
 */
import { trainingBanner, trainingOf } from "../use-cases/training.js";
import type { Request } from "express";
import { rateLimit } from "express-rate-limit";
import { DoneReply, IdleReply, LoginBody, PasswordBody, SessionReply } from "../../../shared/console/officers.js";
import type { Deps } from "../deps.js";
import { sendError } from "../http/api-error.js";
import { route, NO_STORE, type AnyRoute } from "../http/route-table.js";
import { createLoginThrottle } from "./login-throttle.js";
import type { MirrorHub } from "./mirror-hub.js";
import {
  changeOwnPassword,
  endedSessionCookie,
  endSession,
  freshIdle,
  idleInfo,
  login,
  sessionCookie,
  sessionOf,
} from "./session-auth.js";

const LOGINS_PER_MINUTE = 30;

export function signInRoutes(): AnyRoute[] {
  const throttle = createLoginThrottle();
  const loginLimit = rateLimit({
    windowMs: 60_000,
    limit: LOGINS_PER_MINUTE,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    handler: (_q, res) =>
      sendError(res, { code: "login_throttled", message: "Thao tác đăng nhập quá nhanh, vui lòng thử lại sau." }),
  });
  return [
    route({
      method: "get",
      path: "/session",
      tag: "Session",
      summary: "Who is signed in and the CSRF token; before sign-in a pre-session CSRF token (cookie and body)",
      response: { status: 200, schema: SessionReply, description: "The session, or officer null" },
      errors: [],
      handler({ req }, deps) {
        const { reply, preCsrfCookie } = sessionOf(deps, req);
        return {
          ok: true,
          value: reply,
          headers: preCsrfCookie ? { ...NO_STORE, "Set-Cookie": preCsrfCookie } : NO_STORE,
        };
      },
    }),
    route({
      method: "post",
      path: "/login",
      tag: "Session",
      before: [loginLimit],
      bodyOptional: true,
      body: LoginBody,
      summary: "Sign in (user name and password); sets the session cookie",
      response: { status: 200, schema: SessionReply, description: "Signed in" },
      errors: ["bad_credentials", "login_throttled"],
      async handler({ req, body }, deps) {
        const address = req.ip ?? "unknown";
        const r = await login(deps, body.username, body.password, address, throttle);
        if (!r.ok && r.code === "login_throttled") {
          const wait = throttle.waitSeconds(body.username, address, deps.clock.now().getTime());
          const retryAfter: Record<string, string> = { "Retry-After": String(wait) };
          return { ...r, headers: retryAfter };
        }
        if (!r.ok) return r;
        const training = await trainingOf(deps, r.officer.unitId);
        return {
          ok: true,
          value: {
            officer: r.officer,
            csrfToken: r.csrfToken,
            mustChangePassword: r.mustChangePassword,
            idle: freshIdle(deps),
            ...(training ? { training: trainingBanner(training) } : {}),
          },
          headers: { ...NO_STORE, "Set-Cookie": sessionCookie(deps, r.token) },
        };
      },
    }),
  ];
}

export function sessionRoutes(mirror: MirrorHub): AnyRoute[] {
  const idle = (req: Request, deps: Deps) => ({
    ok: true as const,
    value: { idle: idleInfo(deps, req.console!) },
    headers: NO_STORE,
  });
  return [
    route({
      method: "post",
      path: "/password",
      tag: "Session",
      auth: "officer",
      bodyOptional: true,
      body: PasswordBody,
      summary: "Change the officer's own password (ends a one-time password; audited)",
      response: { status: 200, schema: DoneReply, description: "Changed" },
      errors: ["bad_credentials"],
      handler: ({ officer, body }, deps) => changeOwnPassword(deps, officer, body.current, body.next),
    }),
    // "Tiếp tục làm việc" in the idle warning, and the console's note of typing that made no request: activity.
    route({
      method: "post",
      path: "/session/keep-alive",
      tag: "Session",
      auth: "officer",
      summary: "Keep the session (the officer is active)",
      response: { status: 200, schema: IdleReply, description: "When the session now ends" },
      errors: [],
      handler: ({ req }, deps) => idle(req, deps),
    }),
    // Asked in the background when the console's own count says the session is over: 401 if it is.
    route({
      method: "get",
      path: "/session/state",
      tag: "Session",
      auth: "officer",
      summary: "Whether the session is still alive, and when it ends",
      response: { status: 200, schema: IdleReply, description: "When the session ends" },
      errors: [],
      handler: ({ req }, deps) => idle(req, deps),
    }),
    // Signing out ends the citizen screen paired to this session.
    route({
      method: "post",
      path: "/logout",
      tag: "Session",
      auth: "officer",
      summary: "Sign out (ends the paired citizen screen)",
      response: { status: 200, schema: DoneReply, description: "Signed out" },
      errors: [],
      async handler({ sessionId }, deps) {
        mirror.end(sessionId, "session_ended");
        await endSession(deps, sessionId);
        return { ok: true, value: { ok: true }, headers: { "Set-Cookie": endedSessionCookie(deps) } };
      },
    }),
  ];
}
