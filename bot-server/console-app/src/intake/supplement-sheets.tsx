/** Mẫu 02 (every missing item, listed once) and Mẫu 03 (refusal with reasons), written at the counter. */
import type { Procedure } from "./intake-types.js";
import type { IntakeActions } from "./use-intake-actions.js";
import type { IntakeForm } from "./use-intake-form.js";
import type { SupplementPanels } from "./use-supplement-panels.js";

interface Props {
  procedure: Procedure;
  form: IntakeForm;
  panels: SupplementPanels;
  actions: IntakeActions;
}

export function SupplementSheets({ procedure, form, panels, actions }: Props) {
  const { documents } = form;
  const { panel, chosenMissing, extraMissing, supplementReason, refuseReasons } = panels;
  return (
    <>
      {panel === "incomplete" && (
        <div className="card">
          <h2>Phiếu yêu cầu bổ sung (Mẫu 02)</h2>
          <p className="muted">Ghi một lần đầy đủ mọi thành phần còn thiếu.</p>
          {procedure.requiredDocuments
            .filter((d) => !documents[d.id]?.received)
            .map((d) => (
              <label key={d.id} className="row" style={{ flexWrap: "nowrap" }}>
                <input
                  type="checkbox"
                  style={{ width: "auto" }}
                  checked={chosenMissing.includes(d.name)}
                  onChange={(e) =>
                    panels.setChosenMissing((x) => (e.target.checked ? [...x, d.name] : x.filter((y) => y !== d.name)))
                  }
                />
                {d.name}
              </label>
            ))}
          <div className="field">
            <label htmlFor="extra-missing">Nội dung khác cần bổ sung (mỗi dòng một mục)</label>
            <textarea
              id="extra-missing"
              value={extraMissing}
              onChange={(e) => panels.setExtraMissing(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="supplement-reason">Lý do</label>
            <input
              id="supplement-reason"
              value={supplementReason}
              onChange={(e) => panels.setSupplementReason(e.target.value)}
            />
          </div>
          <button className="primary" onClick={() => void actions.incomplete()}>
            Lập và in Mẫu 02
          </button>
        </div>
      )}
      {panel === "refuse" && (
        <div className="card">
          <h2>Phiếu từ chối tiếp nhận (Mẫu 03)</h2>
          <div className="field">
            <label htmlFor="refuse-reasons">Lý do (mỗi dòng một lý do)</label>
            <textarea
              id="refuse-reasons"
              rows={3}
              value={refuseReasons}
              onChange={(e) => panels.setRefuseReasons(e.target.value)}
            />
          </div>
          <button className="primary" onClick={() => void actions.refuse()}>
            Lập và in Mẫu 03
          </button>
        </div>
      )}
    </>
  );
}
