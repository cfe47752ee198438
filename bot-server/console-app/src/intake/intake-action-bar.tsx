/** The sticky bar: print the application form (F2), receive (F9), Mẫu 02, Mẫu 03; a volunteer saves for the counter officer. */
import type { IntakeActions, IntakeMessages } from "./use-intake-actions.js";
import type { IntakeForm } from "./use-intake-form.js";
import type { SupplementPanels } from "./use-supplement-panels.js";

interface Props {
  form: IntakeForm;
  actions: IntakeActions;
  panels: SupplementPanels;
  say: IntakeMessages;
  canReceive: boolean;
}

export function IntakeActionBar({ form, actions, panels, say, canReceive }: Props) {
  return (
    <div className="sticky-actions">
      <button className="primary" onClick={() => void actions.printApplication()}>
        In tờ khai (F2)
      </button>
      {canReceive && (
        <button className="primary" onClick={() => void actions.receive()}>
          Tiếp nhận (F9)
        </button>
      )}
      {canReceive && (
        <button onClick={() => panels.toggleIncomplete(form.missingNow.map((m) => m.name))}>
          Thiếu giấy tờ – Mẫu 02
        </button>
      )}
      {canReceive && (
        <button className="danger" onClick={() => panels.toggleRefuse(form.refusalFlags.map((f) => f.label))}>
          Từ chối – Mẫu 03
        </button>
      )}
      {!canReceive && (
        <button
          onClick={() =>
            void actions.saveDraft().then(() => say.setNotice("Đã lưu, cán bộ Một cửa sẽ tiếp nhận."), actions.fail)
          }
        >
          Lưu để cán bộ tiếp nhận
        </button>
      )}
      {form.draftId && <span className="muted">Đã lưu nháp</span>}
    </div>
  );
}
