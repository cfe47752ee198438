/**
 * Downloads of the reports module: the report table (Excel, printable A4) and the Sổ theo dõi hồ sơ of a unit
 * and period (Excel, printable, CSV, JSON). Unit administrators and leaders download their own unit's, province
 * viewers every unit's; a report on a unit counts its predecessors (through the succession table) and, before
 * 1/7/2025, the communes under a district. The book prints applicants' names and addresses: each download is
 * audited per dossier, never logged.
 */
import type { IsoDate } from "../../../shared/model.js";
import {
  type BookFormat,
  type ExportQuery,
  type ReportFormat,
  type TrackingBook,
  type TrackingBookRow,
} from "../../../shared/reports/exports.js";
import { whereToSubmit } from "../../../shared/procedures/where-to-submit.js";
import { addDays, vnInstant } from "../../../shared/time/vn-time.js";
import { displayName } from "../../../shared/units/unit-names.js";
import { applicantOf } from "../../../shared/dossier/applicant-fields.js";
import { fail as failure, type Failure } from "../../../shared/outcomes.js";
import { isProvinceWide, type Officer } from "../../../shared/officers/officer.js";
import type { Deps } from "../deps.js";
import { localDateOf } from "../forms/print-document.js";
import { receivingOffice } from "../forms/one-stop-slips.js";
import { writeAuditMany } from "../store/audit.js";
import { listTrackingBook } from "../store/tracking-book.js";
import { reportPdf, trackingBookPdf } from "../reports/report-print.js";
import type { ExportableReport } from "../reports/report-sheet.js";
import { trackingBookCsv, trackingBookJson } from "../reports/tracking-book-data.js";
import { reportWorkbook, trackingBookWorkbook } from "../reports/report-workbook.js";
import { nowOf } from "./console-context.js";

export type Outcome<T> = { ok: true; value: T } | Failure;

