/**
 * The printable A4 report and tracking book (PDF through the forms' Typst template, forms/render-pdf.ts): the
 * report table portrait, to attach to the periodic administrative-reform report; the book landscape, its fourteen
 * columns under "Ngày, tháng, năm".
 */
import { TRACKING_BOOK_COLUMNS, type TrackingBook } from "../../../shared/reports/exports.js";
import { formatDateVn } from "../../../shared/time/vn-time.js";
import { longDate, type PrintDocument } from "../forms/print-document.js";
import { renderPdf } from "../forms/render-pdf.js";
import { reportTable, type ExportableReport, type ReportFrame } from "./report-sheet.js";

/** The title's last three words stay on one line: no lone "HẸN" under a long title. */
export function noWidow(title: string): string {
  const words = title.split(" ");
  return words.length > 4 ? `${words.slice(0, -3).join(" ")} ${words.slice(-3).join("\u00a0")}` : title;
}

export function reportDocument(result: ExportableReport, frame: ReportFrame): PrintDocument {
  const t = reportTable(result, frame);
  const rows = t.rows.map((r) =>
    r.kind === "group" ? [r.stt, r.label.toUpperCase(), "", "", ""] : [r.stt, r.label, r.unit, r.value, r.formula],
  );
  if (t.total) rows.push(["", "Tổng cộng", "Hồ sơ", t.total.value, t.total.label]);
  return {
    header: { kind: "office", agencyTop: t.agencyTop, agency: t.agency },
    title: noWidow(t.title),
    blocks: [
      ...t.lines.map((text) => ({ t: "text" as const, text, center: true, italic: true })),
      { t: "space" },
      { t: "table", header: t.header, widths: [0.55, 3.1, 1.1, 1, 3.2], rows },
    ],
    placeDate: t.placeDate,
    signatures: t.signatures.map((s) => ({ title: s.title, note: s.note })),
  };
}

export function reportPdf(result: ExportableReport, frame: ReportFrame): Buffer {
  return renderPdf(reportDocument(result, frame));
}

const dayVn = (d: string | null) => (d ? formatDateVn(d) : "");
const DATES = "Ngày, tháng, năm";

export function trackingBookDocument(book: TrackingBook, frame: { place: string; date: string }): PrintDocument {
  // Header: each ungrouped column spans two rows; "Ngày, tháng, năm" spans the five date columns.
  const groups: { title: string; span: number; rows: 1 | 2 }[] = [];
  for (const c of TRACKING_BOOK_COLUMNS) {
    if (!c.group) groups.push({ title: c.title, span: 1, rows: 2 });
    else if (groups.at(-1)?.title === DATES) groups.at(-1)!.span += 1;
    else groups.push({ title: DATES, span: 1, rows: 1 });
  }
  const header = TRACKING_BOOK_COLUMNS.filter((c) => c.group === "dates").map((c) => c.title);
  const rows = book.rows.map((row) =>
    TRACKING_BOOK_COLUMNS.map((c) => {
      const v = row[c.key];
      if (c.group === "dates") return dayVn(v as string | null);
      // A dossier code has no space: let it wrap after its dots and dashes in a narrow column.
      return c.key === "code" ? String(v).replace(/([.-])/g, "$1\u200b") : String(v ?? "");
    }),
  );
  rows.push([
    "",
    "Tổng cộng",
    "",
    String(book.rows.reduce((s, r) => s + r.sets, 0)),
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
  ]);
  return {
    landscape: true,
    header: { kind: "office", formCode: book.formCode, agencyTop: book.agencyTop, agency: book.agency },
    title: "SỔ THEO DÕI HỒ SƠ",
    subtitle: `Đơn vị: ${book.unitName}. Từ ngày ${formatDateVn(book.from)} đến ngày ${formatDateVn(book.to)}`,
    blocks: [
      {
        t: "table",
        groups,
        header,
        widths: [0.45, 1.6, 2.1, 0.7, 1.4, 1.7, 1.5, 1.1, 1.1, 1.1, 1.1, 1.1, 0.9, 1.1],
        rows,
      },
    ],
    placeDate: `${frame.place ? `${frame.place}, ` : ""}${longDate(frame.date)}`,
    signatures: [
      { title: "NGƯỜI LẬP SỔ", note: "(Ký, ghi rõ họ tên)" },
      { title: "THỦ TRƯỞNG ĐƠN VỊ", note: "(Ký, ghi rõ họ tên, đóng dấu)" },
    ],
  };
}

export function trackingBookPdf(book: TrackingBook, frame: { place: string; date: string }): Buffer {
  return renderPdf(trackingBookDocument(book, frame));
}
