/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * The server's platform surface through HTTP on SQLite and PostgreSQL: /healthz (200), /readyz (503 once the
 * database is closed), the generated OpenAPI document, public dossier status and the /tra-cuu page with slip tokens,
 * the mini-app at /m/, mount points, the test clock, rate limits, security headers and request ids.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { signStatusToken, statusLookupUrl } from "../../bot-server/src/status-token.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { insertDossier } from "../helpers/dossier-rows.js";

/** The public API the issue asks for; the document must describe each one. */
const EXPECTED_OPERATIONS = [
  "get /api/units",
  "get /api/units/{unitCode}",
  "get /api/units/{unitCode}/scheme",
  "get /api/procedures",
  "get /api/procedures/{code}",
  "get /api/consent",
  "post /api/citizens/device",
  "get /api/citizens/me",
  "post /api/citizens/me/notifications",
  "post /api/pre-registrations",
  "get /api/pre-registrations",
  "get /api/pre-registrations/{id}",
  "patch /api/pre-registrations/{id}",
  "post /api/pre-registrations/{id}/submit",
  "delete /api/pre-registrations/{id}",
  "get /api/pre-registrations/{id}/qr.svg",
  "get /api/dossiers/{code}/status",
  "post /api/feedback",
  "get /api/feedback",
];

