/**
 * A unit's answer to a citizen, in the last column of "Ý kiến người dân" and "Yêu cầu sửa dữ liệu": once given, the
 * answer with its status and time; before that, the form to give it (or the status alone for who may not answer).
 */
import { useState, type ReactElement, type ReactNode } from "react";
import { ApiError } from "./api.js";
import { vnDayTime } from "./format.js";

interface Answerable {
  answer: string | null;
  statusLabel: string;
  answeredAt: string | null;
}

/** The answer and its status once answered; before that `form`, or the status alone when `form` is null. */
export function AnswerCell({ item, form }: { item: Answerable; form: ReactElement | null }) {
  if (item.answer !== null)
    return (
      <>
        <div style={{ whiteSpace: "pre-wrap" }}>{item.answer}</div>
        <div className="muted">
          {item.statusLabel}, {vnDayTime(item.answeredAt)}
        </div>
      </>
    );
  return form ?? <span className="muted">{item.statusLabel}</span>;
}

/**
 * The answer's text (labelled `label`), given to `send`; a refusal is shown beside it. `children` are fields sent
 * with it, placed above it (their state is the caller's).
 */
export function AnswerForm({
  id,
  label,
  minWidth,
  send,
  onDone,
  children,
}: {
  id: string;
  label: string;
  minWidth: number;
  send: (answer: string) => Promise<unknown>;
  onDone: () => Promise<void>;
  children?: ReactNode;
}) {
  const [answer, setAnswer] = useState("");
  const [error, setError] = useState("");
  const [sending, setSending] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError("");
    setSending(true);
    try {
      await send(answer);
      await onDone();
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields[0]?.message ?? err.message) : String(err));
    } finally {
      setSending(false);
    }
  };
  return (
    <form onSubmit={submit} style={{ minWidth }}>
      {children}
      <div className={`field${error ? " invalid" : ""}`}>
        <label htmlFor={id}>{label}</label>
        <textarea id={id} rows={3} value={answer} maxLength={2000} onChange={(e) => setAnswer(e.target.value)} />
        {error && (
          <div className="msg" role="alert">
            {error}
          </div>
        )}
      </div>
      <button className="primary" type="submit" disabled={sending}>
        Gửi trả lời
      </button>
    </form>
  );
}
