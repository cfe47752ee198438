/** Public dossier status by code: anyone holding the code sees procedure, state, track and due date only. */
import { DossierCodeParams, DossierStatus, DossierStatusQuery } from "../../../shared/api/dossiers.js";
import { route } from "../http/route-table.js";
import { lookupDossierStatus } from "../use-cases/dossier-status.js";

export const dossierRoutes = [
  route({
    method: "get",
    path: "/dossiers/:code/status",
    tag: "Dossiers",
    summary: "Public status of a dossier",
    description: "No personal data. A wrong code and a missing code give the same 404. With `t` (the slip's token) it also says whether the slip is authentic.",
    params: DossierCodeParams,
    query: DossierStatusQuery,
    response: { status: 200, schema: DossierStatus, description: "Status" },
    errors: ["dossier_not_found", "rate_limited"],
    async handler({ params, query }, deps) {
      const r = await lookupDossierStatus(deps, params.code, query.t);
      return r.ok ? { ok: true, value: r.status, headers: { "Cache-Control": "no-store" } } : { ok: false, code: r.code };
    },
  }),
];
