/**
 * Reports: who may read which unit's figures, the report of a period/unit/procedure, the dossiers behind a figure,
 * the annual review ranking and the catch-up that keeps report_facts current. Returns outcome codes, knows no HTTP.
 *
 * Access: a province viewer, and a unit administrator or leader attached to a province-level unit (the province's
 * administrator), read every unit; a unit administrator or leader reads their own unit (with the historical units
 * rolled into it); other roles read no report.
 */
import type { AdminUnit, IsoDate } from "../../../shared/model.js";
import { STATE_LABELS_VI } from "../../../shared/dossier/lifecycle-labels.js";
import type { DossierState } from "../../../shared/data/lifecycle.js";
import type { DrillDownRequest, DrillDownResponse, ReportQuery } from "../../../shared/reports/api.js";
import { buildFigures } from "../../../shared/reports/compute.js";
import { dossierFacts, type FactsContext } from "../../../shared/reports/dossier-facts.js";
import { FIGURE_BY_KEY, drillColumnOf, feedbackFilterOf } from "../../../shared/reports/figures.js";
import { isPeriodError, periodInstants, periodOf } from "../../../shared/reports/periods.js";
import type { AnnualReview, ReportResult, ReviewRow } from "../../../shared/reports/report.js";
import { creditedUnit, unitsCountedIn } from "../../../shared/reports/rollup.js";
import { fail as failure } from "../../../shared/outcomes.js";
import { isProvinceWide, type Officer } from "../../../shared/officers/officer.js";
import type { Deps } from "../deps.js";
import {
  changedDossierIds,
  countFeedback,
  factsRow,
  listFactDossiers,
  listFeedbackDossiers,
  type FactDossierRow,
  loadForFacts,
  medianMinutes,
  ratingsByUnit,
  readWatermark,
  sumFacts,
  sumFactsByUnit,
  upsertFacts,
  writeWatermark,
  type FactsFilter,
} from "../store/reports.js";
import { nowOf } from "./console-context.js";
import type { Checked } from "./intake-input.js";

export const REPORT_TITLE = "Báo cáo kết quả thực hiện Ngày không viết – Ngày không hẹn";
export const REVIEW_TITLE = "Tổng kết năm: xếp hạng đơn vị thực hiện Ngày không viết – Ngày không hẹn";
export const DRILL_PAGE_SIZE = 50;

export interface ReportScope {
  /** Every unit of the province. */
  all: boolean;
  /** The officer's own unit when not `all`. */
  unit?: AdminUnit;
}

const REPORT_ROLES = new Set(["province_viewer", "province_admin", "unit_admin", "leader"]);

export function reportScope(deps: Deps, officer: Officer): Checked<ReportScope> {
  if (!REPORT_ROLES.has(officer.role))
    return failure("forbidden", { message: "Chỉ lãnh đạo, quản trị đơn vị và cấp tỉnh được xem báo cáo." });
  if (isProvinceWide(officer)) return { ok: true, value: { all: true } };
  const unit = officer.unitId ? deps.domain.units.byId(officer.unitId) : undefined;
  if (!unit) return failure("unit_unknown");
  return { ok: true, value: unit.level === "province" ? { all: true } : { all: false, unit } };
}

/** The recorded unit ids a report on `unitId` counts; undefined = the whole province. */
function unitFilter(
  deps: Deps,
  scope: ReportScope,
  unitId: string | undefined,
): Checked<{ ids?: string[]; unit?: AdminUnit }> {
  const wanted = unitId ?? scope.unit?.id;
  if (wanted === undefined) return { ok: true, value: {} };
  const unit = deps.domain.units.byId(wanted);
  if (!unit) return failure("unit_not_found", { message: "Không có đơn vị này." });
  if (unit.level === "province" && scope.all) return { ok: true, value: { unit } };
  const counted = unitsCountedIn(deps.domain.units, unit.id);
  if (!scope.all && !unitsCountedIn(deps.domain.units, scope.unit!.id).some((u) => u.id === unit.id)) {
    return failure("forbidden", { message: "Bạn chỉ xem được báo cáo của đơn vị mình." });
  }
  return { ok: true, value: { ids: counted.map((u) => u.id), unit } };
}

