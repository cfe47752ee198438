/**
 * /console/api/reports: the report of a period/unit/procedure, the dossiers behind a figure, the annual review and
 * the units the officer may report on, as route-table rows (http/route-table.ts): query schemas of
 * shared/reports/api.ts in, the use-cases of use-cases/reports.ts behind, replies never cached.
 */
import {
  DrillDownRequest,
  DrillDownResponse,
  ReportQuery,
  ReportUnitsResponse,
  ReviewQuery,
} from "../../../shared/reports/api.js";
import { AnnualReview, ReportResult } from "../../../shared/reports/report.js";
import { route, noStore, type AnyRoute } from "../http/route-table.js";
import { annualReview, buildReport, drillDown, reportUnits } from "../use-cases/reports.js";

export function consoleReportRoutes(): AnyRoute[] {
  return [
    route({
      method: "get",
      path: "/",
      tag: "Reports",
      auth: "officer",
      summary: "The report of a period, unit and procedure (Decision 766 indicators and the scheme's figures)",
      query: ReportQuery,
      response: { status: 200, schema: ReportResult, description: "The figures with their formulas" },
      errors: ["invalid_query", "forbidden", "unit_unknown"],
      handler: async ({ officer, query }, deps) => noStore(await buildReport(deps, officer, query)),
    }),
    route({
      method: "get",
      path: "/dossiers",
      tag: "Reports",
      auth: "officer",
      summary: "The dossiers behind one figure of a report",
      query: DrillDownRequest,
      response: { status: 200, schema: DrillDownResponse, description: "One page of the dossiers counted" },
      errors: ["invalid_query", "forbidden", "unit_unknown"],
      handler: async ({ officer, query }, deps) => noStore(await drillDown(deps, officer, query)),
    }),
    route({
      method: "get",
      path: "/review",
      tag: "Reports",
      auth: "officer",
      summary: "The annual review of the scheme, month by month",
      query: ReviewQuery,
      response: { status: 200, schema: AnnualReview, description: "Twelve months of the year" },
      errors: ["invalid_query", "forbidden", "unit_unknown"],
      handler: async ({ officer, query }, deps) => noStore(await annualReview(deps, officer, query.year)),
    }),
    route({
      method: "get",
      path: "/units",
      tag: "Reports",
      auth: "officer",
      summary: "The units the officer may report on",
      response: { status: 200, schema: ReportUnitsResponse, description: "The unit picker's choices" },
      errors: ["forbidden", "unit_unknown"],
      handler: ({ officer }, deps) => noStore(reportUnits(deps, officer)),
    }),
  ];
}
