/**
 * The one error middleware. Client faults detected by Express or the body parser map to 4xx codes;
 * a database that stopped answering is a 503; anything else is a bug: logged with the request id, answered with
 * a generic 500 without details.
 */
import type { NextFunction, Request, Response } from "express";
import type { OutcomeCode } from "../../../shared/outcomes.js";
import type { Log } from "../log.js";
import { sendError } from "./api-error.js";

const BODY_PARSER_ERRORS: Record<string, OutcomeCode> = {
  "entity.too.large": "payload_too_large",
  "entity.parse.failed": "malformed_json",
  "encoding.unsupported": "unsupported_media_type",
  "charset.unsupported": "unsupported_media_type",
  "request.aborted": "bad_request",
  "request.size.invalid": "bad_request",
  "stream.encoding.set": "bad_request",
  "parameters.too.many": "payload_too_large",
};

interface HttpishError {
  type?: string;
  status?: number;
  statusCode?: number;
  message?: string;
}

export function errorHandler(log: Log, database?: { ping(): Promise<boolean> }) {
  return async (err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const e = (err ?? {}) as HttpishError;
    const status = e.status ?? e.statusCode;
    const code =
      (e.type && BODY_PARSER_ERRORS[e.type]) ??
      (status && status >= 400 && status < 500 ? clientCode(status) : undefined);
    if (code) return sendError(res, { code });
    // An unreachable database is an outage, not a bug in the request: 503 so clients retry later.
    if (database && !(await database.ping())) {
      log.error({ reqId: req.id, err: (err as Error)?.message }, "database unavailable");
      return sendError(res, { code: "service_unavailable" });
    }
    log.error(
      {
        reqId: req.id,
        err: { name: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack },
      },
      "unhandled error",
    );
    sendError(res, { code: "internal_error" });
  };
}

function clientCode(status: number): OutcomeCode {
  if (status === 404) return "not_found";
  if (status === 413) return "payload_too_large";
  if (status === 415) return "unsupported_media_type";
  return "bad_request";
}