export async function buildReport(deps: Deps, officer: Officer, q: ReportQuery): Promise<Checked<ReportResult>> {
  const scope = reportScope(deps, officer);
  if (!scope.ok) return scope;
  const period = periodOf(q.period, q.date, q.to);
  if (isPeriodError(period))
    return failure("invalid_body", {
      message: period.message,
      fields: [{ path: q.period === "custom" ? "to" : "date", message: period.message }],
    });
  const units = unitFilter(deps, scope.value, q.unitId);
  if (!units.ok) return units;
  const procedure = q.procedureCode ? deps.domain.catalog.versions.find((v) => v.code === q.procedureCode) : undefined;
  if (q.procedureCode && !procedure)
    return failure("invalid_body", {
      message: "Không có thủ tục này trong danh mục.",
      fields: [{ path: "procedureCode", message: "Không có thủ tục này trong danh mục." }],
    });
  await refreshReportFacts(deps);
  const now = nowOf(deps);
  const filter: FactsFilter = {
    from: period.from,
    to: period.to,
    unitIds: units.value.ids,
    procedureCode: q.procedureCode,
  };
  const sums = await sumFacts(deps.db, filter, now.date);
  const { start, end } = periodInstants(period);
  const [median, feedback] = await Promise.all([
    medianMinutes(deps.db, filter, sums.facts.completed),
    countFeedback(deps.db, { startIso: start, endIso: end, unitIds: units.value.ids, procedureCode: q.procedureCode }),
  ]);
  const unit = units.value.unit;
  const base = {
    from: period.from,
    to: period.to,
    ...(unit ? { unitId: unit.id } : {}),
    ...(q.procedureCode ? { procedureCode: q.procedureCode } : {}),
  };
  return {
    ok: true,
    value: {
      title: REPORT_TITLE,
      unit: unit
        ? { id: unit.id, code: unit.code, name: deps.domain.units.fullName(unit) }
        : { id: null, code: null, name: "Toàn tỉnh" },
      includedUnits: (units.value.ids ?? [])
        .filter((id) => id !== unit?.id)
        .map((id) => ({ id, name: unitName(deps, id) })),
      period: { kind: period.kind, from: period.from, to: period.to, label: period.label },
      procedure: procedure ? { code: procedure.code, name: procedure.name } : null,
      figures: buildFigures({ ...sums, medianMinutes: median, ...feedback }, base),
      generatedAt: now.iso,
    },
  };
}

export async function drillDown(
  deps: Deps,
  officer: Officer,
  q: DrillDownRequest,
): Promise<Checked<DrillDownResponse>> {
  const scope = reportScope(deps, officer);
  if (!scope.ok) return scope;
  const def = FIGURE_BY_KEY.get(q.figure);
  const column = drillColumnOf(q.figure);
  const feedback = feedbackFilterOf(q.figure);
  if (!def || (!column && !feedback)) return failure("figure_without_list");
  if (q.to < q.from)
    return failure("invalid_body", {
      message: "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.",
      fields: [{ path: "to", message: "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu." }],
    });
  const units = unitFilter(deps, scope.value, q.unitId);
  if (!units.ok) return units;
  await refreshReportFacts(deps);
  const paging = { limit: DRILL_PAGE_SIZE, offset: (q.page - 1) * DRILL_PAGE_SIZE };
  const { start, end } = periodInstants({ from: q.from, to: q.to });
  const page: { total: number; withoutDossier?: number; items: FactDossierRow[] } = column
    ? await listFactDossiers(
        deps.db,
        { from: q.from, to: q.to, unitIds: units.value.ids, procedureCode: q.procedureCode },
        column,
        paging,
      )
    : await listFeedbackDossiers(
        deps.db,
        { startIso: start, endIso: end, unitIds: units.value.ids, procedureCode: q.procedureCode, ...feedback! },
        paging,
      );
  return {
    ok: true,
    value: {
      figure: { key: def.key, label: def.label, formula: def.formula },
      total: page.total,
      ...(page.withoutDossier !== undefined ? { withoutDossier: page.withoutDossier } : {}),
      page: q.page,
      pageSize: DRILL_PAGE_SIZE,
      items: page.items.map((r) => ({
        id: r.id,
        code: r.code,
        receivedAt: r.receivedAt,
        unitName: unitName(deps, r.unitId),
        procedureCode: r.procedureCode,
        track: r.track,
        state: r.state,
        stateLabel: Object.hasOwn(STATE_LABELS_VI, r.state) ? STATE_LABELS_VI[r.state as DossierState] : r.state,
        dueDate: r.dueDate,
        processingHours: r.processingMinutes === null ? null : Math.round(r.processingMinutes / 6) / 10,
      })),
    },
  };
}

