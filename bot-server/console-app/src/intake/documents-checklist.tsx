/** The documents checklist (received, kind of copy, count) and the procedure's special cases. */
import { documentKindLabels } from "../../../../shared/procedures/procedure-version.js";
import type { DocState, Procedure } from "./intake-types.js";
import type { IntakeForm } from "./use-intake-form.js";

export function DocumentsChecklist({ procedure, form }: { procedure: Procedure; form: IntakeForm }) {
  const { documents, docError } = form;
  return (
    <div className="card" style={{ marginTop: 14 }}>
      <h2>Thành phần hồ sơ</h2>
      {docError && (
        <p className="error" role="alert">
          {docError}
        </p>
      )}
      {procedure.requiredDocuments.map((d) => {
        const st = documents[d.id] ?? { received: false, count: d.count, kind: d.kind };
        const set = (x: Partial<DocState>) => form.setDocuments((all) => ({ ...all, [d.id]: { ...st, ...x } }));
        return (
          <div className="doc-row" key={d.id}>
            <input
              id={`doc-${d.id}`}
              type="checkbox"
              aria-label={`Đã nhận: ${d.name}`}
              checked={st.received}
              onChange={(e) => set({ received: e.target.checked })}
              style={{ width: "auto" }}
            />
            <span>
              {d.name}
              {d.always ? "" : <span className="muted"> (khi: {d.condition})</span>}
            </span>
            <select aria-label={`Loại bản: ${d.name}`} value={st.kind} onChange={(e) => set({ kind: e.target.value })}>
              {Object.entries(documentKindLabels).map(([k, l]) => (
                <option key={k} value={k}>
                  {l}
                </option>
              ))}
            </select>
            <input
              aria-label={`Số lượng: ${d.name}`}
              type="number"
              min={0}
              max={99}
              value={st.count}
              onChange={(e) => set({ count: Number(e.target.value) })}
            />
          </div>
        );
      })}
    </div>
  );
}

export function CaseFlags({ procedure, form }: { procedure: Procedure; form: IntakeForm }) {
  if (procedure.caseFlags.length === 0) return null;
  const { flags } = form;
  return (
    <div className="card">
      <h2>Tình huống đặc biệt</h2>
      {procedure.caseFlags.map((f) => (
        <label key={f.id} className="row" style={{ alignItems: "flex-start", marginBottom: 4, flexWrap: "nowrap" }}>
          <input
            type="checkbox"
            style={{ width: "auto" }}
            checked={flags.includes(f.id)}
            onChange={(e) => form.setFlags((x) => (e.target.checked ? [...x, f.id] : x.filter((y) => y !== f.id)))}
          />
          <span>
            {f.label}
            <br />
            <span className="muted">{f.note}</span>
          </span>
        </label>
      ))}
    </div>
  );
}
