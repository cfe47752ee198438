/**
 * Excel (.xlsx, exceljs) of a report and of the tracking book, in the layout of a Vietnamese report table
 * (report-sheet.ts): A4, Times New Roman, the header repeated on every printed page, numbers as numbers so the
 * province can sum them.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { TRACKING_BOOK_COLUMNS, type TrackingBook } from "../../../shared/reports/exports.js";
import { formatDateVn, vnMomentFromEpoch } from "../../../shared/time/vn-time.js";
import { longDate } from "../forms/print-document.js";
import { reportTable, type ExportableReport, type ReportFrame } from "./report-sheet.js";

const FONT = "Times New Roman";
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const CENTER: Partial<ExcelJS.Alignment> = { horizontal: "center", vertical: "middle", wrapText: true };
const LEFT: Partial<ExcelJS.Alignment> = { horizontal: "left", vertical: "middle", wrapText: true };

const MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO_2 = "Độc lập - Tự do - Hạnh phúc";

function put(
  ws: ExcelJS.Worksheet,
  row: number,
  from: number,
  to: number,
  value: string | number | null,
  style: { bold?: boolean; italic?: boolean; size?: number; align?: Partial<ExcelJS.Alignment> } = {},
): ExcelJS.Cell {
  if (to > from) ws.mergeCells(row, from, row, to);
  const cell = ws.getCell(row, from);
  cell.value = value;
  cell.font = { name: FONT, size: style.size ?? 12, bold: style.bold ?? false, italic: style.italic ?? false };
  cell.alignment = style.align ?? CENTER;
  return cell;
}

/** The two header columns: issuing office on the left, motto on the right; returns the next free row. */
function officeAndMotto(
  ws: ExcelJS.Worksheet,
  width: number,
  split: number,
  agencyTop: string,
  agency: string,
  formCode?: string,
): number {
  let r = 1;
  if (formCode) {
    put(ws, r, 1, width, formCode, {
      bold: true,
      italic: true,
      size: 11,
      align: { horizontal: "right", vertical: "middle" },
    });
    r += 1;
  }
  put(ws, r, 1, split, agencyTop.toUpperCase(), { size: 12 });
  put(ws, r, split + 1, width, MOTTO, { bold: true, size: 12 });
  put(ws, r + 1, 1, split, agency.toUpperCase(), { bold: true, size: 12 });
  put(ws, r + 1, split + 1, width, MOTTO_2, { bold: true, size: 13 });
  return r + 3;
}

function signatures(
  ws: ExcelJS.Worksheet,
  row: number,
  width: number,
  split: number,
  placeDate: string,
  sigs: { title: string; note: string }[],
): number {
  put(ws, row, split + 1, width, placeDate, { italic: true });
  const [left, right] = sigs;
  put(ws, row + 1, 1, split, left!.title, { bold: true });
  put(ws, row + 1, split + 1, width, right!.title, { bold: true });
  put(ws, row + 2, 1, split, left!.note, { italic: true, size: 11 });
  put(ws, row + 2, split + 1, width, right!.note, { italic: true, size: 11 });
  return row + 3;
}

/** A4, fitted to the page width, the table's header rows repeated on every printed page. */
function pageSetupOf(landscape: boolean, titleRows: string): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: titleRows,
  };
}

function setup(ws: ExcelJS.Worksheet, landscape: boolean, headerRow: number): void {
  ws.pageSetup = pageSetupOf(landscape, `${headerRow}:${headerRow}`);
}

/** "…, ngày … tháng … năm …" is dated today in Việt Nam unless the frame says otherwise. */
export function todayVn(nowMs: number): string {
  return vnMomentFromEpoch(nowMs).date;
}

