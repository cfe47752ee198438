/**
 * The shape of a procedure version (phiên bản thủ tục hành chính): one immutable record per legal regime.
 * A dossier keeps the id of the version it was received under, so a version is never edited in place:
 * a legal change adds a new version with a later validFrom. Types come from these schemas.
 */
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const evidenceSchema = z.enum(["V", "S", "U", "?"]);
export const unitLevelSchema = z.enum(["province", "district", "commune"]);

/** Where a fact comes from; `toVerify` is true for evidence U or ? (shown as "cần kiểm tra"). */
const sourced = { source: z.string().min(1), evidence: evidenceSchema, toVerify: z.boolean().optional() };

export const fieldTypeSchema = z.enum([
  "text",
  "textarea",
  "date",
  "idNumber",
  "taxCode",
  "phone",
  "email",
  "choice",
  "multiChoice",
  "checkbox",
  "integer",
  "money",
  "table",
  "repeat",
]);

/** A field is required only when another field has (or, for a list, contains) the given value. */
const requiredWhenSchema = z.object({ field: z.string(), is: z.union([z.string(), z.boolean()]) });

const fieldBase = {
  /** Stable English id; the key in form data. */
  id: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
  /** The label as printed on the official form. */
  label: z.string().min(1),
  type: fieldTypeSchema,
  required: z.boolean().optional(),
  requiredWhen: requiredWhenSchema.optional(),
  /** Personal data (name, ID number, address, date of birth, marital status, contact): never logged. */
  personal: z.boolean().optional(),
  help: z.string().optional(),
  options: z.array(z.string().min(1)).optional(),
  /** The form asks for capitals ("ghi bằng chữ in hoa"): the value is upper-cased. */
  uppercase: z.boolean().optional(),
  maxLength: z.number().int().positive().optional(),
  /** Extra rule as a regular expression (source text), checked after normalisation. */
  pattern: z.string().optional(),
  patternMessage: z.string().optional(),
  /** Overrides the generated "Vui lòng nhập …" message. */
  requiredMessage: z.string().optional(),
  evidence: evidenceSchema.optional(),
  toVerify: z.boolean().optional(),
};

export const formColumnSchema = z.object(fieldBase);

export const formFieldSchema = z.object({
  ...fieldBase,
  /** Section id (see FormDefinition.sections); fields are listed in print order. */
  section: z.string(),
  /** Row fields of a table, or block fields of a repeated block. */
  itemFields: z.array(formColumnSchema).optional(),
  minItems: z.number().int().nonnegative().optional(),
  maxItems: z.number().int().positive().optional(),
  /** A checkbox column that exactly one row must tick (e.g. "Ngành, nghề kinh doanh chính"). */
  exactlyOneTrue: z.string().optional(),
  /** A printed line before this field that the form has but that holds no data ("Nơi thường trú:"). */
  printBefore: z.string().optional(),
  /** The printed table ends with a "Chữ ký" column each row's person signs on paper. */
  signatureColumn: z.boolean().optional(),
});

export const formDefinitionSchema = z.object({
  formCode: z.string().min(1),
  title: z.string().min(1),
  legalSource: z.string().min(1),
  /** heading false: the official form prints no heading for this group of fields. */
  sections: z.array(z.object({ id: z.string(), label: z.string(), heading: z.boolean().optional() })),
  fields: z.array(formFieldSchema).min(1),
  /** Printed parts that are not data (signature blocks, the office's box). */
  printedNotes: z.array(z.string()).optional(),
  ...sourced,
});

/** bản chính, bản gốc, bản sao, bản sao có chứng thực, xuất trình (shown, not kept). */
export const documentKindSchema = z.enum([
  "original",
  "copy",
  "certified_copy",
  "original_or_certified_copy",
  "original_or_copy",
  "shown",
]);

export const requiredDocumentSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: z.string().min(1),
  kind: documentKindSchema,
  count: z.number().int().positive(),
  /** Always required, or only when `condition` holds. */
  always: z.boolean(),
  condition: z.string().optional(),
  ...sourced,
});

/** A case flag: a situation an officer ticks that changes what the scheme may promise. */
export const caseFlagSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  excludesSameDay: z.boolean(),
  excludesAssistedWriting: z.boolean(),
  note: z.string(),
  ...sourced,
});

export const legalBasisSchema = z.object({ title: z.string().min(1), articles: z.string().optional(), ...sourced });

export const procedureVersionSchema = z.object({
  /** `${code}@${validFrom}` */
  id: z.string().regex(/^\d\.\d{6}@\d{4}-\d{2}-\d{2}$/),
  code: z.string().regex(/^\d\.\d{6}$/),
  name: z.string().min(1),
  sector: z.object({ name: z.string().min(1), ...sourced }),
  validFrom: isoDate,
  validTo: isoDate.optional(),
  /** Unit levels whose one-stops receive this procedure. */
  receivingLevels: z.array(unitLevelSchema).min(1),
  /** Nơi tiếp nhận: the one-stop that receives the dossier and returns the result. */
  receivingBody: z.object({ name: z.string().min(1), ...sourced }),
  /** Nơi giải quyết: the body that decides, which may sit elsewhere (a land registration office for a commune's dossier). */
  competentBody: z.object({
    name: z.string().min(1),
    /** The deciding body belongs to the People's Committee whose one-stop receives (its own officers decide there). */
    sameBodyAsReceiving: z.boolean(),
    /** Who signs in its name (Mẫu 04): "TM. ỦY BAN NHÂN DÂN" over "CHỦ TỊCH", or "GIÁM ĐỐC" alone. */
    signs: z.object({ onBehalf: z.string().optional(), title: z.string().min(1) }),
    ...sourced,
  }),
  legalBasis: z.array(legalBasisSchema).min(1),
  requiredDocuments: z.array(requiredDocumentSchema).min(1),
  form: formDefinitionSchema,
  timeLimit: z.object({
    timeLimitWorkingDays: z.number().int().nonnegative(),
    /** Same-day rule: received before this time → done that working day, after it → the next one. */
    sameDayCutoff: clockTime.optional(),
    maxExtensionWorkingDays: z.number().int().positive().optional(),
    note: z.string().optional(),
    ...sourced,
  }),
  result: z.object({ name: z.string().min(1), ...sourced }),
  caseFlags: z.array(caseFlagSchema),
  note: z.string().optional(),
});

export type FieldType = z.infer<typeof fieldTypeSchema>;
export type FormColumn = z.infer<typeof formColumnSchema>;
export type FormField = z.infer<typeof formFieldSchema>;
export type FormDefinition = z.infer<typeof formDefinitionSchema>;
export type DocumentKind = z.infer<typeof documentKindSchema>;
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;
export type CaseFlag = z.infer<typeof caseFlagSchema>;
export type LegalBasis = z.infer<typeof legalBasisSchema>;
export type ProcedureVersion = z.infer<typeof procedureVersionSchema>;

export const documentKindLabels: Record<DocumentKind, string> = {
  original: "Bản chính",
  copy: "Bản sao",
  certified_copy: "Bản sao có chứng thực",
  original_or_certified_copy: "Bản chính hoặc bản sao có chứng thực",
  original_or_copy: "Bản chính hoặc bản sao",
  shown: "Xuất trình bản chính",
};
