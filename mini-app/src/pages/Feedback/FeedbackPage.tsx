/** Phản ánh, kiến nghị: a complaint or a suggestion that goes to the unit's one-stop office. */
import { useState } from "react";
import { Button, useNavigate, useParams, useSearchParams } from "zmp-ui";
import { feedbackErrorMessage } from "../../api/client.js";
import type { FeedbackKind } from "../../api/types.js";
import { FieldMessage } from "../../components/FieldMessage.js";
import { Notice } from "../../components/Notice.js";
import { Screen } from "../../components/Screen.js";
import { useDeps } from "../../deps.js";
import { paths } from "../../routes.js";

const KINDS: { value: Exclude<FeedbackKind, "rating">; label: string; hint: string }[] = [
  { value: "complaint", label: "Phản ánh", hint: "Việc chưa đúng: thái độ phục vụ, trễ hẹn, đòi thêm giấy tờ…" },
  { value: "suggestion", label: "Kiến nghị", hint: "Đề xuất để phục vụ tốt hơn" },
];
const MIN_TEXT = 10;
const MAX_TEXT = 2000;

export function feedbackTextError(text: string): string | null {
  const t = text.trim();
  if (t.length === 0) return "Vui lòng nhập nội dung phản ánh, kiến nghị.";
  if (t.length < MIN_TEXT) return `Nội dung cần ít nhất ${MIN_TEXT} ký tự để cán bộ hiểu và trả lời.`;
  if (t.length > MAX_TEXT) return `Nội dung tối đa ${MAX_TEXT} ký tự.`;
  return null;
}

export default function FeedbackPage() {
  const { unitCode = "" } = useParams();
  const [params] = useSearchParams();
  const dossierCode = params.get("hoSo") ?? undefined;
  const { api } = useDeps();
  const navigate = useNavigate();
  const [kind, setKind] = useState<"complaint" | "suggestion">("complaint");
  const [text, setText] = useState("");
  const [textError, setTextError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const send = async () => {
    const err = feedbackTextError(text);
    if (err) return setTextError(err);
    setBusy(true);
    const r = await api.sendFeedback({ unitCode, kind, text: text.trim(), ...(dossierCode ? { dossierCode } : {}) });
    setBusy(false);
    if (!r.ok) {
      const fieldMessage = r.error.fields.find((f) => f.path === "text")?.message;
      if (fieldMessage) setTextError(fieldMessage);
      return setError(feedbackErrorMessage(r.error));
    }
    setSent(true);
  };

  if (sent) {
    return (
      <Screen title="Phản ánh, kiến nghị" name="feedback">
        <Notice tone="success" title="Đã gửi đến Bộ phận Một cửa.">
          Cán bộ sẽ xem và trả lời bạn qua ứng dụng này.
        </Notice>
        <Button fullWidth className="kh-btn-lg" onClick={() => navigate(paths.unit(unitCode))}>
          Về trang đơn vị
        </Button>
      </Screen>
    );
  }

  return (
    <Screen title="Phản ánh, kiến nghị" name="feedback">
      <h1 className="kh-question">Bạn muốn gửi gì?</h1>
      {dossierCode ? <p className="kh-meta">Về hồ sơ {dossierCode}</p> : null}
      {error ? <Notice tone="error" title={error} /> : null}
      <div className="kh-choices" role="radiogroup" aria-label="Loại ý kiến">
        {KINDS.map((k) => (
          <label key={k.value} className={`kh-choice${kind === k.value ? " kh-choice-on" : ""}`}>
            <input
              type="radio"
              name="kind"
              value={k.value}
              checked={kind === k.value}
              onChange={() => setKind(k.value)}
            />
            <span>
              <strong>{k.label}</strong>
              <span className="kh-row-sub">{k.hint}</span>
            </span>
          </label>
        ))}
      </div>
      <label className="kh-label" htmlFor="feedback-text">
        Nội dung
      </label>
      <FieldMessage id="feedback-text-error" message={textError} />
      <textarea
        id="feedback-text"
        className={`kh-input${textError ? " kh-input-error" : ""}`}
        rows={6}
        maxLength={MAX_TEXT}
        value={text}
        aria-invalid={textError ? true : undefined}
        aria-describedby={textError ? "feedback-text-error" : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setTextError(null);
        }}
      />
      <Button fullWidth className="kh-btn-lg" loading={busy} onClick={send}>
        Gửi
      </Button>
    </Screen>
  );
}
