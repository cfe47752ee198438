/**
 * Security headers (helmet) with a CSP that still lets the served React apps run, and the per-IP rate
 * limit of public routes (RATE_LIMIT_PER_MINUTE; 0 turns it off for benchmarks).
 */
import type { RequestHandler } from "express";
import helmet from "helmet";
import { rateLimit } from "express-rate-limit";
import type { Redis } from "ioredis";
import { sendError } from "./api-error.js";
import { redisRateLimitStore } from "./redis-rate-limit-store.js";
import type { Log } from "../log.js";

/**
 * JSON answers (the public API, the webhook) get the OWASP REST set: nothing in them is ever rendered, framed
 * or sniffed as a page, so the page headers (a long CSP and friends) would only be bytes on every call.
 */
const API_HEADERS: [string, string][] = [
  ["Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"],
  ["Strict-Transport-Security", "max-age=31536000; includeSubDomains"],
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
  ["Referrer-Policy", "no-referrer"],
];

/** Paths whose answers are JSON for programs, not pages. */
const API_PREFIXES = ["/api/", "/webhook/"];

/**
 * Page headers come from helmet; they never depend on the request, so both sets are computed once and set in
 * one step.
 */
export function securityHeaders(): RequestHandler {
  const pageHeaders = helmetHeaders();
  return (req, res, next) => {
    const headers = API_PREFIXES.some((prefix) => req.url.startsWith(prefix)) ? API_HEADERS : pageHeaders;
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

function helmetHeaders(): [string, string][] {
  const headers: [string, string][] = [];
  const capture = {
    setHeader: (name: string, value: string) => void headers.push([name, String(value)]),
    removeHeader: () => {},
  };
  helmetMiddleware()({} as never, capture as never, () => {});
  return headers;
}

function helmetMiddleware() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        // zmp-ui and the console set inline styles; no inline scripts are allowed.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        // zaui.css loads its icon font from Zalo's CDN (docs/architecture.md#mini-app-ui).
        "font-src": ["'self'", "data:", "https:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "upgrade-insecure-requests": null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
}

const PASS: RequestHandler = (_req, _res, next) => next();

/**
 * With `shared` (REDIS_URL), the counters live in Redis under `prefix` and hold across every instance; if Redis
 * fails, requests pass (a limiter outage must not close the public service) and the error is logged.
 */
export function publicRateLimit(
  perMinute: number,
  shared?: { redis: Redis; prefix: string; log: Log },
): RequestHandler {
  if (perMinute <= 0) return PASS;
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    ...(shared
      ? {
          store: redisRateLimitStore(shared.redis, shared.prefix),
          passOnStoreError: true,
          logger: {
            warn: (...a: unknown[]) => shared.log.warn({ detail: String(a[0]) }, "rate limit"),
            error: (...a: unknown[]) =>
              shared.log.warn({ err: String(a[0]) }, "rate limit store failed; request let through"),
          },
        }
      : {}),
    standardHeaders: "draft-7",
    legacyHeaders: false,
    handler: (_req, res) => sendError(res, { code: "rate_limited" }),
  });
}
