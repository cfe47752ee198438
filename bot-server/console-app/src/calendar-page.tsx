/**
 * "Lịch làm việc" (province administrator, docs/admin/calendar.md): a year's days off and make-up working days with
 * their notice, a single day declared off or worked (and returned to the rule), and the year's notice entered from
 * the lunar-calendar draft. Dates are typed dd/mm/yyyy; the server checks every rule and answers beside the field.
 */
import { useEffect, useState } from "react";
import { api, ApiError, loadForEffect } from "./api.js";
import { dmy, vnDayTime } from "./format.js";
import {
  CALENDAR_KIND_LABELS,
  type CalendarDayReply,
  type CalendarDraftReply,
  type CalendarYearReply,
} from "../../../shared/console/calendar.js";
import { WEEKDAY_NAMES_VI, weekdayOf } from "../../../shared/time/vn-time.js";

type Errors = Record<string, string>;
interface Row {
  from: string;
  to: string;
  kind: string;
  reason: string;
}

const KINDS = Object.entries(CALENDAR_KIND_LABELS);
/** As `.field.invalid input` (styles.css), for the inputs of the notice's table. */
const INVALID = { borderColor: "var(--bad)", background: "#fff7f6" };
const DATE_HELP = "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 10/03/2027.";

/** "10/03/2027" (or "2027-03-10") → "2027-03-10"; undefined when it is neither. */
function isoOf(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  return m ? `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : undefined;
}

const thisYear = () =>
  Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format());

function dayText(from: string, to: string | null): string {
  const head = `${WEEKDAY_NAMES_VI[weekdayOf(from)]} ${dmy(from)}`;
  return to && to !== from ? `${head} – ${WEEKDAY_NAMES_VI[weekdayOf(to)]} ${dmy(to)}` : head;
}

/** The notice's own rows say so briefly (the notice is named above the table). */
const sourceText = (view: CalendarYearReply, source: string): string =>
  view.notice && source.startsWith(`Văn bản số ${view.notice.number} `) ? `Văn bản số ${view.notice.number}` : source;

const errorsOf = (err: unknown): Errors =>
  err instanceof ApiError ? Object.fromEntries(err.fields.map((f) => [f.path, f.message])) : {};

export function CalendarPage() {
  const [year, setYear] = useState(thisYear());
  const [view, setView] = useState<CalendarYearReply | null>(null);
  const [loadError, setLoadError] = useState("");
  const reload = () =>
    api<CalendarYearReply>("GET", `/admin/calendar/years/${year}`).then(setView, (e: Error) => setLoadError(e.message));
  useEffect(() => {
    setView(null);
    setLoadError("");
    return loadForEffect<CalendarYearReply>(`/admin/calendar/years/${year}`, setView, (e) => setLoadError(e.message));
  }, [year]);

  const years = [thisYear() - 1, thisYear(), thisYear() + 1, thisYear() + 2];
  return (
    <>
      <section className="card">
        <div className="row" style={{ justifyContent: "space-between" }}>
          <h2 style={{ margin: 0 }}>Lịch làm việc năm {year}</h2>
          <div className="field" style={{ margin: 0, width: 160 }}>
            <label htmlFor="calendar-year">Năm</label>
            <select id="calendar-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        </div>
        {loadError && (
          <p className="error" role="alert">
            {loadError}
          </p>
        )}
        {view ? <YearTable view={view} onChange={reload} /> : !loadError && <p className="muted">Đang tải…</p>}
      </section>
      <div className="grid2">
        <NoticeForm key={`notice-${year}`} year={year} view={view} onSaved={setView} />
        <SingleDayForm key={`day-${year}`} year={year} onSaved={reload} />
      </div>
    </>
  );
}

function YearTable({ view, onChange }: { view: CalendarYearReply; onChange: () => void }) {
  const [message, setMessage] = useState("");
  const clear = async (date: string) => {
    setMessage("");
    try {
      const r = await api<CalendarDayReply>("DELETE", `/admin/calendar/${date}`);
      setMessage(`Đã trả về lịch chung. ${r.text}`);
      onChange();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : "Không kết nối được máy chủ.");
    }
  };
  return (
    <>
      {view.notice ? (
        <p className="ok">
          Theo văn bản số {view.notice.number} ngày {dmy(view.notice.date)} của {view.notice.issuer}
          {view.notice.link ? (
            <>
              {" "}
              (<a href={view.notice.link}>xem văn bản</a>)
            </>
          ) : null}
          .{" "}
          <span className="muted">
            Nhập bởi {view.notice.by} lúc {vnDayTime(view.notice.at)}.
          </span>
        </p>
      ) : (
        <p className="muted">
          {view.fromLunarCalendar
            ? "Chưa có thông báo nghỉ lễ của năm này: các ngày dưới đây là lịch dự kiến theo Bộ luật Lao động và lịch âm."
            : view.provisional
              ? "Chưa nhập thông báo chính thức: các ngày dưới đây là lịch dự kiến kèm theo phần mềm, cần đối chiếu thông báo."
              : "Chưa nhập thông báo trên bảng điều khiển: các ngày dưới đây theo dữ liệu kèm phần mềm (nguồn ghi từng dòng)."}
        </p>
      )}
      <table className="list" aria-label={`Ngày nghỉ và ngày làm bù năm ${view.year}`}>
        <thead>
          <tr>
            <th>Ngày</th>
            <th>Loại</th>
            <th>Tên</th>
            <th>Nguồn</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {view.entries.map((e, i) => (
            <tr key={`${e.from}-${i}`}>
              <td style={{ whiteSpace: "nowrap" }}>{dayText(e.from, e.to)}</td>
              <td style={{ whiteSpace: "nowrap" }}>
                <span className={e.working ? "badge same-day" : "badge"}>{e.kindLabel}</span>
                {e.provisional && <span className="badge due_soon">Dự kiến</span>}
              </td>
              <td>{e.reason}</td>
              <td className="muted">{sourceText(view, e.source)}</td>
              <td>
                {e.adminDay && (
                  <button type="button" className="danger" onClick={() => void clear(e.from)}>
                    Trả về lịch chung
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.entries.length === 0 && <p className="muted">Năm này không có ngày nghỉ lễ nào được ghi.</p>}
      {view.updatedAt && (
        <p className="muted">
          Thay đổi gần nhất: {view.updatedBy}, {vnDayTime(view.updatedAt)}.
        </p>
      )}
      {message && <p role="status">{message}</p>}
    </>
  );
}

function SingleDayForm({ year, onSaved }: { year: number; onSaved: () => void }) {
  const [date, setDate] = useState("");
  const [working, setWorking] = useState(false);
  const [label, setLabel] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState("");
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setMessage("");
    const iso = isoOf(date);
    if (!iso) return setErrors({ date: DATE_HELP });
    try {
      const r = await api<CalendarDayReply>("PUT", `/admin/calendar/${iso}`, { working, label });
      setMessage(`Đã lưu. ${r.text}`);
      setDate("");
      setLabel("");
      onSaved();
    } catch (err) {
      setErrors(errorsOf(err));
      setMessage(err instanceof Error ? err.message : "Không kết nối được máy chủ.");
    }
  };
  const invalid = Object.keys(errors).length > 0;
  return (
    <form className="card" onSubmit={save} aria-labelledby="single-day-title">
      <h2 id="single-day-title">Khai báo một ngày</h2>
      <p className="muted">
        Một ngày nghỉ riêng của tỉnh, hoặc một Thứ Bảy làm bù. Có hiệu lực ngay với lịch Ngày không hẹn; hồ sơ đã tiếp
        nhận giữ nguyên ngày hẹn trả.
      </p>
      <div className={errors.date ? "field invalid" : "field"}>
        <label htmlFor="day-date">Ngày (ngày/tháng/năm)</label>
        <input
          id="day-date"
          placeholder={`10/03/${year}`}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          aria-invalid={Boolean(errors.date)}
        />
        {errors.date && <p className="msg">{errors.date}</p>}
      </div>
      <div className={errors.working ? "field invalid" : "field"}>
        <label htmlFor="day-working">Loại</label>
        <select
          id="day-working"
          value={working ? "working" : "off"}
          onChange={(e) => setWorking(e.target.value === "working")}
          aria-invalid={Boolean(errors.working)}
        >
          <option value="off">Ngày nghỉ</option>
          <option value="working">Ngày làm bù (làm việc)</option>
        </select>
        {errors.working && <p className="msg">{errors.working}</p>}
      </div>
      <div className={errors.label ? "field invalid" : "field"}>
        <label htmlFor="day-label">Tên ngày</label>
        <input
          id="day-label"
          placeholder="Nghỉ lễ kỷ niệm ngày thành lập tỉnh"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          aria-invalid={Boolean(errors.label)}
        />
        {errors.label && <p className="msg">{errors.label}</p>}
      </div>
      {message && (
        <p className={invalid ? "error" : "ok"} role="status">
          {message}
        </p>
      )}
      <button className="primary" type="submit">
        Lưu ngày
      </button>
    </form>
  );
}

function NoticeForm({
  year,
  view,
  onSaved,
}: {
  year: number;
  view: CalendarYearReply | null;
  onSaved: (v: CalendarYearReply) => void;
}) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [number, setNumber] = useState("");
  const [date, setDate] = useState("");
  const [issuer, setIssuer] = useState("");
  const [link, setLink] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState("");
  const [source, setSource] = useState("");

  const fromDraft = async () => {
    setMessage("");
    try {
      const d = await api<CalendarDraftReply>("GET", `/admin/calendar/years/${year}/draft`);
      setSource(d.source);
      setRows(d.entries.map((e) => ({ from: dmy(e.from), to: e.to ? dmy(e.to) : "", kind: e.kind, reason: e.reason })));
    } catch (e) {
      setMessage(e instanceof Error ? e.message : "Không kết nối được máy chủ.");
    }
  };
  const fromSaved = () => {
    if (!view) return;
    if (view.notice) {
      setNumber(view.notice.number);
      setDate(dmy(view.notice.date));
      setIssuer(view.notice.issuer);
      setLink(view.notice.link ?? "");
    }
    setSource("Lịch đang áp dụng");
    setRows(
      view.entries
        .filter((e) => !e.adminDay)
        .map((e) => ({ from: dmy(e.from), to: e.to ? dmy(e.to) : "", kind: e.kind, reason: e.reason })),
    );
  };
  const setRow = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs && rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!rows) return;
    setErrors({});
    setMessage("");
    const local: Errors = {};
    const dateOf = (text: string, path: string) => {
      const iso = isoOf(text);
      if (!iso) local[path] = DATE_HELP;
      return iso ?? text;
    };
    const body = {
      notice: { number, date: dateOf(date, "notice.date"), issuer, link: link || null },
      entries: rows.map((r, i) => ({
        from: dateOf(r.from, `entries.${i}.from`),
        to: r.to.trim() ? dateOf(r.to, `entries.${i}.to`) : null,
        kind: r.kind,
        reason: r.reason,
      })),
    };
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return setMessage("Vui lòng kiểm tra các ô được đánh dấu.");
    }
    try {
      onSaved(await api<CalendarYearReply>("PUT", `/admin/calendar/years/${year}`, body));
      setMessage(`Đã lưu thông báo năm ${year}. Lịch Ngày không hẹn theo thông báo này ngay từ bây giờ.`);
      setRows(null);
    } catch (err) {
      setErrors(errorsOf(err));
      setMessage(err instanceof Error ? err.message : "Không kết nối được máy chủ.");
    }
  };

  const field = (id: string, path: string, label: string, value: string, set: (v: string) => void, ph = "") => (
    <div className={errors[path] ? "field invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        placeholder={ph}
        onChange={(e) => set(e.target.value)}
        aria-invalid={Boolean(errors[path])}
      />
      {errors[path] && <p className="msg">{errors[path]}</p>}
    </div>
  );
  const invalid = Object.keys(errors).length > 0;
  return (
    <form className="card" onSubmit={save} aria-labelledby="notice-title">
      <h2 id="notice-title">Nhập thông báo nghỉ lễ năm {year}</h2>
      {!rows ? (
        <>
          <p className="muted">
            Khi có thông báo của Chính phủ (hoặc Bộ Nội vụ) về lịch nghỉ lễ, Tết của cán bộ, công chức năm {year}: lấy
            bản nháp tính theo lịch âm, sửa cho đúng thông báo, ghi số và ngày văn bản rồi lưu.
          </p>
          <div className="row">
            <button type="button" className="primary" onClick={() => void fromDraft()}>
              Lấy bản nháp theo lịch âm
            </button>
            <button type="button" onClick={fromSaved} disabled={!view}>
              Sửa từ lịch đang áp dụng
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="muted">Bản nháp: {source}. Đối chiếu từng dòng với thông báo trước khi lưu.</p>
          {field("notice-number", "notice.number", "Số văn bản", number, setNumber, "12729/VPCP-KGVX")}
          <div className="row" style={{ alignItems: "start" }}>
            <div style={{ flex: 1 }}>
              {field("notice-date", "notice.date", "Ngày văn bản", date, setDate, "25/12/2026")}
            </div>
            <div style={{ flex: 2 }}>
              {field("notice-issuer", "notice.issuer", "Cơ quan ban hành", issuer, setIssuer, "Văn phòng Chính phủ")}
            </div>
          </div>
          {field("notice-link", "notice.link", "Đường dẫn văn bản (nếu có)", link, setLink, "https://…")}
          {errors.entries && <p className="error">{errors.entries}</p>}
          <table className="list" aria-label="Các ngày trong thông báo">
            <thead>
              <tr>
                <th>Từ ngày</th>
                <th>Đến ngày</th>
                <th>Loại</th>
                <th>Tên</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const err = (k: string) => errors[`entries.${i}.${k}`];
                const messages = ["from", "to", "kind", "reason"].map(err).filter(Boolean);
                return (
                  <tr key={i}>
                    <td style={{ width: 120 }}>
                      <input
                        aria-label={`Từ ngày, dòng ${i + 1}`}
                        value={r.from}
                        onChange={(e) => setRow(i, { from: e.target.value })}
                        aria-invalid={Boolean(err("from"))}
                        style={err("from") ? INVALID : undefined}
                      />
                    </td>
                    <td style={{ width: 120 }}>
                      <input
                        aria-label={`Đến ngày, dòng ${i + 1}`}
                        value={r.to}
                        onChange={(e) => setRow(i, { to: e.target.value })}
                        aria-invalid={Boolean(err("to"))}
                        style={err("to") ? INVALID : undefined}
                      />
                    </td>
                    <td style={{ width: 140 }}>
                      <select
                        aria-label={`Loại, dòng ${i + 1}`}
                        value={r.kind}
                        onChange={(e) => setRow(i, { kind: e.target.value })}
                      >
                        {KINDS.map(([k, l]) => (
                          <option key={k} value={k}>
                            {l}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        aria-label={`Tên, dòng ${i + 1}`}
                        value={r.reason}
                        onChange={(e) => setRow(i, { reason: e.target.value })}
                        aria-invalid={Boolean(err("reason"))}
                        style={err("reason") ? INVALID : undefined}
                      />
                      {messages.map((m) => (
                        <p key={m} className="error" style={{ fontSize: 13 }}>
                          {m}
                        </p>
                      ))}
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-label={`Bỏ dòng ${i + 1}`}
                        onClick={() => setRows(rows.filter((_, j) => j !== i))}
                      >
                        Bỏ
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="row" style={{ marginTop: 8 }}>
            <button type="button" onClick={() => setRows([...rows, { from: "", to: "", kind: "holiday", reason: "" }])}>
              Thêm dòng
            </button>
            <button type="button" onClick={() => setRows(null)}>
              Hủy
            </button>
            <button className="primary" type="submit">
              Lưu thông báo
            </button>
          </div>
        </>
      )}
      {message && (
        <p className={invalid ? "error" : "ok"} role="status">
          {message}
        </p>
      )}
    </form>
  );
}
