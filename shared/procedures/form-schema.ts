/**
 * zod schemas for the application forms, built from each version's field definitions (data, not code per form).
 * Shared by the mini app, the officer console and the server: no Node or DOM imports.
 * Strings are NFC-normalised (Unikey "tổ hợp" types NFD); dates come out as YYYY-MM-DD.
 */
import { z } from "zod";
import { isIsoDate } from "../time/vn-time.js";
import { procedureCatalog } from "./catalog.js";
import type { FieldType, FormColumn, FormDefinition, FormField } from "./procedure-version.js";

export interface FormIssue {
  /** Dot path of the field: "ownerName", "members.0.personalIdNumber". */
  path: string;
  message: string;
}
export type FormValidation = { ok: true; data: Record<string, unknown> } | { ok: false; issues: FormIssue[] };

const INVALID_FORM = "Dữ liệu tờ khai không hợp lệ";
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** "3.1 Tên đầy đủ (viết chữ in hoa)" → "tên đầy đủ": the label as it reads inside a sentence. */
function labelInSentence(label: string): string {
  const bare = label
    .replace(/^\d+(\.\d+)*\.?\s+/, "")
    .replace(/\s*\([^)]*\)\s*$/, "")
    .trim();
  const second = bare.charAt(1);
  return second && second === second.toLowerCase() ? bare.charAt(0).toLowerCase() + bare.slice(1) : bare;
}

function requiredMessage(field: FormColumn): string {
  if (field.requiredMessage) return field.requiredMessage;
  const verb =
    field.type === "choice" || field.type === "multiChoice"
      ? "chọn"
      : field.type === "table" || field.type === "repeat"
        ? "kê khai"
        : "nhập";
  return `Vui lòng ${verb} ${labelInSentence(field.label)}`;
}

const typeInvalid: Partial<Record<FieldType, string>> = {
  integer: "phải là số nguyên",
  money: "phải là số tiền (đồng)",
  table: "phải là danh sách",
  repeat: "phải là danh sách",
  multiChoice: "phải là danh sách lựa chọn",
};

function typeInvalidMessage(field: FormColumn): string {
  return `${field.label}: ${typeInvalid[field.type] ?? "giá trị không hợp lệ"}`;
}

const collapse = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();
const compact = (s: string) => s.normalize("NFC").replace(/[\s.\-()]/g, "");

