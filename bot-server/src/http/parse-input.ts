/**
 * Validates request parts with zod: Vietnamese field messages for people, an English detail for API
 * clients (the schema's own message wins where it has one, as in the procedure form schemas).
 */
import { z, type ZodType } from "zod";
import type { ApiErrorCode, FieldError } from "../../../shared/api/errors.js";

const viErrors = z.locales.vi().localeError;
const enErrors = z.locales.en().localeError;

export type InputPart = "params" | "query" | "body";

const PART_ERROR: Record<InputPart, ApiErrorCode> = { params: "invalid_params", query: "invalid_query", body: "invalid_body" };

export type ParseOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; code: ApiErrorCode; fields: FieldError[]; detail: string };

export function parseInput<T>(schema: ZodType<T>, value: unknown, part: InputPart, prefix = ""): ParseOutcome<T> {
  const r = schema.safeParse(value, { error: viErrors });
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, code: PART_ERROR[part], ...describeIssues(schema, value, r.error.issues, prefix) };
}

/** Field errors of a failed parse plus an English summary (re-parsed with the English locale: error path only). */
export function describeIssues(
  schema: ZodType,
  value: unknown,
  issues: z.core.$ZodIssue[],
  prefix = "",
): { fields: FieldError[]; detail: string } {
  const fields = issues.map((i) => ({ path: joinPath(prefix, i.path), message: i.message }));
  const en = schema.safeParse(value, { error: enErrors });
  const enIssues = en.success ? [] : en.error.issues;
  const parts = enIssues.slice(0, 10).map((i) => `${joinPath(prefix, i.path) || "(root)"}: ${i.message}`);
  return { fields, detail: `Validation failed. ${parts.join("; ")}`.trim() };
}

function joinPath(prefix: string, path: PropertyKey[]): string {
  const p = path.map(String).join(".");
  return prefix && p ? `${prefix}.${p}` : prefix || p;
}
