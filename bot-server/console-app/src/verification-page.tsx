/**
 * "Cần xác nhận": the shipped facts still marked "cần kiểm tra" for citizens, per unit (a province administrator:
 * every unit of the province, filterable), with who may confirm each. Confirming records the document or URL and
 * the person; the citizen-facing marker disappears at once (docs/admin/unit-and-verification.md).
 */
import { useEffect, useState } from "react";
import { api, ApiError } from "./api.js";
import { vnDayTime } from "./format.js";
import type { FactView, VerificationReply } from "../../../shared/console/unit-admin.js";
import { Loading } from "./page-messages.js";

export function VerificationPage() {
  const [data, setData] = useState<VerificationReply | null>(null);
  const [unitId, setUnitId] = useState("");
  const [shown, setShown] = useState<"0" | "1" | "all">("0");
  const [message, setMessage] = useState("");
  const load = () => {
    const q = new URLSearchParams({ confirmed: shown, ...(unitId ? { unitId } : {}) });
    api<VerificationReply>("GET", `/admin/verification?${q.toString()}`).then(setData, (e: Error) =>
      setMessage(e.message),
    );
  };
  useEffect(load, [unitId, shown]);

  if (!data) return <Loading error={message} />;
  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">Cần xác nhận</h2>
      <p className="muted">
        Thông tin dưới đây đang hiện “cần kiểm tra” cho người dân. Đối chiếu với văn bản, nhập số văn bản hoặc đường dẫn
        rồi bấm Xác nhận: dấu “cần kiểm tra” biến mất ngay. Còn {data.remaining} thông tin chưa xác nhận.
      </p>
      <div className="row">
        {data.units.length > 1 && (
          <div className="field">
            <label htmlFor="verify-unit">Đơn vị</label>
            <select id="verify-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              <option value="">Tất cả đơn vị</option>
              {data.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="verify-shown">Hiển thị</label>
          <select id="verify-shown" value={shown} onChange={(e) => setShown(e.target.value as "0" | "1" | "all")}>
            <option value="0">Chưa xác nhận</option>
            <option value="1">Đã xác nhận</option>
            <option value="all">Tất cả</option>
          </select>
        </div>
      </div>
      {data.facts.length === 0 ? (
        <p className="ok">Không còn thông tin nào trong mục này.</p>
      ) : (
        <table className="list" data-testid="facts">
          <thead>
            <tr>
              <th>Thông tin</th>
              <th>Đơn vị</th>
              <th>Giá trị, nguồn hiện có</th>
              <th>Người xác nhận</th>
              <th>Xác nhận</th>
            </tr>
          </thead>
          <tbody>
            {data.facts.map((f) => (
              <FactRow key={f.id} fact={f} onDone={load} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function FactRow({ fact, onDone }: { fact: FactView; onDone: () => void }) {
  const [source, setSource] = useState("");
  const [error, setError] = useState("");
  const id = `confirm-${fact.id.replace(/[^a-zA-Z0-9]/g, "-")}`;
  const confirm = async (e: React.FormEvent) => {
    e.preventDefault();
    setError("");
    try {
      await api("POST", "/admin/verification/confirm", { factId: fact.id, source });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields[0]?.message ?? err.message) : "Không kết nối được máy chủ.");
    }
  };
  return (
    <tr data-fact={fact.id}>
      <td>
        <strong>{fact.kindLabel}</strong>
        <br />
        {fact.title}
      </td>
      <td>{fact.unitName ?? "Toàn tỉnh"}</td>
      <td>
        {fact.value}
        <br />
        <span className="muted">Nguồn: {fact.source}</span>
      </td>
      <td>{fact.confirmerLabel}</td>
      <td>
        {fact.confirmation ? (
          <span className="ok">
            Đã xác nhận theo {fact.confirmation.source} ({fact.confirmation.byName}, {vnDayTime(fact.confirmation.at)})
          </span>
        ) : fact.canConfirm ? (
          <form onSubmit={confirm}>
            <label htmlFor={id}>Văn bản hoặc đường dẫn đã đối chiếu</label>
            <input id={id} value={source} onChange={(e) => setSource(e.target.value)} aria-invalid={Boolean(error)} />
            {error && <p className="error">{error}</p>}
            <button type="submit">Xác nhận</button>
          </form>
        ) : (
          <span className="muted">Chờ {fact.confirmerLabel.toLowerCase()}</span>
        )}
      </td>
    </tr>
  );
}
