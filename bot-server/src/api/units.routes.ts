/** Units and the scheme at a unit. */
import { SchemeQuery, SchemeStatus } from "../../../shared/api/scheme.js";
import { AtQuery } from "../../../shared/api/common.js";
import {
  CounterWait,
  CurrentAddressAnswer,
  CurrentAddressBody,
  UnitCodeParams,
  UnitDetail,
  UnitList,
  UnitSearchQuery,
} from "../../../shared/api/units.js";
import { route, noStore } from "../http/route-table.js";
import { momentOf } from "../use-cases/moment.js";
import { schemeStatus } from "../use-cases/scheme-status.js";
import { counterWait } from "../use-cases/counter-wait.js";
import { currentAddress, formerNameLeads, searchUnits, unitDetail } from "../use-cases/units.js";

const TAG = "Units";

export const unitRoutes = [
  route({
    method: "get",
    path: "/units",
    tag: TAG,
    summary: "Search administrative units (diacritics optional)",
    description:
      "Units in force at `at` (default: now). Without `q`, lists them by level and name. With `q`, former units of that name (before a merger) come in `formerNames` with the units now serving their area.",
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
    summary:
      "Scheme status now (or at `at`): scheme day, cutoff and minutes left, office hours, next scheme day, track per procedure",
    params: UnitCodeParams,
    query: SchemeQuery,
    response: { status: 200, schema: SchemeStatus, description: "Scheme status" },
    errors: ["unit_not_found", "rate_limited"],
    handler({ params, query }, deps) {
      return noStore(schemeStatus(deps, params.unitCode, momentOf(deps, query.at)));
    },
  }),
  route({
    method: "get",
    path: "/units/:unitCode/counter-wait",
    tag: TAG,
    summary: "Kịp 15:00 không? Citizens at the counter now and a range for the wait, from today's intake events",
    description:
      "Scheme days only (`estimate` is null otherwise). Counts and times only, never personal data; `method` says how the estimate is made.",
    params: UnitCodeParams,
    query: AtQuery,
    response: { status: 200, schema: CounterWait, description: "The estimate" },
    errors: ["unit_not_found", "rate_limited"],
    handler: async ({ params, query }, deps) =>
      noStore(await counterWait(deps, params.unitCode, momentOf(deps, query.at))),
  }),
  route({
    method: "post",
    path: "/units/current-address",
    tag: TAG,
    summary: "Read an address printed before the 2025 reform (e.g. on a CCCD) in today's units",
    description:
      "An offer for the citizen or officer to accept, never applied by itself; null when the address is current or not read with certainty. The address is neither stored nor logged.",
    body: CurrentAddressBody,
    response: { status: 200, schema: CurrentAddressAnswer, description: "The offer, or null" },
    errors: ["invalid_body", "malformed_json", "unsupported_media_type", "rate_limited"],
    handler({ body }, deps) {
      return { ok: true, value: currentAddress(deps, body.address, momentOf(deps, undefined).vn.date) };
    },
  }),
];