/** Input normalisation per type; "" and null become undefined so "required" reads the same everywhere. */
function normalizer(field: FormColumn): (v: unknown) => unknown {
  const text = (v: unknown, f: (s: string) => string) => {
    if (v === null || v === undefined) return undefined;
    if (typeof v !== "string") return v;
    const s = f(v);
    return s === "" ? undefined : s;
  };
  switch (field.type) {
    case "text":
      return (v) => text(v, (s) => (field.uppercase ? collapse(s).toUpperCase() : collapse(s)));
    case "textarea":
      return (v) =>
        text(v, (s) =>
          s
            .normalize("NFC")
            .replace(/[ \t]+/g, " ")
            .trim(),
        );
    case "idNumber":
    case "taxCode":
      return (v) => text(v, (s) => s.normalize("NFC").replace(/\s/g, ""));
    case "phone":
      return (v) => text(v, (s) => compact(s).replace(/^\+?84(?=\d{9,10}$)/, "0"));
    case "email":
      return (v) => text(v, (s) => collapse(s).toLowerCase());
    case "choice":
      return (v) => text(v, collapse);
    case "date":
      return (v) =>
        text(v, (s) => {
          const t = collapse(s);
          const m = DMY.exec(t);
          return m ? `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : t;
        });
    case "integer":
    case "money":
      return (v) => {
        if (typeof v !== "string") return v ?? undefined;
        const s = compact(v)
          .replace(/,/g, "")
          .replace(/(VNĐ|VND|đồng|đ)$/i, "");
        return s === "" ? undefined : /^\d+$/.test(s) ? Number(s) : v;
      };
    case "multiChoice":
    case "table":
    case "repeat":
      return (v) => (v === null || (Array.isArray(v) && v.length === 0) ? undefined : v);
    case "checkbox":
      return (v) => (v === null ? undefined : v === "true" ? true : v === "false" ? false : v);
  }
}

/** Type-level error: the "required" text when the value is missing, else `invalid`. */
type TypeError = (iss: { input?: unknown }) => string;
type Builder = (field: FormColumn & Partial<FormField>, error: TypeError) => z.ZodType;

const builders: Record<FieldType, Builder> = {
  text: (f, error) =>
    withPattern(z.string({ error }).max(f.maxLength ?? 500, `${f.label}: tối đa ${f.maxLength ?? 500} ký tự`), f),
  textarea: (f, error) =>
    withPattern(z.string({ error }).max(f.maxLength ?? 2000, `${f.label}: tối đa ${f.maxLength ?? 2000} ký tự`), f),
  idNumber: (f, error) =>
    withPattern(z.string({ error }).regex(/^\d{12}$/, "Số định danh cá nhân phải gồm 12 chữ số"), f),
  taxCode: (f, error) =>
    withPattern(
      z
        .string({ error })
        .regex(/^\d{10}(-\d{3})?$/, "Mã số thuế phải gồm 10 chữ số (chi nhánh: thêm dấu - và 3 chữ số)"),
      f,
    ),
  phone: (f, error) =>
    withPattern(z.string({ error }).regex(/^0\d{9,10}$/, "Số điện thoại không hợp lệ (ví dụ: 0912345678)"), f),
  email: (_f, error) =>
    z.email({ error: (iss) => (typeof iss.input === "string" ? "Địa chỉ thư điện tử không hợp lệ" : error(iss)) }),
  date: (_f, error) =>
    z
      .string({ error })
      .refine((s) => isIsoDate(s) && s >= "1900-01-01" && s <= "2100-12-31", "Ngày không hợp lệ (dd/mm/yyyy)"),
  choice: (f, error) =>
    z.enum(f.options as [string, ...string[]], {
      error: (iss) =>
        iss.input === undefined ? error(iss) : `${f.label}: chọn một trong các giá trị ${f.options!.join("; ")}`,
    }),
  multiChoice: (f, error) =>
    z
      .array(z.enum(f.options as [string, ...string[]], { error: `${f.label}: giá trị không có trong danh sách` }), {
        error,
      })
      .refine((a) => new Set(a).size === a.length, `${f.label}: không chọn trùng`),
  checkbox: (f) => z.boolean({ error: `${f.label}: chỉ nhận có hoặc không` }),
  integer: (f, error) => z.number({ error }).int(`${f.label}: phải là số nguyên`).min(0, `${f.label}: không được âm`),
  money: (f, error) =>
    z.number({ error }).int(`${f.label}: phải là số tiền (đồng)`).min(0, `${f.label}: không được âm`),
  table: (f, error) => listSchema(f, error),
  repeat: (f, error) => listSchema(f, error),
};

function withPattern(s: z.ZodString, f: FormColumn): z.ZodString {
  return f.pattern ? s.regex(new RegExp(f.pattern, "u"), f.patternMessage ?? `${f.label}: không đúng định dạng`) : s;
}

function listSchema(f: FormColumn & Partial<FormField>, error: TypeError): z.ZodType {
  let rows = z.array(objectSchema(f.itemFields ?? []), { error });
  if (f.maxItems) rows = rows.max(f.maxItems, `${f.label}: tối đa ${f.maxItems} dòng`);
  const one = f.exactlyOneTrue;
  if (!one) return rows;
  const column = f.itemFields?.find((c) => c.id === one);
  return rows.refine((list) => list.filter((r) => r[one] === true).length === 1, {
    message: `Đánh dấu đúng một dòng là "${column?.label ?? one}"`,
  });
}

function fieldSchema(field: FormColumn & Partial<FormField>, required: boolean): z.ZodType {
  const missing = requiredMessage(field);
  const invalid = typeInvalidMessage(field);
  let inner = builders[field.type](field, (iss) => (iss.input === undefined ? missing : invalid));
  if (required && (field.type === "table" || field.type === "repeat" || field.type === "multiChoice")) {
    const min = Math.max(1, field.minItems ?? 1);
    inner = (inner as z.ZodArray<z.ZodType>).refine((a: unknown[]) => a.length >= min, missing);
  }
  const body = required ? inner : inner.optional();
  const normalize = normalizer(field);
  return z.preprocess(normalize, body);
}

function objectSchema(fields: readonly (FormColumn & Partial<FormField>)[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) shape[f.id] = fieldSchema(f, f.required === true && !f.requiredWhen);
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === "unrecognized_keys" ? `Trường không có trên tờ khai: ${iss.keys.join(", ")}` : INVALID_FORM,
  });
}

const isEmpty = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0);
const matches = (v: unknown, is: string | boolean) => (Array.isArray(v) ? v.includes(is) : v === is);

/** The zod schema of one form: field types, required fields, and "required when" conditions. */
export function buildFormSchema(form: FormDefinition) {
  const conditional = form.fields.filter((f) => f.requiredWhen);
  // Runs even when other fields failed, so the applicant sees every missing item at once (Mẫu 02 lists all).
  return objectSchema(form.fields).superRefine(
    (data, ctx) => {
      for (const f of conditional) {
        const when = f.requiredWhen!;
        if (matches(data[when.field], when.is) && isEmpty(data[f.id])) {
          ctx.addIssue({ code: "custom", path: [f.id], message: requiredMessage(f) });
        }
      }
    },
    { when: (p) => typeof p.value === "object" && p.value !== null && !Array.isArray(p.value) },
  );
}

export type FormSchema = ReturnType<typeof buildFormSchema>;

const cache = new Map<string, FormSchema>();

/** The schema of a procedure version's form, e.g. formSchemaFor("1.004873@2025-07-01"). */
export function formSchemaFor(versionId: string, catalog = procedureCatalog): FormSchema | undefined {
  const cached = catalog === procedureCatalog ? cache.get(versionId) : undefined;
  if (cached) return cached;
  const version = catalog.versionById(versionId);
  if (!version) return undefined;
  const schema = buildFormSchema(version.form);
  if (catalog === procedureCatalog) cache.set(versionId, schema);
  return schema;
}

export function validateFormData(versionId: string, data: unknown, catalog = procedureCatalog): FormValidation {
  const schema = formSchemaFor(versionId, catalog);
  if (!schema) return { ok: false, issues: [{ path: "", message: `Không tìm thấy phiên bản thủ tục ${versionId}` }] };
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data as Record<string, unknown> };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
  };
}
