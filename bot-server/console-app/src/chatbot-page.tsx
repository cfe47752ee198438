/**
 * "Thử chatbot": an officer types a citizen's message, picks a unit and sees exactly the reply the citizen would get
 * on Zalo (text and buttons) with what the chatbot understood; nothing is sent. The unit administrator also sets
 * here the OA's area: the province or the unit the chatbot answers for when a citizen names no commune.
 */
import { useEffect, useState } from "react";
import { api, ApiError } from "./api.js";
import { vnDayTime } from "./format.js";
import type {
  ChatbotAreaReply,
  ChatbotTryReply,
  ChatbotUnitChoice,
  ChatbotUnitsReply,
} from "../../../shared/console/chatbot.js";

type TryReply = ChatbotTryReply;
type UnitChoice = ChatbotUnitChoice;
type Area = ChatbotAreaReply;

const INTENT_LABELS: Record<string, string> = {
  scheme_procedures: "Thủ tục trả trong ngày",
  scheme_schedule: "Lịch Ngày không hẹn",
  what_is_scheme: "Ngày không hẹn là gì",
  procedure_checklist: "Giấy tờ cần mang",
  procedure_fee: "Lệ phí",
  procedure_time: "Thời hạn giải quyết",
  dossier_status: "Tra cứu hồ sơ",
  pre_register: "Khai trước",
  unit_info: "Thông tin đơn vị",
  feedback: "Phản ánh, góp ý",
  human: "Gặp cán bộ",
  not_in_scheme: "Thủ tục ngoài danh mục",
  greeting: "Chào hỏi",
  thanks: "Cảm ơn",
  fallback: "Chưa hiểu",
  follow: "Người dân bấm Quan tâm",
};

