/** A table or repeated block of the form (business lines, household members): one card per row. */
import { Button } from "zmp-ui";
import type { FormColumn, FormField } from "../../../../shared/procedures/procedure-version.js";
import { FieldInput } from "./FieldInput.js";

type Row = Record<string, unknown>;

export function TableInput({ field, value, onChange, idPrefix }: {
  field: FormColumn & Partial<Pick<FormField, "itemFields" | "maxItems">>;
  value: unknown;
  onChange: (v: Row[]) => void;
  idPrefix: string;
}) {
  const rows: Row[] = Array.isArray(value) ? (value as Row[]) : [];
  const columns = field.itemFields ?? [];
  const setRow = (i: number, key: string, v: unknown) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  const canAdd = !field.maxItems || rows.length < field.maxItems;
  return (
    <div className="kh-stack">
      {rows.map((row, i) => (
        <fieldset key={i} className="kh-card kh-stack">
          <legend className="kh-h3">Dòng {i + 1}</legend>
          {columns.map((c) => (
            <FieldInput key={c.id} field={c} value={row[c.id]} onChange={(v) => setRow(i, c.id, v)} idPrefix={`${idPrefix}-${i}`} />
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
