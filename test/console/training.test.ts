/**
 * Training mode (docs/admin/training.md) through the console API on SQLite and PostgreSQL: the unit administrator
 * switches it on; the console's clock shows 08:00 of the next scheme day; a training dossier of a synthetic citizen
 * is received and approved, yet the unit's reports count nothing, no outbox row is written, the public lookup and
 * the tracking book do not know it, and its printout says "DIỄN TẬP"; the reset deletes it (its audit lines stay,
 * without personal data); switching off returns the counter to normal. Bad input and other units are refused.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { ReportResult } from "../../shared/reports/report.js";
import { syntheticIdentity } from "../../shared/training/training.js";
import { listTrackingBook } from "../../bot-server/src/store/tracking-book.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import {
  at,
  consoleClient,
  createOfficer,
  NAM_DA,
  QUANG_KHE,
  signedInClient,
  startConsoleServer,
  WEDNESDAY,
  type ConsoleServer,
} from "./helpers/console-server.js";
import { firstEvent } from "./helpers/event-stream.js";
import { maritalIntake, maritalForm } from "./helpers/intake-fixtures.js";
import { flatPdfText, popplerAvailable } from "./helpers/pdf-text.js";

type Client = Awaited<ReturnType<typeof consoleClient>>;
interface TrainingState {
  active: boolean;
  day: string | null;
  clock: string | null;
  dossiers: number;
  deleted?: number;
}
interface Received {
  dossierId: string;
  code: string;
  track: string;
  dueDate: string;
  error?: { code: string; fields?: { path: string; message: string }[] };
}

const TRAINING_DAY = "2025-07-23"; // the Wednesday after WEDNESDAY (2025-07-16), the plan's next scheme day
const path = `/console/api/admin/training/${encodeURIComponent(QUANG_KHE)}`;

/** A synthetic applicant, as the console's "Công dân giả lập" button fills it. */
function trainingIntake(): Record<string, unknown> {
  let n = 0;
  const seq = [0.1, 0.3, 0.2, 0.5, 0.7, 0.4, 0.6, 0.9, 0.25, 0.35];
  const p = syntheticIdentity(() => seq[n++ % seq.length]!);
  const person = { requesterName: p.fullName, subjectName: p.fullName };
  return maritalIntake({
    formData: maritalForm({ ...person, requesterIdNumber: p.idNumber, subjectIdNumber: p.idNumber }),
  });
}

