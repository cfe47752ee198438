/**
 * Excel exports of a province month (npm run bench -- reports-export): the Sổ theo dõi hồ sơ of every unit for one
 * month with PROVINCE_MONTH dossiers (1,000,000 dossiers over three years is ~28,000 a month), from the store query
 * to the .xlsx bytes, against the CSV of the same book as the baseline; and the report table's .xlsx. SQLite file.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Officer } from "../shared/officers/officer.js";
import { reportWorkbook } from "../bot-server/src/reports/report-workbook.js";
import { openDatabase } from "../bot-server/src/store/connect.js";
import { migrateToLatest } from "../bot-server/src/store/migrate.js";
import { listTrackingBook } from "../bot-server/src/store/tracking-book.js";
import { exportTrackingBook } from "../bot-server/src/use-cases/report-exports.js";
import { startConsoleServer } from "../test/console/helpers/console-server.js";

const PROVINCE_MONTH = Number(process.env.BENCH_DOSSIERS ?? 28_000);
const GOAL_MS = 3_000;

const dir = mkdtempSync(join(tmpdir(), "bench-reports-export-"));
const db = openDatabase({ kind: "sqlite", file: join(dir, "bench.sqlite") });
await migrateToLatest(db.db);
const s = await startConsoleServer(db);
const units = s.deps.domain.units.units.filter((u) => u.validFrom === "2025-07-01" && u.level === "commune");

const t0 = performance.now();
const rows = [];
const events: Record<string, unknown>[] = [];
for (let i = 0; i < PROVINCE_MONTH; i += 1) {
  const id = randomUUID();
  const day = String(1 + (i % 31)).padStart(2, "0");
  const receivedAt = new Date(Date.parse(`2025-10-${day}T08:00:00+07:00`) + (i % 480) * 60_000).toISOString();
  rows.push({
    id,
    code: `000.00.06.H98-2510${day}-${String(i).padStart(6, "0")}`,
    pre_registration_id: null,
    citizen_id: null,
    visit_id: null,
    receiving_unit_id: units[i % units.length]!.id,
    competent_unit_id: units[i % units.length]!.id,
    procedure_code: "1.004873",
    procedure_version_id: "1.004873@2025-07-01",
    plan_id: null,
    track: i % 3 === 0 ? "normal" : "same-day",
    track_reasons: "[]",
    state: "returned",
    received_at: receivedAt,
    due_date: `2025-10-${day}`,
    original_due_date: `2025-10-${day}`,
    assisted_writing: 1,
    typed_by: null,
    checked_by_citizen: 1,
    applicant_name: `Người nộp ${i}`,
    applicant_id_number: null,
    form_data: JSON.stringify({ fullName: `Người nộp ${i}`, phone: "0912345678" }),
    submitted_documents: "[]",
    case_flags: "[]",
    missing_documents: "[]",
    result_ready_at: receivedAt,
    returned_at: receivedAt,
    returned_to: null,
    notify_status: "notified",
    created_at: receivedAt,
    updated_at: receivedAt,
  });
  ["receive", "start_processing", "mark_result_ready", "return_result"].forEach((type, k) => {
    events.push({
      id: randomUUID(),
      dossier_id: id,
      seq: k + 1,
      type,
      from_state: null,
      to_state: type,
      actor_id: null,
      actor_role: null,
      at: new Date(Date.parse(receivedAt) + k * 1_800_000).toISOString(),
      data: "{}",
    });
  });
}
for (let i = 0; i < rows.length; i += 500)
  await s.deps.db
    .insertInto("dossiers")
    .values(rows.slice(i, i + 500))
    .execute();
for (let i = 0; i < events.length; i += 500)
  await s.deps.db
    .insertInto("dossier_events")
    .values(events.slice(i, i + 500) as never)
    .execute();
const seedS = (performance.now() - t0) / 1000;
console.log(
  `seeded ${PROVINCE_MONTH.toLocaleString("en")} dossiers and ${events.length.toLocaleString("en")} events in ${seedS.toFixed(1)} s (${Math.round(PROVINCE_MONTH / seedS).toLocaleString("en")} dossiers/s)`,
);

const viewer: Officer = {
  id: randomUUID(),
  username: "bench",
  displayName: "Bench",
  role: "province_viewer",
  unitId: null,
  delegateFor: null,
  phone: null,
};
const q = { from: "2025-10-01", to: "2025-10-31" };

async function median(label: string, fn: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    bytes = await fn();
    times.push(performance.now() - start);
  }
  const m = times.sort((a, b) => a - b)[1]!;
  console.log(`${label}: ${Math.round(m)} ms median of 3 (${(bytes / 1e6).toFixed(1)} MB)`);
  return m;
}

await median(
  "  of which the store query",
  async () =>
    (
      await listTrackingBook(s.deps.db, {
        fromIso: "2025-09-30T17:00:00.000Z",
        toIso: "2025-10-31T17:00:00.000Z",
        limit: 100_000,
      })
    ).length,
);
const csv = await median("tracking book, province month, CSV (baseline)", async () => {
  const out = await exportTrackingBook(s.deps, viewer, q, "csv");
  if (!out.ok) throw new Error(out.code);
  return out.value.body.length;
});
const xlsx = await median("tracking book, province month, Excel", async () => {
  const out = await exportTrackingBook(s.deps, viewer, q, "xlsx");
  if (!out.ok) throw new Error(out.code);
  return out.value.body.length;
});
console.log(`Excel / CSV: ${(xlsx / csv).toFixed(1)}×`);
const figures = Array.from({ length: 40 }, (_, i) => ({
  key: `f${i}`,
  label: `Chỉ tiêu ${i + 1}`,
  value: i * 37.5,
  unit: "count" as const,
  formula: "Số hồ sơ …",
  group: i < 20 ? "Tiếp nhận" : "Kết quả",
}));
const table = await median(
  "report table, province month, Excel (40 figures)",
  async () =>
    (
      await reportWorkbook(
        { title: "Báo cáo", unit: { name: "Tỉnh Lâm Đồng" }, period: { label: "Tháng 10/2025" }, figures },
        { date: "2025-11-03" },
      )
    ).length,
);

const [load1] = loadavg();
console.log(`load average (1 min): ${load1!.toFixed(2)}`);
console.log(
  `goal Excel export of a province month (tracking book, ${PROVINCE_MONTH.toLocaleString("en")} dossiers): ${Math.round(xlsx)} ms (< ${GOAL_MS} ms) ${xlsx < GOAL_MS ? "ok" : "short"}`,
);
console.log(
  `goal Excel export of a province month (report table): ${Math.round(table)} ms (< ${GOAL_MS} ms) ${table < GOAL_MS ? "ok" : "short"}`,
);
await s.close();
await db.close();
rmSync(dir, { recursive: true, force: true });
