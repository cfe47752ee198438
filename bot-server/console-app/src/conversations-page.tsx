/**
 * "Người dân cần cán bộ hỗ trợ": chatbot conversations in which the citizen asked for a person. The messages are
 * not kept here: the officer answers in Zalo OA Manager, then marks the conversation handled ("Đã xử lý").
 */
import { useCallback, useEffect, useState } from "react";
import { api, ApiError } from "./api.js";
import { vnDayTime } from "./format.js";
import type { ConversationsReply, WaitingConversation } from "../../../shared/console/conversations.js";
import { ActionMessages, Loading } from "./page-messages.js";

export function ConversationsPage({ onChange }: { onChange: () => void }) {
  const [data, setData] = useState<ConversationsReply | null>(null);
  const [error, setError] = useState("");
  const [notice, setNotice] = useState("");
  const load = useCallback(
    () =>
      api<ConversationsReply>("GET", "/conversations", undefined, { background: true }).then(setData, (e: Error) =>
        setError(e.message),
      ),
    [],
  );
  useEffect(() => {
    void load();
    const timer = setInterval(load, 60_000);
    return () => clearInterval(timer);
  }, [load]);

  const handled = async (c: WaitingConversation) => {
    setError("");
    setNotice("");
    try {
      await api("POST", `/conversations/${encodeURIComponent(c.id)}/handled`);
      setNotice(`Đã đánh dấu xử lý cuộc trò chuyện của người dùng ${c.oaUser}.`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
    await load();
    onChange();
  };

  if (!data) return <Loading error={error} />;
  return (
    <div className="card">
      <h2>Người dân cần cán bộ hỗ trợ ({data.count})</h2>
      <p className="muted">{data.hint} Nội dung tin nhắn không lưu trên hệ thống này.</p>
      <ActionMessages notice={notice} error={error} />
      {data.items.length === 0 ? (
        <p className="muted">Không có người dân nào đang chờ cán bộ.</p>
      ) : (
        <table className="list" data-testid="waiting-conversations">
          <thead>
            <tr>
              <th>Người dùng Zalo</th>
              <th>Chờ từ</th>
              <th>Đơn vị được hỏi</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.items.map((c) => (
              <tr key={c.id}>
                <td>{c.oaUser}</td>
                <td>{vnDayTime(c.waitingSince)}</td>
                <td>{c.unitName ?? <span className="muted">Chưa rõ đơn vị</span>}</td>
                <td>
                  {data.canHandle && (
                    <button className="primary" onClick={() => void handled(c)}>
                      Đã xử lý
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
