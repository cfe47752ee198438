/**
 * "Báo cáo": the figures of a period, unit and procedure with the formula beside each and a link to the dossiers
 * behind it; charts; the annual review ranking. Loaded on demand (React.lazy) so the first screen stays as small.
 */
import { useEffect, useMemo, useState } from "react";
import type { AnnualReview, PeriodKind, ReportFigure, ReportResult } from "../../../../shared/reports/report.js";
import type { DrillDownResponse } from "../../../../shared/reports/api.js";
import { api, loadForEffect } from "../api.js";
import { dmy, TRACK_LABEL, vnDayTime } from "../format.js";
import { navigate } from "../router.js";
import { BarChart, type Bars } from "./report-chart.js";

const PERIODS: { value: PeriodKind; label: string }[] = [
  { value: "day", label: "Ngày" },
  { value: "week", label: "Tuần" },
  { value: "month", label: "Tháng" },
  { value: "quarter", label: "Quý" },
  { value: "year", label: "Năm" },
  { value: "custom", label: "Tùy chọn" },
];

interface UnitOption {
  id: string;
  name: string;
  level: string;
  current: boolean;
}

/** dd/mm/yyyy → YYYY-MM-DD, or undefined. */
function parseDmy(text: string): string | undefined {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

function todayVn(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function formatValue(f: Pick<ReportFigure, "value" | "unit">): string {
  if (f.value === null) return "—";
  const n = f.value.toLocaleString("vi-VN", { maximumFractionDigits: 1 });
  return f.unit === "percent" ? `${n}%` : f.unit === "hours" ? `${n} giờ` : n;
}

function queryString(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  return q.toString();
}

export default function ReportsPage({ view }: { view: "report" | "dossiers" | "review" }) {
  return (
    <>
      <div className="row" style={{ gap: 12, marginBottom: 8 }}>
        <a
          href="/console/bao-cao"
          aria-current={view === "report" ? "page" : undefined}
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: "reports" });
          }}
        >
          Báo cáo theo kỳ
        </a>
        <a
          href="/console/bao-cao/tong-ket"
          aria-current={view === "review" ? "page" : undefined}
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: "reportReview" });
          }}
        >
          Tổng kết năm
        </a>
      </div>
      {view === "report" && <PeriodReport />}
      {view === "dossiers" && <FigureDossiers />}
      {view === "review" && <Review />}
    </>
  );
}

