/**
 * Security headers (helmet) with a CSP that still lets the served React apps run, and the per-IP rate
 * limit of public routes (RATE_LIMIT_PER_MINUTE; 0 turns it off for benchmarks).
 */
import type { RequestHandler } from "express";
import helmet from "helmet";
import { rateLimit } from "express-rate-limit";
import { sendError } from "./api-error.js";

/** helmet decides the headers; they never depend on the request, so they are computed once and set in one step. */
export function securityHeaders(): RequestHandler {
  const headers: [string, string][] = [];
  const capture = {
    setHeader: (name: string, value: string) => void headers.push([name, String(value)]),
    removeHeader: () => {},
  };
  helmetMiddleware()({} as never, capture as never, () => {});
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
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
        // zaui.css loads its icon font from Zalo's CDN (stack.md §4.1).
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

export function publicRateLimit(perMinute: number): RequestHandler {
  if (perMinute <= 0) return PASS;
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    handler: (_req, res) => sendError(res, { code: "rate_limited" }),
  });
}
