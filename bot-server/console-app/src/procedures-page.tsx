/**
 * "Thủ tục" (province administrator): each procedure with its versions (validity, origin) and the province's fee; a
 * version's details and its JSON export; a new version taking effect on a date, from the current version's JSON
 * edited, or imported from a pasted or uploaded JSON file, with each problem shown beside the JSON by its path; the
 * province's fee from a date (docs/admin/procedures.md).
 */
import { useEffect, useState } from "react";
import type {
  FeeReply,
  ImportVersionReply,
  ProcedureAdminItem,
  ProcedureAdminList,
  VersionDetail,
} from "../../../shared/console/procedures-admin.js";
import { api, ApiError } from "./api.js";
import { dmy, vnDayTime } from "./format.js";
import { ActionMessages, Loading } from "./page-messages.js";

const BASE = "/admin/procedures";
const ORIGIN_LABEL = { shipped: "Dữ liệu phát hành", admin: "Quản trị tỉnh" } as const;
type Errors = Record<string, string>;

const errorsOf = (err: unknown): Errors =>
  err instanceof ApiError ? Object.fromEntries(err.fields.map((f) => [f.path, f.message])) : {};

/** "01/09/2025" → "2025-09-01"; other text is sent as typed (the server answers beside the field). */
const isoOf = (text: string) => {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  return m ? `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : text.trim();
};

const tomorrowOf = (today: string) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export function ProceduresPage() {
  const [list, setList] = useState<ProcedureAdminList | null>(null);
  const [message, setMessage] = useState("");
  const [detail, setDetail] = useState<VersionDetail | null>(null);
  const [editor, setEditor] = useState<{ code: string | null; json: string } | null>(null);
  const [feeFor, setFeeFor] = useState<ProcedureAdminItem | null>(null);
  const load = () =>
    api<ProcedureAdminList>("GET", BASE).then(setList, (e: Error) => setMessage(e.message || "Không tải được."));
  useEffect(() => {
    void load();
  }, []);

  const view = async (id: string) => {
    setEditor(null);
    setFeeFor(null);
    setDetail(await api<VersionDetail>("GET", `${BASE}/versions/${encodeURIComponent(id)}`));
  };
  const newVersion = async (p: ProcedureAdminItem) => {
    const last = p.versions[p.versions.length - 1]!;
    const d = await api<VersionDetail>("GET", `${BASE}/versions/${encodeURIComponent(last.id)}`);
    setDetail(null);
    setFeeFor(null);
    setEditor({ code: p.code, json: JSON.stringify(d.version, null, 2) });
  };

  if (!list) return <Loading error={message} />;
  return (
    <div className="grid2 procedures-admin">
      <section className="card">
        <div className="row">
          <h2>Thủ tục hành chính: phiên bản và phí</h2>
          <button
            type="button"
            style={{ marginLeft: "auto" }}
            onClick={() => {
              setDetail(null);
              setFeeFor(null);
              setEditor({ code: null, json: "" });
            }}
          >
            Nhập phiên bản từ JSON
          </button>
        </div>
        <p className="muted">
          Phí, lệ phí của {list.provinceName}. Hôm nay {dmy(list.today)}. Một phiên bản không bao giờ bị sửa: hồ sơ đã
          tiếp nhận giữ phiên bản của ngày tiếp nhận; thay đổi là một phiên bản mới có ngày bắt đầu áp dụng.
        </p>
        {list.procedures.map((p) => (
          <div key={p.code} className="procedure-block">
            <div className="row">
              <strong>
                {p.code} · {p.name}
              </strong>
            </div>
            <table className="list">
              <thead>
                <tr>
                  <th>Áp dụng</th>
                  <th>Nguồn</th>
                  <th className="nowrap">Cập nhật</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {p.versions.map((v) => (
                  <tr key={v.id}>
                    <td>
                      Từ {dmy(v.validFrom)}
                      {v.validTo ? ` đến ${dmy(v.validTo)}` : ""}{" "}
                      {v.inForce && <span className="badge same-day">Đang áp dụng</span>}
                    </td>
                    <td className="nowrap">{ORIGIN_LABEL[v.origin]}</td>
                    <td className="muted">
                      {v.origin === "admin" ? `${v.updatedBy ?? ""} · ${vnDayTime(v.updatedAt)}` : ""}
                    </td>
                    <td className="version-actions">
                      <button type="button" onClick={() => void view(v.id)}>
                        Xem
                      </button>{" "}
                      <a href={`/console/api${BASE}/versions/${encodeURIComponent(v.id)}/export`} download>
                        Xuất JSON
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="row" style={{ marginTop: 6 }}>
              <span>
                Phí, lệ phí:{" "}
                {p.fees.length === 0
                  ? "chưa có"
                  : p.fees
                      .filter((f) => !f.validTo || f.validTo >= list.today)
                      .map((f) => `${f.display} (từ ${dmy(f.validFrom)}${f.validTo ? ` đến ${dmy(f.validTo)}` : ""})`)
                      .join("; ")}
              </span>
              <span style={{ marginLeft: "auto" }} className="row">
                <button type="button" onClick={() => void newVersion(p)}>
                  Phiên bản mới
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setDetail(null);
                    setEditor(null);
                    setFeeFor(p);
                  }}
                >
                  Đặt phí
                </button>
                <a href={`/console/api${BASE}/${p.code}/export`} download>
                  Xuất mọi phiên bản
                </a>
              </span>
            </div>
          </div>
        ))}
      </section>
      <aside>
        {detail && <VersionView detail={detail} />}
        {editor && (
          <VersionEditor
            key={editor.code ?? "import"}
            code={editor.code}
            initial={editor.json}
            minDate={list.today}
            suggested={tomorrowOf(list.today)}
            onSaved={() => void load()}
          />
        )}
        {feeFor && <FeeForm key={feeFor.code} procedure={feeFor} minDate={list.today} onSaved={() => void load()} />}
        {!detail && !editor && !feeFor && (
          <p className="muted card">Chọn “Xem” để đọc một phiên bản, “Phiên bản mới” hoặc “Nhập phiên bản từ JSON”.</p>
        )}
      </aside>
    </div>
  );
}

function Mark({ evidence }: { evidence: string }) {
  return evidence === "U" || evidence === "?" ? <span className="badge due_soon">cần kiểm tra</span> : null;
}

interface VersionShape {
  name: string;
  legalBasis: { title: string; articles?: string; evidence: string }[];
  receivingBody: { name: string; evidence: string };
  competentBody: { name: string; evidence: string };
  requiredDocuments: { id: string; name: string; count: number; evidence: string }[];
  timeLimit: { timeLimitWorkingDays: number; sameDayCutoff?: string; note?: string; evidence: string };
  form: { formCode: string; title: string; legalSource: string; evidence: string };
  result: { name: string };
}

function VersionView({ detail }: { detail: VersionDetail }) {
  const v = detail.version as unknown as VersionShape;
  const s = detail.summary;
  return (
    <section className="card">
      <h2>{v.name}</h2>
      <p className="muted">
        {s.id} · từ {dmy(s.validFrom)}
        {s.validTo ? ` đến ${dmy(s.validTo)}` : ""} · {ORIGIN_LABEL[s.origin]}
      </p>
      <div className="section-title">Căn cứ pháp lý</div>
      <ul>
        {v.legalBasis.map((b) => (
          <li key={b.title}>
            {b.title}
            {b.articles ? ` (${b.articles})` : ""} <Mark evidence={b.evidence} />
          </li>
        ))}
      </ul>
      <div className="section-title">Cơ quan</div>
      <p>
        Tiếp nhận: {v.receivingBody.name} <Mark evidence={v.receivingBody.evidence} />
        <br />
        Giải quyết: {v.competentBody.name} <Mark evidence={v.competentBody.evidence} />
      </p>
      <div className="section-title">Thành phần hồ sơ</div>
      <ul>
        {v.requiredDocuments.map((d) => (
          <li key={d.id}>
            {d.name} ({String(d.count).padStart(2, "0")}) <Mark evidence={d.evidence} />
          </li>
        ))}
      </ul>
      <div className="section-title">Thời hạn, mẫu đơn, kết quả</div>
      <p>
        {v.timeLimit.timeLimitWorkingDays} ngày làm việc
        {v.timeLimit.sameDayCutoff ? `; nhận trước ${v.timeLimit.sameDayCutoff} trả trong ngày` : ""}{" "}
        <Mark evidence={v.timeLimit.evidence} />
        <br />
        Mẫu: {v.form.title} ({v.form.formCode}, {v.form.legalSource}) <Mark evidence={v.form.evidence} />
        <br />
        Kết quả: {v.result.name}
      </p>
    </section>
  );
}

function VersionEditor(props: {
  code: string | null;
  initial: string;
  minDate: string;
  suggested: string;
  onSaved: () => void;
}) {
  const [json, setJson] = useState(props.initial);
  const [validFrom, setValidFrom] = useState(dmy(props.suggested));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState("");
  const [saved, setSaved] = useState<ImportVersionReply | null>(null);

  const upload = async (file: File | undefined) => {
    if (file) setJson(await file.text());
  };
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setMessage("");
    setSaved(null);
    try {
      const r = await api<ImportVersionReply>("POST", `${BASE}/versions`, {
        json,
        validFrom: isoOf(validFrom),
        reason,
      });
      setSaved(r);
      props.onSaved();
    } catch (err) {
      setErrors(errorsOf(err));
      setMessage(err instanceof ApiError ? err.message : "Không kết nối được máy chủ.");
    }
  };
  const own = new Set(["validFrom", "reason"]);
  const jsonErrors = Object.entries(errors).filter(([path]) => !own.has(path));
  const savedNotice = saved && (
    <>
      Đã lưu phiên bản {saved.version.id}, áp dụng từ {dmy(saved.version.validFrom)}.
      {saved.closed ? ` Phiên bản ${saved.closed.id} kết thúc ngày ${dmy(saved.closed.validTo ?? "")}.` : ""}
    </>
  );
  return (
    <form className="card" onSubmit={save} aria-label="Phiên bản mới">
      <h2>{props.code ? `Phiên bản mới của thủ tục ${props.code}` : "Nhập phiên bản từ JSON"}</h2>
      <p className="muted">
        {props.code
          ? "Nội dung là phiên bản gần nhất; sửa những gì thay đổi rồi chọn ngày bắt đầu áp dụng."
          : "Dán nội dung JSON của một phiên bản (tệp từ “Xuất JSON”) hoặc chọn tệp."}{" "}
        Phiên bản trước kết thúc vào ngày liền trước.
      </p>
      <div className={`field${errors.validFrom ? " invalid" : ""}`}>
        <label htmlFor="version-from">Bắt đầu áp dụng từ ngày</label>
        <input
          id="version-from"
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          value={validFrom}
          onChange={(e) => setValidFrom(e.target.value)}
          aria-invalid={Boolean(errors.validFrom)}
        />
        {errors.validFrom && <p className="msg">{errors.validFrom}</p>}
      </div>
      <div className={`field${errors.reason ? " invalid" : ""}`}>
        <label htmlFor="version-reason">Lý do (văn bản công bố, quyết định…)</label>
        <input
          id="version-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={Boolean(errors.reason)}
        />
        {errors.reason && <p className="msg">{errors.reason}</p>}
      </div>
      {!props.code && (
        <div className="field">
          {/* The browser's own file button speaks the browser's language: a Vietnamese label stands in for it. */}
          <label htmlFor="version-file" className="file-button">
            Chọn tệp JSON…
          </label>
          <input
            id="version-file"
            className="visually-hidden"
            type="file"
            accept="application/json,.json"
            onChange={(e) => void upload(e.target.files?.[0])}
          />
        </div>
      )}
      <div className={`field${jsonErrors.length > 0 ? " invalid" : ""}`}>
        <label htmlFor="version-json">Nội dung JSON</label>
        <textarea
          id="version-json"
          className="json-text"
          rows={16}
          spellCheck={false}
          value={json}
          onChange={(e) => setJson(e.target.value)}
          aria-invalid={jsonErrors.length > 0}
          aria-describedby="version-json-errors"
        />
        {jsonErrors.length > 0 && (
          <ul id="version-json-errors" className="msg json-errors">
            {jsonErrors.map(([path, msg]) => (
              <li key={path}>
                {path === "json" ? "" : <code>{path}</code>} {msg}
              </li>
            ))}
          </ul>
        )}
      </div>
      <ActionMessages notice={savedNotice} error={message} />
      <button className="primary" type="submit">
        Lưu phiên bản mới
      </button>
    </form>
  );
}

function FeeForm(props: { procedure: ProcedureAdminItem; minDate: string; onSaved: () => void }) {
  const [byCouncil, setByCouncil] = useState(false);
  const [f, setF] = useState({
    validFrom: dmy(props.minDate),
    kind: "lệ phí",
    amount: "",
    online: "",
    number: "",
    date: "",
    basis: "",
    reason: "",
  });
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState("");
  const [ok, setOk] = useState("");
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setF({ ...f, [k]: e.target.value });
  const money = (s: string) => (s.trim() === "" ? null : Number(s.replace(/[.\s]/g, "")));
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setMessage("");
    setOk("");
    try {
      const r = await api<FeeReply>("POST", `${BASE}/${props.procedure.code}/fees`, {
        validFrom: isoOf(f.validFrom),
        kind: f.kind,
        amountVnd: byCouncil ? null : money(f.amount),
        onlineAmountVnd: byCouncil ? null : money(f.online),
        resolution: f.number || f.date ? { number: f.number, date: isoOf(f.date) } : null,
        basis: f.basis,
        reason: f.reason,
      });
      setOk(`Đã lưu: ${r.fee.display}, từ ${dmy(r.fee.validFrom)}.`);
      props.onSaved();
    } catch (err) {
      setErrors(errorsOf(err));
      setMessage(err instanceof ApiError ? err.message : "Không kết nối được máy chủ.");
    }
  };
  const field = (id: keyof typeof f, path: string, label: string, placeholder = "") => (
    <div className={`field${errors[path] ? " invalid" : ""}`}>
      <label htmlFor={`fee-${id}`}>{label}</label>
      <input
        id={`fee-${id}`}
        placeholder={placeholder}
        value={f[id]}
        onChange={set(id)}
        aria-invalid={Boolean(errors[path])}
      />
      {errors[path] && <p className="msg">{errors[path]}</p>}
    </div>
  );
  return (
    <form className="card" onSubmit={save} aria-label="Phí, lệ phí">
      <h2>
        Phí, lệ phí: {props.procedure.code} · {props.procedure.name}
      </h2>
      {field("validFrom", "validFrom", "Áp dụng từ ngày", "dd/mm/yyyy")}
      <div className="field">
        <label htmlFor="fee-kind">Loại</label>
        <select id="fee-kind" value={f.kind} onChange={set("kind")}>
          <option value="lệ phí">Lệ phí</option>
          <option value="phí">Phí</option>
        </select>
      </div>
      <label className="check">
        <input type="checkbox" checked={byCouncil} onChange={(e) => setByCouncil(e.target.checked)} /> Do HĐND tỉnh quy
        định (ghi nghị quyết)
      </label>
      {!byCouncil && field("amount", "amountVnd", "Mức thu (đồng)")}
      {!byCouncil && field("online", "onlineAmountVnd", "Mức thu khi nộp trực tuyến (đồng, để trống nếu không rõ)")}
      {field("number", "resolution.number", "Số nghị quyết (ví dụ 12/2025/NQ-HĐND)")}
      {field("date", "resolution.date", "Ngày ban hành nghị quyết", "dd/mm/yyyy")}
      {errors.resolution && <p className="msg error">{errors.resolution}</p>}
      {field("basis", "basis", "Căn cứ pháp lý")}
      {field("reason", "reason", "Lý do thay đổi")}
      <ActionMessages notice={ok} error={message} />
      <button className="primary" type="submit">
        Lưu phí
      </button>
    </form>
  );
}
