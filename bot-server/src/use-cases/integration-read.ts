/**
 * The read API of the province's TTHC information system: dossiers and their events in order of change, and the
 * tracking book, for a bearer token issued per province (every unit) or per unit (the unit with its predecessors
 * and communes). Pages are keyed by (time, id) so a sync adapter resumes exactly where it stopped.
 */
import { createHash } from "node:crypto";
import type { Request } from "express";
import type { ExportQuery, IntegrationDossier, IntegrationEvent } from "../../../shared/reports/exports.js";
import type { Failure as ApiFailure } from "../../../shared/outcomes.js";
import type { Deps } from "../deps.js";
import { findIntegrationToken, pageOfDossiers, pageOfEvents, type PageKey } from "../store/integration.js";
import { buildTrackingBook, unitsCountedIn } from "./report-exports.js";
import type { TrackingBook } from "../../../shared/reports/exports.js";

type Result<T> = { ok: true; value: T } | ApiFailure;

export interface IntegrationScope {
  tokenId: string;
  /** The unit asked for (undefined: every unit the token may read) and the recorded units it counts. */
  unitId: string | undefined;
  unitIds: string[] | undefined;
}

export const hashIntegrationToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Checks the bearer token and the unit asked for: a unit token reads its own unit only. */
export async function integrationScope(
  deps: Deps,
  req: Request,
  unitId: string | undefined,
): Promise<Result<IntegrationScope>> {
  const m = /^Bearer\s+(\S{20,200})$/i.exec(req.get("authorization") ?? "");
  const token = m ? await findIntegrationToken(deps.db, hashIntegrationToken(m[1]!)) : undefined;
  if (!token) return { ok: false, code: "integration_token_invalid" };
  const unit = unitId ?? token.unitId ?? undefined;
  if (unit !== undefined && !deps.domain.units.byId(unit)) return { ok: false, code: "unit_not_found" };
  if (token.unitId !== null && unit !== token.unitId) return { ok: false, code: "integration_forbidden" };
  return {
    ok: true,
    value: { tokenId: token.id, unitId: unit, unitIds: unit ? unitsCountedIn(deps, unit) : undefined },
  };
}

export function encodePageKey(k: PageKey): string {
  return Buffer.from(JSON.stringify([k.at, k.id])).toString("base64url");
}

export function decodePageKey(s: string | undefined): PageKey | undefined | null {
  if (s === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    return Array.isArray(v) && typeof v[0] === "string" && typeof v[1] === "string" ? { at: v[0], id: v[1] } : null;
  } catch {
    return null;
  }
}

interface PageQuery {
  since?: string;
  after?: string;
  limit: number;
}

/**
 * One page in (time, id) order: the rows `read` finds in the scope after the page key asked for, as items, and the
 * key of the next page (the last row's time and id) when the page is full.
 */
async function keyedPage<R extends { id: string }, T>(
  deps: Deps,
  scope: IntegrationScope,
  q: PageQuery,
  read: (
    db: Deps["db"],
    page: { unitIds?: readonly string[]; since?: string; after?: PageKey; limit: number },
  ) => Promise<R[]>,
  timeOf: (r: R) => string,
  itemOf: (r: R) => T,
): Promise<Result<{ items: T[]; next: string | null }>> {
  const after = decodePageKey(q.after);
  if (after === null)
    return {
      ok: false,
      code: "invalid_query",
      fields: [{ path: "after", message: "Vị trí trang không hợp lệ / Invalid page key." }],
    };
  const rows = await read(deps.db, { unitIds: scope.unitIds, since: q.since, after, limit: q.limit });
  const last = rows.at(-1);
  return {
    ok: true,
    value: {
      items: rows.map((r) => itemOf(r)),
      next: last && rows.length === q.limit ? encodePageKey({ at: timeOf(last), id: last.id }) : null,
    },
  };
}

export function dossierPage(
  deps: Deps,
  scope: IntegrationScope,
  q: PageQuery,
): Promise<Result<{ items: IntegrationDossier[]; next: string | null }>> {
  return keyedPage(
    deps,
    scope,
    q,
    pageOfDossiers,
    (r) => r.updated_at,
    (r) => ({
      code: r.code,
      procedureCode: r.procedure_code,
      receivingUnitId: r.receiving_unit_id,
      competentUnitId: r.competent_unit_id,
      track: r.track,
      state: r.state,
      receivedAt: r.received_at,
      dueDate: r.due_date,
      resultReadyAt: r.result_ready_at,
      returnedAt: r.returned_at,
      updatedAt: r.updated_at,
    }),
  );
}

export function eventPage(
  deps: Deps,
  scope: IntegrationScope,
  q: PageQuery,
): Promise<Result<{ items: IntegrationEvent[]; next: string | null }>> {
  return keyedPage(
    deps,
    scope,
    q,
    pageOfEvents,
    (r) => r.at,
    (r) => ({
      id: r.id,
      dossierCode: r.code,
      seq: Number(r.seq),
      type: r.type,
      fromState: r.from_state,
      toState: r.to_state,
      at: r.at,
    }),
  );
}

export async function integrationBook(
  deps: Deps,
  scope: IntegrationScope,
  q: ExportQuery,
): Promise<Result<TrackingBook>> {
  const book = await buildTrackingBook(deps, scope.unitId, q, { kind: "system", id: `integration:${scope.tokenId}` });
  return book.ok
    ? book
    : {
        ok: false,
        code: "invalid_query",
        ...(book.message ? { fields: [{ path: "to", message: book.message }] } : {}),
      };
}
