/**
 * Report queries: sums over report_facts (one row per dossier, migration 0015) by day range, units and procedure;
 * the dossier list behind a figure; feedback counts; the per-unit rows of the annual review; and the catch-up that
 * keeps report_facts current from dossiers.updated_at and notification deliveries.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import type { DossierFacts } from "../../../shared/reports/dossier-facts.js";
import { FACT_COLUMNS, type FactColumn } from "../../../shared/reports/figures.js";
import type { Database, ReportFactsTable } from "./database.js";

type Db = Kysely<Database>;

export interface FactsFilter {
  from: string; // YYYY-MM-DD inclusive
  to: string; // YYYY-MM-DD inclusive
  /** undefined: every unit. */
  unitIds?: readonly string[];
  procedureCode?: string;
}

/** The period/unit/procedure condition on report_facts, as one SQL expression (indexed by day, unit). */
function factsWhere(f: FactsFilter): RawBuilder<SqlBool> {
  const parts = [sql`report_facts.day >= ${f.from}`, sql`report_facts.day <= ${f.to}`];
  if (f.unitIds)
    parts.push(f.unitIds.length > 0 ? sql`report_facts.unit_id in (${sql.join([...f.unitIds])})` : sql`1 = 0`);
  if (f.procedureCode) parts.push(sql`report_facts.procedure_code = ${f.procedureCode}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export interface FactSums {
  facts: Record<FactColumn, number>;
  openWithinDue: number;
  totalMinutes: number;
}

/** One indexed aggregate over the period's rows. `today`: open dossiers due today or later are still within their limit. */
export async function sumFacts(db: Db, f: FactsFilter, today: string): Promise<FactSums> {
  const row = await db
    .selectFrom("report_facts")
    .select((eb) => [
      ...FACT_COLUMNS.map((c) => eb.fn.sum<number>(`report_facts.${c}`).as(c)),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb("report_facts.open", "=", 1), eb("report_facts.due_date", ">=", today)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as("open_within_due"),
      eb.fn.sum<number>("report_facts.processing_minutes").as("total_minutes"),
    ])
    .where(factsWhere(f))
    .executeTakeFirst();
  const r = (row ?? {}) as Record<string, unknown>;
  const facts = Object.fromEntries(FACT_COLUMNS.map((c) => [c, num(r[c])])) as Record<FactColumn, number>;
  return { facts, openWithinDue: num(r.open_within_due), totalMinutes: num(r.total_minutes) };
}

/** The middle processing time of the completed dossiers (lower middle for an even count); null when none. */
export async function medianMinutes(db: Db, f: FactsFilter, completed: number): Promise<number | null> {
  if (completed === 0) return null;
  const rows = await db
    .selectFrom("report_facts")
    .select("report_facts.processing_minutes")
    .where(factsWhere(f))
    .where("report_facts.completed", "=", 1)
    .where("report_facts.processing_minutes", "is not", null)
    .orderBy("report_facts.processing_minutes")
    .limit(completed % 2 === 0 ? 2 : 1)
    .offset(Math.max(0, Math.ceil(completed / 2) - 1))
    .execute();
  if (rows.length === 0) return null;
  const values = rows.map((r) => num(r.processing_minutes));
  return values.length === 2 ? (values[0]! + values[1]!) / 2 : values[0]!;
}

export interface FeedbackCounts {
  ratings: { rat_hai_long: number; hai_long: number; khong_hai_long: number };
  feedback: { complaint: number; suggestion: number };
}

/** Feedback sent in [startIso, endIso); with a procedure, only feedback on that procedure's dossiers. */
export async function countFeedback(
  db: Db,
  q: { startIso: string; endIso: string; unitIds?: readonly string[]; procedureCode?: string },
): Promise<FeedbackCounts> {
  let query = db
    .selectFrom("feedback as f")
    .select((eb) => ["f.kind", "f.rating", eb.fn.countAll<number>().as("n")])
    .where("f.created_at", ">=", q.startIso)
    .where("f.created_at", "<", q.endIso);
  if (q.unitIds) query = query.where("f.unit_id", "in", q.unitIds.length > 0 ? [...q.unitIds] : ["__none__"]);
  if (q.procedureCode)
    query = query.innerJoin("dossiers as d", "d.id", "f.dossier_id").where("d.procedure_code", "=", q.procedureCode);
  const rows = await query.groupBy(["f.kind", "f.rating"]).execute();
  const out: FeedbackCounts = {
    ratings: { rat_hai_long: 0, hai_long: 0, khong_hai_long: 0 },
    feedback: { complaint: 0, suggestion: 0 },
  };
  for (const r of rows) {
    if (r.kind === "rating" && r.rating !== null && Object.hasOwn(out.ratings, r.rating))
      out.ratings[r.rating as keyof FeedbackCounts["ratings"]] += num(r.n);
    else if (r.kind === "complaint" || r.kind === "suggestion") out.feedback[r.kind] += num(r.n);
  }
  return out;
}

export interface UnitRow {
  unitId: string;
  received: number;
  sameDay: number;
  sameDayDone: number;
  completed: number;
  early: number;
  onTime: number;
  open: number;
  openWithinDue: number;
}

/** Per recorded unit sums for the annual review (rolled up into successors by the caller). */
export async function sumFactsByUnit(db: Db, f: FactsFilter, today: string): Promise<UnitRow[]> {
  const rows = await db
    .selectFrom("report_facts")
    .select((eb) => [
      "report_facts.unit_id",
      eb.fn.sum<number>("report_facts.received").as("received"),
      eb.fn.sum<number>("report_facts.same_day").as("same_day"),
      eb.fn.sum<number>("report_facts.same_day_done").as("same_day_done"),
      eb.fn.sum<number>("report_facts.completed").as("completed"),
      eb.fn.sum<number>("report_facts.early").as("early"),
      eb.fn.sum<number>("report_facts.on_time").as("on_time"),
      eb.fn.sum<number>("report_facts.open").as("open"),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb("report_facts.open", "=", 1), eb("report_facts.due_date", ">=", today)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as("open_within_due"),
    ])
    .where(factsWhere(f))
    .groupBy("report_facts.unit_id")
    .execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    received: num(r.received),
    sameDay: num(r.same_day),
    sameDayDone: num(r.same_day_done),
    completed: num(r.completed),
    early: num(r.early),
    onTime: num(r.on_time),
    open: num(r.open),
    openWithinDue: num(r.open_within_due),
  }));
}

/** Ratings per recorded unit in [startIso, endIso). */
export async function ratingsByUnit(
  db: Db,
  startIso: string,
  endIso: string,
): Promise<{ unitId: string; satisfied: number; total: number }[]> {
  const rows = await db
    .selectFrom("feedback")
    .select((eb) => [
      "unit_id",
      eb.fn.countAll<number>().as("total"),
      eb.fn
        .sum<number>(eb.case().when("rating", "in", ["rat_hai_long", "hai_long"]).then(1).else(0).end())
        .as("satisfied"),
    ])
    .where("kind", "=", "rating")
    .where("created_at", ">=", startIso)
    .where("created_at", "<", endIso)
    .groupBy("unit_id")
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, satisfied: num(r.satisfied), total: num(r.total) }));
}

export interface FactDossierRow {
  id: string;
  code: string;
  receivedAt: string;
  unitId: string;
  procedureCode: string;
  track: string;
  state: string;
  dueDate: string;
  processingMinutes: number | null;
}

/** The dossiers behind a count: rows of the period where `column` is 1, oldest first. No personal data. */
export async function listFactDossiers(
  db: Db,
  f: FactsFilter,
  column: FactColumn,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: FactDossierRow[] }> {
  if (!(FACT_COLUMNS as readonly string[]).includes(column)) throw new Error(`unknown fact column ${column}`);
  const col = sql.ref(`report_facts.${column}`);
  const countRow = await db
    .selectFrom("report_facts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(factsWhere(f))
    .where(col, "=", 1)
    .executeTakeFirst();
  const rows = await db
    .selectFrom("report_facts")
    .innerJoin("dossiers as d", "d.id", "report_facts.dossier_id")
    .select([
      "d.id",
      "d.code",
      "d.received_at",
      "d.receiving_unit_id",
      "d.procedure_code",
      "d.track",
      "d.state",
      "d.original_due_date",
      "report_facts.processing_minutes",
    ])
    .where(factsWhere(f))
    .where(col, "=", 1)
    .orderBy("report_facts.day")
    .orderBy("d.received_at")
    .orderBy("d.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: num(countRow?.n),
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      receivedAt: r.received_at,
      unitId: r.receiving_unit_id,
      procedureCode: r.procedure_code,
      track: r.track,
      state: r.state,
      dueDate: r.original_due_date,
      processingMinutes: r.processing_minutes,
    })),
  };
}

/** The dossiers that feedback sent in [startIso, endIso) is about (one row per entry), and the entries about none. */
export async function listFeedbackDossiers(
  db: Db,
  q: {
    startIso: string;
    endIso: string;
    unitIds?: readonly string[];
    procedureCode?: string;
    kind: string;
    rating?: string;
  },
  page: { limit: number; offset: number },
): Promise<{ total: number; withoutDossier: number; items: FactDossierRow[] }> {
  let base = db
    .selectFrom("feedback as f")
    .leftJoin("dossiers as d", "d.id", "f.dossier_id")
    .where("f.created_at", ">=", q.startIso)
    .where("f.created_at", "<", q.endIso)
    .where("f.kind", "=", q.kind);
  if (q.rating) base = base.where("f.rating", "=", q.rating);
  if (q.unitIds) base = base.where("f.unit_id", "in", q.unitIds.length > 0 ? [...q.unitIds] : ["__none__"]);
  if (q.procedureCode) base = base.where("d.procedure_code", "=", q.procedureCode);
  const counts = await base
    .select((eb) => [eb.fn.count<number>("d.id").as("withDossier"), eb.fn.countAll<number>().as("all")])
    .executeTakeFirst();
  const rows = await base
    .innerJoin("dossiers as dd", "dd.id", "f.dossier_id")
    .leftJoin("report_facts as rf", "rf.dossier_id", "dd.id")
    .select([
      "dd.id",
      "dd.code",
      "dd.received_at",
      "dd.receiving_unit_id",
      "dd.procedure_code",
      "dd.track",
      "dd.state",
      "dd.original_due_date",
      "rf.processing_minutes",
    ])
    .orderBy("f.created_at")
    .orderBy("f.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const withDossier = num(counts?.withDossier);
  return {
    total: withDossier,
    withoutDossier: num(counts?.all) - withDossier,
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      receivedAt: r.received_at ?? "",
      unitId: r.receiving_unit_id ?? "",
      procedureCode: r.procedure_code,
      track: r.track,
      state: r.state,
      dueDate: r.original_due_date ?? "",
      processingMinutes: r.processing_minutes ?? null,
    })),
  };
}

export function factsRow(x: DossierFacts, updatedAt: string): ReportFactsTable {
  return {
    dossier_id: x.dossierId,
    unit_id: x.unitId,
    procedure_code: x.procedureCode,
    day: x.day,
    due_date: x.dueDate,
    processing_minutes: x.processingMinutes,
    updated_at: updatedAt,
    received: x.received,
    same_day: x.sameDay,
    same_day_done: x.sameDayDone,
    assisted: x.assisted,
    after_cutoff: x.afterCutoff,
    other_day: x.otherDay,
    pre_entered: x.preEntered,
    walk_in: x.walkIn,
    completed: x.completed,
    early: x.early,
    on_time: x.onTime,
    late: x.late,
    open: x.open,
    supplement: x.supplement,
    refused: x.refused,
    apology: x.apology,
    withdrawn: x.withdrawn,
    notified: x.notified,
    notified_oa: x.notifiedOa,
    notified_miniapp: x.notifiedMiniapp,
    notified_zns: x.notifiedZns,
  };
}

const UPDATE_COLUMNS = [
  "unit_id",
  "procedure_code",
  "day",
  "due_date",
  "processing_minutes",
  "updated_at",
  ...FACT_COLUMNS,
] as const;

/** Inserts or replaces facts rows, in batches under the SQLite/PostgreSQL bound-parameter limits. */
export async function upsertFacts(db: Db, rows: readonly ReportFactsTable[]): Promise<void> {
  const batch = 500; // 28 columns × 500 rows stays under PostgreSQL's 65,535 parameters and SQLite's 32,766
  for (let i = 0; i < rows.length; i += batch) {
    await db
      .insertInto("report_facts")
      .values(rows.slice(i, i + batch) as ReportFactsTable[])
      .onConflict((oc) =>
        oc
          .column("dossier_id")
          .doUpdateSet((eb) => Object.fromEntries(UPDATE_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))),
      )
      .execute();
  }
}

export async function readWatermark(db: Db): Promise<string | undefined> {
  return (await db.selectFrom("report_state").select("watermark").where("id", "=", "facts").executeTakeFirst())
    ?.watermark;
}

export async function writeWatermark(db: Db, watermark: string): Promise<void> {
  await db
    .insertInto("report_state")
    .values({ id: "facts", watermark })
    .onConflict((oc) => oc.column("id").doUpdateSet({ watermark }))
    .execute();
}

export interface ChangedDossier {
  id: string;
  receiving_unit_id: string;
  procedure_code: string;
  plan_id: string | null;
  pre_registration_id: string | null;
  track: string;
  state: string;
  received_at: string;
  original_due_date: string;
  due_date: string;
  assisted_writing: number;
  result_ready_at: string | null;
  returned_at: string | null;
  updated_at: string;
}

/** Dossiers (not drafts) changed, or notified, at or after `since`: their ids in updated_at order, at most `limit`. */
export async function changedDossierIds(
  db: Db,
  since: string,
  limit: number,
): Promise<{ ids: string[]; lastUpdatedAt: string | undefined }> {
  const changed = await db
    .selectFrom("dossiers")
    .select(["id", "updated_at"])
    .where("updated_at", ">=", since)
    .where("state", "!=", "draft")
    // Training dossiers (docs/admin/training.md) never become report facts.
    .where("training", "=", 0)
    .orderBy("updated_at")
    .limit(limit)
    .execute();
  const notified = await db
    .selectFrom("deliveries as dl")
    .innerJoin("outbox as o", "o.id", "dl.outbox_id")
    .select("o.dossier_id")
    .distinct()
    .where("dl.at", ">=", since)
    .where("dl.status", "=", "sent")
    .where("o.dossier_id", "is not", null)
    .limit(limit)
    .execute();
  const ids = [...new Set([...changed.map((r) => r.id), ...notified.map((r) => r.dossier_id!)])];
  return { ids, lastUpdatedAt: changed.at(-1)?.updated_at };
}

export async function loadForFacts(
  db: Db,
  ids: readonly string[],
): Promise<{
  dossiers: ChangedDossier[];
  events: { dossier_id: string; type: string; from_state: string | null; at: string }[];
  sent: { dossier_id: string; channel: string }[];
}> {
  if (ids.length === 0) return { dossiers: [], events: [], sent: [] };
  const list = [...ids];
  const [dossiers, events, sent] = await Promise.all([
    db
      .selectFrom("dossiers")
      .select([
        "id",
        "receiving_unit_id",
        "procedure_code",
        "plan_id",
        "pre_registration_id",
        "track",
        "state",
        "received_at",
        "original_due_date",
        "due_date",
        "assisted_writing",
        "result_ready_at",
        "returned_at",
        "updated_at",
      ])
      .where("id", "in", list)
      .where("state", "!=", "draft")
      .where("training", "=", 0)
      .execute(),
    db
      .selectFrom("dossier_events")
      .select(["dossier_id", "type", "from_state", "at"])
      .where("dossier_id", "in", list)
      .orderBy("dossier_id")
      .orderBy("seq")
      .execute(),
    db
      .selectFrom("deliveries as dl")
      .innerJoin("outbox as o", "o.id", "dl.outbox_id")
      .select(["o.dossier_id", "dl.channel"])
      .distinct()
      .where("o.dossier_id", "in", list)
      .where("dl.status", "=", "sent")
      .execute(),
  ]);
  return { dossiers, events, sent: sent.map((s) => ({ dossier_id: s.dossier_id!, channel: s.channel })) };
}
