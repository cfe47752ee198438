/**
 * "Yêu cầu sửa dữ liệu": citizens' requests to correct their personal data (Luật Bảo vệ dữ liệu cá nhân, Luật số
 * 91/2025/QH15), addressed to this unit. The unit administrator corrects the data where it is held, then answers
 * here (done, or not corrected with the reason); the citizen reads the answer in the Mini App. Reads and answers
 * are audited. The province viewer reads every unit's requests.
 */
import { useCallback, useEffect, useState } from "react";
import { api } from "./api.js";
import { AnswerCell, AnswerForm } from "./citizen-answer.js";
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
                  <AnswerCell
                    item={r}
                    form={
                      canAnswer ? (
                        <DataRequestAnswer
                          request={r}
                          onDone={async () => {
                            setNotice("Đã trả lời; người dân xem được trên Mini App.");
                            await load();
                          }}
                        />
                      ) : null
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The answer to a request: its outcome (corrected, or not with the reason), then the text. */
function DataRequestAnswer({ request, onDone }: { request: DataRequest; onDone: () => Promise<void> }) {
  const [status, setStatus] = useState<"done" | "refused">("done");
  const id = `dr-answer-${request.id}`;
  return (
    <AnswerForm
      id={id}
      label="Trả lời người dân"
      minWidth={280}
      send={(answer) => api("POST", `/data-requests/${request.id}/answer`, { status, answer })}
      onDone={onDone}
    >
      <div className="field">
        <label htmlFor={`${id}-status`}>Kết quả</label>
        <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as "done" | "refused")}>
          <option value="done">Đã sửa theo yêu cầu</option>
          <option value="refused">Không sửa (nêu lý do)</option>
        </select>
      </div>
    </AnswerForm>
  );
}
