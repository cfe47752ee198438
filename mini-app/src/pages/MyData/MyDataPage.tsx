/**
 * Dữ liệu của tôi: everything the system holds about the citizen (Luật Bảo vệ dữ liệu cá nhân, Luật số
 * 91/2025/QH15), a download (JSON file, or the readable page to keep or print), and a request to correct it,
 * which the unit holding the data answers here.
 */
import { useState } from "react";
import { Button } from "zmp-ui";
import type { CorrectionSubject, MyData } from "../../api/types.js";
import { FieldMessage } from "../../components/FieldMessage.js";
import { LoadError, Loading } from "../../components/LoadState.js";
import { Notice } from "../../components/Notice.js";
import { Screen } from "../../components/Screen.js";
import { useDeps } from "../../deps.js";
import { formatInstant } from "../../format.js";
import { useApi } from "../../hooks/use-api.js";

interface Choice {
  key: string;
  subject: CorrectionSubject;
  reference?: string;
  label: string;
}

function choicesOf(d: MyData): Choice[] {
  return [
    ...d.preRegistrations.map((p) => ({
      key: `p:${p.code}`,
      subject: "pre_registration" as const,
      reference: p.code,
      label: `Khai trước ${p.code} (${p.unitName})`,
    })),
    ...d.dossiers.map((x) => ({
      key: `d:${x.code}`,
      subject: "dossier" as const,
      reference: x.code,
      label: `Hồ sơ ${x.code}`,
    })),
    ...d.feedback.map((f) => ({
      key: `f:${f.id}`,
      subject: "feedback" as const,
      reference: f.id,
      label: `Ý kiến gửi ${formatInstant(f.createdAt)}`,
    })),
    { key: "contact", subject: "contact", label: "Số điện thoại, thông báo" },
    { key: "other", subject: "other", label: "Thông tin khác" },
  ];
}

