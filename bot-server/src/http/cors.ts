/**
 * CORS for the citizen API. Inside Zalo the Mini App page is served from https://h5.zdn.vn, so every call to this
 * server is cross-origin, and with the X-Zalo-Access-Token or Authorization header the browser first sends a
 * preflight OPTIONS (https://miniapp.zaloplatforms.com/documents/intro/convert-web-app-to-zalo-mini-app , as quoted
 * [SECONDARY]; Zalo's e-government template calls its API cross-origin: github.com/Zalo-MiniApp/zaui-egovernment
 * src/service/request.ts). An allowed origin gets its own value back (never "*"); the identity travels in headers,
 * not cookies, so no credentials are allowed.
 */
import type { RequestHandler } from "express";

/** Headers the mini-app sends (api/http.ts, api/auth.ts). */
const ALLOWED_HEADERS = "Accept, Content-Type, Authorization, X-Zalo-Access-Token";
const ALLOWED_METHODS = "GET, POST, PATCH, PUT, DELETE";
/** Headers a script may read: the retry hint of a 429 and the rate-limit state. */
const EXPOSED_HEADERS = "Retry-After, RateLimit, RateLimit-Policy";
/** Chromium caps a cached preflight at 2 hours; 10 minutes keeps a config change quick to apply. */
const PREFLIGHT_MAX_AGE_S = "600";

export function corsForOrigins(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.get("origin");
    res.vary("Origin");
    const preflight = req.method === "OPTIONS" && req.get("access-control-request-method") !== undefined;
    if (origin === undefined || !allowed.has(origin)) {
      // Same-origin calls and programs send no Origin; a foreign page gets no CORS header, so its script reads nothing.
      if (preflight) return void res.status(204).end();
      return next();
    }
    res.setHeader("Access-Control-Allow-Origin", origin);
    if (preflight) {
      res.setHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
      res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      res.setHeader("Access-Control-Max-Age", PREFLIGHT_MAX_AGE_S);
      res.vary("Access-Control-Request-Headers");
      return void res.status(204).end();
    }
    res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    next();
  };
}
