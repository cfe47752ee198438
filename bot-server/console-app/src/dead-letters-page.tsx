/**
 * "Thông báo chưa gửi được": notifications Zalo did not take after every attempt. The unit admin sends one again
 * ("Gửi lại") once the cause is fixed (OA token, Zalo outage); the leader and the province see the list only.
 */
import { Fragment, useCallback, useEffect, useState } from "react";
import { api, ApiError } from "./api.js";
import { vnDayTime } from "./format.js";
import { navigate } from "./router.js";
import { ZaloSendingNotice } from "./zalo-sending-notice.js";
import type { DeadLettersReply, DeadLetterView } from "../../../shared/console/notifications.js";
import { ActionMessages, Loading } from "./page-messages.js";

type DeadLetter = DeadLetterView;
type Reply = DeadLettersReply;

export function DeadLettersPage() {
  const [data, setData] = useState<Reply | null>(null);
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const load = useCallback(
    () => api<Reply>("GET", "/notifications/dead-letters").then(setData, (e: Error) => setError(e.message)),
    [],
  );
  useEffect(() => void load(), [load]);

  const redrive = async (l: DeadLetter) => {
    setError("");
    setNotice("");
    try {
      await api("POST", `/notifications/${l.outboxId}/redrive`);
      setNotice(
        `Đã đưa thông báo “${l.kindLabel}”${l.dossierCode ? ` của hồ sơ ${l.dossierCode}` : ""} vào hàng gửi lại.`,
      );
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      await load();
    }
  };

  if (!data) return <Loading error={error} />;
  return (
    <>
      <ZaloSendingNotice showConfigure={data.canRedrive} />
      <div className="card">
        <h2>Thông báo chưa gửi được ({data.items.length})</h2>
        <p className="muted">
          Các thông báo dưới đây đã gửi thử nhiều lần nhưng Zalo không nhận. Khi đã khắc phục nguyên nhân (kết nối, mã
          truy cập OA),
          {data.canRedrive ? " bấm “Gửi lại”." : " quản trị đơn vị có thể gửi lại."} Thông báo đã đến người dân sẽ không
          bị gửi trùng.
        </p>
        <ActionMessages notice={notice} error={error} />
        {data.items.length === 0 ? (
          <p className="muted">Không có thông báo nào chưa gửi được.</p>
        ) : (
          <table className="list" data-testid="dead-letters">
            <thead>
              <tr>
                <th>Mã hồ sơ</th>
                <th>Loại thông báo</th>
                <th>Số lần gửi</th>
                <th className="wide">Lỗi lần cuối</th>
                <th>Thời điểm</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.items.map((l) => (
                <Fragment key={l.outboxId}>
                  <tr data-outbox={l.outboxId}>
                    <td>
                      {l.dossierId && l.dossierCode ? (
                        <a
                          href={`/console/ho-so/${l.dossierId}`}
                          onClick={(e) => {
                            e.preventDefault();
                            navigate({ name: "dossier", id: l.dossierId! });
                          }}
                        >
                          {l.dossierCode}
                        </a>
                      ) : (
                        <span className="muted">Không gắn hồ sơ</span>
                      )}
                      {l.unitName && <div className="muted">{l.unitName}</div>}
                    </td>
                    <td>{l.kindLabel}</td>
                    <td>{l.attempts}</td>
                    <td className="wide">
                      {l.lastErrorLabel ?? l.lastError ?? ""}
                      {l.deliveries.length > 0 && (
                        <div>
                          <a
                            href="#"
                            onClick={(e) => {
                              e.preventDefault();
                              setOpen(open === l.outboxId ? null : l.outboxId);
                            }}
                          >
                            {open === l.outboxId ? "Ẩn các lần gửi" : "Xem các lần gửi"}
                          </a>
                        </div>
                      )}
                    </td>
                    <td>{vnDayTime(l.deadAt)}</td>
                    <td>
                      {data.canRedrive && (
                        <button className="primary" onClick={() => void redrive(l)}>
                          Gửi lại
                        </button>
                      )}
                    </td>
                  </tr>
                  {open === l.outboxId && (
                    <tr>
                      <td colSpan={6}>
                        <ol>
                          {l.deliveries.map((d, i) => (
                            <li key={i}>
                              {vnDayTime(d.at)} – {d.channelLabel}, lần {d.attempt}: {d.statusLabel}
                              {d.errorLabel ? ` (${d.errorLabel})` : ""}
                            </li>
                          ))}
                        </ol>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}
