/**
 * Console sign-in: argon2id password check (@node-rs/argon2, OWASP parameters, docs/architecture.md#technology-choices), throttling per
 * (user name, client address) with growing delays and no account lock-out (login-throttle.ts), the same answer for
 * unknown names, disabled accounts and wrong passwords, an alert to the unit admin after repeated failures on an
 * account, server-side sessions behind an HttpOnly SameSite=Strict
 * cookie (the table keeps only the token's hash), and a CSRF token required on every state-changing request:
 * the session's token once signed in, a pre-session token (cookie + header, double submit) for the sign-in itself.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify, type Algorithm } from "@node-rs/argon2";
import type { NextFunction, Request, Response } from "express";
import type { Deps } from "../deps.js";
import { deleteSession, findSessionOfficer, insertSession, touchSession } from "../store/sessions.js";
import { writeAudit } from "../store/audit.js";
import {
  clearFailedLogins,
  countFailedLogin,
  findOfficerForLogin,
  setOfficerPassword,
  type OfficerRecord,
} from "../store/users.js";
import { ALERT_AFTER_FAILURES, createLoginThrottle, type LoginThrottle } from "./login-throttle.js";
import { sendError } from "../http/api-error.js";
import { fail, type Failure } from "../../../shared/outcomes.js";
import type { Officer } from "../../../shared/officers/officer.js";
import type { IdleInfo, SessionReply } from "../../../shared/console/officers.js";
import { trainingBanner, type TrainingUnit } from "../use-cases/training.js";

export const SESSION_COOKIE = "kh_console";
export const PRE_CSRF_COOKIE = "kh_console_csrf";
/** Kept for callers of earlier versions; accounts are no longer locked (throttling per address instead). */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
const SESSION_HOURS = 12;

// algorithm 2 = Argon2id (a const enum in the typings, so written as its value under isolatedModules).
export const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

let dummyHash: Promise<string> | undefined;
/** Unknown usernames still cost one verification, so timing does not tell which accounts exist. */
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
}

export interface ConsoleSession {
  officer: Officer;
  sessionId: string;
  csrfToken: string;
  /** When the session ends without further activity: the idle end, or the absolute end if sooner. */
  endsAt: string;
  /** A one-time password (npm run users): nothing but changing it until it is changed. */
  mustChangePassword: boolean;
  /** The officer's unit is in training mode (docs/admin/training.md): the request runs on the training clock. */
  training?: TrainingUnit;
}

/** Requests the console makes by itself (timers, polls) carry this header and do not count as the officer's activity. */
export const BACKGROUND_HEADER = "x-console-background";
/** Activity is written at most this often per session (each request would be a write otherwise): 10 s, less for short timeouts. */
const touchEveryMs = (idleMs: number) => Math.min(10_000, idleMs / 10);

export const idleMsOf = (deps: Deps) => deps.config.CONSOLE_IDLE_MINUTES * 60_000;

