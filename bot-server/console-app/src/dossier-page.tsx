/** One dossier: state and dates, the buttons the lifecycle allows this officer now, every field, forms, timeline, audit. */
import { Fragment, useCallback, useEffect, useState } from "react";
import { api, ApiError, formUrl } from "./api.js";
import type { OfficerView as Officer } from "../../../shared/console/officers.js";
import { dmy, TRACK_LABEL, vnDateTime, vnDayTime } from "./format.js";
import { PrintPreview } from "./print-preview.js";
import type { DossierViewReply, EventReply } from "../../../shared/console/dossiers.js";

type View = DossierViewReply;

const FORM_LABEL: Record<string, string> = {
  application: "Tờ khai / đơn đề nghị",
  "01": "Mẫu 01 – Giấy tiếp nhận và hẹn trả",
  "02": "Mẫu 02 – Phiếu yêu cầu bổ sung",
  "03": "Mẫu 03 – Phiếu từ chối",
  "04": "Mẫu 04 – Văn bản xin lỗi, hẹn lại",
  "05": "Mẫu 05 – Thông báo dừng giải quyết",
  control: "Phiếu kiểm soát quá trình giải quyết",
  register: "Sổ theo dõi hồ sơ (dòng của hồ sơ)",
};
const NEEDS: Record<string, ("reason" | "newDueDate" | "returnedTo" | "missing")[]> = {
  send_back: ["reason"],
  reject: ["reason"],
  withdraw: ["reason"],
  request_supplement: ["missing", "reason"],
  extend_due_date: ["reason", "newDueDate"],
  return_result: ["returnedTo"],
};
const AUDIT_ACTION: Record<string, string> = { read: "xem", create: "tạo", update: "sửa", export: "in", delete: "xóa" };
const NOTICE_KIND: Record<string, string> = {
  receipt_issued: "Đã tiếp nhận hồ sơ",
  supplement_requested: "Yêu cầu bổ sung",
  result_ready: "Đã có kết quả",
  late_apology: "Xin lỗi, hẹn lại",
  returned: "Đã trả kết quả, mời đánh giá",
  refused: "Từ chối tiếp nhận",
  feedback_answer: "Đã trả lời ý kiến",
};
const NOTICE_STATUS: Record<string, string> = {
  pending: "chờ gửi",
  queued: "đang gửi",
  sent: "đã gửi",
  not_notified: "chưa gửi được (công dân chưa có kênh nhận)",
  dead: "gửi lỗi",
};

/** Consecutive identical views (same person, action, minute) shown once with a count. */
function collapse(rows: View["viewedBy"]): (View["viewedBy"][number] & { times: number })[] {
  const out: (View["viewedBy"][number] & { times: number })[] = [];
  for (const a of rows) {
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.actor === a.actor &&
      prev.action === a.action &&
      prev.reason === a.reason &&
      prev.at.slice(0, 16) === a.at.slice(0, 16)
    )
      prev.times += 1;
    else out.push({ ...a, times: 1 });
  }
  return out;
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "boolean") return v ? "Có" : "Không";
  if (typeof v === "string") return /^\d{4}-\d{2}-\d{2}$/.test(v) ? dmy(v) : v;
  return JSON.stringify(v);
}

