/** The live track decision; during a scheme day's pause, the choice to keep the same-day track (with a reason, audited). */
import { dmy, TRACK_LABEL } from "../format.js";
import type { Decision } from "./intake-types.js";
import type { IntakeForm } from "./use-intake-form.js";

export function TrackDecision({
  decision,
  form,
  canReceive,
}: {
  decision: Decision | null;
  form: IntakeForm;
  canReceive: boolean;
}) {
  const { keepSameDay, keepReason } = form;
  return (
    <>
      {decision && (
        <div className={`track ${decision.track}`} data-testid="track-decision">
          <b>{TRACK_LABEL[decision.track]}</b> · hẹn trả {dmy(decision.dueDate)}
          <ul>
            {decision.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      {decision?.pause &&
        canReceive &&
        ((decision.causes.length === 1 && decision.causes[0] === "outside_office_hours") || decision.keptSameDay) && (
          <div className="card" data-testid="pause-keep">
            <p className="warn" role="status">
              {decision.pause.sentence}.
            </p>
            <label className="row" style={{ flexWrap: "nowrap" }}>
              <input
                type="checkbox"
                style={{ width: "auto" }}
                checked={keepSameDay}
                onChange={(e) => form.setKeepSameDay(e.target.checked)}
              />
              Vẫn tiếp nhận trong giờ nghỉ và giữ trả kết quả trong ngày
            </label>
            {keepSameDay && (
              <div className="field">
                <label htmlFor="keep-reason">Lý do (được ghi nhật ký)</label>
                <input
                  id="keep-reason"
                  value={keepReason}
                  onChange={(e) => form.setKeepReason(e.target.value)}
                  placeholder="Ví dụ: công dân đến từ xa, cán bộ trực trưa"
                />
              </div>
            )}
          </div>
        )}
    </>
  );
}
