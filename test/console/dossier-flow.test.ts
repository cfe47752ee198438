/**
 * The counter's flows through the console API on SQLite and PostgreSQL: receive on a Wednesday before and after
 * 15:00, same-day processing to return, permissions (counter officer cannot approve, volunteer cannot receive,
 * another unit cannot see), the transactional outbox, Mẫu 02 at intake, the delegate, batch approval, the leader
 * alert, the once-only apology (Mẫu 04) and the notice that handling stopped at the citizen's request (Mẫu 05).
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import {
  at,
  consoleClient,
  createOfficer,
  NAM_DA,
  QUANG_KHE,
  startConsoleServer,
  WEDNESDAY,
  type ConsoleServer,
  signedInClient,
} from "./helpers/console-server.js";
import { ALL_DOCUMENTS, maritalForm, maritalIntake } from "./helpers/intake-fixtures.js";
import { flatPdfText, popplerAvailable } from "./helpers/pdf-text.js";

type Client = Awaited<ReturnType<typeof consoleClient>>;
interface Received {
  dossierId: string;
  code: string;
  track: string;
  dueDate: string;
  form: string | null;
  statusUrl: string;
}

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  let counter: Client, processor: Client, leader: Client, volunteer: Client, otherUnit: Client, viewer: Client;
  let leaderId: string;

  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t);
    await createOfficer(s.deps, "qk.motcua", "counter_officer", QUANG_KHE, { displayName: "Trần Thị Một Cửa" });
    await createOfficer(s.deps, "qk.xuly", "processing_officer", QUANG_KHE);
    leaderId = await createOfficer(s.deps, "qk.chutich", "leader", QUANG_KHE, { displayName: "Lê Văn Chủ Tịch" });
    await createOfficer(s.deps, "qk.vanphong", "processing_officer", QUANG_KHE, { delegateFor: leaderId });
    await createOfficer(s.deps, "qk.tinhnguyen", "volunteer", QUANG_KHE);
    await createOfficer(s.deps, "namda.motcua", "counter_officer", NAM_DA);
    await createOfficer(s.deps, "tinh.xem", "province_viewer", null);
    const login = (u: string) => signedInClient(s.baseUrl, u);
    counter = await login("qk.motcua");
    processor = await login("qk.xuly");
    leader = await login("qk.chutich");
    volunteer = await login("qk.tinhnguyen");
    otherUnit = await login("namda.motcua");
    viewer = await login("tinh.xem");
  });
  afterAll(async () => {
    await s.close();
  });

  const receive = async (c: Client, body = maritalIntake()) =>
    c.json<Received>("POST", "/console/api/intake/receive", body);
  const fire = (c: Client, id: string, event: string, extra: Record<string, unknown> = {}) =>
    c.json<{ state: string; error?: { code: string } }>("POST", `/console/api/dossiers/${id}/events`, {
      event,
      ...extra,
    });
  const outboxOf = (id: string) =>
    t.db.selectFrom("outbox").selectAll().where("dossier_id", "=", id).orderBy("created_at").execute();

  it("Wednesday 14:59: same-day track, no appointment slip, code, event and outbox row written together", async () => {
    s.clock.set(at(WEDNESDAY, "14:59"));
    const r = await receive(counter);
    expect(r.status).toBe(200);
    expect(r.body.track).toBe("same-day");
    expect(r.body.dueDate).toBe(WEDNESDAY);
    expect(r.body.form).toBeNull();
    expect(r.body.code).toMatch(/^000\.00\.\d{2}\.H98-250716-\d{4}$/);
    const row = await t.db
      .selectFrom("dossiers")
      .selectAll()
      .where("id", "=", r.body.dossierId)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe("received");
    expect(row.typed_by).not.toBeNull();
    expect(Number(row.assisted_writing)).toBe(1);
    const events = await t.db
      .selectFrom("dossier_events")
      .selectAll()
      .where("dossier_id", "=", r.body.dossierId)
      .orderBy("seq")
      .execute();
    expect(events.map((e) => e.type)).toEqual(["receive"]);
    const outbox = await outboxOf(r.body.dossierId);
    expect(outbox.map((o) => o.kind)).toEqual(["receipt_issued"]);
    expect(outbox[0]!.event_id).toBe(events[0]!.id);
    const payload = JSON.parse(outbox[0]!.payload) as Record<string, unknown>;
    expect(payload).toMatchObject({
      dossierCode: r.body.code,
      procedureCode: "1.004873",
      state: "received",
      dueDate: WEDNESDAY,
      unitId: QUANG_KHE,
    });
    expect(outbox[0]!.payload).not.toContain("Nguyễn Văn Thử");
    expect(outbox[0]!.payload).not.toContain("067085000001");
  });

  it("same day: processed, approved by the leader, result ready, returned (who and when)", async () => {
    s.clock.set(at(WEDNESDAY, "09:00"));
    const r = await receive(counter);
    const id = r.body.dossierId;
    // The citizen's public status follows every step at once, however often it was just looked up.
    const publicState = async () =>
      ((await (await fetch(`${s.baseUrl}/api/dossiers/${r.body.code}/status`)).json()) as { state: string }).state;
    expect(await publicState()).toBe("received");
    expect((await fire(processor, id, "start_processing")).body.state).toBe("processing");
    expect(await publicState()).toBe("processing");
    expect((await fire(processor, id, "submit_for_approval")).body.state).toBe("awaiting_approval");
    const denied = await fire(counter, id, "approve");
    expect(denied.status).toBe(403);
    expect(denied.body.error?.code).toBe("forbidden");
    expect((await fire(leader, id, "approve")).body.state).toBe("approved");
    expect((await fire(processor, id, "mark_result_ready")).body.state).toBe("result_ready");
    expect(await publicState()).toBe("result_ready");
    s.clock.set(at(WEDNESDAY, "10:30"));
    expect((await fire(counter, id, "return_result", { returnedTo: "Nguyễn Văn Thử" })).body.state).toBe("returned");
    const row = await t.db.selectFrom("dossiers").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.returned_to).toBe("Nguyễn Văn Thử");
    expect(row.returned_at).toBe(at(WEDNESDAY, "10:30").toISOString());
    expect((await outboxOf(id)).map((o) => o.kind)).toEqual(["receipt_issued", "result_ready", "returned"]);
    const page = await counter.json<{ timeline: { type: string; actor: string }[]; viewedBy: { action: string }[] }>(
      "GET",
      `/console/api/dossiers/${id}`,
    );
    expect(page.body.timeline.map((e) => e.type)).toEqual([
      "receive",
      "start_processing",
      "submit_for_approval",
      "approve",
      "mark_result_ready",
      "return_result",
    ]);
    expect(page.body.timeline.find((e) => e.type === "approve")!.actor).toBe("Lê Văn Chủ Tịch");
    expect(page.body.viewedBy.some((v) => v.action === "read")).toBe(true);
  });

  it("Wednesday 15:05: normal track with the statutory date and Mẫu 01 carrying it and a signed status link", async () => {
    s.clock.set(at(WEDNESDAY, "15:05"));
    const r = await receive(counter);
    expect(r.body.track).toBe("normal");
    // 03 working days from the next working day: Thu 17, Fri 18, Mon 21/07/2025.
    expect(r.body.dueDate).toBe("2025-07-21");
    expect(r.body.form).toBe("01");
    expect(r.body.statusUrl).toMatch(new RegExp(`/tra-cuu\\?code=${r.body.code.replace(/\./g, "\\.")}&t=[\\w-]{16}$`));
    const pdf = await counter.get(`/console/api/dossiers/${r.body.dossierId}/forms/01.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    if (popplerAvailable()) {
      const text = flatPdfText(Buffer.from(await pdf.arrayBuffer()));
      expect(text).toContain("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
      expect(text).toContain(`Mã hồ sơ: ${r.body.code}`);
      expect(text).toContain("Nguyễn Văn Thử");
      expect(text).toContain("Cấp Giấy xác nhận tình trạng hôn nhân");
      expect(text).toContain("15 giờ 05 phút, ngày 16/07/2025");
      expect(text).toContain("ngày 21/07/2025");
      // The 2025 layout (Circular 03/2025/TT-VPCP): no "Thời gian giải quyết" item, "6. Phí, lệ phí (nếu có)" numbered.
      expect(text).not.toContain("Thời gian giải quyết hồ sơ theo quy định");
      expect(text).toContain("3. Thời gian nhận hồ sơ: 15 giờ 05 phút");
      expect(text).toContain("6. Phí, lệ phí (nếu có)");
      expect(text).toContain("Địa chỉ: Thôn 3, xã Quảng Khê");
      expect(text).toContain("Ngày không viết: nội dung tờ khai do công chức");
      const form = flatPdfText(
        Buffer.from(
          await (await counter.get(`/console/api/dossiers/${r.body.dossierId}/forms/application.pdf`)).arrayBuffer(),
        ),
      );
      expect(form).toContain("TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN");
      expect(form).not.toContain("Ngày không viết");
    }
  });

  it("refuses to receive without the required documents and points to Mẫu 02", async () => {
    s.clock.set(at(WEDNESDAY, "10:00"));
    const r = await counter.json<{ error: { code: string; fields: { path: string }[] } }>(
      "POST",
      "/console/api/intake/receive",
      maritalIntake({ documents: [ALL_DOCUMENTS[0]] }),
    );
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("documents_incomplete");
    expect(r.body.error.fields.map((f) => f.path)).toEqual(["documents.identity_document"]);
  });

  it("incomplete at the counter: Mẫu 02 lists everything missing at once, the draft resumes and is received later", async () => {
    s.clock.set(at(WEDNESDAY, "10:05"));
    const missing = [
      { name: "Giấy tờ hợp lệ chứng minh việc ly hôn hoặc vợ/chồng đã chết", original: 1 },
      { name: "Văn bản ủy quyền", certifiedCopy: 1 },
    ];
    const inc = await counter.json<{ draftId: string; code: string }>("POST", "/console/api/intake/incomplete", {
      ...maritalIntake({ formData: maritalForm({ maritalStatus: "Đã đăng ký kết hôn nhưng đã ly hôn" }) }),
      missingDocuments: missing,
      reason: "Chưa có giấy tờ chứng minh đã ly hôn",
    });
    expect(inc.status).toBe(200);
    expect(inc.body.code).toMatch(/^NHAP-/);
    expect((await outboxOf(inc.body.draftId)).map((o) => o.kind)).toEqual(["supplement_requested"]);
    const pdf = await counter.get(`/console/api/dossiers/${inc.body.draftId}/forms/02.pdf`);
    expect(pdf.status).toBe(200);
    if (popplerAvailable()) {
      const text = flatPdfText(Buffer.from(await pdf.arrayBuffer()));
      expect(text).toContain("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
      expect(text).toContain("Giấy tờ hợp lệ chứng minh việc ly hôn");
      expect(text).toContain("Văn bản ủy quyền");
      expect(text).toContain("Chưa có giấy tờ chứng minh đã ly hôn");
    }
    const found = await counter.json<{ kind: string; draftId: string }>("POST", "/console/api/intake/lookup", {
      code: inc.body.code,
    });
    expect(found.body).toMatchObject({ kind: "draft", draftId: inc.body.draftId });
    const r = await receive(counter, {
      ...maritalIntake({ formData: maritalForm({ maritalStatus: "Đã đăng ký kết hôn nhưng đã ly hôn" }) }),
      draftId: inc.body.draftId,
    });
    expect(r.status).toBe(200);
    expect(r.body.dossierId).toBe(inc.body.draftId);
    expect(r.body.code).toMatch(/-250716-\d{4}$/);
  });

  it("not eligible: Mẫu 03 with the reasons, the dossier ends refused", async () => {
    const body = {
      ...maritalIntake({ caseFlags: ["refusal_ground"] }),
      reasons: ["Đề nghị cấp để kết hôn với người cùng giới tính"],
    };
    const blocked = await counter.json<{ error: { code: string } }>("POST", "/console/api/intake/receive", body);
    expect(blocked.body.error.code).toBe("not_eligible");
    const r = await counter.json<{ dossierId: string }>("POST", "/console/api/intake/refuse", body);
    expect(r.status).toBe(200);
    const row = await t.db
      .selectFrom("dossiers")
      .select("state")
      .where("id", "=", r.body.dossierId)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe("refused");
    expect((await outboxOf(r.body.dossierId)).map((o) => o.kind)).toEqual(["refused"]);
    if (popplerAvailable()) {
      const text = flatPdfText(
        Buffer.from(await (await counter.get(`/console/api/dossiers/${r.body.dossierId}/forms/03.pdf`)).arrayBuffer()),
      );
      expect(text).toContain("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
      expect(text).toContain("Đề nghị cấp để kết hôn với người cùng giới tính");
    }
  });

  it("a volunteer saves a draft but cannot receive; another unit cannot see the dossier; the province viewer reads only", async () => {
    s.clock.set(at(WEDNESDAY, "11:00"));
    const draft = await volunteer.json<{ draftId: string }>("POST", "/console/api/intake/drafts", maritalIntake());
    expect(draft.status).toBe(200);
    const r = await volunteer.json<{ error: { code: string } }>("POST", "/console/api/intake/receive", {
      ...maritalIntake(),
      draftId: draft.body.draftId,
    });
    expect(r.status).toBe(403);
    const received = await receive(counter, { ...maritalIntake(), draftId: draft.body.draftId });
    const id = received.body.dossierId;
    expect((await otherUnit.get(`/console/api/dossiers/${id}`)).status).toBe(404);
    expect((await otherUnit.get(`/console/api/dossiers/${id}/forms/01.pdf`)).status).toBe(404);
    expect((await fire(otherUnit, id, "start_processing")).status).toBe(404);
    const other = await otherUnit.json<{ items: { id: string }[] }>("GET", "/console/api/queues/today");
    expect(other.body.items.some((i) => i.id === id)).toBe(false);
    expect((await viewer.get(`/console/api/dossiers/${id}`)).status).toBe(200);
    expect((await fire(viewer, id, "start_processing")).status).toBe(403);
  });

  it("a failed outbox write rolls back the state change (same transaction)", async () => {
    s.clock.set(at(WEDNESDAY, "11:30"));
    const r = await receive(counter);
    const id = r.body.dossierId;
    await fire(processor, id, "start_processing");
    await fire(processor, id, "submit_for_approval");
    await fire(leader, id, "approve");
    // Any outbox insert fails while the table is renamed away, as if the process died between the two writes.
    await renameTable(t, "outbox", "outbox_off");
    const res = await fire(processor, id, "mark_result_ready");
    await renameTable(t, "outbox_off", "outbox");
    expect(res.status).toBe(500);
    const row = await t.db.selectFrom("dossiers").select("state").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.state).toBe("approved");
    const events = await t.db.selectFrom("dossier_events").select("type").where("dossier_id", "=", id).execute();
    expect(events.map((e) => e.type)).not.toContain("mark_result_ready");
    expect((await fire(processor, id, "mark_result_ready")).body.state).toBe("result_ready");
  });

  it("the delegate approves only while the leader is marked away; batch approval of same-day dossiers", async () => {
    s.clock.set(at(WEDNESDAY, "13:40"));
    const delegate = await consoleClient(s.baseUrl);
    await delegate.login("qk.vanphong");
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await receive(counter);
      await fire(processor, r.body.dossierId, "start_processing");
      await fire(processor, r.body.dossierId, "submit_for_approval");
      ids.push(r.body.dossierId);
    }
    expect((await fire(delegate, ids[0]!, "approve")).status).toBe(403);
    expect((await leader.put("/console/api/leader/away", { away: true })).status).toBe(200);
    const batch = await delegate.json<{ results: { ok: boolean }[] }>("POST", "/console/api/approvals/batch", { ids });
    expect(batch.body.results).toEqual(ids.map((id) => expect.objectContaining({ id, ok: true })));
    const approveEvent = await t.db
      .selectFrom("dossier_events")
      .selectAll()
      .where("dossier_id", "=", ids[0]!)
      .where("type", "=", "approve")
      .executeTakeFirstOrThrow();
    expect(approveEvent.actor_role).toBe("leader");
    expect(JSON.parse(approveEvent.data)).toMatchObject({ onBehalfOf: leaderId });
    await leader.put("/console/api/leader/away", { away: false });
  });

  it("alerts the leader once before the end of the day about same-day dossiers still waiting", async () => {
    s.clock.set(at(WEDNESDAY, "14:00"));
    const r = await receive(counter);
    expect(r.body.track).toBe("same-day");
    s.clock.set(at(WEDNESDAY, "15:59"));
    const early = await counter.json<{ alert: { active: boolean; alertAt: string } }>("GET", "/console/api/board");
    expect(early.body.alert.alertAt).toBe("16:00");
    expect(early.body.alert.active).toBe(false);
    s.clock.set(at(WEDNESDAY, "16:00"));
    const board = await counter.json<{
      alert: { active: boolean; waiting: { id: string }[] };
      sameDayWaiting: { id: string; flags: string[] }[];
    }>("GET", "/console/api/board");
    expect(board.body.alert.active).toBe(true);
    expect(board.body.alert.waiting.map((w) => w.id)).toContain(r.body.dossierId);
    expect(board.body.sameDayWaiting.find((w) => w.id === r.body.dossierId)!.flags).toContain("same_day_at_risk");
    await leader.json("GET", "/console/api/alerts");
    const alerts = await t.db.selectFrom("outbox").selectAll().where("kind", "=", "leader_alert").execute();
    // One row per leader or delegate of the unit (the seeded demo leaders included), written once.
    const leaders = await t.db
      .selectFrom("users")
      .select("id")
      .where("unit_id", "=", QUANG_KHE)
      .where((eb) => eb.or([eb("role", "=", "leader"), eb("delegate_for", "is not", null)]))
      .execute();
    expect(alerts.map((a) => JSON.parse(a.payload).recipientUserId).sort()).toEqual(leaders.map((l) => l.id).sort());
    expect(alerts.map((a) => JSON.parse(a.payload).dossierCodes).flat()).toContain(r.body.code);
    await counter.json("GET", "/console/api/board");
    expect((await t.db.selectFrom("outbox").select("id").where("kind", "=", "leader_alert").execute()).length).toBe(
      alerts.length,
    );
  });

  it("late: Mẫu 04 with the new date, only once", async () => {
    s.clock.set(at(WEDNESDAY, "15:30"));
    const r = await receive(counter);
    expect(r.body.dueDate).toBe("2025-07-21");
    await fire(processor, r.body.dossierId, "start_processing");
    s.clock.set(at("2025-07-18", "09:00"));
    // Sessions last a working day: sign in again on Friday.
    processor = await consoleClient(s.baseUrl);
    await processor.login("qk.xuly");
    counter = await consoleClient(s.baseUrl);
    await counter.login("qk.motcua");
    const ext = await fire(processor, r.body.dossierId, "extend_due_date", {
      reason: "Chờ kết quả xác minh tại nơi cư trú trước đây",
      newDueDate: "2025-07-23",
    });
    expect(ext.status).toBe(200);
    const again = await fire(processor, r.body.dossierId, "extend_due_date", {
      reason: "Lần hai",
      newDueDate: "2025-07-25",
    });
    expect(again.status).toBe(409);
    expect((await outboxOf(r.body.dossierId)).map((o) => o.kind)).toContain("late_apology");
    if (popplerAvailable()) {
      const text = flatPdfText(
        Buffer.from(await (await counter.get(`/console/api/dossiers/${r.body.dossierId}/forms/04.pdf`)).arrayBuffer()),
      );
      expect(text).toContain("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");
      expect(text).toContain("ngày 21/07/2025");
      expect(text).toContain("ngày 23 tháng 07 năm 2025");
      expect(text).toContain("Chờ kết quả xác minh tại nơi cư trú trước đây");
      // Issued in the name of the deciding body and signed by its head, not "THỦ TRƯỞNG CƠ QUAN" under the one-stop.
      expect(text).toContain("TM. ỦY BAN NHÂN DÂN");
      expect(text).toContain("CHỦ TỊCH");
      expect(text).not.toContain("THỦ TRƯỞNG CƠ QUAN");
      expect(text).toContain("ỦY BAN NHÂN DÂN XÃ QUẢNG KHÊ");
    }
    s.clock.set(at(WEDNESDAY, "09:00"));
  });

  it("stopped at the citizen's request: Mẫu 05 'Thông báo dừng giải quyết hồ sơ' with the reason, only after the stop", async () => {
    s.clock.set(at(WEDNESDAY, "10:00"));
    counter = await consoleClient(s.baseUrl);
    await counter.login("qk.motcua");
    const r = await receive(counter);
    expect((await counter.get(`/console/api/dossiers/${r.body.dossierId}/forms/05.pdf`)).status).toBe(404);
    const stop = await fire(counter, r.body.dossierId, "withdraw", {
      reason: "Người yêu cầu đề nghị rút hồ sơ để bổ sung giấy tờ ly hôn",
    });
    expect(stop.status).toBe(200);
    const pdf = await counter.get(`/console/api/dossiers/${r.body.dossierId}/forms/05.pdf`);
    expect(pdf.status).toBe(200);
    if (popplerAvailable()) {
      const text = flatPdfText(Buffer.from(await pdf.arrayBuffer()));
      expect(text).toContain("Mẫu số 05");
      expect(text).toContain("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
      expect(text).toContain(r.body.code);
      expect(text).toContain("Người yêu cầu đề nghị rút hồ sơ để bổ sung giấy tờ ly hôn");
      expect(text).toContain("kể từ ngày 16 tháng 07 năm 2025");
    }
  });
});

async function renameTable(t: TestDatabase, from: string, to: string): Promise<void> {
  await t.db.schema.alterTable(from).renameTo(to).execute();
}
