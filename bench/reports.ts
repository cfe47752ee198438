/**
 * `npm run bench -- reports`: seeds synthetic dossiers (default 1,000,000; BENCH_REPORTS_N to scale down) across every
 * shipped unit in force on each day of 2023–2025, with their report facts computed by shared/reports/dossier-facts.ts
 * from synthetic events (the event rows themselves are not written), and 5% of them rated. Then times, on SQLite and
 * (with PG_URL) PostgreSQL, the report use case for a province-wide month and for one unit's year (today's Quảng Khê,
 * with the communes merged into it), and one drill-down page. Goals: each report under 1 s.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { sql } from "kysely";
import { vnCalendar } from "../shared/calendar/vn-calendar.js";
import { procedureCatalog } from "../shared/procedures/catalog.js";
import { dossierFacts, type FactsEvent } from "../shared/reports/dossier-facts.js";
import { schemeDomain } from "../shared/scheme/decide-track.js";
import { addDays, weekdayOf } from "../shared/time/vn-time.js";
import { unitDirectory } from "../shared/units/unit-directory.js";
import type { Officer } from "../shared/officers/officer.js";
import type { Deps } from "../bot-server/src/deps.js";
import { openDatabase, type DatabaseHandle } from "../bot-server/src/store/connect.js";
import { migrateToLatest } from "../bot-server/src/store/migrate.js";
import { factsRow, writeWatermark } from "../bot-server/src/store/reports.js";
import type { ReportFactsTable } from "../bot-server/src/store/database.js";
import { buildReport, drillDown } from "../bot-server/src/use-cases/reports.js";
import { seed as seedShipped } from "../bot-server/src/seed.js";

const N = Number(process.env.BENCH_REPORTS_N ?? 1_000_000);
const PROCEDURES = ["1.004873", "1.011441", "1.011443", "1.001612"];
const FIRST_DAY = "2023-01-01";
const DAYS = 1096;
const NOW = new Date("2026-01-05T09:00:00+07:00");
const province: Officer = {
  id: "bench",
  username: "bench",
  displayName: "bench",
  role: "province_viewer",
  unitId: null,
  delegateFor: null,
  phone: null,
};

// Deterministic pseudo-random numbers, so both dialects get the same rows.
let rngState = 42;
const rand = () => (rngState = (rngState * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

const unitsByDay = new Map<string, string[]>();
function unitsOn(day: string): string[] {
  let list = unitsByDay.get(day);
  if (!list)
    unitsByDay.set(
      day,
      (list = unitDirectory.units
        .filter((u) => u.level !== "province" && unitDirectory.isInForce(u, day))
        .map((u) => u.id)),
    );
  return list;
}

interface Synthetic {
  dossier: Record<string, unknown>;
  facts: ReportFactsTable;
  rating?: Record<string, unknown>;
}

const factsCtx = {
  calendar: vnCalendar,
  planOf: (planId: string, unitId: string, day: string) => {
    const p = schemeDomain.planAt(unitId, day);
    return p && p.id === planId ? p : undefined;
  },
};

function synthesize(i: number): Synthetic {
  let day = addDays(FIRST_DAY, Math.floor(rand() * DAYS));
  while (!vnCalendar.isWorkingDay(day)) day = addDays(day, 1);
  const unit = pick(unitsOn(day));
  const plan = schemeDomain.planAt(unit, day);
  const minutes = 7 * 60 + Math.floor(rand() * 600);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  const receivedAt = new Date(`${day}T${hh}:${mm}:00+07:00`).toISOString();
  const schemeDay = plan !== undefined && plan.weekdays.includes(weekdayOf(day));
  const sameDay = schemeDay && minutes <= 15 * 60 && rand() < 0.8;
  const due = sameDay ? day : vnCalendar.addWorkingDays(day, 3);
  const r = rand();
  const state = r < 0.02 ? "refused" : r < 0.04 ? "processing" : "returned";
  const lateBy = rand() < 0.05 ? 2 : 0;
  const doneDay = sameDay && rand() < 0.9 ? day : vnCalendar.addWorkingDays(day, Math.floor(rand() * 3) + 1 + lateBy);
  const resultReadyAt =
    state === "returned" ? new Date(`${doneDay}T${sameDay ? "16:00" : "10:00"}:00+07:00`).toISOString() : null;
  const events: FactsEvent[] =
    state === "refused"
      ? [{ type: "refuse", fromState: "draft", at: receivedAt }]
      : [{ type: "receive", fromState: "draft", at: receivedAt }];
  if (rand() < 0.05) events.push({ type: "request_supplement", fromState: "draft", at: receivedAt });
  if (lateBy > 0 && resultReadyAt) events.push({ type: "extend_due_date", fromState: "processing", at: receivedAt });
  const id = `b${i.toString(36).padStart(8, "0")}${randomBytes(4).toString("hex")}`;
  const procedureCode = pick(PROCEDURES);
  const preRegistrationId = null;
  const facts = dossierFacts(
    {
      id,
      receivingUnitId: unit,
      procedureCode,
      planId: plan?.id ?? null,
      preRegistrationId,
      track: sameDay ? "same-day" : "normal",
      state,
      receivedAt,
      originalDueDate: due,
      dueDate: due,
      assistedWriting: sameDay,
      resultReadyAt,
      returnedAt: resultReadyAt,
    },
    events,
    state === "returned" && rand() < 0.6 ? [pick(["oa_cs", "miniapp", "zns"])] : [],
    factsCtx,
  );
  const updatedAt = resultReadyAt ?? receivedAt;
  return {
    dossier: {
      id,
      code: `BENCH-${i}`,
      pre_registration_id: null,
      citizen_id: null,
      visit_id: null,
      receiving_unit_id: unit,
      competent_unit_id: unit,
      procedure_code: procedureCode,
      procedure_version_id: `${procedureCode}@bench`,
      plan_id: plan?.id ?? null,
      track: sameDay ? "same-day" : "normal",
      track_reasons: "[]",
      state,
      received_at: receivedAt,
      due_date: due,
      original_due_date: due,
      assisted_writing: sameDay ? 1 : 0,
      typed_by: null,
      checked_by_citizen: 0,
      applicant_name: "Người thử",
      applicant_id_number: null,
      form_data: "{}",
      submitted_documents: "[]",
      case_flags: "[]",
      missing_documents: "[]",
      result_ready_at: resultReadyAt,
      returned_at: resultReadyAt,
      returned_to: null,
      notify_status: "notified",
      created_at: receivedAt,
      updated_at: updatedAt,
    },
    facts: factsRow(facts, NOW.toISOString()),
    ...(state === "returned" && rand() < 0.05
      ? {
          rating: {
            id: `f${id}`,
            dossier_id: id,
            unit_id: unit,
            citizen_id: null,
            kind: "rating",
            rating: pick(["rat_hai_long", "hai_long", "hai_long", "khong_hai_long"]),
            text: null,
            status: "open",
            answer: null,
            answered_by: null,
            answered_at: null,
            created_at: updatedAt,
          },
        }
      : {}),
  };
}

const BATCH = 5000;

async function seedAll(
  h: DatabaseHandle,
  insertBatch: (table: string, rows: Record<string, unknown>[]) => Promise<void>,
): Promise<number> {
  rngState = 42;
  await seedShipped(h.db, { now: NOW.toISOString(), demoAccounts: false });
  const started = performance.now();
  for (let i = 0; i < N; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, N - i) }, (_, k) => synthesize(i + k));
    await insertBatch(
      "dossiers",
      batch.map((b) => b.dossier),
    );
    await insertBatch(
      "report_facts",
      batch.map((b) => b.facts as unknown as Record<string, unknown>),
    );
    const ratings = batch.flatMap((b) => (b.rating ? [b.rating] : []));
    if (ratings.length > 0) await insertBatch("feedback", ratings);
  }
  await writeWatermark(h.db, NOW.toISOString());
  return N / ((performance.now() - started) / 1000);
}

function sqliteInserter(file: string) {
  const raw = new SqliteDatabase(file);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = OFF");
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => raw.close(),
    insert: async (table: string, rows: Record<string, unknown>[]) => {
      const cols = Object.keys(rows[0]!);
      let st = statements.get(table);
      if (!st)
        statements.set(
          table,
          (st = raw.prepare(`insert into ${table} (${cols.join(",")}) values (${cols.map((c) => `@${c}`).join(",")})`)),
        );
      const s = st;
      raw.transaction(() => {
        for (const r of rows) s.run(r);
      })();
    },
  };
}

/** PostgreSQL: one INSERT … SELECT FROM unnest(arrays) per batch and table (columns as text, cast by the table). */
function pgInserter(h: DatabaseHandle) {
  const types = new Map<string, Map<string, string>>();
  return async (table: string, rows: Record<string, unknown>[]) => {
    let t = types.get(table);
    if (!t) {
      const r = await sql<{
        column_name: string;
        data_type: string;
      }>`select column_name, data_type from information_schema.columns where table_name = ${table} and table_schema = current_schema()`.execute(
        h.db,
      );
      types.set(table, (t = new Map(r.rows.map((c) => [c.column_name, c.data_type]))));
    }
    const cols = Object.keys(rows[0]!);
    const arrays = cols.map(
      (c) => sql`${rows.map((r) => (r[c] === null || r[c] === undefined ? null : String(r[c])))}::text[]`,
    );
    const casts = cols.map((c, i) => sql.raw(`c${i}::${t!.get(c) === "integer" ? "integer" : "text"}`));
    await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) select ${sql.join(casts)} from unnest(${sql.join(arrays)}) as u(${sql.raw(cols.map((_, i) => `c${i}`).join(","))})`.execute(
      h.db,
    );
  };
}

function benchDeps(h: DatabaseHandle): Deps {
  return {
    db: h.db,
    clock: { now: () => NOW },
    domain: {
      units: unitDirectory,
      catalog: procedureCatalog,
      calendar: vnCalendar,
      scheme: schemeDomain,
      formSchema: () => undefined,
    },
  } as unknown as Deps;
}

async function time(label: string, fn: () => Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  const median = [...runs].sort((a, b) => a - b)[1]!;
  console.log(`${label}: ${runs.map((r) => `${r.toFixed(0)} ms`).join(", ")} (median ${median.toFixed(0)} ms)`);
  return median;
}

async function run(
  name: string,
  h: DatabaseHandle,
  insert: (table: string, rows: Record<string, unknown>[]) => Promise<void>,
) {
  const rate = await seedAll(h, insert);
  console.log(
    `${name}: seeded ${N.toLocaleString("en")} dossiers (+ facts, ${Math.round(N * 0.05 * 0.94).toLocaleString("en")}≈ ratings) at ${Math.round(rate).toLocaleString("en")} dossiers/s`,
  );
  const deps = benchDeps(h);
  const check = async (p: Promise<{ ok: boolean }>) => {
    const out = await p;
    if (!out.ok) throw new Error(JSON.stringify(out));
    return out;
  };
  const month = await time(`${name} province-wide month 03/2025`, () =>
    check(buildReport(deps, province, { period: "month", date: "2025-03-15" })),
  );
  const year = await time(`${name} unit year 2025 (Quảng Khê + merged communes)`, () =>
    check(buildReport(deps, province, { period: "year", date: "2025-06-01", unitId: "24631@2025-07-01" })),
  );
  await time(`${name} drill-down page (province month, on time)`, () =>
    check(drillDown(deps, province, { figure: "onTime", from: "2025-03-01", to: "2025-03-31", page: 3 })),
  );
  const goal = (what: string, ms: number) =>
    console.log(`goal ${name} ${what}: ${(ms / 1000).toFixed(3)} s (< 1 s) ${ms < 1000 ? "ok" : "short"}`);
  goal("province-wide monthly report", month);
  goal("yearly per-unit report", year);
}

console.log(`reports bench: N=${N.toLocaleString("en")}, ${unitDirectory.units.length} shipped units, 2023–2025`);
const dir = mkdtempSync(join(tmpdir(), "bench-reports-"));
try {
  const file = join(dir, "reports.sqlite");
  const h = openDatabase({ kind: "sqlite", file });
  await migrateToLatest(h.db);
  const ins = sqliteInserter(file);
  try {
    await run("sqlite", h, ins.insert);
  } finally {
    ins.close();
    await h.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pgUrl = process.env.PG_URL;
if (pgUrl) {
  const schema = `bench_reports_${process.pid}`;
  const admin = openDatabase({ kind: "postgres", url: pgUrl, max: 1 });
  await sql.raw(`create schema ${schema}`).execute(admin.db);
  const h = openDatabase({ kind: "postgres", url: pgUrl, searchPath: schema, max: 4 });
  try {
    await migrateToLatest(h.db);
    await run("postgres", h, pgInserter(h));
  } finally {
    await h.close();
    await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin.db);
    await admin.close();
  }
} else {
  console.log("postgres: skipped (PG_URL not set)");
}
