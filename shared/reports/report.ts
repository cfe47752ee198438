/**
 * The result of a report, as the console shows it and the exports (Excel, print) lay it out. Stable: exports read
 * only these fields. Every figure carries the formula shown beside it and the query of the dossiers behind it.
 */
import { z } from "zod";

export const FIGURE_UNITS = ["count", "percent", "hours"] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

export const PERIOD_KINDS = ["day", "week", "month", "quarter", "year", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The query of the dossier list behind a figure (GET /console/api/reports/dossiers). */
export const DrillDownQuery = z.object({
  figure: z.string(),
  /** First and last day, YYYY-MM-DD, Asia/Ho_Chi_Minh, both inclusive. */
  from: z.string(),
  to: z.string(),
  /** Unit id as in the units table; absent: the whole province. */
  unitId: z.string().optional(),
  procedureCode: z.string().optional(),
});
export type DrillDownQuery = z.infer<typeof DrillDownQuery>;

export const ReportFigure = z.object({
  key: z.string(),
  /** Vietnamese label, as printed in the report table. */
  label: z.string(),
  /** null: nothing to compute from (e.g. a rate over zero dossiers); shown as "—". */
  value: z.number().nullable(),
  unit: z.enum(FIGURE_UNITS),
  /** The formula shown beside the figure, in Vietnamese. */
  formula: z.string(),
  /** Group heading of the report table (e.g. "Tiếp nhận", "Kết quả giải quyết"). */
  group: z.string(),
  /** Present when the figure is a count of dossiers: the list behind it. */
  drillDown: DrillDownQuery.nullable(),
  /** Decision 766/QĐ-TTg indicator this figure computes, when it is one. */
  indicator766: z.string().optional(),
});
export type ReportFigure = z.infer<typeof ReportFigure>;

export const ReportResult = z.object({
  /** "Báo cáo kết quả thực hiện Ngày không viết – Ngày không hẹn" */
  title: z.string(),
  unit: z.object({ id: z.string().nullable(), code: z.string().nullable(), name: z.string() }),
  /** Historical units whose dossiers are counted in `unit` (roll-up through successions; communes into districts). */
  includedUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  period: z.object({
    kind: z.enum(PERIOD_KINDS),
    from: z.string(), // YYYY-MM-DD inclusive
    to: z.string(), // YYYY-MM-DD inclusive
    /** "Tháng 03/2024", "Từ 01/03/2024 đến 15/03/2024" */
    label: z.string(),
  }),
  procedure: z.object({ code: z.string(), name: z.string() }).nullable(),
  figures: z.array(ReportFigure),
  /** ISO instant the figures were computed at. */
  generatedAt: z.string(),
});
export type ReportResult = z.infer<typeof ReportResult>;

/** One row of the annual review: units ranked for the yearly review and awards. */
export const ReviewRow = z.object({
  rank: z.number(),
  unit: z.object({ id: z.string(), name: z.string() }),
  received: z.number(),
  sameDayTrack: z.number(),
  sameDayRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  /** Share of "rất hài lòng" + "hài lòng" among ratings, percent. */
  satisfactionRate: z.number().nullable(),
  ratings: z.number(),
});
export type ReviewRow = z.infer<typeof ReviewRow>;

export const AnnualReview = z.object({
  title: z.string(),
  year: z.number(),
  period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  /** Ranked by same-day rate, then on-time rate, then satisfaction. */
  rows: z.array(ReviewRow),
  formula: z.string(),
  generatedAt: z.string(),
});
export type AnnualReview = z.infer<typeof AnnualReview>;
