/** "Quy trình giải quyết": the unit administrator chooses whether the counter officer submits straight to the leader. */
import { useEffect, useState } from "react";
import { api, ApiError } from "./api.js";
import type { WorkflowReply } from "../../../shared/console/settings.js";

type Workflow = WorkflowReply;

export function WorkflowSetting() {
  const [data, setData] = useState<Workflow | null>(null);
  const [chosen, setChosen] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    api<Workflow>("GET", "/workflow").then(
      (w) => {
        setData(w);
        setChosen(w.workflow);
      },
      (e: Error) => setMessage({ ok: false, text: e.message }),
    );
  }, []);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const w = await api<Workflow>("PUT", "/workflow", { workflow: chosen });
      setData(w);
      setMessage({ ok: true, text: "Đã lưu quy trình giải quyết." });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof ApiError ? err.message : String(err) });
    }
  };
  if (!data)
    return message ? (
      <p className="error" role="alert">
        {message.text}
      </p>
    ) : null;
  return (
    <form className="card" onSubmit={save} aria-labelledby="workflow-title">
      <h2 id="workflow-title">Quy trình giải quyết</h2>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="muted">Ai trình lãnh đạo duyệt hồ sơ đã tiếp nhận?</legend>
        {data.options.map((o) => (
          <label key={o.id} className="row" style={{ flexWrap: "nowrap", margin: "6px 0" }}>
            <input
              type="radio"
              name="workflow"
              value={o.id}
              checked={chosen === o.id}
              onChange={() => setChosen(o.id)}
              style={{ width: "auto" }}
            />
            {o.label}
          </label>
        ))}
      </fieldset>
      <button className="primary" type="submit">
        Áp dụng quy trình
      </button>
      {message && (
        <p className={message.ok ? "ok" : "error"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
