/**
 * "Yêu cầu sửa dữ liệu": citizens' requests to correct their personal data (Luật Bảo vệ dữ liệu cá nhân, Luật số
 * 91/2025/QH15), addressed to this unit. The unit administrator corrects the data where it is held, then answers
 * here (done, or not corrected with the reason); the citizen reads the answer in the Mini App. Reads and answers
 * are audited. The province viewer reads every unit's requests.
 */
import { useCallback, useEffect, useState } from "react";
import { api, ApiError } from "./api.js";
import type { OfficerView as Officer } from "../../../shared/console/officers.js";
import { vnDayTime } from "./format.js";
import type { DataRequestsReply, DataRequestView } from "../../../shared/console/data-requests.js";
import { ActionMessages } from "./page-messages.js";

type DataRequest = DataRequestView;

export function DataRequestsPage({ officer }: { officer: Officer }) {
  const [items, setItems] = useState<DataRequest[] | null>(null);
  const [canAnswer, setCanAnswer] = useState(false);
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  const load = useCallback(
    () =>
      api<DataRequestsReply>("GET", "/data-requests").then(
        (r) => {
          setItems(r.items);
          setCanAnswer(r.canAnswer);
        },
        (e: Error) => setError(e.message),
      ),
    [],
  );
  useEffect(() => void load(), [load]);

  return (
    <div className="card">
      <h2>Yêu cầu sửa dữ liệu cá nhân</h2>
      <p className="muted">
        Người dân xem dữ liệu của mình trên Mini App và yêu cầu sửa chỗ sai. Sửa dữ liệu ở nơi đang lưu (hồ sơ, tờ
        khai), rồi trả lời người dân tại đây.
      </p>
      <ActionMessages notice={notice} error={error} />
      {items === null ? (
        <p className="muted">Đang tải…</p>
      ) : items.length === 0 ? (
        <p className="muted">Không có yêu cầu nào.</p>
      ) : (
        <table className="list" data-testid="data-requests">
          <thead>
            <tr>
              <th>Ngày gửi</th>
              <th>Về</th>
              <th>Nội dung yêu cầu</th>
              <th>Trả lời</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id} data-request={r.id}>
                <td>{vnDayTime(r.createdAt)}</td>
                <td>
                  {r.subjectLabel}
                  {r.reference && r.subject !== "feedback" ? <div className="muted">{r.reference}</div> : null}
                  {officer.role === "province_viewer" && <div className="muted">{r.unitName}</div>}
                </td>
                <td style={{ whiteSpace: "pre-wrap" }}>{r.text}</td>
                <td>
                  {r.answer !== null ? (
                    <>
                      <div style={{ whiteSpace: "pre-wrap" }}>{r.answer}</div>
                      <div className="muted">
                        {r.statusLabel}, {vnDayTime(r.answeredAt)}
                      </div>
                    </>
                  ) : canAnswer ? (
                    <AnswerForm
                      request={r}
                      onDone={async () => {
                        setNotice("Đã trả lời; người dân xem được trên Mini App.");
                        await load();
                      }}
                    />
                  ) : (
                    <span className="muted">{r.statusLabel}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function AnswerForm({ request, onDone }: { request: DataRequest; onDone: () => Promise<void> }) {
  const [answer, setAnswer] = useState("");
  const [status, setStatus] = useState<"done" | "refused">("done");
  const [error, setError] = useState("");
  const [sending, setSending] = useState(false);
  const id = `dr-answer-${request.id}`;
  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    setError("");
    setSending(true);
    try {
      await api("POST", `/data-requests/${request.id}/answer`, { status, answer });
      await onDone();
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields[0]?.message ?? err.message) : String(err));
    } finally {
      setSending(false);
    }
  };
  return (
    <form onSubmit={send} style={{ minWidth: 280 }}>
      <div className="field">
        <label htmlFor={`${id}-status`}>Kết quả</label>
        <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as "done" | "refused")}>
          <option value="done">Đã sửa theo yêu cầu</option>
          <option value="refused">Không sửa (nêu lý do)</option>
        </select>
      </div>
      <div className={`field${error ? " invalid" : ""}`}>
        <label htmlFor={id}>Trả lời người dân</label>
        <textarea id={id} rows={3} value={answer} maxLength={2000} onChange={(e) => setAnswer(e.target.value)} />
        {error && (
          <div className="msg" role="alert">
            {error}
          </div>
        )}
      </div>
      <button className="primary" type="submit" disabled={sending}>
        Gửi trả lời
      </button>
    </form>
  );
}
