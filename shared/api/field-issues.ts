/**
 * Field errors of a failed zod parse: Vietnamese messages for people (the schema's own message wins where it has
 * one, as in the procedure form schemas) and an English summary for API clients.
 */
import { z, type ZodType } from "zod";
import type { FieldError } from "./errors.js";

export const viErrors = z.locales.vi().localeError;
const enErrors = z.locales.en().localeError;

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
