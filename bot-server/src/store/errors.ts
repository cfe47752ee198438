/**
 * Dialect-neutral recognition of constraint violations.
 * better-sqlite3 throws SqliteError with code "SQLITE_CONSTRAINT_*" and a message naming "table.column";
 * pg throws DatabaseError with SQLSTATE 23505 / 23503 and fields `table` and `detail` ("Key (col)=(value) …").
 * Never log `detail` or the SQLite message as is: they can carry the offending (personal) value.
 * On PostgreSQL a violation aborts the surrounding transaction: retry outside it, not inside.
 */

export interface ConstraintTarget {
  table: string;
  /** One column, or several for a composite key, in declaration order. */
  columns?: string[];
}

interface DriverError {
  code?: unknown;
  message?: unknown;
  table?: unknown;
  detail?: unknown;
}

function asDriverError(err: unknown): DriverError | undefined {
  return typeof err === "object" && err !== null ? (err as DriverError) : undefined;
}

const SQLITE_UNIQUE = new Set(["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"]);

/** True when `err` is a unique or primary-key violation; with `target`, only on that table (and columns). */
export function isUniqueViolation(err: unknown, target?: ConstraintTarget): boolean {
  const e = asDriverError(err);
  if (!e) return false;
  if (typeof e.code === "string" && SQLITE_UNIQUE.has(e.code)) return matchesSqlite(e, target);
  if (e.code === "23505") return matchesPostgres(e, target);
  return false;
}

/** True when `err` is a foreign-key violation (a row refers to a missing one, or a referenced row is deleted). */
export function isForeignKeyViolation(err: unknown): boolean {
  const e = asDriverError(err);
  return e?.code === "SQLITE_CONSTRAINT_FOREIGNKEY" || e?.code === "23503";
}

function matchesSqlite(e: DriverError, target?: ConstraintTarget): boolean {
  if (!target) return true;
  // "UNIQUE constraint failed: dossier_events.dossier_id, dossier_events.seq"
  const failed = String(e.message ?? "")
    .replace(/^.*constraint failed:\s*/i, "")
    .split(/,\s*/);
  const tables = new Set(failed.map((c) => c.split(".")[0]));
  if (tables.size !== 1 || !tables.has(target.table)) return false;
  return (
    !target.columns ||
    sameColumns(
      failed.map((c) => c.split(".")[1] ?? ""),
      target.columns,
    )
  );
}

function matchesPostgres(e: DriverError, target?: ConstraintTarget): boolean {
  if (!target) return true;
  if (e.table !== target.table) return false;
  if (!target.columns) return true;
  const key = /^Key \(([^)]*)\)=/.exec(String(e.detail ?? ""))?.[1];
  return key !== undefined && sameColumns(key.split(/,\s*/), target.columns);
}

function sameColumns(actual: string[], expected: string[]): boolean {
  return actual.length === expected.length && actual.every((c, i) => c === expected[i]);
}
