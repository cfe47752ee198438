/**
 * /console/api/report-exports: downloads of the report table (xlsx, pdf) and of the Sổ theo dõi hồ sơ (xlsx, pdf,
 * csv, json) for a unit and period. Parse, call the use case, send the file; the rules live in
 * use-cases/report-exports.ts.
 */
import { Router, type Request, type Response } from "express";
import {
  BOOK_FORMATS,
  ExportQuery,
  REPORT_FORMATS,
  type BookFormat,
  type ReportFormat,
} from "../../../shared/reports/exports.js";
import type { Deps } from "../deps.js";
import {
  exportReport,
  exportTrackingBook,
  type Download,
  type Outcome,
  type ReportSource,
} from "../use-cases/report-exports.js";
import { fail as failure } from "../../../shared/outcomes.js";
import { sendError } from "../http/api-error.js";

/** Until the reports module's use case is given, the report download says so (the book does not depend on it). */
const noReportSource: ReportSource = () =>
  Promise.resolve(failure("not_found", { message: "Chưa có số liệu báo cáo cho lựa chọn này." }));

function parse(req: Request, formats: readonly string[]) {
  const format = String(req.params.format);
  const q = ExportQuery.safeParse(req.query);
  if (!formats.includes(format)) return { error: failure("not_found", { message: "Không có định dạng tải về này." }) };
  if (!q.success)
    return {
      error: failure("invalid_body", {
        fields: q.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
      }),
    };
  return { format, query: q.data };
}

function send(res: Response, out: Outcome<Download>): void {
  if (!out.ok) return sendError(res, out);
  res.set("Cache-Control", "no-store").type(out.value.contentType).attachment(out.value.fileName).send(out.value.body);
}

export function consoleReportExportRoutes(deps: Deps, source: ReportSource = noReportSource): Router {
  const r = Router();
  r.get("/report/:format", async (req, res) => {
    const p = parse(req, REPORT_FORMATS);
    if (p.error) return sendError(res, p.error);
    send(res, await exportReport(deps, req.console!.officer, p.query!, p.format as ReportFormat, source));
  });
  r.get("/book/:format", async (req, res) => {
    const p = parse(req, BOOK_FORMATS);
    if (p.error) return sendError(res, p.error);
    send(res, await exportTrackingBook(deps, req.console!.officer, p.query!, p.format as BookFormat));
  });
  return r;
}
