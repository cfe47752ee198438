/**
 * Public API routes are data: method, path, zod schemas of params, query, body and response, and a handler
 * that returns an outcome. One wrapper validates and normalises the input, resolves the citizen, and sends
 * the outcome; the OpenAPI document is generated from the same table.
 */
import type { Request, Response, Router } from "express";
import type { ZodType } from "zod";
import type { ApiErrorCode } from "../../../shared/api/errors.js";
import type { Deps } from "../deps.js";
import type { CitizenAuth, CitizenIdentity } from "../identity/citizen-auth.js";
import { sendError, type ApiFailure } from "./api-error.js";
import { normalizeInput } from "./normalize-input.js";
import { parseInput } from "./parse-input.js";

export type Method = "get" | "post" | "patch" | "put" | "delete";

export type Outcome<R> =
  | { ok: true; value: R; status?: number; headers?: Record<string, string> }
  | ApiFailure;

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Set when the route has `auth: "citizen"`. */
  citizen: CitizenIdentity;
  req: Request;
  auth: CitizenAuth;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown, R = unknown> {
  method: Method;
  /** Express path under /api, e.g. /units/:unitCode */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** "integration": a bearer token of the province's system, checked by the handler (use-cases/integration-read.ts). */
  auth?: "citizen" | "integration";
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** Body optional (e.g. a POST that may carry nothing). */
  bodyOptional?: boolean;
  response: { status: number; schema?: ZodType<R>; contentType?: string; description: string };
  /** Error codes this route may answer with (documentation). */
  errors: ApiErrorCode[];
  handler(input: HandlerInput<P, Q, B>, deps: Deps): Outcome<R> | Promise<Outcome<R>>;
}

/** Identity function that keeps the generic types of one route. */
export function route<P, Q, B, R>(spec: RouteSpec<P, Q, B, R>): RouteSpec<P, Q, B, R> {
  return spec;
}

// Route specs are stored side by side; their generics are erased at the table level.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any, any>;

const ANONYMOUS = undefined as unknown as CitizenIdentity;

export function mountRoutes(router: Router, routes: AnyRoute[], deps: Deps, auth: CitizenAuth): void {
  for (const spec of routes) {
    router[spec.method](spec.path, async (req: Request, res: Response) => {
      const input = readInput(spec, req);
      if (!input.ok) return sendError(res, input);
      let citizen = ANONYMOUS;
      if (spec.auth === "citizen") {
        const who = await auth.authenticate(req);
        if (!who.ok) return sendError(res, who);
        citizen = who.citizen;
      }
      const out = await spec.handler({ ...input.value, citizen, req, auth }, deps);
      if (!out.ok) return sendError(res, out);
      if (out.headers) res.set(out.headers);
      res.status(out.status ?? spec.response.status);
      if (spec.response.contentType && spec.response.contentType !== "application/json") {
        res.type(spec.response.contentType).send(out.value);
      } else if (out.value === undefined) {
        res.end();
      } else {
        sendJson(res, out.value);
      }
    });
  }
}

/** res.json without Express's content negotiation and freshness checks: these answers are never cached. */
function sendJson(res: Response, value: unknown): void {
  const body = JSON.stringify(value);
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body);
}

type ReadInput = { ok: true; value: { params: unknown; query: unknown; body: unknown } } | ApiFailure;

function readInput(spec: AnyRoute, req: Request): ReadInput {
  const params = spec.params ? parseInput(spec.params, normalizeInput(req.params), "params") : ok(undefined);
  if (!params.ok) return params;
  const query = spec.query ? parseInput(spec.query, normalizeInput(req.query ?? {}), "query") : ok(undefined);
  if (!query.ok) return query;
  let body: unknown = undefined;
  if (spec.body) {
    const raw = req.body === undefined && spec.bodyOptional ? {} : req.body;
    if (raw === undefined) return { ok: false, code: "invalid_body", detail: "A JSON body is required." };
    const parsed = parseInput(spec.body, normalizeInput(raw), "body");
    if (!parsed.ok) return parsed;
    body = parsed.value;
  }
  return { ok: true, value: { params: params.value, query: query.value, body } };
}

function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
