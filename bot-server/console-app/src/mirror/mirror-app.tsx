/** The citizen's screen: every field the officer types, in large type; "Thông tin đúng" confirms what is on screen. */
import { useEffect, useRef, useState } from "react";
import { TRAINING_MARK } from "../../../../shared/training/training.js";

interface EndedMessage {
  type: "ended";
  reason: "intake_ended" | "revoked" | "session_ended";
}

const ENDED_TEXT: Record<EndedMessage["reason"], string> = {
  intake_ended: "Phiên đối chiếu đã kết thúc. Cảm ơn ông/bà.",
  revoked: "Cán bộ đã ngắt kết nối màn hình này.",
  session_ended: "Phiên làm việc của cán bộ đã kết thúc, màn hình đã ngắt kết nối.",
};

interface MirrorMessage {
  type: "state";
  officerName: string;
  /** The officer's unit is training (docs/admin/training.md): nothing on this screen is a real dossier. */
  training?: boolean;
  state: { title: string; fields: { label: string; value: string }[]; message?: string } | null;
  version: number;
  confirmed: boolean;
}

export function MirrorApp() {
  const [token, setToken] = useState<string | null>(null);
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get("code") ?? "");
  const [error, setError] = useState("");
  const [view, setView] = useState<MirrorMessage | null>(null);
  const [ended, setEnded] = useState<EndedMessage["reason"] | null>(null);

  // A code joins once: the automatic join from the link runs once even when React runs effects twice.
  const autoJoined = useRef(false);
  const join = async (c: string) => {
    setError("");
    const res = await fetch("/console/mirror/api/join", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code: c.trim() }),
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
      return setError(
        res.status === 409 && body.error?.message
          ? body.error.message
          : "Mã kết nối không đúng hoặc đã hết hạn. Vui lòng hỏi cán bộ.",
      );
    }
    setEnded(null);
    setToken(((await res.json()) as { token: string }).token);
  };

  useEffect(() => {
    if (autoJoined.current) return;
    autoJoined.current = true;
    if (code && /^\d{6}$/.test(code) && !token) void join(code);
  }, []);

  useEffect(() => {
    if (!token) return;
    const es = new EventSource(`/console/mirror/api/events?token=${encodeURIComponent(token)}`);
    es.onmessage = (m) => {
      const msg = JSON.parse(m.data as string) as MirrorMessage | EndedMessage;
      if (msg.type === "ended") {
        es.close();
        setEnded(msg.reason);
      } else setView(msg);
    };
    return () => es.close();
  }, [token]);

  const confirm = async () => {
    if (!token || !view) return;
    const res = await fetch("/console/mirror/api/confirm", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token, version: view.version }),
    });
    if (!res.ok) setError("Thông tin vừa thay đổi, xin ông/bà kiểm tra lại rồi bấm xác nhận.");
  };

  if (!token) {
    return (
      <div className="mirror">
        <h1>Màn hình đối chiếu thông tin</h1>
        <form
          className="pair"
          onSubmit={(e) => {
            e.preventDefault();
            void join(code);
          }}
        >
          <p style={{ fontSize: 22 }}>Nhập mã kết nối do cán bộ cung cấp:</p>
          <input
            aria-label="Mã kết nối"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            inputMode="numeric"
            maxLength={6}
            autoFocus
          />{" "}
          <button className="confirm" type="submit">
            Kết nối
          </button>
        </form>
        {error && (
          <p className="error" style={{ fontSize: 22 }}>
            {error}
          </p>
        )}
      </div>
    );
  }
  const s = view?.state;
  return (
    <div className="mirror">
      {view?.training && (
        <p className="training-banner" role="status" data-testid="mirror-training">
          <strong>{TRAINING_MARK}</strong> · Đây là buổi diễn tập, không phải hồ sơ thật.
        </p>
      )}
      <h1>{s?.title ?? "Xin chào ông/bà"}</h1>
      <p className="muted" style={{ fontSize: 18 }}>
        Cán bộ {view?.officerName} đang nhập thông tin thay ông/bà. Xin kiểm tra từng dòng.
      </p>
      {s?.message && <p style={{ fontSize: 28 }}>{s.message}</p>}
      {(s?.fields ?? []).map((f, i) => (
        <div className="line" key={`${i}-${f.label}`} data-testid="mirror-line">
          <span>{f.label}</span>
          <b>{f.value}</b>
        </div>
      ))}
      {ended && (
        <p className="muted" style={{ fontSize: 22 }} data-testid="mirror-ended">
          {ENDED_TEXT[ended]}
        </p>
      )}
      {s &&
        s.fields.length > 0 &&
        !s.message &&
        !ended &&
        (view?.confirmed ? (
          <p className="ok" style={{ fontSize: 28 }} data-testid="mirror-confirmed">
            Ông/bà đã xác nhận thông tin đúng. Cảm ơn ông/bà.
          </p>
        ) : (
          <button className="confirm" onClick={() => void confirm()}>
            Thông tin trên là đúng
          </button>
        ))}
      {error && (
        <p className="error" style={{ fontSize: 22 }}>
          {error}
        </p>
      )}
    </div>
  );
}
