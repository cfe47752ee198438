/**
 * Scheme status at a unit at an instant: is it a "Ngày không hẹn" day, how long until the intake cutoff,
 * office hours, the next scheme day, and for each procedure received there the track a dossier would get now.
 */
import { z } from "zod";
import { AtQuery, IsoDate, TrackSchema, UnitRef } from "./common.js";
import { UnitOffice } from "./units.js";

export const SchemeQuery = AtQuery;

export const SchemePlanRef = z.object({
  id: z.string(),
  title: z.string().describe("The plan's label"),
  issuer: z.string(),
  number: z.string().nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  official: z.boolean().describe("false for a demo configuration (cấu hình minh họa), never an official decision"),
  statusLabel: z
    .string()
    .describe("'Văn bản của cơ quan có thẩm quyền' or 'Cấu hình minh họa, không phải quyết định chính thức'"),
  toVerify: z.boolean(),
});

export const ProcedureTrackNow = z.object({
  code: z.string(),
  name: z.string(),
  versionId: z.string(),
  sameDayEligible: z.boolean().describe("On the plan's list for this unit's level"),
  track: TrackSchema.describe("The track a complete dossier received now would get"),
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
  time: z.string().describe("HH:mm in Việt Nam"),
  weekday: z.string().describe("Thứ Hai … Chủ nhật"),
  workingDay: z.boolean(),
  schemeDay: z.boolean(),
  plan: SchemePlanRef.nullable(),
  officeHours: z.array(z.object({ start: z.string(), end: z.string() })),
  officeHoursToVerify: z.boolean(),
  office: UnitOffice.describe("Where to go: the unit's one-stop office"),
  openNow: z.boolean().nullable().describe("Working day and within office hours; null without a plan"),
  intakeCutoff: z.string().nullable().describe("HH:mm, intake cutoff of the same-day track"),
  intakeOpen: z.boolean().describe("Same-day intake is open at this moment"),
  intakeState: z
    .enum(["open", "paused", "closed", "not-scheme-day"])
    .describe(
      "open; paused = before opening or over a break on a scheme day (see resumesAt); closed = past the cutoff or after hours; not-scheme-day",
    ),
  resumesAt: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .nullable()
    .describe("Paused only: HH:mm when the counter opens again"),
  pauseKind: z
    .enum(["before-opening", "break"])
    .nullable()
    .describe("Paused only: before the first office period or between two"),
  minutesToCutoff: z.number().int().nullable().describe("Scheme days only: minutes until the cutoff, 0 once past"),
  nextSchemeDay: IsoDate.nullable(),
  nextSchemeDayText: z.string().nullable(),
  procedures: z.array(ProcedureTrackNow),
  summary: z.string().describe("One Vietnamese sentence"),
});
export type SchemeStatus = z.infer<typeof SchemeStatus>;
