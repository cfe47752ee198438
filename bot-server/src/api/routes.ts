/** The public API route table: every route under /api, in documentation order. */
import type { AnyRoute } from "../http/route-table.js";
import { citizenPhoneRoutes } from "./citizen-phone.routes.js";
import { citizenRoutes } from "./citizens.routes.js";
import { dossierRoutes } from "./dossiers.routes.js";
import { feedbackRoutes } from "./feedback.routes.js";
import { integrationRoutes } from "./integration.routes.js";
import { myDataRoutes } from "./my-data.routes.js";
import { preRegistrationRoutes } from "./pre-registrations.routes.js";
import { procedureRoutes } from "./procedures.routes.js";
import { unitRoutes } from "./units.routes.js";

/** Matched in this order: the public status lookup, the busiest route, first. */
export const apiRoutes: AnyRoute[] = [
  ...dossierRoutes,
  ...unitRoutes,
  ...procedureRoutes,
  ...preRegistrationRoutes,
  ...citizenRoutes,
  ...myDataRoutes,
  ...citizenPhoneRoutes,
  ...feedbackRoutes,
  ...integrationRoutes,
];
