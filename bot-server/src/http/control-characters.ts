/**
 * Control characters never enter the system. PostgreSQL refuses U+0000 in text and jsonb (an error, so HTTP 500
 * before this rule) and SQLite would store it; the other C0 and C1 codes (U+0001–U+001F, U+007F–U+009F) are never
 * typed by a person, break printed forms and hide text in the console. The rule, the same on every route and both
 * databases:
 * - path and query string: any control character (line breaks too) is refused with 400 `invalid_characters`;
 * - JSON bodies, values and keys: the same, except tab, line feed and carriage return, which multi-line text
 *   (feedback, reasons, answers) needs;
 * - the Zalo webhook cannot refuse a signed event (Zalo would send it again and again): there the refused
 *   characters are removed from the event's text before it is read.
 */
import type { NextFunction, Request, Response } from "express";
import { OUTCOME_MESSAGES } from "../../../shared/outcomes.js";
import { sendError } from "./api-error.js";
import { escapeHtml, htmlPage } from "./html-page.js";

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_BUT_LINE_BREAKS_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const MAX_DEPTH = 64;

export type TextRule = "single_line" | "multi_line";

/** True when a string anywhere in `value` (object keys included) holds a character the rule refuses. */
export function hasControlCharacters(value: unknown, rule: TextRule, depth = 0): boolean {
  const pattern = rule === "single_line" ? ANY_CONTROL : CONTROL_BUT_LINE_BREAKS;
  if (typeof value === "string") return pattern.test(value);
  if (value === null || typeof value !== "object") return false;
  // Deeper than any schema accepts: the schema refuses it; nothing of it is ever stored.
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((v) => hasControlCharacters(v, rule, depth + 1));
  for (const [k, v] of Object.entries(value)) {
    if (pattern.test(k) || hasControlCharacters(v, rule, depth + 1)) return true;
  }
  return false;
}

/** The webhook's rule: the same value with the refused characters removed (tab and line breaks kept). */
export function stripControlCharacters(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.replace(CONTROL_BUT_LINE_BREAKS_ALL, "");
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => stripControlCharacters(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k.replace(CONTROL_BUT_LINE_BREAKS_ALL, "")] = stripControlCharacters(v, depth + 1);
  return out;
}

function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // Broken percent-encoding: Express answers it (400) when it decodes the route's parameters.
    return path;
  }
}

/**
 * Path and query string of every request. /tra-cuu is a page people open in a browser: it gets a page back.
 */
export function refuseControlCharacters() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!ANY_CONTROL.test(decodedPath(req.path)) && !hasControlCharacters(req.query, "single_line")) return next();
    if (req.path.startsWith("/tra-cuu")) {
      const body = `<h1>Tra cứu hồ sơ</h1><section class="card"><p class="bad">${escapeHtml(OUTCOME_MESSAGES.invalid_characters.message)}</p><p><a href="/tra-cuu">Tra cứu lại</a></p></section>`;
      res.status(400).set("Cache-Control", "no-store").type("html").send(htmlPage("Tra cứu hồ sơ", body));
      return;
    }
    sendError(res, { code: "invalid_characters" });
  };
}
