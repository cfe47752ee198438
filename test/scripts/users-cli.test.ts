/**
 * `npm run users` as a child process against SQLite and PostgreSQL (DATABASE_URL, like the server): add with a
 * printed one-time password or one read from stdin, list, disable, reset-password; unknown unit, role and user are
 * refused in Vietnamese with a non-zero exit; every change is audited.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { verify } from "@node-rs/argon2";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { openDatabase, type DatabaseHandle } from "../../bot-server/src/store/connect.js";
import { migrateToLatest } from "../../bot-server/src/store/migrate.js";
import { upsertUnits } from "../../bot-server/src/store/units.js";
import { findOfficerByUsername } from "../../bot-server/src/store/users.js";
import { daknongUnits } from "../../shared/data/units/dak-nong.js";
import { adminQuery } from "../helpers/pg-admin.js";

const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");
const SCRIPT = join(process.cwd(), "bot-server", "scripts", "users.ts");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function users(databaseUrl: string, args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      TSX,
      [SCRIPT, ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" }, timeout: 60_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin!.end(input);
    else child.stdin!.end();
  });
}

interface Target {
  name: string;
  url: () => string;
  open: () => DatabaseHandle;
  setUp: () => Promise<void>;
  tearDown: () => Promise<void>;
}

const dir = mkdtempSync(join(tmpdir(), "kh-users-cli-"));
const targets: Target[] = [
  {
    name: "sqlite",
    url: () => `sqlite:${join(dir, "cli.sqlite")}`,
    open: () => openDatabase({ kind: "sqlite", file: join(dir, "cli.sqlite") }),
    setUp: async () => undefined,
    tearDown: async () => rmSync(dir, { recursive: true, force: true }),
  },
];
const pgUrl = process.env.PG_URL;
if (pgUrl) {
  const schema = `cli_${process.pid}_${randomBytes(4).toString("hex")}`;
  const withSchema = new URL(pgUrl);
  withSchema.searchParams.set("options", `-c search_path=${schema}`);
  targets.push({
    name: "postgres",
    url: () => withSchema.toString(),
    open: () => openDatabase({ kind: "postgres", url: pgUrl, searchPath: schema, max: 2 }),
    setUp: () => adminQuery(pgUrl, `create schema ${schema}`),
    tearDown: () => adminQuery(pgUrl, `drop schema if exists ${schema} cascade`),
  });
} else if (process.env.REQUIRE_POSTGRES === "1") {
  it("has a PostgreSQL server to test against", () => {
    throw new Error("PostgreSQL suites REQUIRED (REQUIRE_POSTGRES=1) but PG_URL is not set");
  });
}

for (const target of targets) {
  describe(target.name, () => {
    let h: DatabaseHandle;
    beforeAll(async () => {
      await target.setUp();
      h = target.open();
      await migrateToLatest(h.db);
      await upsertUnits(h.db, daknongUnits);
    }, 60_000);
    afterAll(async () => {
      await h.close();
      await target.tearDown();
    });

    it("adds an officer with a one-time password printed once, to be changed at first sign-in; audited", async () => {
      const r = await users(target.url(), [
        "add",
        "qk.motcua2",
        "--unit",
        "24631",
        "--role",
        "counter_officer",
        "--name",
        "Trần Thị Một Cửa",
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Đã tạo tài khoản / created: qk.motcua2 (Cán bộ tiếp nhận (Bộ phận Một cửa), ");
      const password = /one-time password, shown once: (\S+)/.exec(r.stdout)?.[1];
      expect(password).toMatch(/^\S{16}$/);
      const o = (await findOfficerByUsername(h.db, "qk.motcua2"))!;
      expect(o).toMatchObject({
        displayName: "Trần Thị Một Cửa",
        role: "counter_officer",
        unitId: "24631@2025-07-01",
        active: true,
        mustChangePassword: true,
      });
      const row = await h.db
        .selectFrom("users")
        .select("password_hash")
        .where("id", "=", o.id)
        .executeTakeFirstOrThrow();
      await expect(verify(row.password_hash, password!)).resolves.toBe(true);
      expect(await listAuditFor(h.db, "user", o.id)).toEqual([
        expect.objectContaining({
          action: "create",
          actorKind: "system",
          reason: expect.stringContaining("Tạo tài khoản qk.motcua2"),
        }),
      ]);
    }, 120_000);

    it("reads the password from stdin with --password-stdin and prints none", async () => {
      const r = await users(
        target.url(),
        ["add", "qk.xuly2", "--unit", "24631", "--role", "processing_officer", "--password-stdin"],
        "mot-mat-khau-du-dai-2026\n",
      );
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain("mot-mat-khau");
      expect(r.stdout).not.toContain("one-time");
      const row = await h.db
        .selectFrom("users")
        .select(["password_hash", "must_change_password"])
        .where("username", "=", "qk.xuly2")
        .executeTakeFirstOrThrow();
      await expect(verify(row.password_hash, "mot-mat-khau-du-dai-2026")).resolves.toBe(true);
      expect(Number(row.must_change_password)).toBe(0);
    }, 120_000);

    it("refuses an unknown unit and an unknown role in Vietnamese, exit code non-zero, nothing written", async () => {
      const before = await h.db.selectFrom("users").select("id").execute();
      const unit = await users(target.url(), ["add", "ai.do", "--unit", "99999", "--role", "counter_officer"]);
      expect(unit).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('Không có đơn vị nào mã "99999" đang hoạt động'),
      });
      const role = await users(target.url(), ["add", "ai.do", "--unit", "24631", "--role", "admin"]);
      expect(role).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('Vai trò "admin" không có trong bàn làm việc'),
      });
      expect(role.stderr).toContain("counter_officer (Cán bộ tiếp nhận (Bộ phận Một cửa))");
      expect(await h.db.selectFrom("users").select("id").execute()).toHaveLength(before.length);
    }, 180_000);

    it("a province administrator belongs to a province: a commune code is refused, the province's code accepted", async () => {
      const commune = await users(target.url(), ["add", "tinh.qt2", "--unit", "24631", "--role", "province_admin"]);
      expect(commune).toMatchObject({
        code: 2,
        stderr: expect.stringContaining("Quản trị cấp tỉnh cần --unit <mã tỉnh>"),
      });
      expect(await findOfficerByUsername(h.db, "tinh.qt2")).toBeUndefined();
      const province = await users(target.url(), ["add", "tinh.qt2", "--unit", "68", "--role", "province_admin"]);
      expect(province.code).toBe(0);
      expect(province.stdout).toContain("(Quản trị cấp tỉnh, ");
      expect(await findOfficerByUsername(h.db, "tinh.qt2")).toMatchObject({
        role: "province_admin",
        unitId: "68@2025-07-01",
      });
    }, 120_000);

    it("lists by unit, disables (ending open sessions) and resets a password, each audited", async () => {
      const list = await users(target.url(), ["list", "--unit", "24631"]);
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(/qk\.motcua2\s+counter_officer/);
      expect(list.stdout).toMatch(/qk\.xuly2\s+processing_officer/);

      const o = (await findOfficerByUsername(h.db, "qk.xuly2"))!;
      await h.db
        .insertInto("sessions")
        .values({
          id: "s-qk-xuly2",
          user_id: o.id,
          csrf_token: "x",
          created_at: new Date().toISOString(),
          expires_at: "2999-01-01T00:00:00.000Z",
          last_seen_at: null,
        })
        .execute();
      expect((await users(target.url(), ["disable", "qk.xuly2"])).code).toBe(0);
      expect((await findOfficerByUsername(h.db, "qk.xuly2"))!.active).toBe(false);
      expect(await h.db.selectFrom("sessions").select("id").where("user_id", "=", o.id).execute()).toEqual([]);

      const reset = await users(target.url(), ["reset-password", "qk.xuly2"]);
      expect(reset.code).toBe(0);
      const password = /one-time password, shown once: (\S+)/.exec(reset.stdout)![1]!;
      const row = await h.db
        .selectFrom("users")
        .select(["password_hash", "must_change_password"])
        .where("id", "=", o.id)
        .executeTakeFirstOrThrow();
      await expect(verify(row.password_hash, password)).resolves.toBe(true);
      expect(Number(row.must_change_password)).toBe(1);
      expect((await listAuditFor(h.db, "user", o.id)).map((a) => a.reason)).toEqual([
        expect.stringContaining("Tạo tài khoản qk.xuly2"),
        expect.stringContaining("Khóa tài khoản qk.xuly2"),
        expect.stringContaining("Đặt lại mật khẩu tài khoản qk.xuly2"),
      ]);
    }, 180_000);
  });
}