const pct = (num: number, den: number) => (den > 0 ? Math.round((num * 1000) / den) / 10 : null);

/** Units ranked by same-day rate, then on-time rate, then satisfaction; historical units credited to their successors. */
export async function annualReview(deps: Deps, officer: Officer, year: number): Promise<Checked<AnnualReview>> {
  const scope = reportScope(deps, officer);
  if (!scope.ok) return scope;
  const from = `${year}-01-01` as IsoDate;
  const to = `${year}-12-31` as IsoDate;
  await refreshReportFacts(deps);
  const now = nowOf(deps);
  const { start, end } = periodInstants({ from, to });
  const [rows, ratings] = await Promise.all([
    sumFactsByUnit(deps.db, { from, to }, now.date),
    ratingsByUnit(deps.db, start, end),
  ]);
  const byUnit = new Map<
    string,
    {
      unit: AdminUnit;
      received: number;
      sameDay: number;
      sameDayDone: number;
      completed: number;
      good: number;
      open: number;
      openWithinDue: number;
      satisfied: number;
      ratings: number;
    }
  >();
  const slot = (unitId: string) => {
    const unit = creditedUnit(deps.domain.units, unitId, to);
    if (!unit) return undefined;
    let s = byUnit.get(unit.id);
    if (!s)
      byUnit.set(
        unit.id,
        (s = {
          unit,
          received: 0,
          sameDay: 0,
          sameDayDone: 0,
          completed: 0,
          good: 0,
          open: 0,
          openWithinDue: 0,
          satisfied: 0,
          ratings: 0,
        }),
      );
    return s;
  };
  for (const r of rows) {
    const s = slot(r.unitId);
    if (!s) continue;
    s.received += r.received;
    s.sameDay += r.sameDay;
    s.sameDayDone += r.sameDayDone;
    s.completed += r.completed;
    s.good += r.early + r.onTime;
    s.open += r.open;
    s.openWithinDue += r.openWithinDue;
  }
  for (const r of ratings) {
    const s = slot(r.unitId);
    if (!s) continue;
    s.satisfied += r.satisfied;
    s.ratings += r.total;
  }
  const visible = [...byUnit.values()].filter(
    (s) =>
      scope.value.all ||
      unitsCountedIn(deps.domain.units, scope.value.unit!.id).some((u) => u.id === s.unit.id) ||
      s.unit.id === scope.value.unit!.id,
  );
  const ranked: Omit<ReviewRow, "rank">[] = visible
    .map((s) => ({
      unit: { id: s.unit.id, name: deps.domain.units.fullName(s.unit) },
      received: s.received,
      sameDayTrack: s.sameDay,
      sameDayRate: pct(s.sameDayDone, s.sameDay),
      onTimeRate: pct(s.good + s.openWithinDue, s.completed + s.open),
      satisfactionRate: pct(s.satisfied, s.ratings),
      ratings: s.ratings,
    }))
    .sort(
      (a, b) =>
        (b.sameDayRate ?? -1) - (a.sameDayRate ?? -1) ||
        (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
        (b.satisfactionRate ?? -1) - (a.satisfactionRate ?? -1) ||
        b.received - a.received ||
        a.unit.name.localeCompare(b.unit.name, "vi"),
    );
  return {
    ok: true,
    value: {
      title: REVIEW_TITLE,
      year,
      period: { from, to, label: `Năm ${year}` },
      rows: ranked.map((r, i) => ({ rank: i + 1, ...r })),
      formula:
        "Xếp theo tỷ lệ giải quyết trong ngày, rồi tỷ lệ trước hạn và đúng hạn (QĐ 766/QĐ-TTg, chỉ số 2.1), rồi tỷ lệ hài lòng; đơn vị cũ được tính vào đơn vị kế thừa, xã tính vào huyện trước 01/07/2025.",
      generatedAt: now.iso,
    },
  };
}

/** The units the officer may pick: every unit for the province, their own unit and its predecessors otherwise. */
export function reportUnits(
  deps: Deps,
  officer: Officer,
): Checked<{ allUnits: boolean; units: { id: string; name: string; level: string; current: boolean }[] }> {
  const scope = reportScope(deps, officer);
  if (!scope.ok) return scope;
  const today = nowOf(deps).date;
  const list = scope.value.all ? deps.domain.units.units : unitsCountedIn(deps.domain.units, scope.value.unit!.id);
  const units = list
    .map((u) => ({
      id: u.id,
      name: deps.domain.units.fullName(u),
      level: u.level,
      current: deps.domain.units.isInForce(u, today),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current) || a.name.localeCompare(b.name, "vi"));
  return { ok: true, value: { allUnits: scope.value.all, units } };
}

function unitName(deps: Deps, id: string): string {
  const u = deps.domain.units.byId(id);
  return u ? deps.domain.units.fullName(u) : id;
}

/** Transactions commit out of updated_at order by at most this much: the catch-up re-reads this overlap. */
const CATCH_UP_OVERLAP_MS = 5 * 60_000;
const CATCH_UP_BATCH = 2000;
const running = new WeakMap<object, Promise<number>>();

export function factsContext(deps: Deps): FactsContext {
  return {
    calendar: deps.domain.calendar,
    planOf: (planId, unitId, day) => {
      const plan = deps.domain.scheme.planAt(unitId, day);
      return plan && plan.id === planId ? plan : undefined;
    },
  };
}

/**
 * Recomputes the facts of every dossier changed or notified since the watermark (minus an overlap), in batches.
 * One run at a time per database handle; returns how many dossiers were recomputed.
 */
export function refreshReportFacts(deps: Deps): Promise<number> {
  const inFlight = running.get(deps.db);
  if (inFlight) return inFlight;
  const run = catchUp(deps).finally(() => running.delete(deps.db));
  running.set(deps.db, run);
  return run;
}

async function catchUp(deps: Deps): Promise<number> {
  const ctx = factsContext(deps);
  const startedAt = deps.clock.now().toISOString();
  const mark = await readWatermark(deps.db);
  let since = mark ? new Date(Date.parse(mark) - CATCH_UP_OVERLAP_MS).toISOString() : "0000";
  let total = 0;
  for (;;) {
    const { ids, lastUpdatedAt } = await changedDossierIds(deps.db, since, CATCH_UP_BATCH);
    if (ids.length === 0) break;
    const { dossiers, events, sent } = await loadForFacts(deps.db, ids);
    const eventsOf = groupBy(events, (e) => e.dossier_id);
    const sentOf = groupBy(sent, (s) => s.dossier_id);
    const rows = dossiers.map((d) =>
      factsRow(
        dossierFacts(
          {
            id: d.id,
            receivingUnitId: d.receiving_unit_id,
            procedureCode: d.procedure_code,
            planId: d.plan_id,
            preRegistrationId: d.pre_registration_id,
            track: d.track,
            state: d.state,
            receivedAt: d.received_at,
            originalDueDate: d.original_due_date,
            dueDate: d.due_date,
            assistedWriting: d.assisted_writing === 1,
            resultReadyAt: d.result_ready_at,
            returnedAt: d.returned_at,
          },
          (eventsOf.get(d.id) ?? []).map((e) => ({ type: e.type, fromState: e.from_state, at: e.at })),
          (sentOf.get(d.id) ?? []).map((s) => s.channel),
          ctx,
        ),
        startedAt,
      ),
    );
    await upsertFacts(deps.db, rows);
    total += rows.length;
    // A full batch: continue after its last change; otherwise everything up to now is covered.
    if (lastUpdatedAt === undefined || ids.length < CATCH_UP_BATCH || lastUpdatedAt === since) break;
    since = lastUpdatedAt;
  }
  await writeWatermark(deps.db, startedAt);
  return total;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** The report a download prints: the same figures as the console page, for the download's unit and days. */
export function reportForExport(
  deps: Deps,
  officer: Officer,
  q: { from: string; to: string; unitId?: string; procedureCode?: string },
) {
  // Days that make a whole month (quarter, year…) keep that period's name ("Tháng 07/2025") on the printout.
  const kind = NAMED_PERIODS.find((k) => {
    const p = periodOf(k, q.from);
    return !isPeriodError(p) && p.from === q.from && p.to === q.to;
  });
  return buildReport(deps, officer, {
    period: kind ?? "custom",
    date: q.from,
    to: kind ? undefined : q.to,
    unitId: q.unitId,
    procedureCode: q.procedureCode,
  });
}

const NAMED_PERIODS = ["day", "week", "month", "quarter", "year"] as const;