const DOSSIER_CODE = "000.00.06.H98-251015-0007";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let app: TestApp;

  beforeAll(async () => {
    t = await open();
    app = await startTestApp(t, { now: "2025-10-15T10:00:00+07:00" });
    await insertDossier(t.db, {
      code: DOSSIER_CODE,
      state: "result_ready",
      track: "same-day",
      resultReadyAt: "2025-10-15T08:30:00.000Z",
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  describe("health", () => {
    it("/healthz answers ok while the process lives", async () => {
      const res = await app.request("/healthz");
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: "ok" });
    });

    it("/readyz answers 503 once the database is gone, and the API stays in the one error format", async () => {
      const t2 = await open();
      const app2 = await startTestApp(t2);
      try {
        await t2.close();
        const res = await app2.request("/readyz");
        expect(res.status).toBe(503);
        expect(await res.json()).toMatchObject({ status: "unavailable", checks: { database: "down" } });
        const api = await app2.request("/api/citizens/device", { method: "POST" });
        const body = (await api.json()) as any;
        expect(api.status).toBe(503);
        expect(body.error.code).toBe("service_unavailable");
        expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|stack/i);
      } finally {
        await app2.close();
      }
    });
  });

  describe("OpenAPI", () => {
    it("is generated from the route table and lists every route with its schemas and error format", async () => {
      const doc = (await (await app.request("/api/openapi.json")).json()) as any;
      expect(doc.openapi).toBe("3.1.0");
      const ops = Object.entries(doc.paths).flatMap(([p, methods]) =>
        Object.keys(methods as object).map((m) => `${m} ${p}`),
      );
      // Other modules add routes to the same table; the ones this issue asks for must all be there.
      expect(ops).toEqual(expect.arrayContaining(EXPECTED_OPERATIONS));
      for (const op of ops) expect(doc.paths[op.split(" ")[1]!][op.split(" ")[0]!].responses).toBeDefined();
      const create = doc.paths["/api/pre-registrations"].post;
      expect(create.requestBody.content["application/json"].schema.required).toEqual(["unitCode", "procedureCode"]);
      expect(create.responses["201"].content["application/json"].schema.properties.code).toBeDefined();
      expect(create.responses["422"].content["application/json"].schema.$ref).toBe("#/components/schemas/ApiError");
      expect(create.security).toEqual([{ zaloAccessToken: [] }, { deviceToken: [] }]);
      const scheme = doc.paths["/api/units/{unitCode}/scheme"].get;
      expect(scheme.parameters.map((p: any) => `${p.in}:${p.name}`)).toEqual(["path:unitCode", "query:at"]);
    });

    it("every documented operation is served (none falls through to the unknown-route 404)", async () => {
      for (const op of EXPECTED_OPERATIONS) {
        const [method, path] = op.split(" ") as [string, string];
        const concrete = path
          .replace("{unitCode}", "24631")
          .replace("{code}", method === "get" && path.includes("procedures") ? "1.004873" : DOSSIER_CODE)
          .replace("{id}", "00000000-0000-4000-8000-000000000000");
        const res = await app.request(concrete, {
          method: method.toUpperCase(),
          ...(method === "post" || method === "patch" ? { json: {} } : {}),
        });
        const body = res.headers.get("content-type")?.includes("json") ? ((await res.json()) as any) : undefined;
        expect([op, body?.error?.code]).not.toEqual([op, "not_found"]);
        expect(res.status).toBeLessThan(500);
      }
    });
  });

  describe("public dossier status", () => {
    it("by the code alone (codes are sequential) shows only the state and the dates", async () => {
      const res = await app.request(`/api/dossiers/${DOSSIER_CODE}/status`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        code: DOSSIER_CODE,
        state: "result_ready",
        stateLabel: "Đã có kết quả",
        receivedOn: expect.any(String),
        dueDate: "2025-10-15",
        dueDateText: "15/10/2025",
        resultReady: true,
        returned: false,
      });
    });

    it("with the slip's token shows procedure, unit, state, track and due date, and no personal data", async () => {
      const res = await app.request(
        `/api/dossiers/${DOSSIER_CODE}/status?t=${signStatusToken(app.deps.statusTokenSecret, DOSSIER_CODE)}`,
      );
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({
        code: DOSSIER_CODE,
        procedure: { code: "1.004873", name: "Cấp Giấy xác nhận tình trạng hôn nhân" },
        receivingUnit: "xã Quảng Khê",
        state: "result_ready",
        stateLabel: "Đã có kết quả",
        track: "same-day",
        dueDate: "2025-10-15",
        dueDateText: "15/10/2025",
        resultReady: true,
        returned: false,
      });
      expect(text).not.toContain("Thử");
      expect(text).not.toContain("067085000001");
    });

    it("a wrong code and a missing code look the same", async () => {
      const wrong = await app.request("/api/dossiers/000.00.06.H98-251015-0008/status");
      const garbage = await app.request("/api/dossiers/xyz/status");
      expect(wrong.status).toBe(404);
      expect(garbage.status).toBe(404);
      expect(await wrong.text()).toBe(await garbage.text());
    });

    it("says whether a slip's token is authentic", async () => {
      const secret = app.deps.statusTokenSecret;
      const good = (await (
        await app.request(`/api/dossiers/${DOSSIER_CODE}/status?t=${signStatusToken(secret, DOSSIER_CODE)}`)
      ).json()) as any;
      expect(good.slip).toEqual({ authentic: true, message: "Phiếu hợp lệ, do UBND xã Quảng Khê cấp." });
      const forged = (await (
        await app.request(
          `/api/dossiers/${DOSSIER_CODE}/status?t=${signStatusToken("another-secret-123", DOSSIER_CODE)}`,
        )
      ).json()) as any;
      expect(forged.slip).toEqual({ authentic: false, message: "Không xác thực được phiếu này." });
      // A forged token shows no more than the code alone.
      expect(forged).not.toHaveProperty("procedure");
      expect(forged).not.toHaveProperty("track");
    });

    it("the status token secret is generated once and kept in the database", async () => {
      const row = await t.db
        .selectFrom("catalog_documents")
        .select("body")
        .where("kind", "=", "setting")
        .where("id", "=", "status_token_secret")
        .executeTakeFirstOrThrow();
      expect(JSON.parse(row.body)).toBe(app.deps.statusTokenSecret);
      const again = await startTestApp(t);
      expect(again.deps.statusTokenSecret).toBe(app.deps.statusTokenSecret);
      await again.close();
    });
  });

  describe("/tra-cuu", () => {
    it("is a Vietnamese form on a mobile page", async () => {
      const res = await app.request("/tra-cuu");
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<html lang="vi">');
      expect(html).toContain('name="viewport"');
      expect(html).toContain("Nhập mã hồ sơ");
    });

    it("opened from a slip's QR shows the status and that the slip is authentic", async () => {
      const url = new URL(statusLookupUrl(app.url, app.deps.statusTokenSecret, DOSSIER_CODE));
      const html = await (await app.request(`${url.pathname}${url.search}`)).text();
      expect(html).toContain("Phiếu hợp lệ, do UBND xã Quảng Khê cấp.");
      expect(html).toContain("Đã có kết quả");
      expect(html).toContain("15/10/2025");
      expect(html).toContain("Ngày không hẹn");
      expect(html).not.toContain("Nguyễn Văn Thử");
    });

    it("by the code alone shows the state and the dates, not the procedure", async () => {
      const html = await (await app.request(`/tra-cuu?code=${DOSSIER_CODE}`)).text();
      expect(html).toContain("Đã có kết quả");
      expect(html).toContain("15/10/2025");
      expect(html).not.toContain("Cấp Giấy xác nhận tình trạng hôn nhân");
      expect(html).not.toContain("Ngày không hẹn");
      expect(html).toContain("Quét mã QR trên phiếu hẹn để xem thêm");
    });

    it("a tampered token or an unknown code says so", async () => {
      const tampered = await (
        await app.request(`/tra-cuu?code=${encodeURIComponent(DOSSIER_CODE)}&t=AAAAAAAAAAAAAAAA`)
      ).text();
      expect(tampered).toContain("Không xác thực được phiếu này");
      const res = await app.request(`/tra-cuu?code=${encodeURIComponent("<script>alert(1)</script>")}`);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain("Không tìm thấy hồ sơ");
      expect(html).not.toContain("<script>alert(1)</script>");
    });
  });

  describe("surfaces and mount points", () => {
    it("serves the mini-app build at /m/ with the app shell for deep links", async () => {
      const www = mkdtempSync(join(tmpdir(), "khonghen-www-"));
      mkdirSync(join(www, "assets"));
      writeFileSync(join(www, "index.html"), "<!doctype html><title>mini</title><div id=app></div>");
      writeFileSync(join(www, "assets", "app.js"), "console.log(1)");
      // What Vite's manifest says about the chunks loaded after the first screen (mini-app/src/first-screen.tsx).
      mkdirSync(join(www, ".vite"));
      writeFileSync(
        join(www, ".vite", "manifest.json"),
        JSON.stringify({
          "index.html": { file: "assets/index.js", isEntry: true, imports: ["_runtime.js"] },
          _runtime: { file: "assets/runtime.js" },
          "src/app.tsx": { file: "assets/app.js", imports: ["index.html", "_screen.js"], css: ["assets/app.css"] },
          "_screen.js": { file: "assets/screen.js", imports: ["index.html"] },
          "src/api/connect.ts": { file: "assets/connect.js", imports: ["index.html"] },
        }),
      );
      const withApp = await startTestApp(t, { miniAppDir: www });
      try {
        const home = await (await withApp.request("/m/")).text();
        expect(home).toContain("<div id=app>");
        expect(home).not.toContain("modulepreload");
        const deepLink = await (await withApp.request("/m/thu-tuc/1.004873")).text();
        expect(deepLink).toContain("<div id=app>");
        // A deep link downloads the app's chunks alongside the entry, not after it.
        for (const file of ["app.js", "screen.js", "connect.js"]) {
          expect(deepLink).toContain(`<link rel="modulepreload" crossorigin href="./assets/${file}">`);
        }
        expect(deepLink).toContain(`<link rel="preload" as="style" crossorigin href="./assets/app.css">`);
        expect(deepLink).not.toContain("assets/index.js");
        expect(await (await withApp.request("/m/?unit=24631")).text()).toContain("modulepreload");
        expect(await (await withApp.request("/m/assets/app.js")).text()).toBe("console.log(1)");
        expect((await withApp.request("/m/assets/missing.js")).status).toBe(404);
        expect((await withApp.request("/m/.vite/manifest.json")).status).toBe(404);
      } finally {
        await withApp.close();
        rmSync(www, { recursive: true, force: true });
      }
    });

    it("says the mini-app is not built when there is no build", async () => {
      const none = await startTestApp(t, { miniAppDir: join(tmpdir(), "khonghen-no-such-dir") });
      try {
        const res = await none.request("/m/");
        expect(res.status).toBe(404);
        expect(await res.text()).toContain("npm run build:mini");
      } finally {
        await none.close();
      }
    });

    it("has a console page and a webhook mount point that answers 503 until the chatbot is configured", async () => {
      expect((await app.request("/console")).status).toBeLessThan(500);
      const hook = await app.request("/webhook/zalo", { method: "POST", json: {} });
      expect(hook.status).toBe(503);
      expect(((await hook.json()) as any).error.message).toEqual(expect.any(String));
    });

    it("serves Zalo's domain verification file when configured", async () => {
      const v = await startTestApp(t, {
        env: {
          ZALO_DOMAIN_VERIFICATION:
            'zalo_verifierABC123.html:<meta property="zalo-platform-site-verification" content="ABC123" />',
        },
      });
      try {
        const res = await v.request("/zalo_verifierABC123.html");
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('content="ABC123"');
      } finally {
        await v.close();
      }
    });
  });

  describe("test clock, rate limit, headers", () => {
    it("TEST_CLOCK=1 lets a browser test pin the server's time; it is absent otherwise", async () => {
      expect(
        (await app.request("/__test/clock", { method: "POST", json: { now: "2025-10-15T14:59:00+07:00" } })).status,
      ).toBe(404);
      const clocked = await startTestApp(t, { env: { TEST_CLOCK: "1" } });
      try {
        const set = await clocked.request("/__test/clock", {
          method: "POST",
          json: { now: "2025-10-15T14:59:00+07:00" },
        });
        expect(set.status).toBe(200);
        const scheme = (await (await clocked.request("/api/units/24631/scheme")).json()) as any;
        expect(scheme).toMatchObject({ date: "2025-10-15", time: "14:59", intakeOpen: true, minutesToCutoff: 1 });
        const bad = await clocked.request("/__test/clock", { method: "POST", json: { now: "15/10/2025" } });
        expect(bad.status).toBe(400);
        expect(((await (await clocked.request("/__test/clock", { method: "DELETE" })).json()) as any).pinned).toBe(
          false,
        );
      } finally {
        await clocked.close();
      }
    });

    it("limits public requests per IP with a Vietnamese 429", async () => {
      const limited = await startTestApp(t, { env: { RATE_LIMIT_PER_MINUTE: "3" } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) statuses.push((await limited.request("/api/consent")).status);
        expect(statuses).toEqual([200, 200, 200, 429]);
        const body = (await (await limited.request("/api/consent")).json()) as any;
        expect(body.error).toMatchObject({ code: "rate_limited", message: expect.stringContaining("thử lại") });
        expect((await limited.request("/healthz")).status).toBe(200);
      } finally {
        await limited.close();
      }
    });

    it("sends security headers and echoes a safe request id", async () => {
      const res = await app.request("/api/consent", { headers: { "x-request-id": "trace-123" } });
      expect(res.headers.get("x-request-id")).toBe("trace-123");
      // JSON for programs: nothing may load from it or frame it.
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("strict-transport-security")).toContain("max-age=");
      expect(res.headers.get("x-powered-by")).toBeNull();
      // Pages keep the policy that lets the served apps run their own scripts and styles only.
      const page = await app.request("/tra-cuu");
      expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(page.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      const generated = await app.request("/api/consent", { headers: { "x-request-id": "bad id with spaces" } });
      expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    });

    it("publishes the consent notice with its version", async () => {
      const body = (await (await app.request("/api/consent")).json()) as any;
      expect(body.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(body.text.join(" ")).toContain("Luật Bảo vệ dữ liệu cá nhân");
    });
  });
});
