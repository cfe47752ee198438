/**
 * The one error format of the public API and the console: `{ error: { code, message, detail, fields? } }`.
 * The codes and their texts are the outcome vocabulary (shared/outcomes.ts); the mini-app shows `message`, the
 * chatbot maps `code`.
 */
import { z } from "zod";

export const FieldError = z.object({
  path: z.string().describe("Dotted path of the offending field, e.g. formData.dateOfBirth"),
  message: z.string().describe("Vietnamese message for this field"),
});
export type FieldError = z.infer<typeof FieldError>;

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string().describe("snake_case error code"),
    message: z.string().describe("Vietnamese, for people"),
    detail: z.string().describe("English, for API clients"),
    fields: z.array(FieldError).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
