/**
 * /console/api/office-contact: the telephone and address of the unit's one-stop office (use-cases/office-contact.ts),
 * as route-table rows (http/route-table.ts) with the schemas of shared/console/office.ts.
 */
import { OfficeContactBody, OfficeContactReply } from "../../../shared/console/office.js";
import { route, noStore, type AnyRoute } from "../http/route-table.js";
import { officeContactOf, saveOfficeContact } from "../use-cases/office-contact.js";

export function consoleOfficeContactRoutes(): AnyRoute[] {
  return [
    route({
      method: "get",
      path: "/",
      tag: "Office",
      auth: "officer",
      summary: "The telephone and address of the unit's one-stop office",
      response: { status: 200, schema: OfficeContactReply, description: "The contact (nulls when never entered)" },
      errors: ["unit_unknown"],
      handler: async ({ officer }, deps) => noStore(await officeContactOf(deps, officer)),
    }),
    route({
      method: "put",
      path: "/",
      tag: "Office",
      auth: "officer",
      may: "office_contact.edit",
      bodyOptional: true,
      summary: "Change the office's telephone and address (the chatbot gives them out)",
      body: OfficeContactBody,
      response: { status: 200, schema: OfficeContactReply, description: "Saved" },
      errors: ["forbidden"],
      handler: ({ officer, body }, deps) => saveOfficeContact(deps, officer, body),
    }),
  ];
}
