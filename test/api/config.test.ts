/** Configuration: defaults with no env at all, a clear message per bad value, and a non-zero exit at start. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "@jest/globals";
import { parseConfig } from "../../bot-server/src/config.js";

describe("configuration", () => {
  it("with no environment at all it serves the embedded SQLite demo on port 3000", () => {
    const r = parseConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config).toMatchObject({
      PORT: 3000,
      DATABASE_URL: "sqlite:./data/khonghen.sqlite",
      database: { kind: "sqlite", file: "./data/khonghen.sqlite" },
      PUBLIC_BASE_URL: "http://localhost:3000",
      DRAFT_TTL_DAYS: 30,
      TEST_CLOCK: false,
      ZALO_GRAPH_BASE: "https://graph.zalo.me",
      ZALO_OPENAPI_BASE: "https://openapi.zalo.me",
      ZALO_OAUTH_BASE: "https://oauth.zaloapp.com",
      ZALO_BUSINESS_BASE: "https://business.openapi.zalo.me",
    });
    expect(r.config.REDIS_URL).toBeUndefined();
    expect(r.config.ZALO_APP_SECRET).toBeUndefined();
  });

  it("reads a PostgreSQL URL and treats empty values as unset", () => {
    const r = parseConfig({
      DATABASE_URL: "postgres://app:secret@127.0.0.1:5432/khonghen",
      PORT: "8080",
      REDIS_URL: "",
    });
    expect(r.ok && r.config.database).toEqual({
      kind: "postgres",
      url: "postgres://app:secret@127.0.0.1:5432/khonghen",
    });
    expect(r.ok && r.config.PUBLIC_BASE_URL).toBe("http://localhost:8080");
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://localhost/x"],
    ["RATE_LIMIT_PER_MINUTE", "-1"],
    ["DRAFT_TTL_DAYS", "0"],
    ["TEST_CLOCK", "yes"],
    ["LOG_LEVEL", "loud"],
    ["PUBLIC_BASE_URL", "not a url"],
    ["ZALO_GRAPH_BASE", "graph.zalo.me"],
    ["ZALO_DOMAIN_VERIFICATION", "no-colon"],
    ["STATUS_TOKEN_SECRET", "short"],
  ])("names the variable when %s=%s is wrong", (key, value) => {
    const r = parseConfig({ [key]: value });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => e.startsWith(`${key}:`))).toBe(true);
  });

  it("the DATABASE_URL message never repeats the URL (it may hold a password)", () => {
    const r = parseConfig({ DATABASE_URL: "mysql://root:hunter2@db/x" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(" ")).not.toContain("hunter2");
  });

  it("npm start with a bad value prints what is wrong and exits non-zero", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "bot-server/src/main.ts"], {
      env: { ...process.env, PORT: "abc", DATABASE_URL: "sqlite::memory:" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Invalid configuration");
    expect(r.stderr).toContain("PORT:");
  });
});
