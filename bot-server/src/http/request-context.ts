/** A request id on every request and response, and one access-log line per request (never bodies or query). */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextFunction, Request, Response } from "express";
import type { Log } from "../log.js";

const INCOMING_ID = /^[\w.-]{1,64}$/;

declare module "express-serve-static-core" {
  interface Request {
    id: string;
  }
}

export function requestContext(log: Log) {
  const begin = requestBeginner(log);
  return (req: Request, res: Response, next: NextFunction) => {
    req.id = begin(req, res);
    next();
  };
}

/**
 * The same for a plain Node handler (the webhook): `begin(req, res)` sets X-Request-Id, arranges the access-log
 * line and returns the id.
 */
export function requestBeginner(log: Log): (req: IncomingMessage, res: ServerResponse) => string {
  const logRequests = log.isLevelEnabled("info");
  return (req, res) => {
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader("X-Request-Id", id);
    if (logRequests) {
      const started = process.hrtime.bigint();
      // Read before Express rewrites req.url for a mounted router.
      const path = ((req as Partial<Request>).originalUrl ?? req.url ?? "").split("?")[0];
      res.on("finish", () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        log.info({ reqId: id, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
      });
    }
    return id;
  };
}
