/**
 * /console/api/zalo: a phone number the citizen gives at the counter for result messages, and the officer's own
 * Zalo account linked on the OA (use-cases/counter-phone.ts), as route-table rows with the schemas of
 * shared/console/zalo.ts.
 */
import {
  DossierPhoneBody,
  DossierPhoneParams,
  DossierPhoneReply,
  OaLinkCodeReply,
  OaLinkReply,
} from "../../../shared/console/zalo.js";
import { route, noStore, NO_STORE, type AnyRoute } from "../http/route-table.js";
import {
  counterPhoneOf,
  eraseCounterPhone,
  newOaLinkCode,
  officerOaLink,
  saveCounterPhone,
  unlinkOfficerOa,
} from "../use-cases/counter-phone.js";

export function consoleZaloRoutes(): AnyRoute[] {
  return [
    route({
      method: "get",
      path: "/dossiers/:dossierId/phone",
      tag: "Zalo",
      auth: "officer",
      may: "dossier.phone",
      params: DossierPhoneParams,
      summary: "The phone number recorded for result messages of the dossier's applicant (masked)",
      response: { status: 200, schema: DossierPhoneReply, description: "The number, or null" },
      errors: ["forbidden", "dossier_not_in_unit"],
      handler: async ({ officer, params }, deps) => noStore(await counterPhoneOf(deps, officer, params.dossierId)),
    }),
    route({
      method: "put",
      path: "/dossiers/:dossierId/phone",
      tag: "Zalo",
      auth: "officer",
      may: "dossier.phone",
      params: DossierPhoneParams,
      bodyOptional: true,
      body: DossierPhoneBody,
      summary: "Record the number the citizen gave at the counter, with their consent (audited)",
      response: { status: 200, schema: DossierPhoneReply, description: "Saved (masked)" },
      errors: ["forbidden", "dossier_not_in_unit"],
      handler: ({ officer, params, body }, deps) => saveCounterPhone(deps, officer, params.dossierId, body.phone),
    }),
    route({
      method: "delete",
      path: "/dossiers/:dossierId/phone",
      tag: "Zalo",
      auth: "officer",
      may: "dossier.phone",
      params: DossierPhoneParams,
      summary: "Erase the number: the citizen withdrew their consent (audited)",
      response: { status: 204, description: "Erased" },
      errors: ["forbidden", "dossier_not_in_unit"],
      handler: ({ officer, params }, deps) => eraseCounterPhone(deps, officer, params.dossierId),
    }),
    route({
      method: "get",
      path: "/oa-link",
      tag: "Zalo",
      auth: "officer",
      summary: "Whether the officer's Zalo account is linked on the OA (for leader alerts)",
      response: { status: 200, schema: OaLinkReply, description: "The link state" },
      errors: [],
      handler: async ({ officer }, deps) => ({
        ok: true,
        value: await officerOaLink(deps, officer),
        headers: NO_STORE,
      }),
    }),
    route({
      method: "post",
      path: "/oa-link/code",
      tag: "Zalo",
      auth: "officer",
      summary: "A code the officer sends to the OA from Zalo to link their account",
      response: { status: 200, schema: OaLinkCodeReply, description: "The code and the message to send" },
      errors: [],
      handler: async ({ officer }, deps) => ({
        ok: true,
        value: await newOaLinkCode(deps, officer),
        headers: NO_STORE,
      }),
    }),
    route({
      method: "delete",
      path: "/oa-link",
      tag: "Zalo",
      auth: "officer",
      summary: "Unlink the officer's Zalo account",
      response: { status: 204, description: "Unlinked" },
      errors: [],
      async handler({ officer }, deps) {
        await unlinkOfficerOa(deps, officer);
        return { ok: true, value: undefined };
      },
    }),
  ];
}
