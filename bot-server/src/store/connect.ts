/**
 * The one place that chooses between SQLite (default, one file) and PostgreSQL (production).
 * Both dialects get the same Kysely<Database>; portability rules are in database.ts.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  sql,
  type DatabaseIntrospector,
  type TableMetadata,
} from "kysely";
import pg from "pg";
import type { Database } from "./database.js";
import { startCheckpointer } from "./sqlite-checkpointer.js";

export type DatabaseKind = "sqlite" | "postgres";

export type DatabaseConfig =
  | { kind: "sqlite"; file: string }
  | {
      kind: "postgres";
      url: string;
      /** Pool size; default 10. */
      max?: number;
      /** Schema(s) put first on search_path for every pooled connection (isolated test schemas, shared clusters). */
      searchPath?: string;
    };

export interface DatabaseUrlError {
  code: "invalid_database_url";
  message: string; // Vietnamese, for the operator
  messageEn: string;
}

export type DatabaseUrlResult = { ok: true; config: DatabaseConfig } | { ok: false; error: DatabaseUrlError };

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** true when a trivial query succeeds (health checks); never throws. */
  ping(): Promise<boolean>;
}

/** How long a SQLite statement waits for another connection's write lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

export const DEFAULT_DATABASE_URL = "sqlite:./data/khonghen.sqlite";

const EXPECTED_VI =
  "Dùng sqlite:<đường dẫn tệp> (ví dụ sqlite:./data/khonghen.sqlite, sqlite::memory:) hoặc postgres://người_dùng:mật_khẩu@máy_chủ:cổng/tên_csdl.";
const EXPECTED_EN =
  "Use sqlite:<file path> (e.g. sqlite:./data/khonghen.sqlite, sqlite::memory:) or postgres://user:password@host:port/dbname.";

function invalidUrl(reasonVi: string, reasonEn: string): DatabaseUrlResult {
  return {
    ok: false,
    error: {
      code: "invalid_database_url",
      message: `DATABASE_URL không hợp lệ: ${reasonVi}. ${EXPECTED_VI}`,
      messageEn: `Invalid DATABASE_URL: ${reasonEn}. ${EXPECTED_EN}`,
    },
  };
}

/**
 * Reads DATABASE_URL. Empty or missing means the default SQLite file.
 * The error text never repeats the URL itself: it may hold a password.
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseUrlResult {
  const raw = (url ?? "").trim();
  if (raw === "") return parseDatabaseUrl(DEFAULT_DATABASE_URL);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();

  if (scheme === "sqlite") {
    let file = raw.slice("sqlite:".length);
    if (file.startsWith("//")) file = file.slice(2); // sqlite:///abs/path and sqlite://./rel
    if (file === "") return invalidUrl("thiếu đường dẫn tệp SQLite", "the SQLite file path is missing");
    return { ok: true, config: { kind: "sqlite", file } };
  }

  if (scheme === "postgres" || scheme === "postgresql") {
    try {
      new URL(raw);
    } catch {
      return invalidUrl("địa chỉ PostgreSQL sai cú pháp", "the PostgreSQL URL is malformed");
    }
    return { ok: true, config: { kind: "postgres", url: raw } };
  }

  return scheme
    ? invalidUrl(`loại cơ sở dữ liệu "${scheme}" không được hỗ trợ`, `database scheme "${scheme}" is not supported`)
    : invalidUrl("thiếu tiền tố sqlite: hoặc postgres://", "the sqlite: or postgres:// prefix is missing");
}

export interface OpenOptions {
  /** Hears what goes wrong in the background (a SQLite checkpoint that failed); the default ignores it. */
  onWarning?: (message: string) => void;
}

/** Opens (and for SQLite creates) the database. Run migrateToLatest(handle.db) before use. */
export function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): DatabaseHandle {
  return config.kind === "sqlite" ? openSqlite(config.file, options) : openPostgres(config);
}

