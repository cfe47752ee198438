/** Opening, following and closing the citizen-facing screen (the mirror) from the counter. */
import type { useMirror } from "./use-mirror.js";

export function MirrorControl({ mirror }: { mirror: ReturnType<typeof useMirror> }) {
  if (!mirror.code) {
    return (
      <div className="row" style={{ marginTop: 8 }}>
        <button onClick={() => void mirror.pair(true)}>Mở màn hình công dân</button>
        <span className="muted">Công dân xem từng thông tin khi cán bộ nhập.</span>
      </div>
    );
  }
  const joinedAt = mirror.screen
    ? new Date(mirror.screen.joinedAt).toLocaleTimeString("vi-VN", {
        timeZone: "Asia/Ho_Chi_Minh",
        hour: "2-digit",
        minute: "2-digit",
      })
    : "";
  return (
    <p className="row" style={{ marginTop: 8 }} data-testid="mirror-status">
      Màn hình công dân: mã <b data-testid="mirror-code">{mirror.code}</b> ·{" "}
      {!mirror.joined ? (
        <span className="muted">chờ kết nối (mở /console/mirror và nhập mã; mã hết hạn sau 10 phút)</span>
      ) : mirror.confirmed ? (
        <span className="ok">Công dân đã xác nhận thông tin</span>
      ) : (
        <span className="muted">đã kết nối, chờ công dân xác nhận</span>
      )}
      {mirror.screen && (
        <span data-testid="mirror-screen">
          {" "}
          · kết nối lúc {joinedAt}, {mirror.screen.browser}
        </span>
      )}
      <button
        onClick={() => void mirror.revoke()}
        title="Ngắt màn hình đang kết nối (không phải màn hình tại quầy, hoặc công dân đã rời quầy)"
      >
        Ngắt màn hình
      </button>
    </p>
  );
}
