/**
 * Checks pre-entered form data against the procedure version's form schema. A draft may be incomplete: a
 * missing value is listed (missingFields) but saved; a present but wrong value (an 11-digit ID number, a date
 * that does not exist, a field not on the form) is refused. Submission needs everything.
 */
import type { FieldError } from "../../../shared/api/errors.js";
import type { FormSchema } from "../../../shared/procedures/form-schema.js";
import { describeIssues } from "../../../shared/api/field-issues.js";

export type FormCheck =
  | { ok: true; data: Record<string, unknown>; missing: FieldError[] }
  | { ok: false; code: "invalid_body" | "form_incomplete"; fields: FieldError[]; detail: string };

const PREFIX = "formData";

function isAbsent(v: unknown): boolean {
  return (
    v === undefined || v === null || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0)
  );
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[String(key)];
  }
  return v;
}

/** Drops cleared (null or empty) values: they are simply not filled in yet. */
export function withoutEmpty(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => !isAbsent(v)));
}

export function checkForm(schema: FormSchema, input: Record<string, unknown>, mode: "draft" | "submit"): FormCheck {
  const data = withoutEmpty(input);
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data as Record<string, unknown>, missing: [] };
  const issues = parsed.error.issues;
  const invalid =
    mode === "submit" ? issues : issues.filter((i) => i.path.length === 0 || !isAbsent(valueAt(data, i.path)));
  if (invalid.length > 0) {
    const { fields, detail } = describeIssues(schema, data, invalid, PREFIX);
    return { ok: false, code: mode === "submit" ? "form_incomplete" : "invalid_body", fields, detail };
  }
  const missing = issues.map((i) => ({ path: `${PREFIX}.${i.path.map(String).join(".")}`, message: i.message }));
  return { ok: true, data: normalizedFields(schema, data), missing };
}

/** Each present field as its own schema normalises it (dd/mm/yyyy → ISO date, capitals…), so drafts store what a submission would. */
function normalizedFields(schema: FormSchema, data: Record<string, unknown>): Record<string, unknown> {
  const shape = (
    schema as unknown as { shape?: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }> }
  ).shape;
  if (!shape) return data;
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => {
      const r = shape[k]?.safeParse(v);
      return [k, r?.success ? r.data : v];
    }),
  );
}
