/** The procedure's form, every field from its definition, editable; values are kept as typed (dates dd/mm/yyyy). */
import type { FormColumn, FormDefinition, FormField } from "../../../../shared/procedures/procedure-version.js";
import { formatDateVn } from "../../../../shared/time/vn-time.js";

export type FormValues = Record<string, unknown>;

export function isoToDmy(v: unknown): unknown {
  return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDateVn(v) : v;
}

/** Dates from storage (ISO) shown as dd/mm/yyyy, also inside tables. */
export function toEditable(form: FormDefinition, data: FormValues): FormValues {
  const out: FormValues = {};
  for (const f of form.fields) {
    const v = data[f.id];
    if (v === undefined) continue;
    if (f.type === "date") out[f.id] = isoToDmy(v);
    else if ((f.type === "table" || f.type === "repeat") && Array.isArray(v)) {
      out[f.id] = v.map((row: Record<string, unknown>) =>
        Object.fromEntries(
          Object.entries(row).map(([k, x]) => [
            k,
            (f.itemFields ?? []).find((c) => c.id === k)?.type === "date" ? isoToDmy(x) : x,
          ]),
        ),
      );
    } else out[f.id] = typeof v === "number" ? String(v) : v;
  }
  return out;
}

/** What is sent: empty strings dropped, only fields of the form. */
export function toSubmit(form: FormDefinition, data: FormValues): FormValues {
  const out: FormValues = {};
  for (const f of form.fields) {
    const v = data[f.id];
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    out[f.id] = v;
  }
  return out;
}

export function displayValue(field: FormColumn, v: unknown): string {
  if (v === undefined || v === null || v === "") return "";
  if (field.type === "checkbox") return v === true ? "Có" : "";
  if (Array.isArray(v))
    return v
      .map((x) =>
        typeof x === "object"
          ? Object.values(x as object)
              .filter(Boolean)
              .join(", ")
          : String(x),
      )
      .join("; ");
  return String(v);
}

interface Props {
  form: FormDefinition;
  values: FormValues;
  errors: Record<string, string>;
  onChange: (id: string, value: unknown) => void;
}

function Input({
  field,
  value,
  onChange,
  id,
}: {
  field: FormColumn;
  value: unknown;
  onChange: (v: unknown) => void;
  id: string;
}) {
  const str = typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
  switch (field.type) {
    case "textarea":
      return <textarea id={id} rows={2} value={str} onChange={(e) => onChange(e.target.value)} />;
    case "choice":
      return (
        <select id={id} value={str} onChange={(e) => onChange(e.target.value)}>
          <option value="">— chọn —</option>
          {(field.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    case "multiChoice": {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <div id={id}>
          {(field.options ?? []).map((o) => (
            <label key={o} className="row" style={{ fontSize: 14 }}>
              <input
                type="checkbox"
                style={{ width: "auto" }}
                checked={chosen.includes(o)}
                onChange={(e) => onChange(e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o))}
              />
              {o}
            </label>
          ))}
        </div>
      );
    }
    case "checkbox":
      return (
        <input
          id={id}
          type="checkbox"
          style={{ width: "auto" }}
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
    default:
      return (
        <input
          id={id}
          value={str}
          placeholder={field.type === "date" ? "dd/mm/yyyy" : undefined}
          inputMode={
            field.type === "integer" || field.type === "money" || field.type === "idNumber" ? "numeric" : undefined
          }
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

function TableInput({ field, value, onChange }: { field: FormField; value: unknown; onChange: (v: unknown) => void }) {
  const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  const cols = field.itemFields ?? [];
  const set = (i: number, k: string, v: unknown) => onChange(rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  return (
    <div>
      {rows.map((r, i) => (
        <div key={i} className="card" style={{ padding: 8 }}>
          {cols.map((c) => (
            <div className="field" key={c.id}>
              <label htmlFor={`f-${field.id}-${i}-${c.id}`}>{c.label}</label>
              <Input id={`f-${field.id}-${i}-${c.id}`} field={c} value={r[c.id]} onChange={(v) => set(i, c.id, v)} />
            </div>
          ))}
          <button onClick={() => onChange(rows.filter((_, j) => j !== i))}>Xóa dòng</button>
        </div>
      ))}
      <button onClick={() => onChange([...rows, {}])}>Thêm dòng</button>
    </div>
  );
}

export function FormFields({ form, values, errors, onChange }: Props) {
  return (
    <>
      {form.sections.map((s) => {
        const fields = form.fields.filter((f) => f.section === s.id);
        if (fields.length === 0) return null;
        return (
          <section key={s.id}>
            <div className="section-title">{s.label}</div>
            {fields.map((f) => (
              <div key={f.id} className={`field${errors[f.id] ? " invalid" : ""}`}>
                <label htmlFor={`f-${f.id}`}>
                  {f.label}
                  {f.required ? " *" : ""}
                  {f.toVerify ? " (cần kiểm tra)" : ""}
                </label>
                {f.type === "table" || f.type === "repeat" ? (
                  <TableInput field={f} value={values[f.id]} onChange={(v) => onChange(f.id, v)} />
                ) : (
                  <Input id={`f-${f.id}`} field={f} value={values[f.id]} onChange={(v) => onChange(f.id, v)} />
                )}
                {errors[f.id] && <div className="msg">{errors[f.id]}</div>}
                {f.help && !errors[f.id] && <div className="help">{f.help}</div>}
              </div>
            ))}
          </section>
        );
      })}
    </>
  );
}
