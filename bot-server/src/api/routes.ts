/** The public API route table: every route under /api, in documentation order. */
import type { AnyRoute } from "../http/route-table.js";
import { citizenRoutes } from "./citizens.routes.js";
import { dossierRoutes } from "./dossiers.routes.js";
import { preRegistrationRoutes } from "./pre-registrations.routes.js";

export const apiRoutes: AnyRoute[] = [...citizenRoutes, ...preRegistrationRoutes, ...dossierRoutes];
