/**
 * Pre-registrations across units: only officers serving the addressed unit read the form; at another unit's counter
 * the citizen is told which unit (its name only); a counter officer re-addresses it to their unit only when stating
 * the citizen is present, and the change is audited; lookups are limited per session.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { findPreRegistrationByCode } from "../../bot-server/src/store/pre-registrations.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { preRegister } from "../e2e/helpers/console-session.js";
import {
  at,
  NAM_DA,
  QUANG_KHE,
  signedInOfficers,
  startConsoleServer,
  WEDNESDAY,
  type ConsoleServer,
} from "./helpers/console-server.js";
import { maritalForm, maritalIntake } from "./helpers/intake-fixtures.js";

type Client = Awaited<ReturnType<typeof signedInOfficers>>[number]["client"];

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  let namDaCounter: Client, qkCounter: Client, qkVolunteer: Client, qkLeader: Client, viewer: Client;
  let qkCounterId: string;
  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t);
    s.clock.set(at(WEDNESDAY, "09:30"));
    const officers = await signedInOfficers(s, [
      ["namda.motcua", "counter_officer", NAM_DA],
      ["qk.motcua", "counter_officer", QUANG_KHE],
      ["qk.tinhnguyen", "volunteer", QUANG_KHE],
      ["qk.chutich", "leader", QUANG_KHE],
      ["tinh.xem", "province_viewer", null],
    ]);
    [namDaCounter, qkCounter, qkVolunteer, qkLeader, viewer] = officers.map((o) => o.client) as [
      Client,
      Client,
      Client,
      Client,
      Client,
    ];
    qkCounterId = officers[1]!.id;
  });
  afterAll(() => s.close());

  const lookup = (c: Client, code: string) =>
    c.json<{ kind?: string; formData?: Record<string, unknown>; error?: { code: string; message: string } }>(
      "POST",
      "/console/api/intake/lookup",
      { code },
    );

  it("another unit's officers, the province viewer and volunteers get the addressed unit's name, never the citizen's data", async () => {
    const code = await preRegister(s.baseUrl, "24697", "1.004873", maritalForm());
    for (const c of [qkCounter, qkVolunteer, qkLeader, viewer]) {
      const r = await lookup(c, `KH1:${code}`);
      expect(r.status).toBe(403);
      expect(r.body.error).toMatchObject({
        code: "pre_registration_other_unit",
        message: expect.stringContaining("gửi đến Ủy ban nhân dân xã Nam Đà"),
      });
      const text = JSON.stringify(r.body);
      for (const personal of ["Nguyễn Văn Thử", "067085000001", "1985-06-15", "Thôn 3"])
        expect(text).not.toContain(personal);
    }
    // Finalising it at the wrong counter is refused too.
    const receive = await qkCounter.json<{ error: { code: string } }>(
      "POST",
      "/console/api/intake/receive",
      maritalIntake({ preRegistrationCode: code }),
    );
    expect(receive.status).toBe(403);
    expect(receive.body.error.code).toBe("pre_registration_other_unit");
    // The addressed unit reads it.
    const own = await lookup(namDaCounter, code);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ kind: "pre_registration", formData: { requesterName: "Nguyễn Văn Thử" } });
  });

  it("a counter officer re-addresses it to their unit only with the citizen present, audited, then receives it", async () => {
    const code = await preRegister(s.baseUrl, "24697", "1.004873", maritalForm());
    expect((await qkCounter.json("POST", "/console/api/intake/readdress", { code })).status).toBe(400);
    expect(
      (await qkCounter.json("POST", "/console/api/intake/readdress", { code, citizenPresent: false })).status,
    ).toBe(400);
    expect(
      (await qkVolunteer.json("POST", "/console/api/intake/readdress", { code, citizenPresent: true })).status,
    ).toBe(403);
    expect((await viewer.json("POST", "/console/api/intake/readdress", { code, citizenPresent: true })).status).toBe(
      403,
    );
    const moved = await qkCounter.json<{ unitName: string }>("POST", "/console/api/intake/readdress", {
      code: `KH1:${code}`,
      citizenPresent: true,
    });
    expect(moved).toEqual({ status: 200, body: { code, unitName: "Ủy ban nhân dân xã Quảng Khê" } });

    const pre = (await findPreRegistrationByCode(t.db, code))!;
    expect(pre.unitId).toBe(QUANG_KHE);
    const audit = await listAuditFor(t.db, "pre_registration", pre.id);
    expect(audit.find((a) => a.actorKind === "officer" && a.action === "update")).toMatchObject({
      actorId: qkCounterId,
      fields: ["unit_id"],
      reason: expect.stringMatching(/từ Ủy ban nhân dân xã Nam Đà về Ủy ban nhân dân xã Quảng Khê, công dân có mặt/),
    });
    expect((await lookup(qkCounter, code)).body).toMatchObject({
      kind: "pre_registration",
      formData: { requesterName: "Nguyễn Văn Thử" },
    });
    expect((await lookup(namDaCounter, code)).status).toBe(403);
    const received = await qkCounter.json(
      "POST",
      "/console/api/intake/receive",
      maritalIntake({ preRegistrationCode: code }),
    );
    expect(received.status).toBe(200);
  });

  it("lookups are limited to 30 a minute per session, with a Vietnamese answer; another session is not held back", async () => {
    const walker = (await signedInOfficers(s, [["qk.xuly", "processing_officer", QUANG_KHE]]))[0]!.client;
    const codes = Array.from({ length: 30 }, (_, i) => `K7M-4X9-R${"ABCDEFGHJKMNPQRSTVWXYZ23456789"[i]}`);
    for (const code of codes) expect((await lookup(walker, code)).status).not.toBe(429);
    const over = await lookup(walker, "K7M-4X9-RN");
    expect(over.status).toBe(429);
    expect(over.body.error).toMatchObject({
      code: "too_many_lookups",
      message: expect.stringContaining("Vui lòng chờ một phút"),
    });
    expect((await lookup(namDaCounter, "K7M-4X9-RN")).status).toBe(404);
  });
});
