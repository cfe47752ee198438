/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * Zalo from the console: a counter officer records the phone number a citizen gives at the counter (with consent,
 * audited, erasable), and an officer links their own Zalo account on the OA by sending the code the console shows
 * (the OA stand-in's webhook carries their OA user id), which then receives the leader alerts.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from "@jest/globals";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { insertDossier } from "../helpers/dossier-rows.js";
import { zaloEvent } from "../helpers/zalo-openapi-stand-in.js";
import { startBot, type Bot } from "../zalo/bot.js";
import { createOfficer, signedInClient, NAM_DA, QUANG_KHE } from "./helpers/console-server.js";

const LEADER_OA_ID = "2468458835296100777";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let bot: Bot;
  let counter: Awaited<ReturnType<typeof signedInClient>>;
  let other: Awaited<ReturnType<typeof signedInClient>>;
  let leader: Awaited<ReturnType<typeof signedInClient>>;
  let counterId: string;
  let leaderId: string;

  beforeAll(async () => {
    t = await open();
    bot = await startBot(t, { env: { NODE_ENV: "test" } });
    counterId = await createOfficer(bot.app.deps, "zl.motcua", "counter_officer", QUANG_KHE);
    leaderId = await createOfficer(bot.app.deps, "zl.chutich", "leader", QUANG_KHE, { displayName: "Trần Văn Lãnh" });
    await createOfficer(bot.app.deps, "zl.namda", "counter_officer", NAM_DA);
    counter = await signedInClient(bot.app.url, "zl.motcua");
    leader = await signedInClient(bot.app.url, "zl.chutich");
    other = await signedInClient(bot.app.url, "zl.namda");
  });
  afterAll(async () => {
    await bot?.close();
  });
  beforeEach(() => bot.zalo.reset());

  it("records a phone given at the counter on a dossier without a Zalo applicant, with consent, and erases it", async () => {
    const dossierId = await insertDossier(t.db, { code: "000.00.24.H41-251015-0901" });
    const path = `/console/api/zalo/dossiers/${dossierId}/phone`;
    const noConsent = await counter.put(path, { phone: "0912 345 678", consent: false });
    expect(noConsent.status).toBe(400);
    expect(JSON.stringify(await noConsent.json())).toContain("Cần người dân đồng ý");
    const badPhone = await counter.put(path, { phone: "12345", consent: true });
    expect(badPhone.status).toBe(400);

    const res = await counter.put(path, { phone: "0912 345 678", consent: true });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).phone).toMatchObject({ masked: "0912 *** 678", source: "counter" });
    const dossier = await t.db
      .selectFrom("dossiers")
      .select("citizen_id")
      .where("id", "=", dossierId)
      .executeTakeFirstOrThrow();
    const citizen = await t.db
      .selectFrom("citizens")
      .selectAll()
      .where("id", "=", dossier.citizen_id!)
      .executeTakeFirstOrThrow();
    expect([citizen.phone, citizen.phone_source, citizen.phone_consent_at !== null]).toEqual([
      "84912345678",
      "counter",
      true,
    ]);
    const audit = await listAuditFor(t.db, "citizen", citizen.id);
    expect(audit[0]).toMatchObject({ actorKind: "officer", actorId: counterId, action: "create" });

    // Another unit's officer cannot see or change it.
    expect((await other.put(path, { phone: "0987 654 321", consent: true })).status).toBe(404);

    const erased = await (counter as unknown as { request(m: string, p: string): Promise<Response> }).request(
      "DELETE",
      path,
    );
    expect(erased.status).toBe(204);
    const after = await t.db
      .selectFrom("citizens")
      .select(["phone", "phone_consent_at"])
      .where("id", "=", citizen.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ phone: null, phone_consent_at: null });
  });

  it("links an officer's Zalo account on the OA by the code the console shows", async () => {
    expect(((await leader.json("GET", "/console/api/zalo/oa-link")).body as any).linked).toBe(false);
    const issued = (await leader.json("POST", "/console/api/zalo/oa-link/code")).body as any;
    expect(issued.message).toMatch(/^NV \d{4} \d{4}$/);

    // A wrong code is answered, and links nothing.
    await bot.post(zaloEvent.text({ userId: LEADER_OA_ID, text: "NV 0000 0000", timestamp: String(bot.nowMs()) }));
    await bot.settle();
    expect(bot.zalo.csMessages.at(-1)?.text).toContain("Mã liên kết không đúng");

    // Typed on a phone: lower case, no space.
    await bot.post(
      zaloEvent.text({ userId: LEADER_OA_ID, text: `nv${issued.code}`, timestamp: String(bot.nowMs() + 1) }),
    );
    await bot.settle();
    expect(bot.zalo.csMessages.at(-1)).toMatchObject({
      recipient: LEADER_OA_ID,
      text: expect.stringContaining("Trần Văn Lãnh"),
    });
    const user = await t.db
      .selectFrom("users")
      .select(["zalo_user_id", "zalo_link_code_hash"])
      .where("id", "=", leaderId)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ zalo_user_id: LEADER_OA_ID, zalo_link_code_hash: null });
    expect(((await leader.json("GET", "/console/api/zalo/oa-link")).body as any).linked).toBe(true);

    // The code works once.
    await bot.post(
      zaloEvent.text({ userId: "2468458835296100888", text: issued.message, timestamp: String(bot.nowMs() + 2) }),
    );
    await bot.settle();
    const still = await t.db
      .selectFrom("users")
      .select("zalo_user_id")
      .where("id", "=", leaderId)
      .executeTakeFirstOrThrow();
    expect(still.zalo_user_id).toBe(LEADER_OA_ID);
  });

  it("an expired code links nothing", async () => {
    const issued = (await counter.json("POST", "/console/api/zalo/oa-link/code")).body as any;
    bot.app.clock.set(new Date(bot.nowMs() + 16 * 60_000));
    await bot.post(
      zaloEvent.text({ userId: "2468458835296100999", text: issued.message, timestamp: String(bot.nowMs()) }),
    );
    await bot.settle();
    const user = await t.db
      .selectFrom("users")
      .select("zalo_user_id")
      .where("id", "=", counterId)
      .executeTakeFirstOrThrow();
    expect(user.zalo_user_id).toBeNull();
  });
});
