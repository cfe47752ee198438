/**
 * Public dossier status by code: the code alone shows the state and the dates; the slip's token (or the citizen's
 * own credentials, for their own dossier) also the procedure, unit, track and the documents still missing.
 */
import { DossierCodeParams, DossierStatus, DossierStatusQuery } from "../../../shared/api/dossiers.js";
import { route } from "../http/route-table.js";
import { lookupDossierStatus } from "../use-cases/dossier-status.js";

export const dossierRoutes = [
  route({
    method: "get",
    path: "/dossiers/:code/status",
    tag: "Dossiers",
    summary: "Public status of a dossier",
    description:
      "No personal data. A wrong code and a missing code give the same 404. By the code alone: state and dates only. With `t` (the slip's token) " +
      "it says whether the slip is authentic and, when it is, adds procedure, unit, track and missing documents; so does the citizen's own " +
      "Mini App credential (Authorization or X-Zalo-Access-Token) for their own dossier. A wrong credential counts as none.",
    params: DossierCodeParams,
    query: DossierStatusQuery,
    response: { status: 200, schema: DossierStatus, description: "Status" },
    errors: ["dossier_not_found", "rate_limited"],
    async handler({ params, query, req, auth }, deps) {
      const signedIn = req.get("authorization") !== undefined || req.get("x-zalo-access-token") !== undefined;
      const who = signedIn ? await auth.authenticate(req) : undefined;
      const r = await lookupDossierStatus(deps, params.code, {
        token: query.t,
        citizenId: who?.ok ? who.citizen.citizenId : undefined,
      });
      return r.ok
        ? { ok: true, value: r.status, headers: { "Cache-Control": "no-store" } }
        : { ok: false, code: r.code };
    },
  }),
];
