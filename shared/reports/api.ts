/** Request and response schemas of the console's report routes (/console/api/reports). */
import { z } from "zod";
import { PERIOD_KINDS } from "./report.js";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng YYYY-MM-DD.");

export const ReportQuery = z.object({
  period: z.enum(PERIOD_KINDS).default("month"),
  /** A day inside the period (custom: the first day). */
  date: day,
  /** Custom period: the last day. */
  to: day.optional(),
  unitId: z.string().min(1).max(80).optional(),
  procedureCode: z.string().min(1).max(40).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const DrillDownRequest = z.object({
  figure: z.string().min(1).max(40),
  from: day,
  to: day,
  unitId: z.string().min(1).max(80).optional(),
  procedureCode: z.string().min(1).max(40).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type DrillDownRequest = z.infer<typeof DrillDownRequest>;

export const DrillDownItem = z.object({
  id: z.string(),
  code: z.string(),
  receivedAt: z.string(),
  unitName: z.string(),
  procedureCode: z.string(),
  track: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  dueDate: z.string(),
  processingHours: z.number().nullable(),
});
export type DrillDownItem = z.infer<typeof DrillDownItem>;

export const DrillDownResponse = z.object({
  figure: z.object({ key: z.string(), label: z.string(), formula: z.string() }),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(DrillDownItem),
  /** Rating and feedback figures: entries not about any dossier (a general suggestion), counted in the figure. */
  withoutDossier: z.number().optional(),
});
export type DrillDownResponse = z.infer<typeof DrillDownResponse>;

export const ReviewQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100) });

/** The units the signed-in officer may report on (the page's unit picker). */
export const ReportUnitsResponse = z.object({
  allUnits: z.boolean(),
  units: z.array(z.object({ id: z.string(), name: z.string(), level: z.string(), current: z.boolean() })),
});
