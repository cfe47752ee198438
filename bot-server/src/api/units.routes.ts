/** Units and the scheme at a unit. */
import { SchemeQuery, SchemeStatus } from "../../../shared/api/scheme.js";
import { AtQuery } from "../../../shared/api/common.js";
import { UnitCodeParams, UnitDetail, UnitList, UnitSearchQuery } from "../../../shared/api/units.js";
import { route } from "../http/route-table.js";
import { momentOf } from "../use-cases/moment.js";
import { schemeStatus } from "../use-cases/scheme-status.js";
import { formerNameLeads, searchUnits, unitDetail } from "../use-cases/units.js";

const TAG = "Units";

export const unitRoutes = [
  route({
    method: "get",
    path: "/units",
    tag: TAG,
    summary: "Search administrative units (diacritics optional)",
    description: "Units in force at `at` (default: now). Without `q`, lists them by level and name. With `q`, former units of that name (before a merger) come in `formerNames` with the units now serving their area.",
    query: UnitSearchQuery,
    response: { status: 200, schema: UnitList, description: "Matching units with type and parent" },
    errors: ["rate_limited"],
    handler({ query }, deps) {
      const m = momentOf(deps, query.at);
      const items = searchUnits(deps, query.q, m.vn.date, query.level, query.limit);
      const formerNames = query.level ? [] : formerNameLeads(deps, query.q, m.vn.date, items);
      return { ok: true, value: formerNames.length > 0 ? { items, formerNames } : { items } };
    },
  }),
  route({
    method: "get",
    path: "/units/:unitCode",
    tag: TAG,
    summary: "The unit holding a code at a date, with its predecessors and successors",
    params: UnitCodeParams,
    query: AtQuery,
    response: { status: 200, schema: UnitDetail, description: "The unit" },
    errors: ["unit_not_found", "rate_limited"],
    handler({ params, query }, deps) {
      const m = momentOf(deps, query.at);
      const unit = deps.domain.units.findByCode(params.unitCode, m.vn.date);
      return unit ? { ok: true, value: unitDetail(deps, unit, m.vn.date) } : { ok: false, code: "unit_not_found" };
    },
  }),
  route({
    method: "get",
    path: "/units/:unitCode/scheme",
    tag: TAG,
    summary: "Scheme status now (or at `at`): scheme day, cutoff and minutes left, office hours, next scheme day, track per procedure",
    params: UnitCodeParams,
    query: SchemeQuery,
    response: { status: 200, schema: SchemeStatus, description: "Scheme status" },
    errors: ["unit_not_found", "rate_limited"],
    handler({ params, query }, deps) {
      const r = schemeStatus(deps, params.unitCode, momentOf(deps, query.at));
      return r.ok ? { ...r, headers: { "Cache-Control": "no-store" } } : r;
    },
  }),
];
