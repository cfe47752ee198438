/**
 * /console/api/data-requests: citizens' requests to correct their personal data (use-cases/data-requests-console.ts),
 * as route-table rows with the schemas of shared/console/data-requests.ts.
 */
import {
  DataRequestAnswerBody,
  DataRequestParams,
  DataRequestsReply,
  DataRequestView,
} from "../../../shared/console/data-requests.js";
import { route, NO_STORE, type AnyRoute } from "../http/route-table.js";
import { answerUnitDataRequest, unitDataRequests } from "../use-cases/data-requests-console.js";

export function consoleDataRequestRoutes(): AnyRoute[] {
  return [
    route({
      method: "get",
      path: "/",
      tag: "Personal data",
      auth: "officer",
      may: "data_requests.read",
      summary: "Citizens' requests to correct their personal data (reads are audited)",
      response: { status: 200, schema: DataRequestsReply, description: "The unit's requests" },
      errors: ["forbidden"],
      handler: async ({ officer }, deps) => ({
        ok: true,
        value: await unitDataRequests(deps, officer),
        headers: NO_STORE,
      }),
    }),
    route({
      method: "post",
      path: "/:id/answer",
      tag: "Personal data",
      auth: "officer",
      may: "data_requests.answer",
      params: DataRequestParams,
      bodyOptional: true,
      body: DataRequestAnswerBody,
      summary: "Answer a request: corrected, or refused with the reason (audited)",
      response: { status: 200, schema: DataRequestView, description: "The answered request" },
      errors: ["forbidden", "data_request_not_found", "conflict"],
      handler: ({ officer, params, body }, deps) => answerUnitDataRequest(deps, officer, params.id, body),
    }),
  ];
}
