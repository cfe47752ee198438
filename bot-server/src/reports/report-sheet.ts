/**
 * A report as a Vietnamese report table, one model for the Excel sheet and the printed A4 page: the issuing
 * office and the national motto side by side, the title, unit, period (and procedure), numbered rows (STT) of
 * figure, value, unit of measure and formula, a totals row, "…, ngày … tháng … năm …" and the two signatures
 * (Người lập biểu, Thủ trưởng đơn vị). Quốc hiệu, Tiêu ngữ and the place-and-date line are set out by Nghị định
 * 30/2020/NĐ-CP (công tác văn thư), Phụ lục I.
 */
import { longDate } from "../forms/print-document.js";

/** The report's shape as computed by the reports module (shared/reports/report.ts); only what a table prints. */
export interface ExportableFigure {
  key: string;
  label: string;
  value: number | null;
  unit: "count" | "percent" | "hours";
  formula: string;
  /** Group heading of the table ("Tiếp nhận", "Kết quả giải quyết"): printed as "I.", "II." rows. */
  group?: string;
}

export interface ExportableReport {
  title: string;
  unit: string | { name: string };
  period: string | { label: string };
  procedure?: string | { name: string; code?: string } | null;
  figures: readonly ExportableFigure[];
}

/** Where and when the report is signed, and the office that issues it (header left column). */
export interface ReportFrame {
  agencyTop: string;
  agency: string;
  place: string;
  /** YYYY-MM-DD, the day the table is made (Asia/Ho_Chi_Minh). */
  date: string;
}

export interface ReportTable {
  agencyTop: string;
  agency: string;
  title: string;
  lines: string[];
  header: string[];
  /** Figures numbered 1, 2, … under group rows numbered I, II, … (a group row has no unit, value or formula). */
  rows: {
    kind: "group" | "figure";
    stt: string;
    label: string;
    unit: string;
    value: string;
    numeric: number | null;
    format: string;
    formula: string;
  }[];
  total: { label: string; value: string; numeric: number | null } | null;
  placeDate: string;
  signatures: { title: string; note: string }[];
}

export const UNIT_LABELS: Record<ExportableFigure["unit"], string> = {
  count: "Hồ sơ",
  percent: "%",
  hours: "Giờ làm việc",
};
/** Excel number formats by unit of measure: counts whole, rates and hours with one decimal (Vietnamese comma in print). */
export const UNIT_FORMATS: Record<ExportableFigure["unit"], string> = { count: "#,##0", percent: "0.0", hours: "0.0" };

const nameOf = (v: string | { name: string } | { label: string }): string =>
  typeof v === "string" ? v : "name" in v ? v.name : v.label;

/** "1.234" (counts), "92,5" (rates and hours): the Vietnamese way, dot for thousands and comma for decimals. */
export function formatValue(value: number | null, unit: ExportableFigure["unit"]): string {
  if (value === null || !Number.isFinite(value)) return "—";
  if (unit === "count")
    return Math.round(value)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return value.toFixed(1).replace(".", ",");
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

function figureRow(f: ExportableFigure, i: number): ReportTable["rows"][number] {
  return {
    kind: "figure",
    stt: String(i + 1),
    label: f.label,
    unit: UNIT_LABELS[f.unit],
    value: formatValue(f.value, f.unit),
    numeric: f.value !== null && Number.isFinite(f.value) ? f.value : null,
    format: UNIT_FORMATS[f.unit],
    formula: f.formula,
  };
}

export function reportTable(result: ExportableReport, frame: ReportFrame): ReportTable {
  const procedure = result.procedure
    ? typeof result.procedure === "string"
      ? result.procedure
      : `${result.procedure.code ? `${result.procedure.code} – ` : ""}${result.procedure.name}`
    : "Tất cả thủ tục";
  const rows: ReportTable["rows"] = [];
  let group: string | undefined;
  let groups = 0;
  result.figures.forEach((f, i) => {
    if (f.group && f.group !== group) {
      group = f.group;
      groups += 1;
      rows.push({
        kind: "group",
        stt: ROMAN[groups - 1] ?? String(groups),
        label: f.group,
        unit: "",
        value: "",
        numeric: null,
        format: "",
        formula: "",
      });
    }
    rows.push(figureRow(f, i));
  });
  // The total of a table of different indicators is the number of dossiers they are computed over: the
  // dossiers received in the period (the first count figure when no figure is keyed "received").
  const base = result.figures.find((f) => f.key === "received") ?? result.figures.find((f) => f.unit === "count");
  return {
    agencyTop: frame.agencyTop,
    agency: frame.agency,
    title: result.title.toUpperCase(),
    lines: [
      `Đơn vị: ${nameOf(result.unit)}`,
      `Kỳ báo cáo: ${nameOf(result.period)}`,
      `Thủ tục hành chính: ${procedure}`,
    ],
    header: ["STT", "Chỉ tiêu", "Đơn vị tính", "Giá trị", "Cách tính"],
    rows,
    total: base
      ? { label: "Tổng số hồ sơ tiếp nhận trong kỳ", value: formatValue(base.value, "count"), numeric: base.value }
      : null,
    placeDate: `${frame.place ? `${frame.place}, ` : ""}${longDate(frame.date)}`,
    signatures: [
      { title: "NGƯỜI LẬP BIỂU", note: "(Ký, ghi rõ họ tên)" },
      { title: "THỦ TRƯỞNG ĐƠN VỊ", note: "(Ký, ghi rõ họ tên, đóng dấu)" },
    ],
  };
}
