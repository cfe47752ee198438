/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * Citizen identity through HTTP: an anonymous device token outside Zalo, and the mini-app's Zalo access token
 * verified against a local stand-in of the Zalo Graph API (/v2.0/me with appsecret_proof, docs/zalo.md#mini-app-sdk-and-identity).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { appSecretProof } from "../../bot-server/src/identity/zalo-graph.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { startGraphStandIn, type GraphStandIn } from "../helpers/zalo-graph-stand-in.js";

const APP_SECRET = "TEST_APP_SECRET";

describe("appsecret_proof", () => {
  it("matches the documented test vector (docs/zalo.md#local-stand-ins)", () => {
    expect(appSecretProof("TEST_APP_SECRET", "TEST_ACCESS_TOKEN")).toBe(
      "a29e09935528b19da2caaf6914b1a3b7045d825ea86abdff8d7f0599d47dd731",
    );
  });
});

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let app: TestApp;
  let graph: GraphStandIn;

  beforeAll(async () => {
    t = await open();
    graph = await startGraphStandIn(APP_SECRET);
    graph.users.set("AT-user-1", "3368637342326461234");
    graph.users.set("AT-user-1-renewed", "3368637342326461234");
    graph.users.set("AT-user-2", "5512000000000000001");
    app = await startTestApp(t, { env: { ZALO_APP_SECRET: APP_SECRET, ZALO_GRAPH_BASE: graph.baseUrl } });
  });
  afterAll(async () => {
    await app?.close();
    await graph?.close();
  });

  const me = async (headers: Record<string, string>) => {
    const res = await app.request("/api/citizens/me", { headers });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  describe("device token", () => {
    it("is issued once, stored only as a hash, and identifies the device", async () => {
      const res = await app.request("/api/citizens/device", { method: "POST" });
      expect(res.status).toBe(201);
      const { token, citizenId, tokenType } = (await res.json()) as Record<string, string>;
      expect(tokenType).toBe("Bearer");
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const row = await t.db.selectFrom("citizens").selectAll().where("id", "=", citizenId!).executeTakeFirstOrThrow();
      expect(row.device_token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(token!);
      expect(await me({ authorization: `Bearer ${token}` })).toEqual({
        status: 200,
        body: expect.objectContaining({ citizenId, identity: "device" }),
      });
    });

    it("an unknown or malformed token, or none at all, is a 401 with a Vietnamese message", async () => {
      const unknown = await me({ authorization: `Bearer ${"x".repeat(43)}` });
      expect(unknown.status).toBe(401);
      expect(unknown.body.error.code).toBe("invalid_device_token");
      expect((await me({ authorization: "Basic abc" })).body.error.code).toBe("invalid_device_token");
      const none = await me({});
      expect(none.status).toBe(401);
      expect(none.body.error).toMatchObject({ code: "unauthenticated", message: expect.stringContaining("Zalo") });
    });
  });

  describe("Zalo access token", () => {
    it("is verified with the Graph API (correct appsecret_proof) and mapped to one citizen per Zalo user", async () => {
      const first = await me({ "x-zalo-access-token": "AT-user-1" });
      expect(first.status).toBe(200);
      expect(first.body.identity).toBe("zalo");
      const renewed = await me({ "x-zalo-access-token": "AT-user-1-renewed" });
      expect(renewed.body.citizenId).toBe(first.body.citizenId);
      const other = await me({ "x-zalo-access-token": "AT-user-2" });
      expect(other.body.citizenId).not.toBe(first.body.citizenId);
      expect(graph.badProofs).toBe(0);
      const row = await t.db
        .selectFrom("citizens")
        .select("zalo_user_id")
        .where("id", "=", first.body.citizenId)
        .executeTakeFirstOrThrow();
      expect(row.zalo_user_id).toBe("3368637342326461234");
    });

    it("caches a verified token briefly: repeated requests make no new Graph call", async () => {
      const before = graph.calls;
      for (let i = 0; i < 5; i++) expect((await me({ "x-zalo-access-token": "AT-user-1" })).status).toBe(200);
      expect(graph.calls).toBe(before);
    });

    it("a token the Graph API rejects is a 401", async () => {
      const r = await me({ "x-zalo-access-token": "AT-forged" });
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe("invalid_zalo_token");
    });

    it("when the Graph API is down, the answer is 503, not a crash", async () => {
      graph.down = true;
      try {
        const r = await me({ "x-zalo-access-token": "AT-never-seen" });
        expect(r.status).toBe(503);
        expect(r.body.error.code).toBe("identity_unavailable");
      } finally {
        graph.down = false;
      }
    });

    it("a Zalo user's pre-registrations are theirs whichever token they hold", async () => {
      const created = await app.request("/api/pre-registrations", {
        method: "POST",
        headers: { "x-zalo-access-token": "AT-user-1" },
        json: { unitCode: "24631", procedureCode: "1.004873" },
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      expect(
        (await app.request(`/api/pre-registrations/${id}`, { headers: { "x-zalo-access-token": "AT-user-1-renewed" } }))
          .status,
      ).toBe(200);
      expect(
        (await app.request(`/api/pre-registrations/${id}`, { headers: { "x-zalo-access-token": "AT-user-2" } })).status,
      ).toBe(404);
    });
  });

  describe("without Zalo configuration", () => {
    it("a Zalo token gets a clear 503 while device tokens still work", async () => {
      const bare = await startTestApp(t);
      try {
        const res = await bare.request("/api/citizens/me", { headers: { "x-zalo-access-token": "AT-user-1" } });
        expect(res.status).toBe(503);
        expect(((await res.json()) as any).error.code).toBe("zalo_not_configured");
        expect((await bare.request("/api/citizens/device", { method: "POST" })).status).toBe(201);
      } finally {
        await bare.close();
      }
    });
  });
});
