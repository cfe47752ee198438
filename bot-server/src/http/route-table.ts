/**
 * Routes are data, for the public API and the officer console alike: method, path, zod schemas of params, query,
 * body and response, who may call it, and a handler that returns an outcome. One wrapper checks the caller
 * (citizen, or signed-in officer and the permissions table), validates and normalises the input, and sends the
 * outcome; each OpenAPI document is generated from the same table.
 */
import type { Request, RequestHandler, Response, Router } from "express";
import type { ZodType } from "zod";
import type { OutcomeCode } from "../../../shared/outcomes.js";
import type { Deps } from "../deps.js";
import { trainingDeps } from "../use-cases/training.js";
import type { CitizenAuth, CitizenIdentity } from "../identity/citizen-auth.js";
import type { Officer } from "../../../shared/officers/officer.js";
import { may, refusalOf, type Action } from "../../../shared/officers/permissions.js";
import type { Failure } from "../../../shared/outcomes.js";
import { sendError } from "./api-error.js";
import { normalizeInput } from "./normalize-input.js";
import { parseInput } from "./parse-input.js";

export type Method = "get" | "post" | "patch" | "put" | "delete";

/** A use-case's outcome as a route answers it: the route may set headers (e.g. Retry-After), on success the status. */
export type Outcome<R> =
  | { ok: true; value: R; status?: number; headers?: Record<string, string> }
  | (Failure & { headers?: Record<string, string> });

/** A reply no browser or proxy keeps: personal data, what one officer may see, a figure that changes by the minute. */
export const NO_STORE = { "Cache-Control": "no-store" };

/** `out`, never cached when it succeeded (NO_STORE). */
export const noStore = <R>(out: Outcome<R>): Outcome<R> => (out.ok ? { ...out, headers: NO_STORE } : out);

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Set when the route has `auth: "citizen"`. */
  citizen: CitizenIdentity;
  /** Set when the route has `auth: "officer"`: the signed-in officer and their session. */
  officer: Officer;
  sessionId: string;
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
  /**
   * "citizen": a Zalo or device token; "officer": a console session (loaded and required before the table);
   * "integration": a bearer token of the province's system, checked by the handler (use-cases/integration-read.ts).
   */
  auth?: "citizen" | "officer" | "integration";
  /** Officer routes: the action of the permissions table (shared/officers/permissions.ts); others get `forbidden`. */
  may?: Action;
  /** Middleware run before the input is read (e.g. a rate limit). */
  before?: RequestHandler[];
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** Body optional (e.g. a POST that may carry nothing). */
  bodyOptional?: boolean;
  response: { status: number; schema?: ZodType<R>; contentType?: string; description: string };
  /** Error codes this route may answer with (documentation). */
  errors: OutcomeCode[];
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
const NO_OFFICER = undefined as unknown as Officer;
const NO_CITIZEN_AUTH = undefined as unknown as CitizenAuth;

export interface MountOptions {
  /**
   * Officer routes of the counter's work: while the officer's unit is in training mode (docs/admin/training.md) they
   * run with the training clock and flag (use-cases/training.ts). Every other route keeps real time.
   */
  trainingClock?: (spec: AnyRoute) => boolean;
}

export function mountRoutes(
  router: Router,
  routes: AnyRoute[],
  deps: Deps,
  auth: CitizenAuth = NO_CITIZEN_AUTH,
  options: MountOptions = {},
): void {
  for (const spec of routes) {
    router[spec.method](spec.path, ...(spec.before ?? []), async (req: Request, res: Response) => {
      // An officer's role is checked before the input: a refused role learns nothing from validation.
      let officer = NO_OFFICER;
      if (spec.auth === "officer") {
        if (!req.console) return sendError(res, { code: "not_signed_in" });
        officer = req.console.officer;
        if (spec.may && !may(officer, spec.may))
          return sendError(res, { code: "forbidden", message: refusalOf(spec.may) });
      }
      const input = readInput(spec, req);
      if (!input.ok) return sendError(res, input);
      let citizen = ANONYMOUS;
      if (spec.auth === "citizen") {
        const who = await auth.authenticate(req);
        if (!who.ok) return sendError(res, who);
        citizen = who.citizen;
      }
      // An officer of a unit in training mode works on the training clock (docs/admin/training.md).
      const training = spec.auth === "officer" && options.trainingClock?.(spec) ? req.console?.training : undefined;
      const out = await spec.handler(
        { ...input.value, citizen, officer, sessionId: req.console?.sessionId ?? "", req, auth },
        training ? trainingDeps(deps, training) : deps,
      );
      if (out.headers) res.set(out.headers);
      if (!out.ok) return sendError(res, out);
      res.status(out.status ?? spec.response.status);
      if (spec.response.contentType && spec.response.contentType !== "application/json") {
        // A download may name its own type (out.headers); the route's declared type otherwise.
        if (!res.getHeader("Content-Type")) res.type(spec.response.contentType);
        res.send(out.value);
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

type ReadInput = { ok: true; value: { params: unknown; query: unknown; body: unknown } } | Failure;

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
