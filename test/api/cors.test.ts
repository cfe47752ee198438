/**
 * CORS headers of the citizen API as a browser reads them: the preflight of a call with the Zalo header is answered
 * for the configured origins only, with the origin echoed (never "*") and no credentials; "*" cannot be configured.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "../../bot-server/src/config.js";
import { openDatabase, type DatabaseHandle } from "../../bot-server/src/store/connect.js";
import { migrateToLatest } from "../../bot-server/src/store/migrate.js";
import { startTestApp, type TestApp } from "../helpers/app.js";

describe("CORS configuration", () => {
  it("defaults to Zalo's Mini App origin", () => {
    const r = parseConfig({});
    expect(r.ok && r.config.CORS_ORIGINS).toEqual(["https://h5.zdn.vn"]);
  });

  it("takes a list of exact origins", () => {
    const r = parseConfig({ CORS_ORIGINS: "https://h5.zdn.vn, https://dichvucong.example.vn:8443" });
    expect(r.ok && r.config.CORS_ORIGINS).toEqual(["https://h5.zdn.vn", "https://dichvucong.example.vn:8443"]);
  });

  it.each(["*", "https://*.zdn.vn", "https://h5.zdn.vn/", "h5.zdn.vn", "https://h5.zdn.vn/zapps"])(
    "refuses %s with a message naming the variable",
    (value) => {
      const r = parseConfig({ CORS_ORIGINS: value });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.join("\n")).toMatch(/CORS_ORIGINS: .*not an origin/);
    },
  );
});

describe("CORS on /api", () => {
  let dir: string;
  let db: DatabaseHandle;
  let app: TestApp;
  const ZALO = "https://h5.zdn.vn";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "khonghen-cors-"));
    db = openDatabase({ kind: "sqlite", file: join(dir, "t.sqlite") });
    await migrateToLatest(db.db);
    app = await startTestApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const preflight = (origin: string, headers = "x-zalo-access-token") =>
    app.request("/api/citizens/me", {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": headers },
    });

  it("answers the preflight of a call with the Zalo header from h5.zdn.vn", async () => {
    const res = await preflight(ZALO);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(ZALO);
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("x-zalo-access-token");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("vary")).toContain("Origin");
  });

  it("puts the origin on the answer itself, error answers included", async () => {
    const ok = await app.request("/api/openapi.json", { headers: { origin: ZALO } });
    expect(ok.headers.get("access-control-allow-origin")).toBe(ZALO);
    const unauthenticated = await app.request("/api/citizens/me", { headers: { origin: ZALO } });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get("access-control-allow-origin")).toBe(ZALO);
    expect(unauthenticated.headers.get("access-control-expose-headers")).toContain("Retry-After");
  });

  it("gives another origin no CORS header, on the preflight or the call", async () => {
    const res = await preflight("https://evil.example");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const call = await app.request("/api/openapi.json", { headers: { origin: "https://evil.example" } });
    expect(call.status).toBe(200);
    expect(call.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("leaves the console alone (it is same-origin only)", async () => {
    const res = await app.request("/console/api/me", { headers: { origin: ZALO } });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});
