import { beforeAll, expect, it } from "@jest/globals";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../bot-server/src/store/database.js";
import { migrateToLatest, migrations } from "../../bot-server/src/store/migrate.js";
import { forEachDatabase, type DialectName, type TestDatabase } from "../helpers/databases.js";

/** Every table of the contract in database.ts. */
const TABLES: (keyof Database)[] = [
  "audit_log",
  "catalog_documents",
  "citizens",
  "conversations",
  "data_requests",
  "deliveries",
  "dossier_events",
  "dossier_sequences",
  "dossiers",
  "feedback",
  "miniapp_notify_slots",
  "outbox",
  "pre_registrations",
  "sessions",
  "unit_successions",
  "units",
  "users",
  "webhook_events",
  "zalo_tokens",
  "zns_receipts",
  // 0015: the report facts and their catch-up watermark.
  "report_facts",
  "report_state",
  // 0016: the exchange with the province's TTHC system.
  "integration_targets",
  "webhook_deliveries",
  "integration_cursor",
  "integration_tokens",
];

/** The indexes other modules' queries rely on. */
const INDEXES = [
  "dossiers_receiving_unit_received_at_idx",
  "dossiers_state_idx",
  "dossiers_due_date_idx",
  "dossiers_citizen_id_idx",
  "pre_registrations_citizen_id_idx",
  "pre_registrations_expires_at_idx",
  "outbox_status_available_at_idx",
  "audit_log_subject_idx",
  "feedback_unit_created_at_idx",
  "conversations_needs_human_idx",
  "report_facts_day_unit_idx",
  "report_facts_unit_day_idx",
  "dossiers_updated_at_idx",
  "deliveries_at_idx",
  "feedback_created_at_idx",
];

async function tableNames(db: Kysely<Database>, name: DialectName): Promise<string[]> {
  const query =
    name === "sqlite"
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema()`;
  return (await query.execute(db)).rows
    .map((r) => r.name)
    .filter((n) => !n.startsWith("kysely_"))
    .sort();
}

async function indexNames(db: Kysely<Database>, name: DialectName): Promise<string[]> {
  const query =
    name === "sqlite"
      ? sql<{ name: string }>`select name from sqlite_master where type = 'index'`
      : sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema()`;
  return (await query.execute(db)).rows.map((r) => r.name);
}

forEachDatabase((name, open) => {
  let t: TestDatabase;
  let firstRun: string[];
  beforeAll(async () => {
    t = await open({ migrate: false });
    firstRun = (await migrateToLatest(t.db)).applied;
  });

  it("applies every migration on an empty database", () => {
    expect(firstRun).toEqual(Object.keys(migrations));
  });

  it("creates every table of database.ts", async () => {
    expect(await tableNames(t.db, name)).toEqual([...TABLES].sort());
  });

  it("creates the indexes the dossier, outbox, audit and feedback queries use", async () => {
    expect(await indexNames(t.db, name)).toEqual(expect.arrayContaining(INDEXES));
  });

  it("re-running is a no-op and keeps the data", async () => {
    await t.db
      .insertInto("webhook_events")
      .values({ event_id: "evt-1", received_at: "2025-07-02T02:00:00.000Z" })
      .execute();
    expect(await migrateToLatest(t.db)).toEqual({ applied: [] });
    const rows = await t.db.selectFrom("webhook_events").select("event_id").execute();
    expect(rows).toEqual([{ event_id: "evt-1" }]);
  });

  it("two processes starting at once apply the schema exactly once", async () => {
    const fresh = await open({ migrate: false });
    const a = fresh.connectAgain();
    const b = fresh.connectAgain();
    const [ra, rb] = await Promise.all([migrateToLatest(a.db), migrateToLatest(b.db)]);
    expect([...ra.applied, ...rb.applied]).toEqual(Object.keys(migrations));
    await fresh.close();
  });

  it("a failing migration is reported with its name and cause, and nothing is half applied", async () => {
    const broken = await open({ migrate: false });
    await sql`create table units (id text primary key)`.execute(broken.db);
    await expect(migrateToLatest(broken.db)).rejects.toThrow(
      /^Cập nhật cấu trúc cơ sở dữ liệu thất bại ở bước 0001-initial \/ Database migration failed at 0001-initial: .*units.*already exists/,
    );
    expect(await tableNames(broken.db, name)).toEqual(["units"]);
    await broken.close();
  });
});