function PeriodReport() {
  const initial = new URLSearchParams(window.location.search);
  const [units, setUnits] = useState<{ allUnits: boolean; units: UnitOption[] } | null>(null);
  const [period, setPeriod] = useState<PeriodKind>((initial.get("period") as PeriodKind) ?? "month");
  const [date, setDate] = useState(dmy(initial.get("date") ?? todayVn()));
  const [to, setTo] = useState(dmy(initial.get("to") ?? todayVn()));
  const [unitId, setUnitId] = useState(initial.get("unitId") ?? "");
  const [procedureCode, setProcedureCode] = useState(initial.get("procedureCode") ?? "");
  const [report, setReport] = useState<ReportResult | null>(null);
  const [error, setError] = useState("");
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    api<{ allUnits: boolean; units: UnitOption[] }>("GET", "/reports/units").then(setUnits, (e: Error) =>
      setError(e.message),
    );
  }, []);

  const load = async () => {
    const from = parseDmy(date);
    const end = period === "custom" ? parseDmy(to) : undefined;
    if (!from || (period === "custom" && !end)) return setError("Ngày phải có dạng dd/mm/yyyy, ví dụ 15/03/2025.");
    setError("");
    setLoading(true);
    const qs = queryString({
      period,
      date: from,
      to: end,
      unitId: unitId || undefined,
      procedureCode: procedureCode.trim() || undefined,
    });
    window.history.replaceState(null, "", `/console/bao-cao?${qs}`);
    try {
      setReport(await api<ReportResult>("GET", `/reports?${qs}`));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => void load(), []);

  return (
    <div className="card">
      <h2>Báo cáo Ngày không viết – Ngày không hẹn</h2>
      <form
        className="row"
        style={{ alignItems: "flex-end", gap: 10, flexWrap: "wrap" }}
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <div className="field" style={{ width: 130 }}>
          <label htmlFor="rp-period">Kỳ báo cáo</label>
          <select id="rp-period" value={period} onChange={(e) => setPeriod(e.target.value as PeriodKind)}>
            {PERIODS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={{ width: 150 }}>
          <label htmlFor="rp-date">{period === "custom" ? "Từ ngày" : "Ngày trong kỳ"}</label>
          <input
            id="rp-date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
          />
        </div>
        {period === "custom" && (
          <div className="field" style={{ width: 150 }}>
            <label htmlFor="rp-to">Đến ngày</label>
            <input
              id="rp-to"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
            />
          </div>
        )}
        <div className="field" style={{ minWidth: 280, flex: 1 }}>
          <label htmlFor="rp-unit">Đơn vị</label>
          <select id="rp-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            {units?.allUnits && <option value="">Toàn tỉnh</option>}
            {!units?.allUnits && <option value="">Đơn vị của tôi</option>}
            {units?.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
                {u.current ? "" : " (đơn vị cũ)"}
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={{ width: 150 }}>
          <label htmlFor="rp-proc">Mã thủ tục (tùy chọn)</label>
          <input
            id="rp-proc"
            value={procedureCode}
            onChange={(e) => setProcedureCode(e.target.value)}
            placeholder="vd. 1.004873"
          />
        </div>
        <button type="submit" disabled={loading}>
          {loading ? "Đang tính…" : "Xem báo cáo"}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {report && <ReportView report={report} />}
    </div>
  );
}

/** The downloads of this report's unit, days and procedure (console/report-exports.routes.ts). */
function exportHref(kind: "report" | "book", format: "xlsx" | "pdf", report: ReportResult): string {
  const q = new URLSearchParams({ from: report.period.from, to: report.period.to });
  if (report.unit.id) q.set("unitId", report.unit.id);
  if (report.procedure?.code) q.set("procedureCode", report.procedure.code);
  return `/console/api/report-exports/${kind}/${format}?${q.toString()}`;
}

function ReportView({ report }: { report: ReportResult }) {
  const by = (k: string) => report.figures.find((f) => f.key === k)?.value ?? 0;
  const sameDayBars = useMemo<Bars>(
    () => ({
      labels: ["Tiếp nhận", "Ngày không hẹn", "Xong trong ngày", "Viết hộ", "Sau giờ chốt", "Ngày khác"],
      values: [by("received"), by("sameDay"), by("sameDayDone"), by("assisted"), by("afterCutoff"), by("otherDay")],
      colors: ["#1f4e99", "#2e7d32", "#43a047", "#6d4c41", "#ef6c00", "#90a4ae"],
      summary: `Tiếp nhận ${by("received")}, Ngày không hẹn ${by("sameDay")}, xong trong ngày ${by("sameDayDone")}`,
    }),
    [report],
  );
  const resultBars = useMemo<Bars>(
    () => ({
      labels: ["Trước hạn", "Đúng hạn", "Quá hạn", "Đang giải quyết"],
      values: [by("early"), by("onTime"), by("late"), by("open")],
      colors: ["#2e7d32", "#66bb6a", "#c62828", "#90a4ae"],
      summary: `Trước hạn ${by("early")}, đúng hạn ${by("onTime")}, quá hạn ${by("late")}, đang giải quyết ${by("open")}`,
    }),
    [report],
  );
  const groups = [...new Set(report.figures.map((f) => f.group))];
  return (
    <section aria-label="Kết quả báo cáo" data-testid="report">
      <div style={{ textAlign: "center", margin: "14px 0 6px" }}>
        <div style={{ fontWeight: 700, textTransform: "uppercase" }}>{report.title}</div>
        <div>
          {report.unit.name}
          {report.procedure ? ` · Thủ tục ${report.procedure.code}` : ""}
        </div>
        <div className="muted">
          {report.period.label} · Số liệu tính lúc {vnDayTime(report.generatedAt)}
        </div>
        {report.includedUnits.length > 0 && (
          <div className="muted" style={{ fontSize: 13 }}>
            Gồm cả hồ sơ của đơn vị cũ:{" "}
            {report.includedUnits.map((u) => u.name.split(",").slice(0, 2).join(",")).join("; ")}
          </div>
        )}
      </div>
      <div className="row" style={{ justifyContent: "flex-end", gap: 8 }}>
        {(["xlsx", "pdf"] as const).map((format) => (
          <a key={format} className="button" download href={exportHref("report", format, report)}>
            {format === "xlsx" ? "Tải Excel" : "In báo cáo (A4)"}
          </a>
        ))}
        <a className="button" download href={exportHref("book", "xlsx", report)}>
          Sổ theo dõi hồ sơ (Excel)
        </a>
      </div>
      <div className="grid2" style={{ gap: 16, margin: "8px 0 12px" }}>
        <figure style={{ margin: 0 }}>
          <figcaption className="section-title">Tiếp nhận và Ngày không hẹn</figcaption>
          <BarChart bars={sameDayBars} />
        </figure>
        <figure style={{ margin: 0 }}>
          <figcaption className="section-title">Kết quả giải quyết</figcaption>
          <BarChart bars={resultBars} />
        </figure>
      </div>
      <table className="list" data-testid="report-figures">
        <thead>
          <tr>
            <th style={{ width: 36 }}>STT</th>
            <th>Chỉ tiêu</th>
            <th style={{ textAlign: "right", width: 110 }}>Số liệu</th>
            <th>Cách tính</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <FigureGroup
              key={g}
              group={g}
              figures={report.figures.filter((f) => f.group === g)}
              startAt={report.figures.findIndex((f) => f.group === g) + 1}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function FigureGroup({ group, figures, startAt }: { group: string; figures: ReportFigure[]; startAt: number }) {
  return (
    <>
      <tr>
        <th colSpan={4} style={{ textAlign: "left", background: "#eef3fb" }}>
          {group}
        </th>
      </tr>
      {figures.map((f, i) => (
        <tr key={f.key} data-figure={f.key}>
          <td>{startAt + i}</td>
          <td>
            {f.label}
            {f.indicator766 && (
              <span className="badge" title="Chỉ số theo Quyết định 766/QĐ-TTg" style={{ marginLeft: 6 }}>
                QĐ 766 · {f.indicator766}
              </span>
            )}
          </td>
          <td style={{ textAlign: "right", fontWeight: 600 }}>
            {f.drillDown && f.value !== null ? (
              <a
                href={`/console/bao-cao/ho-so?${queryString({ ...f.drillDown })}`}
                title="Xem danh sách hồ sơ"
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ name: "reportDossiers" }, `?${queryString({ ...f.drillDown! })}`);
                }}
              >
                {formatValue(f)}
              </a>
            ) : (
              formatValue(f)
            )}
          </td>
          <td className="muted" style={{ fontSize: 13 }}>
            {f.formula}
          </td>
        </tr>
      ))}
    </>
  );
}

