/**
 * `npm run bench -- console`: the counter's hot paths on this machine. Typst render time per printed form, and over
 * HTTP against the real app on a SQLite file: receive (code + dossier + event + outbox in one transaction), the
 * today board, and a Mẫu 01 print. Targets from docs/architecture.md#lessons-from-comparable-systems (OpenCRVS: writes p95 300 ms, reads p95 150 ms).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../bot-server/src/store/connect.js";
import { migrateToLatest } from "../bot-server/src/store/migrate.js";
import { renderPdf } from "../bot-server/src/forms/render-pdf.js";
import { applicationDocument } from "../bot-server/src/forms/application-form.js";
import { receiptSlip } from "../bot-server/src/forms/one-stop-slips.js";
import { procedureCatalog } from "../shared/procedures/catalog.js";
import { unitDirectory } from "../shared/units/unit-directory.js";
import {
  at,
  consoleClient,
  createOfficer,
  QUANG_KHE,
  startConsoleServer,
  WEDNESDAY,
} from "../test/console/helpers/console-server.js";
import { maritalForm, maritalIntake } from "../test/console/helpers/intake-fixtures.js";

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const time = async (fn: () => unknown) => {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const goal = (what: string, measured: number, target: number, unit = "ms") =>
  console.log(
    `goal ${what}: ${measured.toFixed(1)} ${unit} (< ${target} ${unit}) ${measured < target ? "ok" : "short"}`,
  );

const version = procedureCatalog.versionAt("1.004873", WEDNESDAY)!;
const unit = unitDirectory.byId(QUANG_KHE);
renderPdf(applicationDocument({ version, formData: maritalForm(), place: "Quảng Khê", date: WEDNESDAY })); // compiler start-up
const renders: number[] = [];
for (let i = 0; i < 40; i += 1)
  renders.push(
    await time(() =>
      renderPdf(applicationDocument({ version, formData: maritalForm(), place: "Quảng Khê", date: WEDNESDAY })),
    ),
  );
const slips: number[] = [];
const applicant = { name: "Nguyễn Văn Thử", idNumber: null, address: "Thôn 3", phone: null, email: null };
for (let i = 0; i < 40; i += 1) {
  slips.push(
    await time(() =>
      renderPdf(
        receiptSlip({
          code: "000.00.06.H98-250716-0001",
          version,
          unit,
          applicant,
          officerName: "Cán bộ",
          printedAt: new Date().toISOString(),
          receivedAt: new Date().toISOString(),
          documents: [],
          dueDate: "2025-07-21",
          track: "normal",
          fee: "",
        }),
      ),
    ),
  );
}
console.log(
  `render tờ khai 1.004873: p50 ${pct(renders, 50).toFixed(1)} ms, p95 ${pct(renders, 95).toFixed(1)} ms (40 renders)`,
);
console.log(`render Mẫu 01: p50 ${pct(slips, 50).toFixed(1)} ms, p95 ${pct(slips, 95).toFixed(1)} ms`);

const dir = mkdtempSync(join(tmpdir(), "kh-bench-console-"));
const db = openDatabase({ kind: "sqlite", file: join(dir, "bench.sqlite") });
await migrateToLatest(db.db);
const s = await startConsoleServer(db);
s.clock.set(at(WEDNESDAY, "09:00"));
await createOfficer(s.deps, "bench.motcua", "counter_officer", QUANG_KHE);
const c = await consoleClient(s.baseUrl);
await c.login("bench.motcua");
const receives: number[] = [];
let lastId = "";
for (let i = 0; i < 150; i += 1) {
  receives.push(
    await time(async () => {
      const r = await c.json<{ dossierId: string }>("POST", "/console/api/intake/receive", maritalIntake());
      if (r.status !== 200) throw new Error(`receive ${r.status}`);
      lastId = r.body.dossierId;
    }),
  );
}
const boards: number[] = [];
for (let i = 0; i < 50; i += 1) boards.push(await time(() => c.json("GET", "/console/api/board")));
const prints: number[] = [];
for (let i = 0; i < 30; i += 1)
  prints.push(await time(async () => (await c.get(`/console/api/dossiers/${lastId}/forms/01.pdf`)).arrayBuffer()));
console.log(
  `receive over HTTP (SQLite file, 150 sequential): p50 ${pct(receives, 50).toFixed(1)} ms, p95 ${pct(receives, 95).toFixed(1)} ms`,
);
console.log(
  `today board with 150 dossiers: p50 ${pct(boards, 50).toFixed(1)} ms, p95 ${pct(boards, 95).toFixed(1)} ms`,
);
console.log(`print Mẫu 01 over HTTP: p50 ${pct(prints, 50).toFixed(1)} ms, p95 ${pct(prints, 95).toFixed(1)} ms`);
goal("Typst render of the 1.004873 form p95", pct(renders, 95), 50);
goal("receive (code, dossier, event, outbox in one transaction) p95", pct(receives, 95), 300);
goal("today board p95", pct(boards, 95), 150);
goal("Mẫu 01 print over HTTP p95", pct(prints, 95), 300);
await s.close();
await db.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
