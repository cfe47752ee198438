/**
 * "Kế hoạch": the scheme plans (Ngày không viết – Ngày không hẹn). The province administrator sees every version
 * covering the province's units (in force, past, coming) and enters a new version from a date after today; the
 * version in force ends the day before, so nothing already decided changes. A unit administrator says whether the
 * unit takes part from a date. docs/admin/plans.md.
 */
import { useEffect, useState } from "react";
import type {
  ParticipationReply,
  PlanListReply,
  PlanVersionBody,
  PlanVersionReply,
  PlanView,
} from "../../../shared/console/plans.js";
import { api, ApiError } from "./api.js";
import { dmy } from "./format.js";
import type { OfficerView as Officer } from "../../../shared/console/officers.js";
import { Loading } from "./page-messages.js";

const WEEKDAYS = [
  [1, "Thứ Hai"],
  [2, "Thứ Ba"],
  [3, "Thứ Tư"],
  [4, "Thứ Năm"],
  [5, "Thứ Sáu"],
  [6, "Thứ Bảy"],
  [7, "Chủ nhật"],
] as const;
const LEVELS: Record<string, string> = { commune: "Cấp xã", district: "Cấp huyện", province: "Cấp tỉnh" };
const PERIOD: Record<PlanView["period"], { text: string; className: string }> = {
  current: { text: "Đang áp dụng", className: "badge same-day" },
  future: { text: "Sắp áp dụng", className: "badge due_soon" },
  past: { text: "Đã hết hiệu lực", className: "badge" },
};

type Errors = Record<string, string>;
const errorsOf = (err: unknown): Errors =>
  err instanceof ApiError ? Object.fromEntries(err.fields.map((f) => [f.path, f.message])) : {};
const messageOf = (err: unknown) => (err instanceof ApiError ? err.message : "Không kết nối được máy chủ.");

export function PlansPage({ officer }: { officer: Officer }) {
  return officer.role === "province_admin" ? <ProvincePlans /> : <UnitParticipation />;
}

// ---------------------------------------------------------------- province administrator

