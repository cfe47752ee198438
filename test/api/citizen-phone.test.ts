/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * "Nhận tin nhắn kết quả qua số điện thoại": the Mini App sends getPhoneNumber()'s token with the citizen's consent;
 * the server exchanges it at the Graph stand-in (GET /v2.0/me/info with access_token, code, secret_key), keeps the
 * number as personal data (consent time and source, audited, shown masked) and erases it on request.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { startGraphStandIn, type GraphStandIn } from "../helpers/zalo-graph-stand-in.js";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let app: TestApp;
  let graph: GraphStandIn;
  const zalo = { "x-zalo-access-token": "AT-phone-user" };

  beforeAll(async () => {
    t = await open();
    graph = await startGraphStandIn("TEST_APP_SECRET");
    graph.users.set("AT-phone-user", "3368637342326469001");
    app = await startTestApp(t, {
      now: "2026-12-02T09:00:00+07:00",
      env: { ZALO_APP_SECRET: "TEST_APP_SECRET", ZALO_GRAPH_BASE: graph.baseUrl },
    });
  });
  afterAll(async () => {
    await app?.close();
    await graph?.close();
  });

  const sendToken = (phoneToken: string, headers: Record<string, string> = zalo, consent: unknown = true) =>
    app.request("/api/citizens/me/phone", { method: "POST", headers, json: { phoneToken, consent } });

  it("exchanges the token with Zalo, keeps the number with the consent and shows it masked", async () => {
    graph.phoneCodes.set("PHONE-TOKEN-1", { accessToken: "AT-phone-user", number: "84912345678" });
    const res = await sendToken("PHONE-TOKEN-1");
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toEqual({ masked: "0912 *** 678", consentAt: "2026-12-02T02:00:00.000Z", source: "zalo" });
    expect(graph.badSecretKeys).toBe(0);

    const me = (await (await app.request("/api/citizens/me", { headers: zalo })).json()) as any;
    expect(me.phone).toEqual(body);
    const row = await t.db
      .selectFrom("citizens")
      .select(["phone", "phone_consent_at", "phone_source"])
      .where("id", "=", me.citizenId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ phone: "84912345678", phone_consent_at: "2026-12-02T02:00:00.000Z", phone_source: "zalo" });
    const audit = await listAuditFor(t.db, "citizen", me.citizenId);
    expect(audit.map((a) => [a.action, a.actorKind, a.fields])).toContainEqual([
      "create",
      "citizen",
      ["phone", "phone_consent_at", "phone_source"],
    ]);
    expect(JSON.stringify(audit)).not.toContain("912345678");
  });

  it("a used or foreign token is refused in Vietnamese, and the number kept stays", async () => {
    const again = await sendToken("PHONE-TOKEN-1");
    expect(again.status).toBe(422);
    expect(((await again.json()) as any).error).toMatchObject({
      code: "phone_token_invalid",
      message: expect.stringContaining("Zalo chưa xác nhận"),
    });
    const me = (await (await app.request("/api/citizens/me", { headers: zalo })).json()) as any;
    expect(me.phone.masked).toBe("0912 *** 678");
  });

  it("needs the citizen's consent and a Zalo sign-in", async () => {
    graph.phoneCodes.set("PHONE-TOKEN-2", { accessToken: "AT-phone-user", number: "84987654321" });
    expect((await sendToken("PHONE-TOKEN-2", zalo, false)).status).toBe(400);
    const device = (await (await app.request("/api/citizens/device", { method: "POST" })).json()) as any;
    const res = await sendToken("PHONE-TOKEN-2", { authorization: `Bearer ${device.token}` });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.code).toBe("phone_needs_zalo");
    expect(graph.phoneCodes.has("PHONE-TOKEN-2")).toBe(true);
  });

  it("erases the number and the consent on request", async () => {
    const res = await app.request("/api/citizens/me/phone", { method: "DELETE", headers: zalo });
    expect(res.status).toBe(204);
    const me = (await (await app.request("/api/citizens/me", { headers: zalo })).json()) as any;
    expect(me.phone).toBeNull();
    const row = await t.db
      .selectFrom("citizens")
      .select(["phone", "phone_consent_at", "phone_source"])
      .where("id", "=", me.citizenId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ phone: null, phone_consent_at: null, phone_source: null });
    const audit = await listAuditFor(t.db, "citizen", me.citizenId);
    expect(audit.at(-1)).toMatchObject({ action: "delete", actorKind: "citizen" });
  });
});
