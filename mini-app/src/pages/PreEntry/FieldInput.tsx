/**
 * One form field as the citizen fills it, chosen by the field's type from the shared form definition:
 * large inputs, choices as big radio rows, dates as three boxes, the Vietnamese message beside the field.
 */
import type { ReactNode } from "react";
import { Button } from "zmp-ui";
import type { FormColumn, FormField } from "../../../../shared/procedures/procedure-version.js";
import { FieldMessage } from "../../components/FieldMessage.js";
import { DateInput } from "./DateInput.js";

const INPUT_MODE: Partial<Record<FormColumn["type"], "numeric" | "tel" | "email" | "text">> = {
  idNumber: "numeric",
  taxCode: "numeric",
  integer: "numeric",
  money: "numeric",
  phone: "tel",
  email: "email",
};

export interface FieldInputProps {
  field: FormColumn & Partial<Pick<FormField, "itemFields" | "minItems" | "maxItems">>;
  value: unknown;
  error?: string;
  suggestions?: string[];
  onChange: (v: unknown) => void;
  /** The field is the only question on the screen: its label is the page heading. */
  asHeading?: boolean;
  /** The screen's heading already says this label (first field of a group): keep it for screen readers only. */
  labelHidden?: boolean;
  idPrefix?: string;
}

const text = (v: unknown) => (v === undefined || v === null ? "" : String(v));

export function FieldInput({
  field,
  value,
  error,
  suggestions,
  onChange,
  asHeading,
  labelHidden,
  idPrefix = "f",
}: FieldInputProps) {
  const id = `${idPrefix}-${field.id}`;
  const errId = `${id}-error`;
  const helpId = `${id}-help`;
  const described = [field.help ? helpId : "", error ? errId : ""].filter(Boolean).join(" ") || undefined;
  const invalid = !!error;
  const cls = `kh-input${invalid ? " kh-input-error" : ""}`;
  const Label = asHeading ? "h1" : "div";

  let control: ReactNode;
  switch (field.type) {
    case "choice":
      control = (
        <div className="kh-choices" role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={described}>
          {(field.options ?? []).map((o) => (
            <label key={o} className={`kh-choice${value === o ? " kh-choice-on" : ""}`}>
              <input type="radio" name={id} value={o} checked={value === o} onChange={() => onChange(o)} />
              <span>{o}</span>
            </label>
          ))}
        </div>
      );
      break;
    case "multiChoice": {
      const list = Array.isArray(value) ? (value as string[]) : [];
      control = (
        <div className="kh-choices" aria-labelledby={`${id}-label`} aria-describedby={described}>
          {(field.options ?? []).map((o) => (
            <label key={o} className={`kh-choice${list.includes(o) ? " kh-choice-on" : ""}`}>
              <input
                type="checkbox"
                checked={list.includes(o)}
                onChange={(e) => onChange(e.target.checked ? [...list, o] : list.filter((x) => x !== o))}
              />
              <span>{o}</span>
            </label>
          ))}
        </div>
      );
      break;
    }
    case "checkbox":
      control = (
        <label className={`kh-choice${value === true ? " kh-choice-on" : ""}`}>
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
            aria-describedby={described}
          />
          <span>Có</span>
        </label>
      );
      break;
    case "date":
      control = <DateInput id={id} value={value} invalid={invalid} describedBy={described} onChange={onChange} />;
      break;
    case "textarea":
      control = (
        <textarea
          id={id}
          className={cls}
          rows={4}
          value={text(value)}
          maxLength={field.maxLength}
          aria-invalid={invalid || undefined}
          aria-describedby={described}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case "table":
    case "repeat":
      control = <TableInput field={field} value={value} onChange={onChange} idPrefix={id} />;
      break;
    default:
      control = (
        <input
          id={id}
          className={cls}
          type={field.type === "email" ? "email" : "text"}
          inputMode={INPUT_MODE[field.type] ?? "text"}
          autoComplete="off"
          value={text(value)}
          maxLength={field.maxLength}
          aria-invalid={invalid || undefined}
          aria-describedby={described}
          style={field.uppercase ? { textTransform: "uppercase" } : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }

  return (
    <div className={`kh-field${invalid ? " kh-field-invalid" : ""}`}>
      <Label className={asHeading ? "kh-question" : labelHidden ? "kh-visually-hidden" : "kh-label"}>
        <label htmlFor={id} id={`${id}-label`}>
          {field.label}
          {!field.required && !field.requiredWhen ? <span className="kh-optional"> (không bắt buộc)</span> : null}
        </label>
      </Label>
      {field.help ? (
        <p id={helpId} className="kh-help">
          {field.help}
        </p>
      ) : null}
      <FieldMessage id={errId} message={error} />
      {control}
      {suggestions && suggestions.length > 0 ? (
        <div className="kh-chips" aria-label="Gợi ý">
          {suggestions.map((s) => (
            <button key={s} type="button" className="kh-chip" onClick={() => onChange(s)}>
              {s}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** A table or repeated block of the form (business lines, household members): one card per row; each cell is a FieldInput. */
type Row = Record<string, unknown>;

function TableInput({
  field,
  value,
  onChange,
  idPrefix,
}: {
  field: FormColumn & Partial<Pick<FormField, "itemFields" | "maxItems">>;
  value: unknown;
  onChange: (v: Row[]) => void;
  idPrefix: string;
}) {
  const rows: Row[] = Array.isArray(value) ? (value as Row[]) : [];
  const columns = field.itemFields ?? [];
  const setRow = (i: number, key: string, v: unknown) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  const canAdd = !field.maxItems || rows.length < field.maxItems;
  return (
    <div className="kh-stack">
      {rows.map((row, i) => (
        <fieldset key={i} className="kh-card kh-stack">
          <legend className="kh-h3">Dòng {i + 1}</legend>
          {columns.map((c) => (
            <FieldInput
              key={c.id}
              field={c}
              value={row[c.id]}
              onChange={(v) => setRow(i, c.id, v)}
              idPrefix={`${idPrefix}-${i}`}
            />
          ))}
          <Button variant="tertiary" type="danger" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Xóa dòng {i + 1}
          </Button>
        </fieldset>
      ))}
      {canAdd ? (
        <Button variant="secondary" fullWidth onClick={() => onChange([...rows, {}])}>
          Thêm dòng
        </Button>
      ) : null}
    </div>
  );
}