function ProvincePlans() {
  const [data, setData] = useState<PlanListReply | null>(null);
  const [message, setMessage] = useState("");
  const [editing, setEditing] = useState<PlanView | null>(null);
  const load = () => api<PlanListReply>("GET", "/admin/plans").then(setData, (e: Error) => setMessage(e.message));
  useEffect(() => {
    void load();
  }, []);
  if (!data) return <Loading error={message} />;
  return (
    <>
      <section className="card">
        <h2>Kế hoạch Ngày không viết – Ngày không hẹn</h2>
        <p className="muted">
          Mỗi phiên bản có ngày bắt đầu. Phiên bản mới chỉ bắt đầu từ ngày mai trở đi; phiên bản đang áp dụng kết thúc
          trước đó một ngày. Hồ sơ đã tiếp nhận giữ nguyên cách giải quyết, ngày hẹn và phiếu đã in.
        </p>
        {message && (
          <p className="ok" role="status">
            {message}
          </p>
        )}
        <table className="list" aria-label="Các phiên bản kế hoạch">
          <thead>
            <tr>
              <th>Kế hoạch</th>
              <th>Văn bản</th>
              <th>Hiệu lực</th>
              <th>Ngày không hẹn</th>
              <th>Tiếp nhận đến</th>
              <th>Thủ tục</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {data.plans.map((p) => (
              <tr key={p.id}>
                <td>
                  <span className={PERIOD[p.period].className}>{PERIOD[p.period].text}</span> {p.label}
                  <div className="muted">
                    {p.unitCount} đơn vị: {p.unitNames.join(", ")}
                    {p.unitCount > p.unitNames.length ? "…" : ""}
                  </div>
                </td>
                <td>
                  {p.status === "official" ? (
                    <>
                      {p.number ?? "Chưa rõ số"}
                      {p.issuedOn ? ` ngày ${dmy(p.issuedOn)}` : ""}
                      <div className="muted">{p.issuer}</div>
                    </>
                  ) : (
                    <span className="badge due_soon">Cấu hình minh họa</span>
                  )}
                  {p.toVerify && <div className="muted">Cần kiểm tra</div>}
                </td>
                <td>
                  Từ {dmy(p.validFrom)}
                  {p.validTo ? ` đến ${dmy(p.validTo)}` : ""}
                  {p.enteredBy && <div className="muted">Nhập bởi {p.enteredBy}</div>}
                </td>
                <td>{p.weekdayNames}</td>
                <td>
                  <strong>{p.intakeCutoff}</strong>
                  <div className="muted">Giờ làm việc {p.officeHours.map((h) => `${h.start}–${h.end}`).join(", ")}</div>
                </td>
                <td>{p.procedures.map((x) => x.procedureCode).join(", ")}</td>
                <td>
                  {p.period !== "past" && (
                    <button type="button" onClick={() => setEditing(p)}>
                      Tạo phiên bản mới
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {editing && (
        <VersionForm
          key={editing.id}
          plan={editing}
          today={data.today}
          procedures={data.procedures}
          onCancel={() => setEditing(null)}
          onSaved={(r) => {
            setEditing(null);
            setMessage(
              `Đã lưu phiên bản mới từ ${dmy(r.plan.validFrom)}; phiên bản trước áp dụng đến hết ${dmy(r.previous.validTo ?? "")}.`,
            );
            void load();
          }}
        />
      )}
    </>
  );
}

/** The first day of next month (the usual start of a new plan). */
function firstOfNextMonth(today: string): string {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

interface ProcedureRow {
  level: string;
  procedureCode: string;
  excludedFlags: string[];
  excludedFlagLabels: string[];
  decidingOfficeTakesPart: string;
}

function VersionForm(props: {
  plan: PlanView;
  today: string;
  procedures: PlanListReply["procedures"];
  onCancel(): void;
  onSaved(r: PlanVersionReply): void;
}) {
  const { plan } = props;
  const [validFrom, setValidFrom] = useState(firstOfNextMonth(props.today));
  const [validTo, setValidTo] = useState("");
  const [weekdays, setWeekdays] = useState<number[]>(plan.weekdays);
  const [hours, setHours] = useState(plan.officeHours.map((h) => ({ ...h })));
  const [cutoff, setCutoff] = useState(plan.intakeCutoff);
  const [rows, setRows] = useState<ProcedureRow[]>(
    plan.procedures.map((p) => ({ ...p, decidingOfficeTakesPart: p.decidingOfficeTakesPart ?? "" })),
  );
  const [status, setStatus] = useState<"official" | "demo">(plan.status);
  const [number, setNumber] = useState(plan.status === "official" ? (plan.number ?? "") : "");
  const [issuedOn, setIssuedOn] = useState(plan.status === "official" ? (plan.issuedOn ?? "") : "");
  const [issuer, setIssuer] = useState(plan.status === "official" ? plan.issuer : "");
  const [reason, setReason] = useState("");
  const [adding, setAdding] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState("");
  const [saving, setSaving] = useState(false);

  const err = (path: string) => errors[path];
  const fieldClass = (...paths: string[]) => (paths.some((p) => errors[p]) ? "field invalid" : "field");
  const Msg = ({ path }: { path: string }) => (err(path) ? <p className="msg">{err(path)}</p> : null);
  const nameOf = (code: string) => props.procedures.find((p) => p.code === code)?.name ?? "";

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setMessage("");
    setSaving(true);
    const body: PlanVersionBody = {
      validFrom,
      validTo: validTo || null,
      weekdays,
      officeHours: hours,
      intakeCutoff: cutoff,
      procedures: rows.map((r) => ({
        level: r.level as "commune",
        procedureCode: r.procedureCode,
        excludedFlags: r.excludedFlags,
        decidingOfficeTakesPart: r.decidingOfficeTakesPart.trim() || null,
      })),
      document: status === "official" ? { status, number, issuedOn, issuer } : { status },
      ...(reason.trim() ? { reason } : {}),
    };
    try {
      props.onSaved(await api<PlanVersionReply>("POST", `/admin/plans/${plan.id}/versions`, body));
    } catch (e2) {
      setErrors(errorsOf(e2));
      setMessage(messageOf(e2));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card plan-form" onSubmit={save} aria-label="Phiên bản mới của kế hoạch">
      <h2>Phiên bản mới: {plan.label}</h2>
      <div className="row">
        <div className={fieldClass("validFrom")}>
          <label htmlFor="plan-from">Áp dụng từ ngày</label>
          <input id="plan-from" type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
          <Msg path="validFrom" />
        </div>
        <div className={fieldClass("validTo")}>
          <label htmlFor="plan-to">Đến hết ngày (để trống nếu chưa định)</label>
          <input id="plan-to" type="date" value={validTo} onChange={(e) => setValidTo(e.target.value)} />
          <Msg path="validTo" />
        </div>
      </div>

      <fieldset className={`plan-part ${fieldClass("weekdays")}`}>
        <legend>Ngày không hẹn trong tuần</legend>
        <div className="row choices">
          {WEEKDAYS.map(([d, name]) => (
            <label key={d}>
              <input
                type="checkbox"
                checked={weekdays.includes(d)}
                onChange={(e) =>
                  setWeekdays(e.target.checked ? [...weekdays, d].sort() : weekdays.filter((w) => w !== d))
                }
              />{" "}
              {name}
            </label>
          ))}
        </div>
        <Msg path="weekdays" />
      </fieldset>

      <fieldset className={`plan-part ${fieldClass("officeHours")}`}>
        <legend>Giờ làm việc (mỗi dòng một buổi; giờ nghỉ ở giữa hai buổi)</legend>
        {hours.map((h, i) => (
          <div className="row" key={i}>
            <div className={fieldClass(`officeHours.${i}.start`)}>
              <label htmlFor={`plan-h${i}-start`}>Buổi {i + 1}: từ</label>
              <input
                id={`plan-h${i}-start`}
                type="time"
                value={h.start}
                onChange={(e) => setHours(hours.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)))}
              />
              <Msg path={`officeHours.${i}.start`} />
            </div>
            <div className={fieldClass(`officeHours.${i}.end`)}>
              <label htmlFor={`plan-h${i}-end`}>đến</label>
              <input
                id={`plan-h${i}-end`}
                type="time"
                value={h.end}
                onChange={(e) => setHours(hours.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)))}
              />
              <Msg path={`officeHours.${i}.end`} />
            </div>
            {hours.length > 1 && (
              <button type="button" onClick={() => setHours(hours.filter((_, j) => j !== i))}>
                Bỏ buổi này
              </button>
            )}
          </div>
        ))}
        <button type="button" onClick={() => setHours([...hours, { start: "13:30", end: "17:00" }])}>
          Thêm buổi
        </button>
        <Msg path="officeHours" />
      </fieldset>

      <div className={fieldClass("intakeCutoff")}>
        <label htmlFor="plan-cutoff">Tiếp nhận hồ sơ trả trong ngày đến</label>
        <input id="plan-cutoff" type="time" value={cutoff} onChange={(e) => setCutoff(e.target.value)} />
        <Msg path="intakeCutoff" />
      </div>

      <fieldset className={`plan-part ${fieldClass("procedures")}`}>
        <legend>Thủ tục áp dụng Ngày không hẹn</legend>
        <table className="list">
          <thead>
            <tr>
              <th>Cấp</th>
              <th>Thủ tục</th>
              <th>Cơ quan giải quyết tham gia (nếu thủ tục do cơ quan khác giải quyết)</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.level}:${r.procedureCode}`}>
                <td>{LEVELS[r.level]}</td>
                <td>
                  {r.procedureCode} {nameOf(r.procedureCode)}
                  {r.excludedFlags.length > 0 && (
                    <div className="muted">Trừ trường hợp: {r.excludedFlagLabels.join(", ")}</div>
                  )}
                  <Msg path={`procedures.${i}.procedureCode`} />
                </td>
                <td>
                  <input
                    aria-label={`Cơ quan giải quyết tham gia, thủ tục ${r.procedureCode}`}
                    value={r.decidingOfficeTakesPart}
                    onChange={(e) =>
                      setRows(rows.map((x, j) => (j === i ? { ...x, decidingOfficeTakesPart: e.target.value } : x)))
                    }
                  />
                </td>
                <td>
                  <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                    Bỏ
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="row">
          <select aria-label="Thêm thủ tục" value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Chọn thủ tục để thêm…</option>
            {props.procedures.flatMap((p) =>
              p.levels.map((level) => (
                <option key={`${level}:${p.code}`} value={`${level}:${p.code}`}>
                  {LEVELS[level]} · {p.code} {p.name}
                </option>
              )),
            )}
          </select>
          <button
            type="button"
            disabled={!adding}
            onClick={() => {
              const [level, code] = adding.split(":") as [string, string];
              if (!rows.some((r) => r.level === level && r.procedureCode === code))
                setRows([
                  ...rows,
                  {
                    level,
                    procedureCode: code,
                    excludedFlags: [],
                    excludedFlagLabels: [],
                    decidingOfficeTakesPart: "",
                  },
                ]);
              setAdding("");
            }}
          >
            Thêm
          </button>
        </div>
        <Msg path="procedures" />
      </fieldset>

      <fieldset className="plan-part">
        <legend>Văn bản</legend>
        <div className="row choices">
          <label>
            <input type="radio" checked={status === "official"} onChange={() => setStatus("official")} /> Văn bản chính
            thức của cơ quan có thẩm quyền
          </label>
          <label>
            <input type="radio" checked={status === "demo"} onChange={() => setStatus("demo")} /> Cấu hình minh họa
            (không phải quyết định chính thức)
          </label>
        </div>
        {status === "official" && (
          <div className="row">
            <div className={fieldClass("document.number")}>
              <label htmlFor="plan-number">Số văn bản</label>
              <input
                id="plan-number"
                value={number}
                placeholder="824/KH-UBND"
                onChange={(e) => setNumber(e.target.value)}
              />
              <Msg path="document.number" />
            </div>
            <div className={fieldClass("document.issuedOn")}>
              <label htmlFor="plan-issued">Ngày ban hành</label>
              <input id="plan-issued" type="date" value={issuedOn} onChange={(e) => setIssuedOn(e.target.value)} />
              <Msg path="document.issuedOn" />
            </div>
            <div className={fieldClass("document.issuer")}>
              <label htmlFor="plan-issuer">Cơ quan ban hành</label>
              <input id="plan-issuer" value={issuer} size={40} onChange={(e) => setIssuer(e.target.value)} />
              <Msg path="document.issuer" />
            </div>
          </div>
        )}
      </fieldset>

      <div className="field">
        <label htmlFor="plan-reason">Lý do thay đổi (ghi vào nhật ký)</label>
        <input id="plan-reason" value={reason} size={60} onChange={(e) => setReason(e.target.value)} />
      </div>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      <div className="row">
        <button className="primary" type="submit" disabled={saving}>
          Lưu phiên bản mới
        </button>
        <button type="button" onClick={props.onCancel}>
          Hủy
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------- unit administrator

function UnitParticipation() {
  const [data, setData] = useState<ParticipationReply | null>(null);
  const [takesPart, setTakesPart] = useState(true);
  const [from, setFrom] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState("");
  const show = (r: ParticipationReply) => {
    setData(r);
    setTakesPart(!r.takesPartToday);
    setFrom((f) => f || firstOfNextMonth(r.today));
  };
  useEffect(() => {
    api<ParticipationReply>("GET", "/admin/plans/participation").then(show, (e: Error) => setMessage(e.message));
  }, []);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setErrors({});
    setMessage("");
    try {
      show(
        await api<ParticipationReply>("PUT", "/admin/plans/participation", {
          from,
          takesPart,
          ...(note.trim() ? { note } : {}),
        }),
      );
      setMessage(`Đã lưu: từ ${dmy(from)} đơn vị ${takesPart ? "tham gia" : "không tham gia"} Ngày không hẹn.`);
    } catch (e2) {
      setErrors(errorsOf(e2));
      setMessage(messageOf(e2));
    }
  };
  if (!data) return <Loading error={message} />;
  const failed = Object.keys(errors).length > 0;
  return (
    <form className="card" onSubmit={save} aria-label="Tham gia Ngày không hẹn">
      <h2>Tham gia Ngày không hẹn: {data.unitName}</h2>
      <p>
        Hôm nay ({dmy(data.today)}):{" "}
        <strong>{data.planToday ? "đơn vị đang áp dụng Ngày không hẹn" : "đơn vị không áp dụng Ngày không hẹn"}</strong>
        {data.planToday && (
          <span className="muted">
            {" "}
            theo {data.planToday.label}
            {data.planToday.label.startsWith("Cấu hình minh họa") ? "" : ` (${data.planToday.statusLabel})`}
          </span>
        )}
      </p>
      {!data.covered && <p className="muted">Chưa có kế hoạch nào của tỉnh áp dụng cho đơn vị.</p>}
      {data.changes.length > 0 && (
        <ul>
          {data.changes.map((c) => (
            <li key={c.from}>
              Từ {dmy(c.from)}: {c.takesPart ? "tham gia" : "không tham gia"}{" "}
              <span className="muted">
                ({c.by}
                {c.note ? `; ${c.note}` : ""})
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="row choices">
        <label>
          <input type="radio" checked={takesPart} onChange={() => setTakesPart(true)} /> Tham gia
        </label>
        <label>
          <input type="radio" checked={!takesPart} onChange={() => setTakesPart(false)} /> Không tham gia
        </label>
        <div className={errors.from ? "field invalid" : "field"}>
          <label htmlFor="participation-from">Từ ngày</label>
          <input id="participation-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          {errors.from && <p className="msg">{errors.from}</p>}
        </div>
        <div className="field">
          <label htmlFor="participation-note">Ghi chú (ví dụ số văn bản của đơn vị)</label>
          <input id="participation-note" value={note} size={40} onChange={(e) => setNote(e.target.value)} />
        </div>
      </div>
      <p className="muted">
        Thay đổi áp dụng từ ngày mai trở đi; hồ sơ đã tiếp nhận và các ngày đã qua không thay đổi.
      </p>
      {message && (
        <p className={failed ? "error" : "ok"} role="status">
          {message}
        </p>
      )}
      <button className="primary" type="submit">
        Lưu
      </button>
    </form>
  );
}
