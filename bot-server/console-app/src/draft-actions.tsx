/**
 * "Đang kê khai": each console draft can be continued at the intake screen or discarded with a reason (audited),
 * so no draft stays on the board for good.
 */
import { useState } from "react";
import { api, ApiError } from "./api.js";
import type { DossierListItem } from "./dossier-table.js";
import { navigate } from "./router.js";

/** The intake screen opens this draft on arrival (set just before navigating there). */
export const RESUME_KEY = "kh.console.resumeDraft";

export function DraftActions({ items, onDone }: { items: DossierListItem[]; onDone: (notice: string) => void }) {
  const [discarding, setDiscarding] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const cont = (code: string) => {
    sessionStorage.setItem(RESUME_KEY, code);
    navigate({ name: "intake" });
  };
  const discard = async (item: DossierListItem) => {
    setError("");
    try {
      await api("POST", `/intake/drafts/${item.id}/discard`, { reason });
      setDiscarding(null);
      setReason("");
      onDone(`Đã bỏ bản nháp ${item.code}.`);
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : String(e));
    }
  };
  return (
    <section aria-labelledby="draft-actions-title" style={{ marginTop: 14 }}>
      <h3 id="draft-actions-title">Tiếp tục hoặc bỏ bản nháp</h3>
      <ul className="draft-actions">
        {items.map((i) => (
          <li key={i.id} data-testid={`draft-${i.code}`}>
            <span>
              <b>{i.code}</b> · {i.procedureName} · {i.applicantShort || "chưa có tên"}
            </span>
            <button onClick={() => cont(i.code)}>Tiếp tục {i.code}</button>
            <button
              className="danger"
              onClick={() => {
                setDiscarding(i.id);
                setReason("");
                setError("");
              }}
            >
              Bỏ bản nháp {i.code}
            </button>
            {discarding === i.id && (
              <div className="row" style={{ flexBasis: "100%" }}>
                <label htmlFor={`discard-${i.id}`}>Lý do bỏ (được ghi nhật ký)</label>
                <input
                  id={`discard-${i.id}`}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  style={{ flex: 1 }}
                  autoFocus
                />
                <button className="danger" onClick={() => void discard(i)}>
                  Xác nhận bỏ
                </button>
                <button onClick={() => setDiscarding(null)}>Thôi</button>
                {error && (
                  <p className="error" role="alert" style={{ flexBasis: "100%" }}>
                    {error}
                  </p>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
