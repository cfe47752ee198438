/** "Hôm nay": is today a scheme day here, the time left to 15:00, today's dossiers by state, what is at risk. */
import { ZaloSendingNotice } from "./zalo-sending-notice.js";
import { useEffect, useState } from "react";
import { STATE_LABELS_VI } from "../../../shared/dossier/lifecycle-labels.js";
import { api } from "./api.js";
import type { OfficerView as Officer } from "../../../shared/console/officers.js";
import { DossierTable } from "./dossier-table.js";
import { dmy, vnDayTime } from "./format.js";
import type { BoardReply } from "../../../shared/console/dossiers.js";
import type { SignInAlertsReply } from "../../../shared/console/settings.js";

type SignInAlert = SignInAlertsReply["alerts"][number];

/** For the unit admin: repeated wrong passwords on the unit's accounts in the last 7 days. */
function SignInAlerts() {
  const [alerts, setAlerts] = useState<SignInAlert[]>([]);
  useEffect(() => {
    api<{ alerts: SignInAlert[] }>("GET", "/security/alerts").then(
      (r) => setAlerts(r.alerts),
      () => undefined,
    );
  }, []);
  if (alerts.length === 0) return null;
  return (
    <div className="alert" role="alert" data-testid="sign-in-alerts">
      <b>Cảnh báo đăng nhập (7 ngày qua):</b>
      <ul>
        {alerts.map((a) => (
          <li key={`${a.at}-${a.username}`}>
            {vnDayTime(a.at)} · {a.displayName} ({a.username}): {a.reason}.
          </li>
        ))}
      </ul>
      Nếu không phải cán bộ nhập nhầm, đề nghị đổi mật khẩu tài khoản (npm run users -- reset-password &lt;tên đăng
      nhập&gt;).
    </div>
  );
}

type Board = BoardReply;

export function BoardPage({ officer }: { officer: Officer }) {
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    let alive = true;
    const load = () =>
      api<Board>("GET", "/board", undefined, { background: true }).then(
        (b) => alive && setBoard(b),
        (e: Error) => alive && setError(e.message),
      );
    void load();
    const timer = setInterval(load, 30_000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  if (error) return <p className="error">{error}</p>;
  if (!board) return <p className="muted">Đang tải…</p>;
  const s = board.scheme;
  const left = s?.minutesToCutoff ?? 0;
  return (
    <>
      {officer.role === "unit_admin" && <SignInAlerts />}
      {board.alert?.active && (
        <div className="alert" role="alert" data-testid="leader-alert">
          Còn {board.alert.waiting.length} hồ sơ trả trong ngày chưa có kết quả (cảnh báo từ {board.alert.alertAt}, hết
          giờ làm việc {board.alert.officeEnd}).
          {officer.role === "leader" ? " Đề nghị lãnh đạo duyệt ngay." : " Lãnh đạo đã được báo."}
        </div>
      )}
      {(officer.role === "unit_admin" || officer.role === "leader") && (
        <ZaloSendingNotice showConfigure={officer.role === "unit_admin"} />
      )}
      <div className="card">
        <h2>
          {board.weekdayName} {dmy(board.date)} · {board.time}
        </h2>
        {s ? (
          <>
            <p data-testid="scheme-summary">{s.summary}</p>
            {s.isSchemeDay && s.intakeOpen && (
              <p className="ok">
                Còn {Math.floor(left / 60)} giờ {left % 60} phút đến {s.intakeCutoff} (hết nhận hồ sơ trả trong ngày).
              </p>
            )}
            {s.plan?.status === "demo" && <p className="muted">{s.plan.statusLabel}</p>}
          </>
        ) : (
          <p className="muted">Tài khoản theo dõi: xem hồ sơ của mọi đơn vị.</p>
        )}
        <div className="counts">
          {Object.entries(board.counts).map(([state, n]) => (
            <div key={state}>
              <b>{n}</b>
              {STATE_LABELS_VI[state as keyof typeof STATE_LABELS_VI] ?? state}
            </div>
          ))}
          {Object.keys(board.counts).length === 0 && <span className="muted">Chưa có hồ sơ nào hôm nay.</span>}
        </div>
      </div>
      <div className="card">
        <h2>Hồ sơ trả trong ngày chưa có kết quả</h2>
        <DossierTable items={board.sameDayWaiting} empty="Không có hồ sơ nào đang chờ." />
      </div>
      <div className="card">
        <h2>Sắp đến hạn</h2>
        <DossierTable items={board.dueSoon} empty="Không có." />
      </div>
      <div className="card">
        <h2>Quá hạn</h2>
        <DossierTable items={board.late} empty="Không có." />
      </div>
    </>
  );
}
