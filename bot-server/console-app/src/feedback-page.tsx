/**
 * "Ý kiến người dân": ratings, complaints and suggestions sent to the unit from the Mini App, open ones first to
 * answer. The answer is saved and the citizen is told on Zalo that the unit has answered (the text itself stays
 * in the Mini App). The province viewer and volunteers read only.
 */
import { useCallback, useEffect, useState } from "react";
import { api } from "./api.js";
import { AnswerCell, AnswerForm } from "./citizen-answer.js";
import type { OfficerView as Officer } from "../../../shared/console/officers.js";
import { vnDayTime } from "./format.js";
import type { FeedbackItem, FeedbackListReply } from "../../../shared/console/feedback.js";
import { ActionMessages } from "./page-messages.js";

type Feedback = FeedbackItem;

const STATUS_FILTERS = [
  { value: "open", label: "Chưa trả lời" },
  { value: "answered", label: "Đã trả lời" },
  { value: "", label: "Tất cả" },
] as const;
const KIND_FILTERS = [
  { value: "", label: "Mọi loại" },
  { value: "complaint", label: "Phản ánh" },
  { value: "suggestion", label: "Kiến nghị" },
  { value: "rating", label: "Đánh giá mức độ hài lòng" },
] as const;
const NO_ANSWER_ROLES: Officer["role"][] = ["province_viewer", "volunteer"];

export function FeedbackPage({ officer }: { officer: Officer }) {
  const [status, setStatus] = useState<string>("open");
  const [kind, setKind] = useState<string>("");
  const [items, setItems] = useState<Feedback[] | null>(null);
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  const load = useCallback(
    () =>
      api<FeedbackListReply>("GET", `/feedback${status ? `?status=${status}` : ""}`).then(
        (r) => setItems(r.items),
        (e: Error) => setError(e.message),
      ),
    [status],
  );
  useEffect(() => void load(), [load]);
  const canAnswer = !NO_ANSWER_ROLES.includes(officer.role);
  const shown = (items ?? []).filter((f) => !kind || f.kind === kind);

  return (
    <div className="card">
      <h2>Ý kiến người dân</h2>
      <div className="row" style={{ marginBottom: 10 }}>
        <div className="field" style={{ width: 200 }}>
          <label htmlFor="fb-status">Trạng thái</label>
          <select
            id="fb-status"
            value={status}
            onChange={(e) => {
              setNotice("");
              setStatus(e.target.value);
            }}
          >
            {STATUS_FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={{ width: 240 }}>
          <label htmlFor="fb-kind">Loại ý kiến</label>
          <select id="fb-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {KIND_FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ActionMessages notice={notice} error={error} />
      {items === null ? (
        <p className="muted">Đang tải…</p>
      ) : shown.length === 0 ? (
        <p className="muted">Không có ý kiến nào.</p>
      ) : (
        <table className="list" data-testid="feedback-list">
          <thead>
            <tr>
              <th>Ngày gửi</th>
              <th>Loại</th>
              <th className="wide">Mức độ hài lòng</th>
              <th>Nội dung</th>
              <th className="wide">Mã hồ sơ</th>
              <th>Trả lời</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => (
              <tr key={f.id} data-feedback={f.id}>
                <td>{vnDayTime(f.createdAt)}</td>
                <td>
                  {f.kindLabel}
                  {officer.role === "province_viewer" && <div className="muted">{f.unitName}</div>}
                </td>
                <td className="wide">{f.ratingLabel ?? ""}</td>
                <td style={{ whiteSpace: "pre-wrap" }}>
                  {f.text ?? <span className="muted">(không có nội dung)</span>}
                </td>
                <td className="wide">{f.dossierCode ?? ""}</td>
                <td>
                  <AnswerCell
                    item={f}
                    form={
                      canAnswer && f.status === "open" ? (
                        <AnswerForm
                          id={`answer-${f.id}`}
                          label="Nội dung trả lời"
                          minWidth={240}
                          send={(answer) => api("POST", `/feedback/${f.id}/answer`, { answer })}
                          onDone={async () => {
                            setNotice("Đã gửi trả lời; người dân được báo qua Zalo.");
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