export interface Download {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** Computes the report a download lays out (the reports module's use case, given at the composition root). */
export type ReportSource = (deps: Deps, officer: Officer, q: ExportQuery) => Promise<Outcome<ExportableReport>>;

/** A book longer than this is refused with a message to narrow the period (a province year is for the API). */
export const TRACKING_BOOK_MAX_ROWS = 50_000;

const REPORT_ROLES = new Set(["unit_admin", "leader", "province_viewer", "province_admin"]);

const CONTENT_TYPES: Record<BookFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** The unit a download is about: the officer's own unless a province viewer names one (or none: the province). */
export function scopeOf(
  deps: Deps,
  officer: Officer,
  unitId: string | undefined,
): Outcome<{ unitId: string | undefined }> {
  if (!REPORT_ROLES.has(officer.role))
    return failure("forbidden", {
      message: "Chỉ lãnh đạo, quản trị đơn vị và cán bộ theo dõi của tỉnh được tải báo cáo.",
    });
  if (isProvinceWide(officer)) {
    if (unitId !== undefined && !deps.domain.units.byId(unitId))
      return failure("unit_not_found", { message: "Không tìm thấy đơn vị này." });
    return { ok: true, value: { unitId } };
  }
  if (officer.unitId === null) return failure("unit_unknown");
  if (unitId !== undefined && unitId !== officer.unitId)
    return failure("forbidden", { message: "Bạn chỉ được tải báo cáo của đơn vị mình." });
  return { ok: true, value: { unitId: officer.unitId } };
}

/** The unit itself, every unit merged or split into it (transitively) and the units under it (a district's communes). */
export function unitsCountedIn(deps: Deps, unitId: string): string[] {
  const dir = deps.domain.units;
  const out = new Set<string>();
  const queue = [unitId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const u = dir.byId(id);
    if (!u || out.has(id)) continue;
    out.add(id);
    for (const p of dir.predecessorsOf(id)) queue.push(p.id);
    if (u.level !== "commune") for (const c of dir.childrenOf(id)) queue.push(c.id);
  }
  return [...out];
}

function frameOf(deps: Deps, unitId: string | undefined, date: IsoDate) {
  const unit = unitId ? deps.domain.units.byId(unitId) : undefined;
  const province = unit ? deps.domain.units.provinceOf(unit) : undefined;
  const top =
    unit && unit.level !== "province"
      ? `Ủy ban nhân dân ${displayName(unit)}`
      : province
        ? `Ủy ban nhân dân ${displayName(province)}`
        : "Ủy ban nhân dân tỉnh";
  return {
    agencyTop: top,
    agency: unit && unit.level !== "province" ? "Bộ phận Một cửa" : "Trung tâm Phục vụ hành chính công",
    place: unit?.name ?? province?.name ?? "",
    date,
  };
}

const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();

export async function exportReport(
  deps: Deps,
  officer: Officer,
  q: ExportQuery,
  format: ReportFormat,
  source: ReportSource,
): Promise<Outcome<Download>> {
  const scope = scopeOf(deps, officer, q.unitId);
  if (!scope.ok) return scope;
  const computed = await source(deps, officer, { ...q, unitId: scope.value.unitId });
  if (!computed.ok) return computed;
  const frame = frameOf(deps, scope.value.unitId, nowOf(deps).date);
  const body = format === "xlsx" ? await reportWorkbook(computed.value, frame) : reportPdf(computed.value, frame);
  return {
    ok: true,
    value: {
      body,
      contentType: CONTENT_TYPES[format],
      fileName: `bao-cao-${slug(frame.place || "tinh")}-${q.from}-${q.to}.${format}`,
    },
  };
}

/** The book of a unit (or of the province) for a period, as data, for a signed-in officer. */
export async function trackingBookOf(deps: Deps, officer: Officer, q: ExportQuery): Promise<Outcome<TrackingBook>> {
  const scope = scopeOf(deps, officer, q.unitId);
  if (!scope.ok) return scope;
  return buildTrackingBook(deps, scope.value.unitId, q, { kind: "officer", id: officer.id });
}

/** The book of `unitId` (undefined: every unit), read under audit by `actor` (an officer, or the province's system). */
export async function buildTrackingBook(
  deps: Deps,
  unitId: string | undefined,
  q: ExportQuery,
  actor: { kind: "officer" | "system"; id: string },
): Promise<Outcome<TrackingBook>> {
  const records = await listTrackingBook(deps.db, {
    unitIds: unitId ? unitsCountedIn(deps, unitId) : undefined,
    fromIso: new Date(vnInstant(q.from, "00:00")).toISOString(),
    toIso: new Date(vnInstant(addDays(q.to, 1), "00:00")).toISOString(),
    procedureCode: q.procedureCode,
    limit: TRACKING_BOOK_MAX_ROWS + 1,
  });
  if (records.length > TRACKING_BOOK_MAX_ROWS) {
    return failure("invalid_body", {
      message: `Sổ có hơn ${TRACKING_BOOK_MAX_ROWS.toLocaleString("vi-VN")} hồ sơ: vui lòng chọn khoảng thời gian ngắn hơn hoặc một đơn vị.`,
    });
  }
  // Per procedure version and unit, once: the form's field ids and the deciding body's name.
  const perVersion = new Map<string, { fieldIds: string[]; deciding: string }>();
  const lookup = (versionId: string, unitId: string) => {
    const key = `${versionId} ${unitId}`;
    let v = perVersion.get(key);
    const version = deps.domain.catalog.versionById(versionId);
    if (!v && version) {
      v = {
        fieldIds: version.form.fields.map((f) => f.id),
        deciding: whereToSubmit(version, deps.domain.units.byId(unitId)).decidingOffice,
      };
      perVersion.set(key, v);
    }
    return { version, ...v };
  };
  const rows: TrackingBookRow[] = records.map((r, i) => {
    const { version, fieldIds, deciding } = lookup(r.procedureVersionId, r.receivingUnitId);
    const applicant = fieldIds ? applicantOf(fieldIds, r.formData) : undefined;
    const notes = [
      r.apologised ? "Quá hạn, có văn bản xin lỗi (Mẫu 04)" : "",
      r.state === "refused" ? "Từ chối tiếp nhận (Mẫu 03)" : "",
    ].filter(Boolean);
    return {
      stt: i + 1,
      code: r.code,
      procedureCode: r.procedureCode,
      procedureName: version?.name ?? r.procedureCode,
      sets: 1,
      applicantName: r.applicantName,
      addressAndPhone: [applicant?.address, applicant?.phone].filter(Boolean).join(" – "),
      decidingBody: deciding ?? "",
      receivedOn: localDateOf(r.receivedAt),
      dueOn: r.originalDueDate,
      sentToDecidingOn: r.sentToDecidingAt ? localDateOf(r.sentToDecidingAt) : null,
      resultReceivedOn: r.resultReceivedAt ? localDateOf(r.resultReceivedAt) : null,
      returnedOn: r.returnedAt ? localDateOf(r.returnedAt) : null,
      signedBy: "",
      note: notes.join("; "),
    };
  });
  const now = nowOf(deps);
  const audit = records.map((r) => ({
    at: now.iso,
    actorKind: actor.kind,
    actorId: actor.id,
    action: "export" as const,
    subjectKind: "dossier" as const,
    subjectId: r.id,
    fields: ["applicant_name", "address", "phone"],
    reason: "Tải Sổ theo dõi hồ sơ",
  }));
  // 2,000 rows of 9 columns per statement: within SQLite's and PostgreSQL's bound-parameter limits.
  for (let i = 0; i < audit.length; i += 2000) await writeAuditMany(deps.db, audit.slice(i, i + 2000));
  const unit = unitId ? deps.domain.units.byId(unitId) : undefined;
  const frame = frameOf(deps, unitId, now.date);
  const firstVersion = records[0] ? deps.domain.catalog.versionById(records[0].procedureVersionId) : undefined;
  return {
    ok: true,
    value: {
      agencyTop: frame.agencyTop,
      agency: firstVersion && unit?.level !== "province" && unitId ? receivingOffice(firstVersion) : frame.agency,
      unitName: unit ? deps.domain.units.displayName(unit) : "Toàn tỉnh",
      from: q.from,
      to: q.to,
      // Circular 03/2025/TT-VPCP (from 1/7/2025) numbers the book Mẫu số 07; Circular 01/2018/TT-VPCP Mẫu số 06.
      formCode: q.to >= "2025-07-01" ? "Mẫu số 07" : "Mẫu số 06",
      rows,
    },
  };
}

export async function exportTrackingBook(
  deps: Deps,
  officer: Officer,
  q: ExportQuery,
  format: BookFormat,
): Promise<Outcome<Download>> {
  const book = await trackingBookOf(deps, officer, q);
  if (!book.ok) return book;
  const frame = {
    place: frameOf(deps, q.unitId ?? officer.unitId ?? undefined, nowOf(deps).date).place,
    date: nowOf(deps).date,
  };
  const body =
    format === "xlsx"
      ? await trackingBookWorkbook(book.value, frame)
      : format === "pdf"
        ? trackingBookPdf(book.value, frame)
        : format === "csv"
          ? Buffer.from(trackingBookCsv(book.value), "utf8")
          : Buffer.from(JSON.stringify(trackingBookJson(book.value)), "utf8");
  return {
    ok: true,
    value: {
      body,
      contentType: CONTENT_TYPES[format],
      fileName: `so-theo-doi-ho-so-${slug(book.value.unitName)}-${q.from}-${q.to}.${format}`,
    },
  };
}
