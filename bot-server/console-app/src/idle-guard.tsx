/**
 * The idle timeout seen by the officer: a warning WARN_SECONDS before an unattended session ends, with "Tiếp tục
 * làm việc"; typing or clicking counts as activity (told to the server at most once a minute); when the session has
 * ended, a sign-in over the page, so what was typed stays on screen (and the intake page saved it as a draft when
 * the warning showed: the "kh:idle-warning" event).
 */
import { useEffect, useRef, useState } from "react";
import { api, ApiError, sessionEvents, setCsrf } from "./api.js";
import { PasswordField } from "./password-field.js";

export type { IdleInfo } from "../../../shared/console/officers.js";
import type { IdleInfo } from "../../../shared/console/officers.js";

const TELL_SERVER_EVERY_MS = 60_000;
export const IDLE_WARNING_EVENT = "kh:idle-warning";

/** Two minutes before the end, or a third of a short timeout. */
const warnSecondsOf = (timeoutSeconds: number) => Math.min(120, Math.floor(timeoutSeconds / 3));

export function IdleGuard({ idle, username }: { idle: IdleInfo; username: string }) {
  const timeoutMs = idle.timeoutSeconds * 1000;
  const warnMs = warnSecondsOf(idle.timeoutSeconds) * 1000;
  // When the server last counted the officer active (its endsAt minus the timeout, in this PC's clock), and typing since.
  const lastServerActivity = useRef(Date.now() - (timeoutMs - (Date.parse(idle.endsAt) - Date.now())));
  const typedSince = useRef(false);
  const [phase, setPhase] = useState<"active" | "warning" | "ended">("active");
  const [left, setLeft] = useState(0);

  useEffect(() => {
    lastServerActivity.current = Date.now();
    const onActive = () => {
      lastServerActivity.current = Date.now();
      typedSince.current = false;
    };
    const onEnded = () => setPhase("ended");
    sessionEvents.addEventListener("active", onActive);
    sessionEvents.addEventListener("ended", onEnded);
    return () => {
      sessionEvents.removeEventListener("active", onActive);
      sessionEvents.removeEventListener("ended", onEnded);
    };
  }, []);

  // Typing and clicking on the page: told to the server (keep-alive) at most once a minute.
  useEffect(() => {
    const onInput = () => {
      if (phase !== "active") return;
      typedSince.current = true;
      if (Date.now() - lastServerActivity.current >= TELL_SERVER_EVERY_MS)
        void api("POST", "/session/keep-alive").catch(() => undefined);
    };
    window.addEventListener("keydown", onInput, true);
    window.addEventListener("pointerdown", onInput, true);
    return () => {
      window.removeEventListener("keydown", onInput, true);
      window.removeEventListener("pointerdown", onInput, true);
    };
  }, [phase]);

  useEffect(() => {
    const tick = setInterval(() => {
      if (phase === "ended") return;
      const idleFor = Date.now() - lastServerActivity.current;
      if (idleFor >= timeoutMs) {
        // The server decides: a background call answers 401 when the session is over (sessionEvents "ended").
        void api("GET", "/session/state", undefined, { background: true }).catch(() => undefined);
        return;
      }
      if (idleFor >= timeoutMs - warnMs) {
        if (typedSince.current) {
          void api("POST", "/session/keep-alive").catch(() => undefined);
          return;
        }
        if (phase !== "warning") {
          setPhase("warning");
          window.dispatchEvent(new Event(IDLE_WARNING_EVENT));
        }
        setLeft(Math.max(0, Math.ceil((timeoutMs - idleFor) / 1000)));
      } else if (phase === "warning") setPhase("active");
    }, 1000);
    return () => clearInterval(tick);
  }, [phase, timeoutMs, warnMs]);

  const stay = async () => {
    try {
      await api("POST", "/session/keep-alive");
      setPhase("active");
    } catch {
      setPhase("ended");
    }
  };

  if (phase === "warning") {
    return (
      <div
        className="modal-backdrop"
        role="dialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        data-testid="idle-warning"
      >
        <div className="card modal">
          <h2 id="idle-title">Phiên làm việc sắp hết</h2>
          <p>
            Không có thao tác trong một thời gian. Phiên làm việc sẽ tự kết thúc sau <b>{left} giây</b> để bảo vệ dữ
            liệu của công dân.
          </p>
          <p className="muted">Nội dung đang kê khai đã được lưu nháp trên máy chủ.</p>
          <button className="primary" autoFocus onClick={() => void stay()}>
            Tiếp tục làm việc
          </button>
        </div>
      </div>
    );
  }
  if (phase === "ended") return <SignInAgain username={username} onDone={() => setPhase("active")} />;
  return null;
}

/** Over the page: sign in again and carry on where the officer was (nothing typed is lost). */
function SignInAgain({ username, onDone }: { username: string; onDone: () => void }) {
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError("");
    try {
      const pre = await api<{ csrfToken: string }>("GET", "/session");
      setCsrf(pre.csrfToken);
      const r = await api<{ csrfToken: string }>("POST", "/login", { username, password });
      setCsrf(r.csrfToken);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Không kết nối được máy chủ.");
    }
  };
  return (
    <div
      className="modal-backdrop"
      role="dialog"
      aria-modal="true"
      aria-labelledby="ended-title"
      data-testid="session-ended"
    >
      <form className="card modal" onSubmit={submit}>
        <h2 id="ended-title">Phiên làm việc đã kết thúc</h2>
        <p>Phiên đã hết do không có thao tác. Đăng nhập lại để tiếp tục, nội dung trên màn hình vẫn được giữ.</p>
        <div className="field">
          <label htmlFor="again-u">Tên đăng nhập</label>
          <input id="again-u" value={username} readOnly />
        </div>
        <PasswordField
          id="again-p"
          label="Mật khẩu"
          autoFocus
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="primary" type="submit">
          Đăng nhập lại
        </button>
      </form>
    </div>
  );
}
