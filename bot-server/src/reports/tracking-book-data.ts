/**
 * The tracking book as data for the province's system (CSV and JSON, the book's columns in its order): CSV per
 * RFC 4180 (CRLF, quoted when needed) with a UTF-8 byte order mark so Excel reads the diacritics; dates ISO
 * (YYYY-MM-DD), as a sync adapter wants them.
 */
import { TRACKING_BOOK_COLUMNS, type TrackingBook } from "../../../shared/reports/exports.js";

function csvField(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  // A leading = + - @ would make a spreadsheet evaluate the cell (CSV injection): quote and prefix it.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function trackingBookCsv(book: TrackingBook): string {
  const lines = [
    TRACKING_BOOK_COLUMNS.map((c) => csvField(c.group === "dates" ? `Ngày, tháng, năm - ${c.title}` : c.title)).join(
      ",",
    ),
  ];
  for (const row of book.rows) lines.push(TRACKING_BOOK_COLUMNS.map((c) => csvField(row[c.key])).join(","));
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

export function trackingBookJson(book: TrackingBook): object {
  return {
    formCode: book.formCode,
    unitName: book.unitName,
    from: book.from,
    to: book.to,
    columns: TRACKING_BOOK_COLUMNS.map((c) => ({
      key: c.key,
      title: c.title,
      ...(c.group ? { group: "Ngày, tháng, năm" } : {}),
    })),
    rows: book.rows,
  };
}
