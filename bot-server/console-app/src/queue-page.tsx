/** Work queues. The approval queue, usable on a phone, approves one dossier or a batch of same-day ones at once. */
import { useCallback, useEffect, useState } from "react";
import { api } from "./api.js";
import type { OfficerView as Officer } from "../../../shared/console/officers.js";
import { DossierTable } from "./dossier-table.js";
import { DraftActions } from "./draft-actions.js";
import type { BatchReply, QueueReply } from "../../../shared/console/dossiers.js";

export function QueuePage({ queue, officer }: { queue: string; officer: Officer }) {
  const [data, setData] = useState<QueueReply | null>(null);
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const load = useCallback(
    () =>
      api<QueueReply>("GET", `/queues/${queue}`, undefined, { background: true }).then(setData, (e: Error) =>
        setError(e.message),
      ),
    [queue],
  );
  useEffect(() => {
    void load();
    const t = setInterval(load, 30_000);
    return () => clearInterval(t);
  }, [load]);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p className="muted">Đang tải…</p>;
  const canApprove = queue === "approval" && (officer.role === "leader" || officer.delegateFor !== null);
  const sameDay = data.items.filter((i) => i.track === "same-day");
  const toggle = (id: string) =>
    setChosen((c) => {
      const n = new Set(c);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const batch = async () => {
    const r = await api<BatchReply>("POST", "/approvals/batch", { ids: [...chosen] });
    const ok = r.results.filter((x) => x.ok).length;
    const bad = r.results.filter((x) => !x.ok);
    setNotice(
      `Đã duyệt ${ok} hồ sơ.${bad.length ? ` Chưa duyệt ${bad.length}: ${bad.map((b) => `${b.dossierCode ?? ""} ${b.message ?? ""}`).join("; ")}` : ""}`,
    );
    setChosen(new Set());
    await load();
  };
  return (
    <div className="card">
      <h2>
        {data.label} ({data.items.length})
      </h2>
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
      {canApprove && sameDay.length > 0 && (
        <div className="row" style={{ marginBottom: 8 }}>
          <button onClick={() => setChosen(new Set(sameDay.map((i) => i.id)))}>
            Chọn tất cả hồ sơ trả trong ngày ({sameDay.length})
          </button>
          <button className="primary" disabled={chosen.size === 0} onClick={() => void batch()}>
            Duyệt {chosen.size} hồ sơ đã chọn
          </button>
        </div>
      )}
      <DossierTable
        items={data.items}
        empty="Không có hồ sơ."
        {...(canApprove ? { select: { chosen, toggle } } : {})}
      />
      {queue === "drafts" &&
        (officer.role === "counter_officer" || officer.role === "unit_admin") &&
        data.items.length > 0 && (
          <DraftActions
            items={data.items}
            onDone={(text) => {
              setNotice(text);
              void load();
            }}
          />
        )}
    </div>
  );
}
