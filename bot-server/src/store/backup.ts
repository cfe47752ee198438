/**
 * Backups of the whole database and their restore, for the operator (`npm run backup -- <file>`,
 * `npm run restore -- <file> [--force]`).
 *
 * - SQLite: SQLite's online backup API (through better-sqlite3), safe while the server runs; the copy is checked
 *   (`pragma integrity_check`) before it takes the backup's name. Restore writes the file back with the same API
 *   (stop the server first).
 * - PostgreSQL: pg_dump's custom format of the schema in use (the first one on search_path, `public` by default),
 *   restored by pg_restore in one transaction (nothing half-restored). Both tools must be on PATH
 *   (Debian: postgresql-client); the password goes through PGPASSWORD, never on a command line.
 *
 * A restore refuses a target that already holds tables unless `force` is given; then it replaces the target.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import pg from "pg";
import type { DatabaseConfig } from "./connect.js";

/** Tables whose row counts a backup or a restore reports (what an operator checks after a restore). */
export const REPORTED_TABLES = ["pre_registrations", "dossiers", "audit_log", "outbox", "users"] as const;

export interface BackupReport {
  kind: "sqlite" | "postgres";
  file: string;
  counts: Record<string, number>;
}

export type RestoreResult =
  | ({ ok: true } & BackupReport)
  | { ok: false; code: "not_empty" | "wrong_format" | "missing_file"; message: string; messageEn: string };

export async function backupDatabase(config: DatabaseConfig, file: string): Promise<BackupReport> {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    if (config.kind === "sqlite") {
      if (!existsSync(config.file)) throw new Error(`no SQLite database at ${config.file}`);
      const source = new SqliteDatabase(config.file, { fileMustExist: true });
      try {
        await source.backup(partial);
      } finally {
        source.close();
      }
      const copy = new SqliteDatabase(partial, { fileMustExist: true });
      try {
        const check = copy.pragma("integrity_check", { simple: true });
        if (check !== "ok") throw new Error(`the backup copy failed its integrity check: ${String(check)}`);
        // One file, no -wal beside it: a backup is a single self-contained file.
        copy.pragma("journal_mode = DELETE");
      } finally {
        copy.close();
      }
    } else {
      const { url, env } = splitPassword(config.url);
      const schema = await targetSchema(config);
      await run(
        "pg_dump",
        [
          "--format=custom",
          "--no-owner",
          "--no-privileges",
          `--schema=${schema}`,
          `--file=${partial}`,
          `--dbname=${url}`,
        ],
        env,
      );
    }
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  return { kind: config.kind, file, counts: await countRows(config) };
}

export async function restoreDatabase(
  config: DatabaseConfig,
  file: string,
  options: { force?: boolean } = {},
): Promise<RestoreResult> {
  if (!existsSync(file)) {
    return {
      ok: false,
      code: "missing_file",
      message: `Không có tệp sao lưu ${file}.`,
      messageEn: `No backup file at ${file}.`,
    };
  }
  const format = fileFormat(file);
  if (format !== config.kind) {
    return {
      ok: false,
      code: "wrong_format",
      message: `Tệp ${file} không phải bản sao lưu ${config.kind === "sqlite" ? "SQLite" : "PostgreSQL (pg_dump -Fc)"}.`,
      messageEn: `${file} is not a ${config.kind === "sqlite" ? "SQLite" : "PostgreSQL custom-format"} backup.`,
    };
  }
  const tables = await countTables(config);
  if (tables > 0 && !options.force) {
    return {
      ok: false,
      code: "not_empty",
      message: `Cơ sở dữ liệu đích đã có ${tables} bảng: không khôi phục đè lên. Thêm --force để thay toàn bộ dữ liệu hiện có bằng bản sao lưu.`,
      messageEn: `The target database already holds ${tables} tables: not restoring over it. Add --force to replace everything in it with the backup.`,
    };
  }
  if (config.kind === "sqlite") {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${config.file}${suffix}`, { force: true });
    mkdirSync(dirname(config.file), { recursive: true });
    const source = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(config.file);
    } finally {
      source.close();
    }
    const restored = new SqliteDatabase(config.file, { fileMustExist: true });
    try {
      restored.pragma("journal_mode = WAL");
    } finally {
      restored.close();
    }
  } else {
    const { url, env } = splitPassword(config.url);
    const schema = await targetSchema(config);
    const createsSchema = (await capture("pg_restore", ["--list", file], env))
      .split("\n")
      .some((l) => / SCHEMA - /.test(l));
    await withClient(config, async (c) => {
      const exists = (await c.query("select 1 from pg_namespace where nspname = $1", [schema])).rowCount! > 0;
      if (exists) await c.query(`drop schema ${quoteIdent(schema)} cascade`);
      if (!createsSchema) await c.query(`create schema ${quoteIdent(schema)}`);
    });
    await run(
      "pg_restore",
      ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${url}`, file],
      env,
    );
  }
  return { ok: true, kind: config.kind, file, counts: await countRows(config) };
}

