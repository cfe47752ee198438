/**
 * "Zalo của tôi": an officer links their own Zalo account on the unit's OA to receive reminders (leader alerts).
 * An OA user id cannot be typed by anyone: the console shows a code that the officer sends to the OA from Zalo
 * within 15 minutes; the OA answers, and this page then says the account is linked.
 */
import { useEffect, useState } from "react";
import { api } from "./api.js";
import { vnDayTime } from "./format.js";
import type { OaLinkCodeReply, OaLinkReply } from "../../../shared/console/zalo.js";
import { Loading } from "./page-messages.js";

type LinkState = OaLinkReply;
type Issued = OaLinkCodeReply;

export function ZaloLinkPage() {
  const [state, setState] = useState<LinkState | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [error, setError] = useState("");
  const load = () => api<LinkState>("GET", "/zalo/oa-link").then(setState, (e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, []);

  const ask = async () => {
    setError("");
    try {
      setIssued(await api<Issued>("POST", "/zalo/oa-link/code"));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (!state) return <Loading error={error} />;
  return (
    <section className="card">
      <h2>Nhận nhắc việc qua Zalo</h2>
      <p className="muted">
        Liên kết tài khoản Zalo của bạn với Zalo OA của đơn vị để nhận nhắc việc hồ sơ “Ngày không hẹn” (hồ sơ chờ duyệt
        trước giờ trả kết quả). Không ai nhập hộ được: bạn tự gửi mã từ Zalo của mình.
      </p>
      <p className={state.linked ? "ok" : "muted"} role="status">
        {state.linked ? "Tài khoản Zalo của bạn đã được liên kết." : "Chưa liên kết tài khoản Zalo."}
      </p>
      {issued ? (
        <div className="field">
          <p>Mở Zalo, vào trò chuyện với Zalo OA của đơn vị và gửi đúng tin nhắn:</p>
          <p style={{ fontSize: "1.6rem", fontWeight: 700, letterSpacing: "0.08em" }} data-testid="oa-link-message">
            {issued.message}
          </p>
          <p className="muted">
            Mã dùng được một lần, đến {vnDayTime(issued.expiresAt)}. Sau khi OA trả lời, bấm “Kiểm tra lại”.
          </p>
          <button type="button" onClick={() => void load()}>
            Kiểm tra lại
          </button>
        </div>
      ) : (
        <button className="primary" type="button" onClick={() => void ask()}>
          {state.linked ? "Liên kết tài khoản Zalo khác" : "Lấy mã liên kết"}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
