/** Procedures as the citizen sees them: the version in force at a unit and instant, with its same-day status. */
import { z } from "zod";
import { AtQuery, IsoDate, ProcedureCode, TrackSchema, UnitCode, UnitRef } from "./common.js";

export const ProcedureListQuery = AtQuery.extend({ unit: UnitCode });
export const ProcedureDetailQuery = AtQuery.extend({ unit: UnitCode.optional() });
export const ProcedureCodeParams = z.object({ code: ProcedureCode });

export const ProcedureListItem = z.object({
  code: z.string(),
  name: z.string(),
  sector: z.string(),
  versionId: z.string(),
  timeLimitWorkingDays: z.number().int(),
  sameDayEligible: z
    .boolean()
    .describe("On the scheme's list at this unit (same-day on scheme days, before the cutoff)"),
  trackNow: TrackSchema,
  dueDateNow: IsoDate,
});
export const ProcedureList = z.object({ unit: UnitRef, schemeDay: z.boolean(), items: z.array(ProcedureListItem) });
export type ProcedureList = z.infer<typeof ProcedureList>;

const sourcedText = z.object({ name: z.string(), toVerify: z.boolean() });

export const ProcedureDetail = z.object({
  code: z.string(),
  name: z.string(),
  versionId: z.string(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  sector: sourcedText,
  receivingBody: sourcedText,
  competentBody: sourcedText,
  where: z
    .object({ receivingOffice: z.string(), decidingOffice: z.string(), sameBody: z.boolean(), text: z.string() })
    .describe("Nơi tiếp nhận and nơi giải quyết in citizen words (shared/procedures/where-to-submit.ts)"),
  legalBasis: z.array(z.object({ title: z.string(), articles: z.string().nullable(), toVerify: z.boolean() })),
  requiredDocuments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      kindLabel: z.string(),
      count: z.number().int(),
      always: z.boolean(),
      condition: z.string().nullable(),
      toVerify: z.boolean(),
    }),
  ),
  form: z.object({
    formCode: z.string(),
    title: z.string(),
    legalSource: z.string(),
    toVerify: z.boolean(),
    sections: z.array(z.object({ id: z.string(), label: z.string() })),
    fields: z.array(z.record(z.string(), z.unknown())).describe("Form fields in print order (see shared/procedures)"),
  }),
  timeLimit: z.object({
    workingDays: z.number().int(),
    sameDayCutoff: z.string().nullable(),
    note: z.string().nullable(),
    toVerify: z.boolean(),
  }),
  fee: z
    .object({
      display: z.string(),
      amountVnd: z.number().nullable(),
      onlineAmountVnd: z.number().nullable(),
      kind: z.string().nullable(),
      basis: z.string().nullable(),
      note: z.string().nullable(),
      toVerify: z.boolean(),
    })
    .nullable()
    .describe("Per province; null when unknown"),
  result: sourcedText,
  caseFlags: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      excludesSameDay: z.boolean(),
      excludesAssistedWriting: z.boolean(),
      note: z.string(),
      toVerify: z.boolean(),
    }),
  ),
  /** Facts of this version marked U or ? in the sources ("cần kiểm tra"). */
  toVerify: z.array(z.string()),
  sameDay: z
    .object({
      unit: UnitRef,
      eligible: z.boolean(),
      track: TrackSchema,
      dueDate: IsoDate,
      dueDateText: z.string(),
      reasons: z.array(z.string()),
    })
    .nullable()
    .describe("At the given unit and instant; null without ?unit"),
});
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;
