/** Procedures received at a unit, and one procedure's version in force. */
import {
  ProcedureCodeParams,
  ProcedureDetail,
  ProcedureDetailQuery,
  ProcedureList,
  ProcedureListQuery,
} from "../../../shared/api/procedures.js";
import { route } from "../http/route-table.js";
import { momentOf } from "../use-cases/moment.js";
import { listProcedures, procedureDetail } from "../use-cases/procedures.js";

const TAG = "Procedures";

export const procedureRoutes = [
  route({
    method: "get",
    path: "/procedures",
    tag: TAG,
    summary: "All procedures a unit receives, marked same-day-eligible per its scheme plan",
    query: ProcedureListQuery,
    response: { status: 200, schema: ProcedureList, description: "Procedures with their track now" },
    errors: ["unit_not_found", "rate_limited"],
    handler: ({ query }, deps) => listProcedures(deps, query.unit, momentOf(deps, query.at)),
  }),
  route({
    method: "get",
    path: "/procedures/:code",
    tag: TAG,
    summary:
      "The version in force: checklist, form fields, time limit, fee, legal basis, special cases, facts to verify",
    description: "With `unit`, also the fee of the unit's province and the track a complete dossier would get at `at`.",
    params: ProcedureCodeParams,
    query: ProcedureDetailQuery,
    response: { status: 200, schema: ProcedureDetail, description: "Procedure version" },
    errors: ["procedure_not_found", "unit_not_found", "procedure_not_received", "rate_limited"],
    handler: ({ params, query }, deps) => procedureDetail(deps, params.code, query.unit, momentOf(deps, query.at)),
  }),
];