export function DossierPage({ id, officer }: { id: string; officer: Officer }) {
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState("");
  const [pending, setPending] = useState<string | null>(null);
  const [input, setInput] = useState({ reason: "", newDueDate: "", returnedTo: "", missing: "" });
  const [printing, setPrinting] = useState<string | null>(null);
  const [notice, setNotice] = useState("");
  const load = useCallback(
    () => api<View>("GET", `/dossiers/${id}`).then(setView, (e: Error) => setError(e.message)),
    [id],
  );
  useEffect(() => void load(), [load]);
  if (error)
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  if (!view) return <p className="muted">Đang tải…</p>;
  const d = view.dossier;

  const fire = async (event: string) => {
    const needs = NEEDS[event] ?? [];
    if (needs.length > 0 && pending !== event) {
      setPending(event);
      setInput((i) => ({ ...i, returnedTo: i.returnedTo || d.applicantName }));
      return;
    }
    setError("");
    try {
      const body: Record<string, unknown> = { event };
      if (needs.includes("reason")) body.reason = input.reason;
      if (needs.includes("newDueDate")) body.newDueDate = input.newDueDate;
      if (needs.includes("returnedTo")) body.returnedTo = input.returnedTo;
      if (needs.includes("missing"))
        body.missingDocuments = input.missing
          .split("\n")
          .map((s) => s.trim())
          .filter(Boolean)
          .map((name) => ({ name, original: 1 }));
      const r = await api<EventReply>("POST", `/dossiers/${id}/events`, body);
      setPending(null);
      setNotice(
        `Đã thực hiện: ${view.actions.find((a) => a.event === event)?.label ?? event}.${r.warnings.length ? ` ${r.warnings.join(" ")}` : ""}`,
      );
      await load();
      if (r.form) setPrinting(r.form === "01" ? "01" : r.form);
    } catch (e) {
      setNotice("");
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <>
      {printing && (
        <PrintPreview
          url={formUrl(d.id, printing)}
          title={FORM_LABEL[printing] ?? printing}
          onClose={() => setPrinting(null)}
        />
      )}
      <div className="card">
        <h2 data-testid="dossier-code">{d.code}</h2>
        <p>
          <b>{view.procedureName}</b> · <span data-testid="dossier-state">{d.stateLabel}</span> ·{" "}
          <span className={`badge ${d.track}`}>{TRACK_LABEL[d.track]}</span>
        </p>
        <dl className="kv">
          <dt>Người nộp</dt>
          <dd>{d.applicantName}</dd>
          <dt>Tiếp nhận</dt>
          <dd>{vnDateTime(d.receivedAt)}</dd>
          <dt>Hẹn trả</dt>
          <dd data-testid="due-date">
            {dmy(d.dueDate)}
            {d.dueDate !== d.originalDueDate ? ` (hẹn ban đầu ${dmy(d.originalDueDate)})` : ""}
          </dd>
          {d.assistedWriting && (
            <>
              <dt>Ngày không viết</dt>
              <dd>
                {d.typedByName
                  ? /^công chức/i.test(d.typedByName)
                    ? d.typedByName
                    : `Công chức ${d.typedByName}`
                  : "Công chức"}{" "}
                nhập thay
                {d.checkedByCitizen
                  ? "; công dân đã kiểm tra trên màn hình đối chiếu"
                  : "; chưa có xác nhận trên màn hình đối chiếu"}
              </dd>
            </>
          )}
          {d.returnedAt && (
            <>
              <dt>Đã trả kết quả</dt>
              <dd>
                {vnDateTime(d.returnedAt)} cho {d.returnedTo}
              </dd>
            </>
          )}
          <dt>Lý do phân luồng</dt>
          <dd>{d.trackReasons.join("; ")}</dd>
        </dl>
        {notice && (
          <p className="ok" role="status">
            {notice}
          </p>
        )}
        {view.actions.length > 0 && officer.role !== "province_viewer" && (
          <div className="row" style={{ marginTop: 10 }}>
            {view.actions.map((a) => (
              <button
                key={a.event}
                className={a.event === "reject" || a.event === "send_back" ? "danger" : "primary"}
                onClick={() => void fire(a.event)}
              >
                {a.label}
              </button>
            ))}
          </div>
        )}
        {pending && (
          <div className="card" style={{ marginTop: 10 }}>
            {(NEEDS[pending] ?? []).includes("reason") && (
              <div className="field">
                <label htmlFor="reason">Lý do</label>
                <textarea
                  id="reason"
                  value={input.reason}
                  onChange={(e) => setInput({ ...input, reason: e.target.value })}
                />
              </div>
            )}
            {(NEEDS[pending] ?? []).includes("missing") && (
              <div className="field">
                <label htmlFor="missing">Thành phần hồ sơ cần bổ sung (mỗi dòng một loại)</label>
                <textarea
                  id="missing"
                  value={input.missing}
                  onChange={(e) => setInput({ ...input, missing: e.target.value })}
                />
              </div>
            )}
            {(NEEDS[pending] ?? []).includes("newDueDate") && (
              <div className="field">
                <label htmlFor="newDue">Ngày hẹn trả mới</label>
                <input
                  id="newDue"
                  type="date"
                  value={input.newDueDate}
                  onChange={(e) => setInput({ ...input, newDueDate: e.target.value })}
                />
              </div>
            )}
            {(NEEDS[pending] ?? []).includes("returnedTo") && (
              <div className="field">
                <label htmlFor="returnedTo">Người nhận kết quả</label>
                <input
                  id="returnedTo"
                  value={input.returnedTo}
                  onChange={(e) => setInput({ ...input, returnedTo: e.target.value })}
                />
              </div>
            )}
            <div className="row">
              <button className="primary" onClick={() => void fire(pending)}>
                Xác nhận
              </button>
              <button onClick={() => setPending(null)}>Hủy</button>
            </div>
          </div>
        )}
      </div>
      <div className="grid2">
        <div className="card">
          <h2>Thông tin kê khai</h2>
          <dl className="kv">
            {view.form
              .filter((f) => show(f.value) !== "")
              .map((f) => (
                <Fragment key={f.id}>
                  <dt>{f.label}</dt>
                  <dd>{show(f.value)}</dd>
                </Fragment>
              ))}
          </dl>
          <h2 style={{ marginTop: 14 }}>Thành phần hồ sơ</h2>
          <ul>
            {d.submittedDocuments
              .filter((doc) => doc.received)
              .map((doc) => (
                <li key={doc.id}>
                  ✔ {doc.name} ({doc.count})
                </li>
              ))}
          </ul>
          {d.caseFlags.length > 0 && <p className="muted">Tình huống: {d.caseFlags.join(", ")}</p>}
        </div>
        <div>
          <div className="card">
            <h2>In lại</h2>
            <div className="row">
              {view.forms.map((f) => (
                <button key={f} onClick={() => setPrinting(f)}>
                  {FORM_LABEL[f] ?? f}
                </button>
              ))}
            </div>
            {view.statusUrl && (
              <p className="muted">
                Tra cứu công khai:{" "}
                <a href={view.statusUrl} target="_blank" rel="noreferrer">
                  {view.statusUrl}
                </a>
              </p>
            )}
          </div>
          <div className="card">
            <h2>Diễn biến</h2>
            <ol className="timeline">
              {view.timeline.map((e) => (
                <li key={e.seq}>
                  <b>{e.label}</b> – {e.actor} ({e.role}), {vnDateTime(e.at)}
                  {typeof e.data.reason === "string" ? `: ${e.data.reason}` : ""}
                </li>
              ))}
            </ol>
          </div>
          <div className="card">
            <h2>Thông báo cho công dân</h2>
            {d.notifyStatus === "not_notified" ? (
              <p className="notice-bad" role="status" data-testid="notify-status">
                Chưa thông báo được cho người dân. Cán bộ cần liên hệ trực tiếp (điện thoại, tại quầy).
              </p>
            ) : (
              <p className="muted" data-testid="notify-status">
                {d.notifyStatusLabel}
              </p>
            )}
            {view.notifications.length === 0 ? (
              <p className="muted">Chưa có.</p>
            ) : (
              <ul>
                {view.notifications.map((n, i) => (
                  <li key={i}>
                    {NOTICE_KIND[n.kind] ?? n.kind}: {NOTICE_STATUS[n.status] ?? n.status} ({vnDateTime(n.createdAt)})
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="card">
            <h2>Lịch sử gửi thông báo</h2>
            {view.deliveries.length === 0 ? (
              <p className="muted">Chưa có lần gửi nào.</p>
            ) : (
              <table className="list" data-testid="delivery-history">
                <thead>
                  <tr>
                    <th>Thời điểm</th>
                    <th>Kênh</th>
                    <th>Lần</th>
                    <th>Kết quả</th>
                    <th>Mã lỗi</th>
                  </tr>
                </thead>
                <tbody>
                  {view.deliveries.map((x, i) => (
                    <tr key={i}>
                      <td>
                        {vnDayTime(x.at)}
                        {x.kindLabel && <div className="muted">{x.kindLabel}</div>}
                      </td>
                      <td>{x.channelLabel}</td>
                      <td>{x.attempt}</td>
                      <td>{x.statusLabel}</td>
                      <td>{x.errorLabel ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
          <div className="card">
            <h2>Người đã xem, in hồ sơ</h2>
            <ul data-testid="viewed-by">
              {collapse(view.viewedBy)
                .slice(-15)
                .reverse()
                .map((a, i) => (
                  <li key={i}>
                    {a.actor} {AUDIT_ACTION[a.action] ?? a.action} – {vnDateTime(a.at)} ({a.reason})
                    {a.times > 1 ? ` ×${a.times}` : ""}
                  </li>
                ))}
            </ul>
          </div>
        </div>
      </div>
    </>
  );
}