forEachDatabase((name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  let admin: Client,
    counter: Client,
    processor: Client,
    leader: Client,
    otherAdmin: Client,
    provinceAdmin: Client,
    viewer: Client;

  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t);
    s.clock.set(at(WEDNESDAY, "16:30"));
    await createOfficer(s.deps, "qk.quantri", "unit_admin", QUANG_KHE);
    await createOfficer(s.deps, "qk.motcua", "counter_officer", QUANG_KHE);
    await createOfficer(s.deps, "qk.xuly", "processing_officer", QUANG_KHE);
    await createOfficer(s.deps, "qk.chutich", "leader", QUANG_KHE);
    await createOfficer(s.deps, "namda.quantri", "unit_admin", NAM_DA);
    await createOfficer(s.deps, "tinh.qt", "province_admin", "68@2025-07-01");
    await createOfficer(s.deps, "tinh.xem", "province_viewer", "68@2025-07-01");
    const login = (u: string) => signedInClient(s.baseUrl, u);
    admin = await login("qk.quantri");
    counter = await login("qk.motcua");
    processor = await login("qk.xuly");
    leader = await login("qk.chutich");
    otherAdmin = await login("namda.quantri");
    provinceAdmin = await login("tinh.qt");
    viewer = await login("tinh.xem");
  });
  afterAll(async () => {
    await s.close();
  });

  const reportReceived = async () => {
    const r = await viewer.json<ReportResult>(
      "GET",
      `/console/api/reports?period=custom&date=2025-07-01&to=2025-08-31&unitId=${encodeURIComponent(QUANG_KHE)}`,
    );
    expect(r.status).toBe(200);
    return r.body.figures.find((f) => f.key === "received")?.value;
  };

  it("only the unit's administrator or the province administrator switches it; a reason is required", async () => {
    expect((await counter.json("PUT", path, { active: true, reason: "Tập huấn" })).status).toBe(403);
    expect((await otherAdmin.json("PUT", path, { active: true, reason: "Tập huấn" })).status).toBe(403);
    const noReason = await admin.json<{ error: { fields: { path: string; message: string }[] } }>("PUT", path, {
      active: true,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0]).toMatchObject({ path: "reason" });
    expect(noReason.body.error.fields[0]!.message).toContain("Ghi lý do");
    const read = await provinceAdmin.json<TrainingState>("GET", path);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ active: false, day: null, dossiers: 0 });
  });

  it(`switched on: the console shows 08:00 of the next scheme day and "DIỄN TẬP" in the session (${name})`, async () => {
    const on = await admin.json<TrainingState>("PUT", path, { active: true, reason: "Tập huấn cán bộ Một cửa 2025" });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ active: true, day: TRAINING_DAY, clock: "08:00 23/07/2025" });
    const session = await counter.json<{ training?: { day: string; dayText: string } }>("GET", "/console/api/session");
    expect(session.body.training).toEqual({ day: TRAINING_DAY, dayText: "23/07/2025" });
    const board = await counter.json<{ date: string; time: string; scheme: { isSchemeDay: boolean } }>(
      "GET",
      "/console/api/board",
    );
    expect([board.body.date, board.body.time, board.body.scheme.isSchemeDay]).toEqual([TRAINING_DAY, "08:00", true]);
    const audit = await t.db.selectFrom("audit_log").selectAll().where("subject_kind", "=", "training").execute();
    expect(audit.map((a) => a.reason)).toEqual(["Bật chế độ diễn tập: Tập huấn cán bộ Một cửa 2025"]);
  });

  it("the citizen's screen paired during the training says DIỄN TẬP", async () => {
    const { body: pair } = await counter.json<{ code: string }>("POST", "/console/api/mirror/pair");
    const join = await fetch(`${s.baseUrl}/console/mirror/api/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: pair.code }),
    });
    const { token } = (await join.json()) as { token: string };
    const stream = await fetch(`${s.baseUrl}/console/mirror/api/events?token=${token}`);
    expect(await firstEvent(stream)).toMatchObject({ training: true });
    expect((await counter.json("POST", "/console/api/mirror/revoke")).status).toBe(200);
  });

  it("a real citizen's number is refused in training, with a Vietnamese message beside the field", async () => {
    const r = await counter.json<Received>("POST", "/console/api/intake/receive", maritalIntake());
    expect(r.status).toBe(400);
    expect(r.body.error!.fields![0]!.path).toBe("formData.requesterIdNumber");
    expect(r.body.error!.fields![0]!.message).toContain("công dân giả lập");
  });

  let training: Received;
  it("a training dossier: received same-day, approved; no outbox row, no report, no public lookup, no book", async () => {
    const r = await counter.json<Received>("POST", "/console/api/intake/receive", trainingIntake());
    expect(r.status).toBe(200);
    training = r.body;
    expect(training.code).toMatch(/^DT-000\.00\.\d{2}\.H98-250723-0001$/);
    expect([training.track, training.dueDate]).toEqual(["same-day", TRAINING_DAY]);
    const fire = (c: Client, event: string) =>
      c.json<{ state: string }>("POST", `/console/api/dossiers/${training.dossierId}/events`, { event });
    expect((await fire(processor, "start_processing")).body.state).toBe("processing");
    expect((await fire(processor, "submit_for_approval")).body.state).toBe("awaiting_approval");
    expect((await fire(leader, "approve")).body.state).toBe("approved");
    expect((await fire(processor, "mark_result_ready")).body.state).toBe("result_ready");

    const row = await t.db.selectFrom("dossiers").selectAll().where("id", "=", training.dossierId).executeTakeFirst();
    expect(Number(row!.training)).toBe(1);
    expect(await t.db.selectFrom("outbox").selectAll().execute()).toEqual([]);
    expect(await reportReceived()).toBe(0);
    const lookup = await fetch(`${s.baseUrl}/api/dossiers/${encodeURIComponent(training.code)}/status`);
    expect(lookup.status).toBe(404);
    const book = await listTrackingBook(t.db, {
      fromIso: "2025-07-01T00:00:00Z",
      toIso: "2025-09-01T00:00:00Z",
      unitIds: [QUANG_KHE],
      limit: 100,
    });
    expect(book).toEqual([]);
  });

  it('the printout of a training dossier carries "DIỄN TẬP"', async () => {
    const res = await counter.get(`/console/api/dossiers/${training.dossierId}/forms/control.pdf`);
    expect(res.status).toBe(200);
    if (!popplerAvailable()) return;
    const text = flatPdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain("DIỄN TẬP – KHÔNG CÓ GIÁ TRỊ PHÁP LÝ");
  });

  it("reset deletes the training dossiers; their audit lines stay, naming fields only", async () => {
    const r = await admin.json<TrainingState>("POST", `${path}/reset`, { reason: "Kết thúc buổi tập" });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ active: true, deleted: 1, dossiers: 0, day: TRAINING_DAY });
    expect(await t.db.selectFrom("dossiers").selectAll().where("id", "=", training.dossierId).execute()).toEqual([]);
    const lines = await t.db.selectFrom("audit_log").selectAll().where("subject_id", "=", training.dossierId).execute();
    expect(lines.length).toBeGreaterThan(0);
    const flat = JSON.stringify(lines);
    expect(flat).not.toMatch(/000\d{9}/);
    expect(flat).not.toContain(maritalForm().purpose as string);
  });

  it("switched off: the counter is back to normal, a real dossier is counted and looked up", async () => {
    const off = await admin.json<TrainingState>("PUT", path, { active: false, reason: "Hết giờ tập huấn" });
    expect(off.body).toMatchObject({ active: false, day: null });
    expect((await counter.json<{ training?: unknown }>("GET", "/console/api/session")).body.training).toBeUndefined();
    // Real time went on (16:30, after the cut-off): a normal-track dossier with a real code.
    const r = await counter.json<Received>("POST", "/console/api/intake/receive", maritalIntake());
    expect(r.status).toBe(200);
    expect(r.body.code).toMatch(/^000\.00\.\d{2}\.H98-250716-0001$/);
    expect((await t.db.selectFrom("outbox").selectAll().execute()).length).toBe(1);
    expect(await reportReceived()).toBe(1);
    const lookup = await fetch(`${s.baseUrl}/api/dossiers/${encodeURIComponent(r.body.code)}/status`);
    expect(lookup.status).toBe(200);
    const audit = await t.db.selectFrom("audit_log").select("action").where("subject_kind", "=", "training").execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "delete", "purge"]);
    real = r.body;
  });

  let real: Received;
  it("while training, a real dossier is not touched: the console says why", async () => {
    await admin.json("PUT", path, { active: true, reason: "Tập huấn lần hai" });
    const r = await processor.json<{ error: { code: string; message: string } }>(
      "POST",
      `/console/api/dossiers/${real.dossierId}/events`,
      { event: "start_processing" },
    );
    expect([r.status, r.body.error.code]).toEqual([409, "training_mode_active"]);
    expect(r.body.error.message).toContain("DIỄN TẬP");
    await admin.json("PUT", path, { active: false, reason: "Hết giờ" });
    const ok = await processor.json<{ state: string }>("POST", `/console/api/dossiers/${real.dossierId}/events`, {
      event: "start_processing",
    });
    expect(ok.body.state).toBe("processing");
  });
});
