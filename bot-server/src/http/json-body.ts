/**
 * JSON bodies only, up to a limit: a body in another type is 415, an oversized one 413, broken JSON 400,
 * each in the one error format (see error-handler.ts). Requests without a body pass through.
 */
import express, { type NextFunction, type Request, type Response } from "express";
import { sendError } from "./api-error.js";

export const JSON_BODY_LIMIT = "100kb";

function hasBody(req: Request): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

export function jsonBody() {
  const parse = express.json({ limit: JSON_BODY_LIMIT, type: ["application/json", "application/*+json"] });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!hasBody(req)) return next();
    if (!req.is(["application/json", "application/*+json"])) {
      // Drain what the client sent so the connection stays usable, then refuse.
      req.resume();
      return sendError(res, { code: "unsupported_media_type" });
    }
    parse(req, res, next);
  };
}
