/**
 * Validates request parts with zod: Vietnamese field messages for people, an English detail for API
 * clients (the schema's own message wins where it has one, as in the procedure form schemas).
 */
import type { ZodType } from "zod";
import type { FieldError } from "../../../shared/api/errors.js";
import { describeIssues, viErrors } from "../../../shared/api/field-issues.js";
import type { OutcomeCode } from "../../../shared/outcomes.js";

export { describeIssues };

export type InputPart = "params" | "query" | "body";

const PART_ERROR: Record<InputPart, OutcomeCode> = {
  params: "invalid_params",
  query: "invalid_query",
  body: "invalid_body",
};

export type ParseOutcome<T> =
  { ok: true; value: T } | { ok: false; code: OutcomeCode; fields: FieldError[]; detail: string };

export function parseInput<T>(schema: ZodType<T>, value: unknown, part: InputPart, prefix = ""): ParseOutcome<T> {
  const r = schema.safeParse(value, { error: viErrors });
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, code: PART_ERROR[part], ...describeIssues(schema, value, r.error.issues, prefix) };
}
