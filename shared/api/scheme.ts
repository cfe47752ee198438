/**
 * Scheme status at a unit at an instant: is it a "Ngày không hẹn" day, how long until the intake cutoff,
 * office hours, the next scheme day, and for each eligible procedure the track a dossier would get now.
 */
import { z } from "zod";
import { IsoDate, TrackSchema, UnitRef } from "./common.js";

export const SchemePlanRef = z.object({
  id: z.string(),
  title: z.string(),
  issuer: z.string(),
  official: z.boolean().describe("false for the demo configuration (cấu hình minh họa)"),
  label: z.string().describe("e.g. 'Kế hoạch 824/KH-UBND' or 'Cấu hình minh họa'"),
  toVerify: z.boolean(),
});

export const ProcedureTrackNow = z.object({
  code: z.string(),
  name: z.string(),
  track: TrackSchema,
  sameDayNow: z.boolean(),
  dueDate: IsoDate,
  dueDateText: z.string(),
  reasons: z.array(z.string()),
});

export const SchemeStatus = z.object({
  unit: UnitRef,
  at: z.string(),
  date: IsoDate,
  dateText: z.string().describe("dd/mm/yyyy"),
  weekday: z.string().describe("Thứ Hai … Chủ nhật"),
  workingDay: z.boolean(),
  schemeDay: z.boolean(),
  plan: SchemePlanRef.nullable(),
  officeHours: z.array(z.object({ from: z.string(), to: z.string() })),
  cutoffTime: z.string().nullable().describe("HH:mm, intake cutoff of the same-day track"),
  beforeCutoff: z.boolean(),
  minutesToCutoff: z.number().int().nullable().describe("Minutes left before the cutoff today; null when not a scheme day or past it"),
  nextSchemeDay: IsoDate.nullable(),
  nextSchemeDayText: z.string().nullable(),
  procedures: z.array(ProcedureTrackNow),
  summary: z.string().describe("One Vietnamese sentence"),
});
export type SchemeStatus = z.infer<typeof SchemeStatus>;
