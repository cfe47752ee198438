/**
 * A scheme plan (kế hoạch "Ngày không viết – Ngày không hẹn"): a dated document that says where, on which weekdays,
 * until what time and for which procedures a complete dossier is handled the same day. A province, a weekday or a
 * cutoff is a new plan row, never a code change.
 */
import { z } from "zod";
import { evidenceSchema, unitLevelSchema } from "../procedures/procedure-version.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const eligibleProcedureSchema = z.object({
  procedureCode: z.string().regex(/^\d\.\d{6}$/),
  /** Case flags (defined on the procedure version) that this plan excludes on top of the procedure's own. */
  excludedFlags: z.array(z.string()).optional(),
  /**
   * For a procedure decided by an office outside the receiving unit (the land registration office for a commune's
   * security-interest dossier): how the plan has that office take part on the scheme day. Without it no one at the
   * counter can deliver a same-day result, so the procedure stays on the normal track and the decision says why.
   */
  decidingOfficeTakesPart: z
    .object({
      text: z.string().min(1),
      source: z.string().min(1),
      evidence: evidenceSchema,
      toVerify: z.boolean().optional(),
    })
    .optional(),
});

export const schemePlanSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  issuer: z.string().min(1),
  /** Document number ("824/KH-UBND"); null when not known. */
  number: z.string().nullable(),
  issuedOn: isoDate.nullable(),
  validFrom: isoDate,
  /** Last day in force (inclusive). */
  validTo: isoDate.optional(),
  /** "demo": a sample configuration, not an official decision; always shown with its label. */
  status: z.enum(["official", "demo"]),
  label: z.string().min(1),
  /** Units whose one-stops apply the plan: all units of some levels in a province, and/or explicit unit ids. */
  coverage: z
    .object({
      provinceUnitId: z.string().optional(),
      levels: z.array(unitLevelSchema).optional(),
      unitIds: z.array(z.string()).optional(),
    })
    .refine(
      (c) => (c.provinceUnitId !== undefined && c.levels !== undefined) || (c.unitIds?.length ?? 0) > 0,
      "coverage needs provinceUnitId with levels, or unitIds",
    ),
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are scheme days; a day off is never one. */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1),
  officeHours: z.array(z.object({ start: clockTime, end: clockTime })).min(1),
  officeHoursToVerify: z.boolean(),
  /** Same-day intake closes at this time (15:00 in Đắk Nông, after Decree 99/2022 Art. 16 and Decree 23/2015 Art. 21). */
  intakeCutoff: clockTime,
  eligible: z.partialRecord(unitLevelSchema, z.array(eligibleProcedureSchema)),
  source: z.string().min(1),
  evidence: evidenceSchema,
  toVerify: z.boolean().optional(),
  note: z.string().optional(),
  /** The version this one follows, when entered in the console (the predecessor ends the day before this starts). */
  supersedes: z.string().optional(),
  /** Who entered this version in the console, and when (ISO instant); absent on shipped plans. */
  enteredBy: z.object({ username: z.string().min(1), at: z.string().min(1) }).optional(),
});

export type EligibleProcedure = z.infer<typeof eligibleProcedureSchema>;
export type SchemePlan = z.infer<typeof schemePlanSchema>;

export const PLAN_STATUS_LABELS: Record<SchemePlan["status"], string> = {
  official: "Văn bản của cơ quan có thẩm quyền",
  demo: "Cấu hình minh họa, không phải quyết định chính thức",
};
