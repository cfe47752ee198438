/** Sends the one error format `{ error: { code, message, detail, fields? } }` of an outcome code. */
import type { Response } from "express";
import { errorBodyOf, fail, type Failure } from "../../../shared/outcomes.js";
import { statusOf } from "./outcome-status.js";

/** The edge's name for a use-case's refusal (kept for the routes that spell it so). */
export type ApiFailure = Failure;
export { fail };

export const errorBody = errorBodyOf;

export function sendError(res: Response, f: Omit<Failure, "ok">): void {
  res.status(statusOf(f.code)).json(errorBodyOf(f));
}