declare module "express-serve-static-core" {
  interface Request {
    console?: ConsoleSession;
  }
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function secure(deps: Deps): boolean {
  return deps.config.PUBLIC_BASE_URL.startsWith("https://");
}

/** The Set-Cookie value of a console cookie (path /console, HttpOnly, SameSite=Strict, Secure over https). */
export function consoleCookie(deps: Deps, name: string, value: string, maxAgeSeconds: number): string {
  const attrs = [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/console",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (secure(deps)) attrs.push("Secure");
  return attrs.join("; ");
}

const sameToken = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const toOfficer = (o: {
  id: string;
  username: string;
  displayName: string;
  role: Officer["role"];
  unitId: string | null;
  delegateFor: string | null;
  phone: string | null;
}): Officer => ({
  id: o.id,
  username: o.username,
  displayName: o.displayName,
  role: o.role,
  unitId: o.unitId,
  delegateFor: o.delegateFor,
  phone: o.phone,
});

/**
 * Attaches req.console when the cookie names a live session of an active account: before its absolute end and
 * active within CONSOLE_IDLE_MINUTES. A request the officer made (not a background poll) counts as activity.
 */
export function loadSession(deps: Deps) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = readCookie(req, SESSION_COOKIE);
    if (token) {
      const now = deps.clock.now();
      const idleMs = idleMsOf(deps);
      const found = await findSessionOfficer(
        deps.db,
        token,
        now.toISOString(),
        new Date(now.getTime() - idleMs).toISOString(),
      );
      if (found && found.officer.active) {
        const { session: s, officer: o, training } = found;
        let lastSeen = Date.parse(s.lastSeenAt);
        if (req.get(BACKGROUND_HEADER) !== "1" && now.getTime() - lastSeen >= touchEveryMs(idleMs)) {
          await touchSession(deps.db, s.id, now.toISOString());
          lastSeen = now.getTime();
        }
        const endsAt = new Date(Math.min(lastSeen + idleMs, Date.parse(s.expiresAt))).toISOString();
        const officer = toOfficer(o);
        req.console = {
          officer,
          sessionId: s.id,
          csrfToken: s.csrfToken,
          endsAt,
          mustChangePassword: o.mustChangePassword,
          ...(training ? { training } : {}),
        };
      }
    }
    next();
  };
}