function openSqlite(file: string, options: OpenOptions): DatabaseHandle {
  const inMemory = file === ":memory:";
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // WAL + NORMAL: a crash loses nothing, a power cut may lose the last commits (docs/architecture.md#storage).
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // A file's WAL is checkpointed on a worker thread, so no commit of the main thread waits for an fsync.
  const checkpointer = inMemory ? undefined : startCheckpointer(sqlite, file, options.onWarning);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return handle(db, "sqlite", () => checkpointer?.stop());
}

/** pg returns int8 (COUNT, SUM of integers) and numeric (AVG) as strings; counts here stay far below 2^53. */
const NUMERIC_OIDS = new Set([20, 1700]);
const poolTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    NUMERIC_OIDS.has(oid) && format !== "binary"
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function openPostgres(config: Extract<DatabaseConfig, { kind: "postgres" }>): DatabaseHandle {
  if (
    config.searchPath !== undefined &&
    !/^[A-Za-z_][A-Za-z0-9_]*(,[A-Za-z_][A-Za-z0-9_]*)*$/.test(config.searchPath)
  ) {
    throw new Error(`searchPath must be plain schema names separated by commas, got "${config.searchPath}"`);
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.max ?? 10,
    types: poolTypes,
    ...(config.searchPath ? { options: `-c search_path=${config.searchPath}` } : {}),
  });
  // An idle client losing its server must not crash the process; the next query reports the error.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  return handle(db, "postgres");
}

/**
 * Kysely's own PostgreSQL introspector (which its migrator uses to find its bookkeeping tables) reads the columns of
 * every schema in the database by name, so a schema that another client drops meanwhile (another tenant of a shared
 * cluster, a parallel test) fails our migration with "schema … does not exist". Ours looks at the current schema
 * only, by object ids, which a concurrent drop cannot make fail.
 */
class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    const getTables = async (): Promise<TableMetadata[]> => {
      const { rows } = await sql<{
        table: string;
        view: boolean;
        column: string;
        type: string;
        not_null: boolean;
        has_default: boolean;
        serial: boolean;
      }>`
        select c.relname as table, c.relkind = 'v' as view, a.attname as column, t.typname as type,
               a.attnotnull as not_null, a.atthasdef as has_default,
               coalesce(pg_get_expr(d.adbin, d.adrelid) like 'nextval(%', false) or a.attidentity <> '' as serial
        from pg_catalog.pg_class c
        join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        join pg_catalog.pg_type t on t.oid = a.atttypid
        left join pg_catalog.pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
        where c.relnamespace = to_regnamespace(current_schema())::oid and c.relkind in ('r', 'p', 'v')
        order by c.relname, a.attnum`.execute(db);
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s;
      const tables = new Map<string, TableMetadata & { columns: TableMetadata["columns"][number][] }>();
      for (const r of rows) {
        const table = tables.get(r.table) ?? { name: r.table, isView: r.view, schema, columns: [] };
        tables.set(r.table, table);
        table.columns.push({
          name: r.column,
          dataType: r.type,
          isNullable: !r.not_null,
          hasDefaultValue: r.has_default,
          isAutoIncrementing: r.serial,
        });
      }
      return [...tables.values()];
    };
    return {
      getSchemas: async () =>
        (await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(db)).rows,
      getTables,
      getMetadata: async () => ({ tables: await getTables() }),
    };
  }
}

function handle(
  db: Kysely<Database>,
  kind: DatabaseKind,
  beforeClose?: () => Promise<void> | undefined,
): DatabaseHandle {
  let closed = false;
  return {
    db,
    kind,
    async close() {
      if (closed) return;
      closed = true;
      await beforeClose?.();
      await db.destroy();
    },
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** Which dialect a Kysely instance (or transaction) talks to, for the few statements that differ. */
export function dialectOf(db: Kysely<Database>): DatabaseKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