function Rows({ rows }: { rows: [string, string | null | undefined][] }) {
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== "");
  return (
    <dl className="kh-dl">
      {shown.map(([k, v]) => (
        <div key={k} className="kh-dl-row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const formRows = (form: Record<string, unknown>): [string, string][] =>
  Object.entries(form).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]);

/** Saves a text as a file the citizen keeps (a blob link; inside Zalo the webview offers to open or share it). */
function saveFile(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export default function MyDataPage() {
  const { api } = useDeps();
  const data = useApi(() => api.getMyData(), "my-data");
  const [choice, setChoice] = useState("");
  const [text, setText] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  if (data.state === "loading")
    return (
      <Screen title="Dữ liệu của tôi" name="my-data">
        <Loading />
      </Screen>
    );
  if (data.state === "error")
    return (
      <Screen title="Dữ liệu của tôi" name="my-data">
        <LoadError error={data.error} onRetry={data.reload} />
      </Screen>
    );
  const d = data.value;
  const choices = choicesOf(d);

  const download = async (kind: "json" | "page") => {
    const r = kind === "json" ? await api.downloadMyData() : await api.getMyDataPage();
    if (!r.ok) return setError(r.error.message);
    saveFile(
      kind === "json" ? "du-lieu-ca-nhan.json" : "du-lieu-ca-nhan.html",
      kind === "json" ? "application/json" : "text/html",
      r.value,
    );
  };

  const send = async () => {
    const c = choices.find((x) => x.key === choice);
    if (!c) return setFieldError("Vui lòng chọn thông tin cần sửa.");
    if (text.trim().length < 5) return setFieldError("Vui lòng ghi rõ thông tin nào sai và cần sửa thành gì.");
    setBusy(true);
    const r = await api.requestCorrection({
      subject: c.subject,
      ...(c.reference ? { reference: c.reference } : {}),
      text: text.trim(),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setSent(true);
    setText("");
    data.reload();
  };

  return (
    <Screen title="Dữ liệu của tôi" name="my-data">
      <p className="kh-meta">{d.law}</p>
      {error ? <Notice tone="error" title={error} /> : null}
      <div className="kh-stack">
        <Button fullWidth variant="secondary" onClick={() => void download("page")}>
          Tải bản dễ đọc (trang web)
        </Button>
        <Button fullWidth variant="tertiary" onClick={() => void download("json")}>
          Tải tệp dữ liệu (JSON)
        </Button>
      </div>

      <h2 className="kh-section">Tài khoản</h2>
      <Rows
        rows={[
          ["Loại tài khoản", d.account.identity === "zalo" ? "Tài khoản Zalo" : "Mã thiết bị"],
          ["Tên hiển thị", d.account.displayName],
          ["Số điện thoại", d.account.phone],
          [
            "Nhận thông báo Mini App từ",
            d.account.miniAppNotificationsSince ? formatInstant(d.account.miniAppNotificationsSince) : null,
          ],
          ["Quan tâm Official Account", d.account.followsOA ? "Có" : "Không"],
          ["Tạo lúc", formatInstant(d.account.createdAt)],
        ]}
      />

      <h2 className="kh-section">Hồ sơ khai trước ({d.preRegistrations.length})</h2>
      {d.preRegistrations.map((p) => (
        <section key={p.code} className="kh-card">
          <h3 className="kh-card-title">
            {p.code} · {p.unitName}
          </h3>
          <Rows
            rows={[["Thủ tục", p.procedureCode], ["Tạo lúc", formatInstant(p.createdAt)], ...formRows(p.formData)]}
          />
        </section>
      ))}

      <h2 className="kh-section">Hồ sơ đã nộp ({d.dossiers.length})</h2>
      {d.dossiers.map((x) => (
        <section key={x.code} className="kh-card">
          <h3 className="kh-card-title">
            {x.code} · {x.unitName}
          </h3>
          <Rows
            rows={[
              ["Người nộp", x.applicantName],
              ["Số định danh", x.applicantIdNumber],
              ["Tiếp nhận lúc", formatInstant(x.receivedAt)],
              ...formRows(x.formData),
            ]}
          />
        </section>
      ))}

      <h2 className="kh-section">Ý kiến đã gửi ({d.feedback.length})</h2>
      {d.feedback.map((f) => (
        <section key={f.id} className="kh-card">
          <Rows
            rows={[
              ["Đơn vị", f.unitName],
              ["Nội dung", f.text],
              ["Trả lời", f.answer],
              ["Gửi lúc", formatInstant(f.createdAt)],
            ]}
          />
        </section>
      ))}

      <h2 className="kh-section">Các lần đồng ý ({d.consents.length})</h2>
      {d.consents.map((c) => (
        <Rows
          key={`${c.what}${c.at}`}
          rows={[
            ["Nội dung", c.what],
            ["Lúc", formatInstant(c.at)],
          ]}
        />
      ))}

      <h2 className="kh-section">Yêu cầu chỉnh sửa</h2>
      {d.corrections.map((r) => (
        <section key={r.id} className="kh-card" data-correction={r.status}>
          <Rows
            rows={[
              ["Về", `${r.subjectLabel}${r.reference && r.subject !== "feedback" ? ` ${r.reference}` : ""}`],
              ["Đơn vị", r.unitName],
              ["Nội dung", r.text],
              ["Tình trạng", r.statusLabel],
              ["Trả lời", r.answer],
            ]}
          />
        </section>
      ))}
      {sent ? <Notice tone="success" title="Đã gửi yêu cầu đến đơn vị. Cán bộ sẽ trả lời bạn tại đây." /> : null}
      <label className="kh-label" htmlFor="correction-subject">
        Thông tin cần sửa
      </label>
      <select
        id="correction-subject"
        className="kh-input"
        value={choice}
        onChange={(e) => {
          setChoice(e.target.value);
          setFieldError(null);
        }}
      >
        <option value="">Chọn…</option>
        {choices.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </select>
      <label className="kh-label" htmlFor="correction-text">
        Sai ở đâu, cần sửa thành gì?
      </label>
      <FieldMessage id="correction-error" message={fieldError} />
      <textarea
        id="correction-text"
        className={`kh-input${fieldError ? " kh-input-error" : ""}`}
        rows={4}
        maxLength={2000}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setFieldError(null);
        }}
      />
      <Button fullWidth className="kh-btn-lg" loading={busy} onClick={() => void send()}>
        Gửi yêu cầu chỉnh sửa
      </Button>
    </Screen>
  );
}
