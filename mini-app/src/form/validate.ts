/**
 * Field messages from the shared zod schema of the form (the same rules the server and the console use),
 * and from the server's 4xx `fields`, keyed by form field id so each message sits beside its field.
 */
import { buildFormSchema } from "../../../shared/procedures/form-schema.js";
import type { FormDefinition } from "../../../shared/procedures/procedure-version.js";
import type { FieldError } from "../api/http.js";
import type { FormData, Step } from "./steps.js";

export type FieldMessages = Record<string, string>;

export interface FormValidator {
  /** Every message of the whole form, first message per field. */
  all(data: FormData): FieldMessages;
  /** Only the messages of this screen's fields. */
  step(data: FormData, step: Step): FieldMessages;
}

/** "members.0.fullName" → "members": tables show their messages beside the table. */
export function fieldOf(path: string): string {
  return path.replace(/^formData\./, "").split(".")[0] ?? path;
}

export function createValidator(form: Pick<FormDefinition, "fields">): FormValidator {
  const schema = buildFormSchema(form as FormDefinition);
  const all = (data: FormData): FieldMessages => {
    const parsed = schema.safeParse(data);
    if (parsed.success) return {};
    const out: FieldMessages = {};
    for (const issue of parsed.error.issues) {
      const id = fieldOf(issue.path.map(String).join("."));
      if (id && !(id in out)) out[id] = issue.message;
    }
    return out;
  };
  return {
    all,
    step: (data, step) => {
      const messages = all(data);
      const mine: FieldMessages = {};
      for (const f of step.fields) if (messages[f.id]) mine[f.id] = messages[f.id]!;
      return mine;
    },
  };
}

/** The server's field errors (`formData.x`), keyed by field id; errors about other paths are kept under "". */
export function serverFieldMessages(fields: readonly FieldError[]): FieldMessages {
  const out: FieldMessages = {};
  for (const f of fields) {
    const id = f.path.startsWith("formData.") || !f.path.includes(".") ? fieldOf(f.path) : "";
    if (!(id in out)) out[id] = f.message;
  }
  return out;
}