function FigureDossiers() {
  const params = new URLSearchParams(window.location.search);
  const [page, setPage] = useState(Number(params.get("page") ?? "1") || 1);
  const [data, setData] = useState<DrillDownResponse | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    const qs = queryString({
      figure: params.get("figure") ?? "",
      from: params.get("from") ?? "",
      to: params.get("to") ?? "",
      unitId: params.get("unitId") ?? undefined,
      procedureCode: params.get("procedureCode") ?? undefined,
      page: String(page),
    });
    api<DrillDownResponse>("GET", `/reports/dossiers?${qs}`).then(setData, (e: Error) => setError(e.message));
  }, [page]);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <div className="card">
      <p>
        <a
          href="/console/bao-cao"
          onClick={(e) => {
            e.preventDefault();
            window.history.back();
          }}
        >
          ← Quay lại báo cáo
        </a>
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {data && (
        <>
          <h2>
            {data.figure.label}: {data.total.toLocaleString("vi-VN")} hồ sơ
          </h2>
          <p className="muted">
            Từ {dmy(params.get("from"))} đến {dmy(params.get("to"))} · {data.figure.formula}
          </p>
          {data.withoutDossier ? (
            <p className="muted" data-testid="without-dossier">
              Cùng kỳ có thêm {data.withoutDossier.toLocaleString("vi-VN")} ý kiến không gắn với hồ sơ nào (đã tính
              trong số liệu).
            </p>
          ) : null}
          {data.items.length === 0 ? (
            <p className="muted">Không có hồ sơ nào.</p>
          ) : (
            <table className="list" data-testid="figure-dossiers">
              <thead>
                <tr>
                  <th>Mã hồ sơ</th>
                  <th>Tiếp nhận</th>
                  <th>Đơn vị</th>
                  <th>Thủ tục</th>
                  <th>Quy trình</th>
                  <th>Hẹn trả</th>
                  <th>Trạng thái</th>
                  <th style={{ textAlign: "right" }}>Giờ xử lý</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((d) => (
                  <tr key={d.id}>
                    <td>
                      <a
                        href={`/console/ho-so/${d.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate({ name: "dossier", id: d.id });
                        }}
                      >
                        {d.code}
                      </a>
                    </td>
                    <td>{vnDayTime(d.receivedAt)}</td>
                    <td>{d.unitName.split(",")[0]}</td>
                    <td>{d.procedureCode}</td>
                    <td>{TRACK_LABEL[d.track] ?? d.track}</td>
                    <td>{dmy(d.dueDate)}</td>
                    <td>{d.stateLabel}</td>
                    <td style={{ textAlign: "right" }}>
                      {d.processingHours === null ? "—" : d.processingHours.toLocaleString("vi-VN")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {pages > 1 && (
            <div className="row" style={{ gap: 8, marginTop: 8 }}>
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Trang trước
              </button>
              <span>
                Trang {page}/{pages}
              </span>
              <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                Trang sau
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function Review() {
  const [year, setYear] = useState(new Date(Date.now() + 7 * 3_600_000).getUTCFullYear());
  const [data, setData] = useState<AnnualReview | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    setError("");
    return loadForEffect<AnnualReview>(`/reports/review?year=${year}`, setData, (e) => setError(e.message));
  }, [year]);
  const top = useMemo<Bars | null>(
    () =>
      data && data.rows.length > 0
        ? {
            labels: data.rows.slice(0, 10).map((r) => r.unit.name.split(",")[0]!),
            values: data.rows.slice(0, 10).map((r) => r.sameDayRate ?? 0),
            colors: data.rows.slice(0, 10).map(() => "#2e7d32"),
            summary: `10 đơn vị đứng đầu theo tỷ lệ giải quyết trong ngày năm ${data.year}`,
          }
        : null,
    [data],
  );
  const pct = (v: number | null) => (v === null ? "—" : `${v.toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`);
  return (
    <div className="card">
      <h2>Tổng kết năm: xếp hạng đơn vị</h2>
      <div className="field" style={{ width: 140 }}>
        <label htmlFor="rv-year">Năm</label>
        <select id="rv-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {Array.from({ length: 6 }, (_, i) => new Date().getUTCFullYear() - i).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {data && (
        <>
          <p className="muted">{data.formula}</p>
          {top && (
            <figure style={{ margin: "8px 0" }}>
              <figcaption className="section-title">Tỷ lệ giải quyết trong ngày (%), 10 đơn vị đứng đầu</figcaption>
              <BarChart bars={top} height={60 + 32 * top.labels.length} />
            </figure>
          )}
          <table className="list" data-testid="review">
            <thead>
              <tr>
                <th>Hạng</th>
                <th>Đơn vị</th>
                <th style={{ textAlign: "right" }}>Tiếp nhận</th>
                <th style={{ textAlign: "right" }}>Ngày không hẹn</th>
                <th style={{ textAlign: "right" }}>Tỷ lệ trong ngày</th>
                <th style={{ textAlign: "right" }}>Trước hạn, đúng hạn</th>
                <th style={{ textAlign: "right" }}>Hài lòng</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.unit.id}>
                  <td>{r.rank}</td>
                  <td>{r.unit.name}</td>
                  <td style={{ textAlign: "right" }}>{r.received.toLocaleString("vi-VN")}</td>
                  <td style={{ textAlign: "right" }}>{r.sameDayTrack.toLocaleString("vi-VN")}</td>
                  <td style={{ textAlign: "right" }}>{pct(r.sameDayRate)}</td>
                  <td style={{ textAlign: "right" }}>{pct(r.onTimeRate)}</td>
                  <td style={{ textAlign: "right" }}>
                    {pct(r.satisfactionRate)}
                    {r.ratings > 0 ? <span className="muted"> ({r.ratings})</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.rows.length === 0 && <p className="muted">Chưa có hồ sơ nào trong năm {data.year}.</p>}
        </>
      )}
    </div>
  );
}
