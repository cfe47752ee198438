/**
 * Training mode in the console (docs/admin/training.md): the "DIỄN TẬP" banner on every screen while the officer's
 * unit trains, the "Công dân giả lập" button of the intake, and the unit administrator's switch and reset.
 */
import { createContext, useContext, useEffect, useState } from "react";
import { api, ApiError, loadForEffect } from "./api.js";
import type { SessionReply } from "../../../shared/console/officers.js";
import type { TrainingBanner as Banner, TrainingResetReply, TrainingState } from "../../../shared/console/training.js";
import { syntheticIdentity, TRAINING_MARK } from "../../../shared/training/training.js";
import type { VisitIdentity } from "../../../shared/dossier/applicant-fields.js";
import { ActionMessages } from "./page-messages.js";

/** The training of the officer's unit (from the session), and a way to read it again after a switch. */
export const TrainingContext = createContext<{ training: Banner | undefined; refresh: () => void }>({
  training: undefined,
  refresh: () => undefined,
});

/** The session's training state, read at sign-in and every minute (in the background: not the officer's activity). */
export function useTrainingSession(initial: Banner | undefined) {
  const [training, setTraining] = useState<Banner | undefined>(initial);
  const refresh = () => {
    api<SessionReply>("GET", "/session", undefined, { background: true }).then(
      (s) => setTraining(s.training),
      () => undefined,
    );
  };
  useEffect(() => {
    const timer = setInterval(refresh, 60_000);
    return () => clearInterval(timer);
  }, []);
  return { training, refresh };
}

export function TrainingBanner() {
  const { training } = useContext(TrainingContext);
  if (!training) return null;
  return (
    <div className="training-banner" role="status" data-testid="training-banner">
      <strong>{TRAINING_MARK}</strong> · Đơn vị đang diễn tập: giờ trên màn hình là sáng ngày {training.dayText}, chỉ
      dùng công dân giả lập; hồ sơ diễn tập không vào báo cáo, không gửi thông báo và không tra cứu được.
    </div>
  );
}

/** The intake's button: a made-up citizen (ID number starting with 000, never issued) for the training. */
export function SyntheticCitizenButton({ onIdentity }: { onIdentity: (identity: VisitIdentity) => void }) {
  const { training } = useContext(TrainingContext);
  if (!training) return null;
  return (
    <button type="button" data-testid="synthetic-citizen" onClick={() => onIdentity(syntheticIdentity(Math.random))}>
      Công dân giả lập
    </button>
  );
}

/** The unit administrator's panel: switch on/off with a reason, reset (deletes the training dossiers). */
export function TrainingSetting({ unitId }: { unitId: string }) {
  const { refresh } = useContext(TrainingContext);
  const [state, setState] = useState<TrainingState | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const [message, setMessage] = useState("");
  const path = `/admin/training/${encodeURIComponent(unitId)}`;
  useEffect(() => {
    return loadForEffect<TrainingState>(path, setState, (e) => setError(e.message));
  }, [path]);
  const run = async (call: () => Promise<TrainingState>, done: (s: TrainingState) => string) => {
    setError("");
    setMessage("");
    try {
      const s = await call();
      setState(s);
      setMessage(done(s));
      refresh();
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields[0]?.message ?? err.message) : "Không kết nối được máy chủ.");
    }
  };
  if (!state) return error ? <p className="error">{error}</p> : null;
  return (
    <section className="card" data-testid="training-setting">
      <h2>Chế độ diễn tập</h2>
      <p className="muted">
        Để tập huấn cán bộ Bộ phận Một cửa: màn hình của đơn vị chạy giờ của sáng ngày thực hiện đề án tiếp theo (từ
        08:00), chỉ dùng công dân giả lập, mọi màn hình và bản in mang dấu “{TRAINING_MARK}”. Hồ sơ diễn tập không vào
        báo cáo, không gửi thông báo, không tra cứu được; trong lúc diễn tập không xử lý được hồ sơ thật.
      </p>
      <p>
        {state.active ? (
          <>
            <b>Đang bật</b> · ngày diễn tập {state.dayText} · giờ diễn tập {state.clock} · {state.dossiers} hồ sơ diễn
            tập
          </>
        ) : (
          <>
            <b>Đang tắt</b>
            {state.dossiers > 0 ? ` · còn ${state.dossiers} hồ sơ diễn tập (bấm Đặt lại để xóa)` : ""}
          </>
        )}
      </p>
      <div className="field">
        <label htmlFor="training-reason">Lý do (ghi vào nhật ký)</label>
        <input
          id="training-reason"
          value={reason}
          placeholder="Tập huấn cán bộ Một cửa năm 2026"
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="row">
        <button
          className="primary"
          onClick={() =>
            void run(
              () => api<TrainingState>("PUT", path, { active: !state.active, reason }),
              (s) =>
                s.active ? `Đã bật diễn tập: sáng ${s.dayText}.` : "Đã tắt diễn tập: đơn vị làm việc bình thường.",
            )
          }
        >
          {state.active ? "Tắt diễn tập" : "Bật diễn tập"}
        </button>
        <button
          onClick={() =>
            void run(
              () => api<TrainingResetReply>("POST", `${path}/reset`, { reason }),
              (s) => `Đã xóa ${(s as TrainingResetReply).deleted} hồ sơ diễn tập.`,
            )
          }
        >
          Đặt lại (xóa hồ sơ diễn tập)
        </button>
      </div>
      <ActionMessages notice={message} error={error} />
    </section>
  );
}