/** What an officer with a one-time password may still do: change it, sign out, keep the session. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = /\/console\/api\/(password|logout|session\/keep-alive|session\/state)(\?|$)/;

export function requireOfficer(req: Request, res: Response, next: NextFunction): void {
  if (!req.console) return sendError(res, { code: "not_signed_in" });
  if (req.console.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.test(req.originalUrl))
    return sendError(res, { code: "password_change_required" });
  next();
}

const MIN_PASSWORD = 12;

/** The officer's own password; ends a one-time password. Audited. */
export async function changeOwnPassword(
  deps: Deps,
  officer: Officer,
  current: string,
  next: string,
): Promise<{ ok: true; value: { ok: true } } | Failure> {
  const found = await findOfficerForLogin(deps.db, officer.username);
  if (!found || !(await verify(found.passwordHash, current).catch(() => false)))
    return fail("bad_credentials", { message: "Mật khẩu hiện tại không đúng." });
  if (next.length < MIN_PASSWORD || next === current) {
    return fail("invalid_body", {
      fields: [{ path: "next", message: `Mật khẩu mới dài ít nhất ${MIN_PASSWORD} ký tự và khác mật khẩu cũ.` }],
    });
  }
  await setOfficerPassword(deps.db, officer.id, await hashPassword(next), false);
  await writeAudit(deps.db, {
    at: deps.clock.now().toISOString(),
    actorKind: "officer",
    actorId: officer.id,
    action: "update",
    subjectKind: "user",
    subjectId: officer.id,
    fields: ["password_hash"],
    reason: "Cán bộ đổi mật khẩu của mình",
  });
  return { ok: true, value: { ok: true } };
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** State-changing requests need X-CSRF-Token: the session's, or before sign-in the pre-session cookie's. */
export function requireCsrf(req: Request, res: Response, next: NextFunction): void {
  if (SAFE.has(req.method)) return next();
  const sent = req.get("x-csrf-token");
  const expected = req.console ? req.console.csrfToken : readCookie(req, PRE_CSRF_COOKIE);
  if (!sameToken(sent, expected)) return sendError(res, { code: "csrf_failed" });
  next();
}

/** The idle timeout and when this session ends without activity (the console warns before). */
export function idleInfo(deps: Deps, s: ConsoleSession): { timeoutSeconds: number; endsAt: string } {
  return { timeoutSeconds: Math.round(idleMsOf(deps) / 1000), endsAt: s.endsAt };
}

/** Who is signed in and the CSRF token; before sign-in a pre-session token, set as a cookie too (double submit). */
export function sessionOf(deps: Deps, req: Request): { reply: SessionReply; preCsrfCookie?: string } {
  if (req.console) {
    return {
      reply: {
        officer: req.console.officer,
        csrfToken: req.console.csrfToken,
        idle: idleInfo(deps, req.console),
        mustChangePassword: req.console.mustChangePassword,
        ...(req.console.training ? { training: trainingBanner(req.console.training) } : {}),
      },
    };
  }
  const pre = readCookie(req, PRE_CSRF_COOKIE) ?? randomBytes(24).toString("base64url");
  return { reply: { officer: null, csrfToken: pre }, preCsrfCookie: consoleCookie(deps, PRE_CSRF_COOKIE, pre, 3600) };
}

export type LoginResult =
  { ok: true; officer: Officer; token: string; csrfToken: string; mustChangePassword: boolean } | Failure;

/** Counts a wrong password on an existing account; every ALERT_AFTER_FAILURES in a row the unit admin is alerted (audit_log). */
async function noteFailure(deps: Deps, officer: OfficerRecord, address: string, at: string): Promise<void> {
  const count = await countFailedLogin(deps.db, officer.id);
  if (count % ALERT_AFTER_FAILURES !== 0) return;
  await writeAudit(deps.db, {
    at,
    actorKind: "system",
    actorId: null,
    action: "sign_in_alert",
    subjectKind: "user",
    subjectId: officer.id,
    fields: [],
    reason: `${count} lần đăng nhập sai liên tiếp vào tài khoản ${officer.username}; lần gần nhất từ địa chỉ ${address}`,
  });
  deps.log.warn({ userId: officer.id, failures: count }, "repeated console sign-in failures");
}

export async function login(
  deps: Deps,
  username: string,
  password: string,
  address = "unknown",
  throttle: LoginThrottle = createLoginThrottle(),
): Promise<LoginResult> {
  const now = deps.clock.now();
  const name = username.trim().toLowerCase();
  const wait = throttle.waitSeconds(name, address, now.getTime());
  if (wait > 0) {
    return fail("login_throttled", {
      message: `Đăng nhập sai nhiều lần từ máy này. Vui lòng chờ ${wait} giây rồi thử lại, hoặc đăng nhập từ máy tính tại quầy.`,
    });
  }
  const found = await findOfficerForLogin(deps.db, name);
  // Unknown names still cost one verification, so neither the answer nor its time tells which accounts exist.
  const good = await verify(found ? found.passwordHash : await dummy(), password).catch(() => false);
  if (!found || !good || !found.officer.active) {
    throttle.failed(name, address, now.getTime());
    if (found && !good) await noteFailure(deps, found.officer, address, now.toISOString());
    return fail("bad_credentials");
  }
  const { officer } = found;
  throttle.succeeded(name, address);
  if (officer.failedLogins > 0 || officer.lockedUntil) await clearFailedLogins(deps.db, officer.id);
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await insertSession(deps.db, token, {
    userId: officer.id,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
  });
  return { ok: true, officer: toOfficer(officer), token, csrfToken, mustChangePassword: officer.mustChangePassword };
}

/** The idle information of a session that starts now. */
export function freshIdle(deps: Deps): IdleInfo {
  const now = deps.clock.now().getTime();
  const endsAt = new Date(Math.min(now + idleMsOf(deps), now + SESSION_HOURS * 3_600_000)).toISOString();
  return { timeoutSeconds: Math.round(idleMsOf(deps) / 1000), endsAt };
}

/** The session cookie of a sign-in, and the one that ends it. */
export const sessionCookie = (deps: Deps, token: string) =>
  consoleCookie(deps, SESSION_COOKIE, token, SESSION_HOURS * 3600);
export const endedSessionCookie = (deps: Deps) => consoleCookie(deps, SESSION_COOKIE, "", 0);

export function endSession(deps: Deps, sessionId: string): Promise<void> {
  return deleteSession(deps.db, sessionId);
}
