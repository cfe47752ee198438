/**
 * The read API of the province's TTHC system on SQLite and PostgreSQL: a province token reads every unit's
 * dossiers and events page by page without losing or repeating one, a unit token reads its own unit only, a wrong
 * token gets a clear 401, the tracking book comes as CSV, and the OpenAPI document describes the routes.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { appendDossierEvent } from "../../bot-server/src/store/dossiers.js";
import { insertIntegrationToken } from "../../bot-server/src/store/integration.js";
import { hashIntegrationToken } from "../../bot-server/src/use-cases/integration-read.js";
import { NAM_DA, QUANG_KHE } from "../console/helpers/console-server.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { insertDossier } from "../helpers/dossier-rows.js";

const PROVINCE_TOKEN = "tinh-lam-dong-0123456789abcdef";
const UNIT_TOKEN = "xa-quang-khe-0123456789abcdef";

forEachDatabase((name, open) => {
  describe(`integration read API (${name})`, () => {
    let t: TestDatabase;
    let app: TestApp;
    const get = (path: string, token?: string) =>
      app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});

    beforeAll(async () => {
      t = await open();
      app = await startTestApp(t, { now: "2025-10-20T09:00:00+07:00" });
      await insertIntegrationToken(app.deps.db, {
        tokenHash: hashIntegrationToken(PROVINCE_TOKEN),
        name: "Hệ thống TTHC tỉnh",
        unitId: null,
        now: "2025-10-01T00:00:00.000Z",
      });
      await insertIntegrationToken(app.deps.db, {
        tokenHash: hashIntegrationToken(UNIT_TOKEN),
        name: "Xã Quảng Khê",
        unitId: QUANG_KHE,
        now: "2025-10-01T00:00:00.000Z",
      });
      for (const [i, unit] of [QUANG_KHE, QUANG_KHE, NAM_DA].entries()) {
        const at = `2025-10-1${5 + i}T02:00:00.000Z`;
        const id = await insertDossier(app.deps.db, {
          code: `000.00.06.H98-2510${15 + i}-000${i + 1}`,
          receivingUnitId: unit,
          receivedAt: at,
        });
        await appendDossierEvent(app.deps.db, {
          dossierId: id,
          type: "receive",
          fromState: null,
          toState: "received",
          actorId: null,
          actorRole: null,
          at,
          data: {},
        });
      }
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      await t?.close();
    });

    it("pages through every dossier once with a province token", async () => {
      const codes: string[] = [];
      let after: string | null = "";
      for (let i = 0; i < 5 && after !== null; i += 1) {
        const res = await get(`/api/integration/dossiers?limit=2${after ? `&after=${after}` : ""}`, PROVINCE_TOKEN);
        expect(res.status).toBe(200);
        const page = (await res.json()) as { items: { code: string }[]; next: string | null };
        codes.push(...page.items.map((d) => d.code));
        after = page.next;
      }
      expect(codes).toEqual(["000.00.06.H98-251015-0001", "000.00.06.H98-251016-0002", "000.00.06.H98-251017-0003"]);
    });

    it("gives a unit token its own unit's events only, and refuses another unit", async () => {
      const res = await get("/api/integration/events", UNIT_TOKEN);
      const page = (await res.json()) as { items: { dossierCode: string; type: string }[]; next: string | null };
      expect(page.items.map((e) => [e.dossierCode, e.type])).toEqual([
        ["000.00.06.H98-251015-0001", "receive"],
        ["000.00.06.H98-251016-0002", "receive"],
      ]);
      expect(page.next).toBeNull();
      const other = await get(`/api/integration/events?unitId=${encodeURIComponent(NAM_DA)}`, UNIT_TOKEN);
      expect(other.status).toBe(403);
      expect(((await other.json()) as { error: { message: string } }).error.message).toBe(
        "Mã truy cập này chỉ được đọc dữ liệu của đơn vị đã cấp.",
      );
    });

    it("answers a missing or wrong token with 401 in Vietnamese and English, and a bad page key with 400", async () => {
      for (const token of [undefined, "sai-ma-truy-cap-0123456789"]) {
        const res = await get("/api/integration/dossiers", token);
        expect(res.status).toBe(401);
        const body = (await res.json()) as { error: { message: string; detail: string } };
        expect(body.error.message).toBe("Mã truy cập của hệ thống kết nối không hợp lệ hoặc đã bị thu hồi.");
        expect(body.error.detail).toContain("Bearer");
      }
      expect((await get("/api/integration/dossiers?after=khong-hop-le", PROVINCE_TOKEN)).status).toBe(400);
    });

    it("serves the tracking book as CSV", async () => {
      const res = await get(
        `/api/integration/tracking-book.csv?unitId=${encodeURIComponent(QUANG_KHE)}&from=2025-10-01&to=2025-10-31`,
        UNIT_TOKEN,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/csv");
      const lines = (await res.text())
        .replace(/^\ufeff/, "")
        .trim()
        .split("\r\n");
      expect(lines[0]).toMatch(/^STT,Mã hồ sơ,Tên TTHC,/);
      expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual([
        "000.00.06.H98-251015-0001",
        "000.00.06.H98-251016-0002",
      ]);
    });

    it("documents the routes with their token in the OpenAPI document", async () => {
      const doc = (await (await get("/api/openapi.json")).json()) as {
        paths: Record<string, { get: { security?: unknown; parameters: { name: string }[] } }>;
        components: { securitySchemes: Record<string, unknown> };
      };
      for (const p of [
        "/api/integration/dossiers",
        "/api/integration/events",
        "/api/integration/tracking-book",
        "/api/integration/tracking-book.csv",
      ]) {
        expect(doc.paths[p]?.get.security).toEqual([{ integrationToken: [] }]);
      }
      expect(doc.paths["/api/integration/dossiers"]!.get.parameters.map((x) => x.name)).toEqual([
        "unitId",
        "since",
        "after",
        "limit",
      ]);
      expect(doc.components.securitySchemes.integrationToken).toMatchObject({ type: "http", scheme: "bearer" });
    });
  });
});