export function ChatbotPage() {
  const [units, setUnits] = useState<UnitChoice[]>([]);
  const [unitId, setUnitId] = useState("");
  const [text, setText] = useState("Ngày không hẹn là thứ mấy?");
  const [asked, setAsked] = useState("");
  const [result, setResult] = useState<TryReply | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<ChatbotUnitsReply>("GET", "/chatbot/units").then(
      (r) => {
        setUnits(r.units);
        setUnitId(r.defaultUnitId ?? r.units[0]?.unitId ?? "");
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  const send = async (message: string, event: "text" | "follow" = "text") => {
    setBusy(true);
    setError("");
    try {
      const r = await api<TryReply>("POST", "/chatbot/try", {
        text: event === "follow" ? "(bấm Quan tâm)" : message,
        unitId: unitId || null,
        event,
      });
      setAsked(event === "follow" ? "Người dân bấm Quan tâm OA" : message);
      setResult(r);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Không kết nối được máy chủ.");
    } finally {
      setBusy(false);
    }
  };

  const u = result?.understood;
  const unitName = units.find((x) => x.unitId === unitId)?.name;
  return (
    <>
      <div className="chatbot-grid">
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            void send(text);
          }}
        >
          <h2>Thử chatbot</h2>
          <p className="muted">
            Gõ câu hỏi như người dân nhắn trên Zalo: câu trả lời dưới đây đúng như người dân nhận được (kể cả các nút).
            Không tin nào được gửi đi.
          </p>
          <div className="field">
            <label htmlFor="try-unit">OA của đơn vị</label>
            <select id="try-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              {units.map((x) => (
                <option key={x.unitId} value={x.unitId}>
                  {x.level === "province" ? `${x.name} (cả tỉnh)` : x.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="try-text">Tin nhắn của người dân</label>
            <textarea id="try-text" rows={3} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button className="primary" type="submit" disabled={busy}>
              Gửi thử
            </button>
            <button type="button" disabled={busy} onClick={() => void send("", "follow")}>
              Xem tin chào khi bấm Quan tâm
            </button>
          </div>
        </form>

        <section className="card" aria-label="Câu trả lời của chatbot">
          <h2>Người dân nhận được</h2>
          {!result && <p className="muted">Câu trả lời hiện ở đây.</p>}
          {result && (
            <div className="zalo-chat">
              <div className="bubble citizen">{asked}</div>
              <div className="bubble oa" data-testid="chatbot-reply">
                <div className="reply-text">{result.reply.text}</div>
                {result.reply.buttons.length > 0 && (
                  <div className="reply-buttons" data-testid="chatbot-buttons">
                    {result.reply.buttons.map((b) =>
                      "url" in b ? (
                        <a
                          key={b.title}
                          className="reply-button"
                          href={b.url}
                          target="_blank"
                          rel="noreferrer"
                          title={b.url}
                        >
                          {b.title} ↗
                        </a>
                      ) : (
                        <button
                          key={b.title}
                          type="button"
                          className="reply-button"
                          title={`Gửi lại: "${b.query}"`}
                          onClick={() => {
                            setText(b.query);
                            void send(b.query);
                          }}
                        >
                          {b.title}
                        </button>
                      ),
                    )}
                  </div>
                )}
              </div>
              <p className="muted">
                {result.reply.text.length} ký tự{unitName ? ` · OA của ${unitName}` : ""}
              </p>
            </div>
          )}
          {result && (
            <dl className="understood" data-testid="chatbot-understood">
              <dt>Chatbot hiểu là</dt>
              <dd>{INTENT_LABELS[result.intent] ?? result.intent}</dd>
              {u?.procedureCode && (
                <>
                  <dt>Thủ tục</dt>
                  <dd>{u.procedureCode}</dd>
                </>
              )}
              {u?.otherProcedure && (
                <>
                  <dt>Thủ tục ngoài danh mục</dt>
                  <dd>{u.otherProcedure}</dd>
                </>
              )}
              {u?.unitCode && (
                <>
                  <dt>Đơn vị nêu trong tin</dt>
                  <dd>mã {u.unitCode}</dd>
                </>
              )}
              {u?.dossierCode && (
                <>
                  <dt>Mã hồ sơ</dt>
                  <dd>{u.dossierCode} (trang thử không tra hồ sơ thật)</dd>
                </>
              )}
              {u?.askedDay !== undefined && (
                <>
                  <dt>Hỏi về ngày</dt>
                  <dd>có</dd>
                </>
              )}
              {u?.asksWhere && (
                <>
                  <dt>Hỏi nơi nộp</dt>
                  <dd>có</dd>
                </>
              )}
              {result.reply.needsHuman && (
                <>
                  <dt>Chuyển cán bộ</dt>
                  <dd>có (hiện ở "Cần hỗ trợ")</dd>
                </>
              )}
              {result.reply.recordsFeedback && (
                <>
                  <dt>Ghi nhận</dt>
                  <dd>phản ánh về cán bộ (hiện ở "Ý kiến người dân")</dd>
                </>
              )}
            </dl>
          )}
        </section>
      </div>
      <AreaCard />
    </>
  );
}

/** The OA's area: read by every officer, set by the unit administrator (their unit or its province). */
function AreaCard() {
  const [area, setArea] = useState<Area | null>(null);
  const [choice, setChoice] = useState("");
  const [message, setMessage] = useState("");
  const show = (a: Area) => {
    setArea(a);
    setChoice(a.unitId ?? "");
  };
  useEffect(() => {
    api<Area>("GET", "/chatbot/area").then(show, (e: Error) => setMessage(e.message));
  }, []);
  if (!area) return message ? <p className="error">{message}</p> : null;
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      show(await api<Area>("PUT", "/chatbot/area", { unitId: choice || null }));
      setMessage("Đã lưu. Chatbot dùng khu vực này từ tin nhắn tiếp theo.");
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : "Không kết nối được máy chủ.");
    }
  };
  return (
    <form className="card" onSubmit={save} data-testid="chatbot-area">
      <h2>Khu vực của OA</h2>
      <p className="muted">
        Khi người dân không nêu xã, phường, chatbot trả lời theo kế hoạch Ngày không hẹn đang áp dụng trong khu vực này
        (cả tỉnh hoặc một đơn vị).
      </p>
      <p>
        Hiện tại: <strong>{area.name ?? "chưa đặt (chatbot hỏi người dân ở xã, phường nào)"}</strong>
        {area.updatedAt && <span className="muted"> · cập nhật {vnDayTime(area.updatedAt)}</span>}
      </p>
      {area.canEdit && (
        <>
          <div className="field">
            <label htmlFor="area-unit">Đặt khu vực</label>
            <select id="area-unit" value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">Chưa đặt</option>
              {area.choices.map((x) => (
                <option key={x.unitId} value={x.unitId}>
                  {x.level === "province" ? `${x.name} (cả tỉnh)` : x.name}
                </option>
              ))}
            </select>
          </div>
          <button className="primary" type="submit">
            Lưu khu vực
          </button>
        </>
      )}
      {message && (
        <p className="ok" role="status">
          {message}
        </p>
      )}
    </form>
  );
}
