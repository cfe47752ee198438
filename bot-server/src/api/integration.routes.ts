/** Read API for the province's TTHC information system (bearer token per province or unit). */
import { z } from "zod";
import {
  ExportQuery,
  IntegrationDossierPage,
  IntegrationEventPage,
  IntegrationPageQuery,
} from "../../../shared/reports/exports.js";
import { route } from "../http/route-table.js";
import { dossierPage, eventPage, integrationBook, integrationScope } from "../use-cases/integration-read.js";
import { trackingBookCsv, trackingBookJson } from "../reports/tracking-book-data.js";

const TAG = "Integration";
const BOOK_NOTE = "Prints applicants' names and addresses as the paper book does; every read is audited per dossier.";
const PAGE_NOTE =
  "Ordered by time of change then id; pass `next` as `after` to read on. `since`: only changes at or after this instant.";

export const integrationRoutes = [
  route({
    method: "get",
    path: "/integration/dossiers",
    tag: TAG,
    auth: "integration",
    summary: "Dossiers in order of their last change (no personal data)",
    description: PAGE_NOTE,
    query: IntegrationPageQuery,
    response: { status: 200, schema: IntegrationDossierPage, description: "A page of dossiers" },
    errors: ["integration_token_invalid", "integration_forbidden", "unit_not_found"],
    async handler({ query, req }, deps) {
      const scope = await integrationScope(deps, req, query.unitId);
      return scope.ok ? dossierPage(deps, scope.value, query) : scope;
    },
  }),
  route({
    method: "get",
    path: "/integration/events",
    tag: TAG,
    auth: "integration",
    summary: "Dossier lifecycle events in order (the same events the webhooks send)",
    description: PAGE_NOTE,
    query: IntegrationPageQuery,
    response: { status: 200, schema: IntegrationEventPage, description: "A page of events" },
    errors: ["integration_token_invalid", "integration_forbidden", "unit_not_found"],
    async handler({ query, req }, deps) {
      const scope = await integrationScope(deps, req, query.unitId);
      return scope.ok ? eventPage(deps, scope.value, query) : scope;
    },
  }),
  route({
    method: "get",
    path: "/integration/tracking-book",
    tag: TAG,
    auth: "integration",
    summary: "The Sổ theo dõi hồ sơ of a unit and period as JSON: its columns in order and its rows",
    description: BOOK_NOTE,
    query: ExportQuery,
    response: {
      status: 200,
      schema: z.unknown(),
      description: "`{ formCode, unitName, from, to, columns: [{ key, title, group? }], rows }`",
    },
    errors: ["integration_token_invalid", "integration_forbidden", "unit_not_found"],
    async handler({ query, req }, deps) {
      const scope = await integrationScope(deps, req, query.unitId);
      if (!scope.ok) return scope;
      const book = await integrationBook(deps, scope.value, query);
      return book.ok ? { ok: true, value: trackingBookJson(book.value) } : book;
    },
  }),
  route({
    method: "get",
    path: "/integration/tracking-book.csv",
    tag: TAG,
    auth: "integration",
    summary: "The Sổ theo dõi hồ sơ of a unit and period as CSV (UTF-8 with BOM, the book's column titles, ISO dates)",
    description: BOOK_NOTE,
    query: ExportQuery,
    response: { status: 200, contentType: "text/csv; charset=utf-8", description: "RFC 4180 CSV" },
    errors: ["integration_token_invalid", "integration_forbidden", "unit_not_found"],
    async handler({ query, req }, deps) {
      const scope = await integrationScope(deps, req, query.unitId);
      if (!scope.ok) return scope;
      const book = await integrationBook(deps, scope.value, query);
      return book.ok ? { ok: true, value: trackingBookCsv(book.value) } : book;
    },
  }),
];