/** The report's .xlsx: one sheet "Báo cáo". */
export async function reportWorkbook(result: ExportableReport, frame?: Partial<ReportFrame>): Promise<Buffer> {
  const t = reportTable(result, { agencyTop: "", agency: "", place: "", date: todayVn(Date.now()), ...frame });
  const wb = new ExcelJS.Workbook();
  wb.creator = "Khong Hen";
  wb.created = new Date(0);
  const ws = wb.addWorksheet("Báo cáo");
  ws.columns = [{ width: 6 }, { width: 46 }, { width: 13 }, { width: 12 }, { width: 52 }];
  let r = officeAndMotto(ws, 5, 2, t.agencyTop, t.agency);
  put(ws, r, 1, 5, t.title, { bold: true, size: 14 });
  ws.getRow(r).height = 36;
  r += 1;
  for (const line of t.lines) {
    put(ws, r, 1, 5, line, { italic: true });
    r += 1;
  }
  r += 1;
  const headerRow = r;
  t.header.forEach((h, i) => {
    const c = put(ws, r, i + 1, i + 1, h, { bold: true });
    c.border = THIN;
  });
  r += 1;
  for (const row of t.rows) {
    if (row.kind === "group") {
      const cells = [
        put(ws, r, 1, 1, row.stt, { bold: true }),
        put(ws, r, 2, 5, row.label, { bold: true, align: LEFT }),
      ];
      for (const c of [...cells, ws.getCell(r, 3), ws.getCell(r, 4), ws.getCell(r, 5)]) c.border = THIN;
      r += 1;
      continue;
    }
    const cells = [
      put(ws, r, 1, 1, Number(row.stt)),
      put(ws, r, 2, 2, row.label, { align: LEFT }),
      put(ws, r, 3, 3, row.unit),
      put(ws, r, 4, 4, row.numeric ?? "—", { align: { horizontal: "right", vertical: "middle" } }),
      put(ws, r, 5, 5, row.formula, { italic: true, size: 11, align: LEFT }),
    ];
    if (row.numeric !== null) cells[3]!.numFmt = row.format;
    for (const c of cells) c.border = THIN;
    r += 1;
  }
  if (t.total) {
    const cells = [
      put(ws, r, 1, 3, "Tổng cộng", { bold: true }),
      put(ws, r, 4, 4, t.total.numeric ?? "—", { bold: true, align: { horizontal: "right", vertical: "middle" } }),
      put(ws, r, 5, 5, t.total.label, { italic: true, size: 11, align: LEFT }),
    ];
    cells[1]!.numFmt = "#,##0";
    for (const c of [ws.getCell(r, 1), ws.getCell(r, 2), ws.getCell(r, 3), ...cells.slice(1)]) c.border = THIN;
    r += 1;
  }
  signatures(ws, r + 1, 5, 2, t.placeDate, t.signatures);
  setup(ws, false, headerRow);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const dayVn = (d: string | null) => (d ? formatDateVn(d) : "");

/** The tracking book's .xlsx: one sheet "Sổ theo dõi hồ sơ", two header rows ("Ngày, tháng, năm" over five dates). */
export async function trackingBookWorkbook(
  book: TrackingBook,
  frame: { place: string; date: string },
): Promise<Buffer> {
  // Streaming writer: a province month is tens of thousands of rows, each written once and let go.
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  wb.creator = "Khong Hen";
  wb.created = new Date(0);
  // Rows: form code, office and motto (2), blank, title, unit and period, blank, then the header (3 rows).
  const headerTop = 8;
  const ws = wb.addWorksheet("Sổ theo dõi hồ sơ", { pageSetup: pageSetupOf(true, `${headerTop}:${headerTop + 2}`) });
  const n = TRACKING_BOOK_COLUMNS.length;
  ws.columns = [6, 24, 30, 9, 20, 24, 22, 11, 11, 13, 13, 13, 12, 16].map((width) => ({ width }));
  let r = officeAndMotto(ws, n, 6, book.agencyTop, book.agency, book.formCode);
  put(ws, r, 1, n, "SỔ THEO DÕI HỒ SƠ", { bold: true, size: 14 });
  r += 1;
  put(ws, r, 1, n, `Đơn vị: ${book.unitName}. Từ ngày ${formatDateVn(book.from)} đến ngày ${formatDateVn(book.to)}`, {
    italic: true,
  });
  r += 2;
  const top = r;
  if (top !== headerTop) throw new Error(`tracking book header at row ${top}, page setup says ${headerTop}`);
  const firstDate = TRACKING_BOOK_COLUMNS.findIndex((c) => c.group === "dates") + 1;
  const lastDate = firstDate + TRACKING_BOOK_COLUMNS.filter((c) => c.group === "dates").length - 1;
  TRACKING_BOOK_COLUMNS.forEach((col, i) => {
    const c = i + 1;
    if (col.group === "dates") {
      put(ws, top + 1, c, c, col.title, { bold: true, size: 11 }).border = THIN;
    } else {
      ws.mergeCells(top, c, top + 1, c);
      const cell = put(ws, top, c, c, col.title, { bold: true, size: 11 });
      cell.border = THIN;
    }
  });
  put(ws, top, firstDate, lastDate, "Ngày, tháng, năm", { bold: true, size: 11 }).border = THIN;
  ws.getRow(top + 1).height = 48;
  // The column numbers row under the header, as printed books have: (1) … (14).
  TRACKING_BOOK_COLUMNS.forEach((_, i) => {
    put(ws, top + 2, i + 1, i + 1, `(${i + 1})`, { italic: true, size: 10 }).border = THIN;
  });
  r = top + 3;
  // Thousands of rows: one shared style object per column (exceljs keeps references), values set in one call.
  const bodyFont: Partial<ExcelJS.Font> = { name: FONT, size: 11 };
  const styles = TRACKING_BOOK_COLUMNS.map((col) => ({
    font: bodyFont,
    border: THIN,
    alignment: col.key === "stt" || col.key === "sets" || col.group === "dates" ? CENTER : LEFT,
  }));
  // The header rows are complete: write them out before the body.
  for (let h = 1; h < r; h += 1) ws.getRow(h).commit();
  for (const row of book.rows) {
    const excelRow = ws.getRow(r);
    excelRow.values = TRACKING_BOOK_COLUMNS.map((col) => {
      const v = row[col.key];
      return col.group === "dates" ? dayVn(v as string | null) : (v ?? "");
    });
    for (let c = 1; c <= n; c += 1) excelRow.getCell(c).style = styles[c - 1]!;
    excelRow.commit();
    r += 1;
  }
  put(ws, r, 1, 3, "Tổng cộng", { bold: true, size: 11 });
  put(
    ws,
    r,
    4,
    4,
    book.rows.reduce((s, x) => s + x.sets, 0),
    { bold: true, size: 11 },
  );
  for (let c = 1; c <= n; c += 1) ws.getCell(r, c).border = THIN;
  signatures(ws, r + 2, n, 6, `${frame.place ? `${frame.place}, ` : ""}${longDate(frame.date)}`, [
    { title: "NGƯỜI LẬP SỔ", note: "(Ký, ghi rõ họ tên)" },
    { title: "THỦ TRƯỞNG ĐƠN VỊ", note: "(Ký, ghi rõ họ tên, đóng dấu)" },
  ]);
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}
