import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { sql } from "kysely";
import { dialectOf, openDatabase, parseDatabaseUrl } from "../../bot-server/src/store/connect.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { aUnit } from "./rows.js";

describe("parseDatabaseUrl", () => {
  it.each([
    [undefined, { kind: "sqlite", file: "./data/khonghen.sqlite" }],
    ["", { kind: "sqlite", file: "./data/khonghen.sqlite" }],
    ["sqlite:./data/khonghen.sqlite", { kind: "sqlite", file: "./data/khonghen.sqlite" }],
    ["sqlite:/var/lib/khonghen/db.sqlite", { kind: "sqlite", file: "/var/lib/khonghen/db.sqlite" }],
    ["sqlite:///var/lib/khonghen/db.sqlite", { kind: "sqlite", file: "/var/lib/khonghen/db.sqlite" }],
    ["sqlite::memory:", { kind: "sqlite", file: ":memory:" }],
    [
      "postgres://khonghen:pw@127.0.0.1:5432/khonghen",
      { kind: "postgres", url: "postgres://khonghen:pw@127.0.0.1:5432/khonghen" },
    ],
    [
      "postgresql://db.internal/khonghen?sslmode=require",
      { kind: "postgres", url: "postgresql://db.internal/khonghen?sslmode=require" },
    ],
  ])("%s is read as %o", (url, config) => {
    expect(parseDatabaseUrl(url)).toEqual({ ok: true, config });
  });

  it.each(["mysql://root@localhost/khonghen", "./data/khonghen.sqlite", "sqlite:", "postgres://a b@/"])(
    "%s is refused with a Vietnamese and an English message",
    (url) => {
      const result = parseDatabaseUrl(url);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe("invalid_database_url");
      expect(result.error.message).toMatch(/^DATABASE_URL không hợp lệ: .+sqlite:<đường dẫn tệp>/);
      expect(result.error.messageEn).toMatch(/^Invalid DATABASE_URL: .+sqlite:<file path>/);
    },
  );

  it("never repeats a password in its error", () => {
    const result = parseDatabaseUrl("mssql://sa:S3cretPass@db/khonghen");
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain("S3cretPass");
  });
});

describe("openDatabase on SQLite", () => {
  const dir = mkdtempSync(join(tmpdir(), "khonghen-connect-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates the parent folder and sets WAL, NORMAL sync, foreign keys and busy timeout", async () => {
    const file = join(dir, "nested", "deeper", "khonghen.sqlite");
    const handle = openDatabase({ kind: "sqlite", file });
    try {
      expect(existsSync(file)).toBe(true);
      const pragma = async (name: string) =>
        Object.values((await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(handle.db)).rows[0] ?? {})[0];
      expect(await pragma("journal_mode")).toBe("wal");
      expect(await pragma("synchronous")).toBe(1); // NORMAL
      expect(await pragma("foreign_keys")).toBe(1);
      expect(await pragma("busy_timeout")).toBe(5000);
    } finally {
      await handle.close();
    }
  });

  it("opens an in-memory database", async () => {
    const handle = openDatabase({ kind: "sqlite", file: ":memory:" });
    expect(handle.kind).toBe("sqlite");
    expect(await handle.ping()).toBe(true);
    await handle.close();
  });
});

describe("openDatabase on PostgreSQL that cannot be reached", () => {
  it("ping answers false instead of throwing", async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const handle = openDatabase({ kind: "postgres", url: "postgres://nobody@127.0.0.1:1/none" });
    expect(await handle.ping()).toBe(false);
    await handle.close();
  });
});

forEachDatabase((name, open) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
  });

  it("reports its dialect", () => {
    expect(t.kind).toBe(name);
    expect(dialectOf(t.db)).toBe(name);
  });

  it("count() comes back as a number", async () => {
    await t.db
      .insertInto("units")
      .values([aUnit({ id: "a" }), aUnit({ id: "b" })])
      .execute();
    const row = await t.db
      .selectFrom("units")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.sum<number>(sql`1`).as("total")])
      .executeTakeFirstOrThrow();
    expect(row.n).toBe(2);
    expect(row.total).toBe(2);
  });

  it("ping is true while open and false after close", async () => {
    const other = t.connectAgain();
    expect(await other.ping()).toBe(true);
    await other.close();
    expect(await other.ping()).toBe(false);
  });
});