function fileFormat(file: string): "sqlite" | "postgres" | "unknown" {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    if (head.toString("latin1") === "SQLite format 3\0") return "sqlite";
    if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "postgres";
    return "unknown";
  } finally {
    closeSync(fd);
  }
}

async function countTables(config: DatabaseConfig): Promise<number> {
  if (config.kind === "sqlite") {
    if (!existsSync(config.file)) return 0;
    const db = new SqliteDatabase(config.file, { fileMustExist: true });
    try {
      return (
        db
          .prepare("select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'")
          .get() as { n: number }
      ).n;
    } finally {
      db.close();
    }
  }
  const schema = await targetSchema(config);
  return withClient(config, async (c) =>
    Number(
      (await c.query("select count(*) as n from information_schema.tables where table_schema = $1", [schema])).rows[0]
        .n,
    ),
  );
}

async function countRows(config: DatabaseConfig): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  if (config.kind === "sqlite") {
    const db = new SqliteDatabase(config.file, { readonly: true, fileMustExist: true });
    try {
      for (const t of REPORTED_TABLES)
        counts[t] = (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
    } finally {
      db.close();
    }
    return counts;
  }
  const schema = quoteIdent(await targetSchema(config));
  await withClient(config, async (c) => {
    for (const t of REPORTED_TABLES)
      counts[t] = Number((await c.query(`select count(*) as n from ${schema}.${t}`)).rows[0].n);
  });
  return counts;
}

/** The schema the app uses: the first real entry of the connection's search_path (it may not exist yet). */
async function targetSchema(config: Extract<DatabaseConfig, { kind: "postgres" }>): Promise<string> {
  if (config.searchPath) return config.searchPath.split(",")[0]!;
  return withClient(config, async (c) => {
    const path = String((await c.query("show search_path")).rows[0].search_path);
    const first = path
      .split(",")
      .map((s) => s.trim().replace(/^"|"$/g, ""))
      .find((s) => s !== "$user" && s !== "");
    return first ?? "public";
  });
}

async function withClient<T>(
  config: Extract<DatabaseConfig, { kind: "postgres" }>,
  fn: (c: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: config.url,
    ...(config.searchPath ? { options: `-c search_path=${config.searchPath}` } : {}),
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function splitPassword(raw: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(raw);
  const password = decodeURIComponent(u.password);
  u.password = "";
  // WHATWG URLs write a space in the query as "+", which libpq reads literally ("-c+search_path=…").
  u.search = u.search.replace(/\+/g, "%20");
  return { url: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function capture(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", (e) =>
      reject(new Error(`${cmd} could not start (is postgresql-client installed?): ${e.message}`)),
    );
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} exited with ${code}: ${err.trim().slice(-2000)}`)),
    );
  });
}

async function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  await capture(cmd, args, env);
}
