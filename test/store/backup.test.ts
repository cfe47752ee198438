/**
 * `npm run backup -- <file>` and `npm run restore -- <file> [--force]` as an operator runs them, on SQLite and on
 * PostgreSQL: data created through the app (a citizen's pre-registration with its audit lines, a dossier, an outbox
 * row), backed up, the database wiped, restored: everything is back as it was. A restore over a database that holds
 * tables is refused without --force, and with --force replaces it.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import { sql } from "kysely";
import { CONSENT_NOTICE } from "../../shared/api/consent.js";
import { openDatabase, type DatabaseConfig, type DatabaseHandle } from "../../bot-server/src/store/connect.js";
import { startTestApp } from "../helpers/app.js";
import { insertDossier } from "../helpers/dossier-rows.js";
import { adminQuery } from "../helpers/pg-admin.js";
import { anOutboxRow } from "./rows.js";

const PG_URL = process.env.PG_URL;
if (!PG_URL && process.env.REQUIRE_POSTGRES === "1")
  throw new Error("PostgreSQL REQUIRED (REQUIRE_POSTGRES=1) but PG_URL is not set");

const dir = mkdtempSync(join(tmpdir(), "khonghen-backup-"));
const schemas: string[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const s of schemas) await adminQuery(PG_URL!, `drop schema if exists ${s} cascade`);
});

interface Target {
  name: string;
  databaseUrl: string;
  config: DatabaseConfig;
  wipe(): Promise<void>;
}

function sqliteTarget(): Target {
  const file = join(dir, "khonghen.sqlite");
  return {
    name: "sqlite",
    databaseUrl: `sqlite:${file}`,
    config: { kind: "sqlite", file },
    wipe: async () => {
      for (const s of ["", "-wal", "-shm"]) rmSync(`${file}${s}`, { force: true });
    },
  };
}

function postgresTarget(): Target {
  const schema = `backup_${randomBytes(4).toString("hex")}`;
  schemas.push(schema);
  const u = new URL(PG_URL!);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return {
    name: "postgres",
    databaseUrl: u.toString(),
    config: { kind: "postgres", url: PG_URL!, searchPath: schema },
    wipe: () => adminQuery(PG_URL!, `drop schema ${schema} cascade`),
  };
}

function npmRun(
  command: "backup" | "restore",
  args: string[],
  databaseUrl: string,
): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ["bot-server/start.js", command, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, out, err })));
}

async function snapshot(h: DatabaseHandle) {
  const db = h.db;
  return {
    preRegistrations: await db
      .selectFrom("pre_registrations")
      .select(["id", "code", "status", "form_data", "consent_version"])
      .orderBy("id")
      .execute(),
    dossiers: await db
      .selectFrom("dossiers")
      .select(["id", "code", "state", "track", "received_at"])
      .orderBy("id")
      .execute(),
    audit: await db.selectFrom("audit_log").selectAll().orderBy("id").execute(),
    outbox: await db
      .selectFrom("outbox")
      .select(["id", "dossier_id", "kind", "status", "payload"])
      .orderBy("id")
      .execute(),
    users: (await db.selectFrom("users").select(["username", "password_hash"]).orderBy("username").execute()).length,
  };
}

const targets: (() => Target)[] = [sqliteTarget, ...(PG_URL ? [postgresTarget] : [])];
if (!PG_URL) console.warn("backup on PostgreSQL SKIPPED: PG_URL not set");

describe.each(targets.map((t) => [t().name, t] as const))("%s", (_name, makeTarget) => {
  it("backs up, refuses to restore over data, restores a wiped database whole, and --force replaces", async () => {
    const target = makeTarget();
    if (target.config.kind === "postgres") await adminQuery(PG_URL!, `create schema ${target.config.searchPath}`);
    let h = openDatabase(target.config);
    const app = await startTestApp({ ...h, close: async () => {} }, { now: "2025-10-15T09:00:00+07:00" });
    const device = (await (await app.request("/api/citizens/device", { method: "POST" })).json()) as { token: string };
    const created = await app.request("/api/pre-registrations", {
      method: "POST",
      headers: { authorization: `Bearer ${device.token}` },
      json: {
        unitCode: "24631",
        procedureCode: "1.004873",
        formData: {
          recipientAgency: "Ủy ban nhân dân xã Quảng Khê",
          requesterName: "Nguyễn Văn Thử",
          requesterBirthDate: "15/06/1985",
        },
        consent: { accepted: true, version: CONSENT_NOTICE.version },
      },
    });
    expect(created.status).toBe(201);
    const dossierId = await insertDossier(h.db, { code: "000.00.06.H98-251015-0001", state: "received" });
    await h.db.insertInto("outbox").values(anOutboxRow(dossierId)).execute();
    await app.close();
    const before = await snapshot(h);
    expect(before.preRegistrations).toHaveLength(1);
    expect(before.dossiers).toHaveLength(1);
    expect(before.audit.length).toBeGreaterThan(0);
    expect(before.outbox).toHaveLength(1);
    await h.close();

    const file = join(dir, `${target.name}.backup`);
    const backup = await npmRun("backup", [file], target.databaseUrl);
    expect([backup.code, backup.err]).toEqual([0, ""]);
    expect(backup.out).toContain("pre_registrations: 1, dossiers: 1");
    expect(existsSync(file)).toBe(true);

    const refused = await npmRun("restore", [file], target.databaseUrl);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--force");
    expect(refused.err).toMatch(/không khôi phục đè/);

    await target.wipe();
    const restored = await npmRun("restore", [file], target.databaseUrl);
    expect([restored.code, restored.err]).toEqual([0, ""]);
    h = openDatabase(target.config);
    expect(await snapshot(h)).toEqual(before);

    // A dossier received after the backup disappears when the operator forces the backup back in.
    await insertDossier(h.db, { code: "000.00.06.H98-251015-0002" });
    await h.close();
    const forced = await npmRun("restore", [file, "--force"], target.databaseUrl);
    expect([forced.code, forced.err]).toEqual([0, ""]);
    h = openDatabase(target.config);
    expect(await snapshot(h)).toEqual(before);
    await sql`select 1`.execute(h.db);
    await h.close();

    const wrong = await npmRun("restore", [join(dir, "nothing-here.backup")], target.databaseUrl);
    expect(wrong.code).toBe(2);
  }, 120_000);
});
