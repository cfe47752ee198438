/** A request id on every request and response, and one access-log line per request (never bodies or query). */
import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import type { Log } from "../log.js";

const INCOMING_ID = /^[\w.-]{1,64}$/;

declare module "express-serve-static-core" {
  interface Request {
    id: string;
  }
}

export function requestContext(log: Log) {
  const logRequests = log.isLevelEnabled("info");
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader("X-Request-Id", id);
    if (logRequests) {
      const started = process.hrtime.bigint();
      // Read before Express rewrites req.url for a mounted router.
      const path = req.originalUrl.split("?")[0];
      res.on("finish", () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        log.info(
          { reqId: id, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 },
          "request",
        );
      });
    }
    req.id = id;
    next();
  };
}
