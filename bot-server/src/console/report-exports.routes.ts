/**
 * /console/api/report-exports: downloads of the report table (xlsx, pdf) and of the Sổ theo dõi hồ sơ (xlsx, pdf,
 * csv, json) for a unit and period, as route-table rows (http/route-table.ts); the rules live in
 * use-cases/report-exports.ts, which names the file and its type.
 */
import { z } from "zod";
import { fail } from "../../../shared/outcomes.js";
import { BOOK_FORMATS, ExportQuery, REPORT_FORMATS } from "../../../shared/reports/exports.js";
import { route, type AnyRoute, type Outcome } from "../http/route-table.js";
import { reportForExport } from "../use-cases/reports.js";
import { exportReport, exportTrackingBook, type Download } from "../use-cases/report-exports.js";

const FormatParams = z.object({ format: z.string() });
const NO_SUCH_FORMAT = fail("not_found", { message: "Không có định dạng tải về này." });

/** A download: its own type and file name, never cached. */
function asFile(out: Awaited<ReturnType<typeof exportReport>>): Outcome<Buffer | string> {
  if (!out.ok) return out;
  const d: Download = out.value;
  const name = encodeURIComponent(d.fileName);
  return {
    ok: true,
    value: d.body,
    headers: {
      "Cache-Control": "no-store",
      "Content-Type": d.contentType,
      "Content-Disposition": `attachment; filename="${d.fileName.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${name}`,
    },
  };
}

const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

export function consoleReportExportRoutes(): AnyRoute[] {
  return [
    route({
      method: "get",
      path: "/report/:format",
      tag: "Reports",
      auth: "officer",
      summary: "Download the report table (xlsx or pdf)",
      params: FormatParams,
      query: ExportQuery,
      response: { status: 200, contentType: "application/octet-stream", description: "The file" },
      errors: ["not_found", "invalid_query", "forbidden"],
      handler: async ({ officer, params, query }, deps) =>
        isOneOf(REPORT_FORMATS, params.format)
          ? asFile(await exportReport(deps, officer, query, params.format, reportForExport))
          : NO_SUCH_FORMAT,
    }),
    route({
      method: "get",
      path: "/book/:format",
      tag: "Reports",
      auth: "officer",
      summary: "Download the Sổ theo dõi hồ sơ (xlsx, pdf, csv or json)",
      params: FormatParams,
      query: ExportQuery,
      response: { status: 200, contentType: "application/octet-stream", description: "The file" },
      errors: ["not_found", "invalid_query", "forbidden"],
      handler: async ({ officer, params, query }, deps) =>
        isOneOf(BOOK_FORMATS, params.format)
          ? asFile(await exportTrackingBook(deps, officer, query, params.format))
          : NO_SUCH_FORMAT,
    }),
  ];
}
