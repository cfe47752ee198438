import { beforeAll, expect, it } from "@jest/globals";
import { Migrator, sql, type Kysely } from "kysely";
import type { Database } from "../../bot-server/src/store/database.js";
import { migrateToLatest, migrations } from "../../bot-server/src/store/migrate.js";
import { webhookOutboxId } from "../../bot-server/src/store/integration.js";
import { seed } from "../../bot-server/src/seed.js";
import { QUANG_KHE } from "../console/helpers/console-server.js";
import { insertDossier } from "../helpers/dossier-rows.js";
import { forEachDatabase, forPostgres, type DialectName, type TestDatabase } from "../helpers/databases.js";

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
  "integration_cursor",
  "integration_tokens",
  // 0027: training mode.
  "training_units",
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

  it("0021 moves the webhooks still waiting or given up into the outbox, where the feeder would put them", async () => {
    const old = await open({ migrate: false });
    const schema =
      name === "postgres"
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(old.db)).rows[0]!.s
        : undefined;
    const migrator = new Migrator({
      db: old.db,
      provider: { getMigrations: async () => migrations },
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
    expect((await migrator.migrateTo("0016-integration-webhooks")).error).toBeUndefined();
    const db = old.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const at = "2025-10-15T02:00:00.000Z";
    await seed(old.db, { now: "2025-10-01T00:00:00.000Z", demoAccounts: false });
    const dossierId = await insertDossier(old.db, {
      code: "000.00.06.H98-251015-0001",
      receivingUnitId: QUANG_KHE,
      receivedAt: at,
    });
    for (const id of ["e-1", "e-2", "e-3"])
      await db
        .insertInto("dossier_events")
        .values({
          id,
          dossier_id: dossierId,
          seq: Number(id.slice(2)),
          type: "receive",
          from_state: null,
          to_state: "received",
          actor_id: null,
          actor_role: null,
          at,
          data: "{}",
        })
        .execute();
    const target = { id: "t-1", unit_id: "u-1", url: "https://tinh.example/su-kien", secret: "s", active: 1 };
    await db
      .insertInto("integration_targets")
      .values({ ...target, created_at: at, updated_at: at })
      .execute();
    const delivery = (id: string, eventId: string, status: string) => ({
      id,
      event_id: eventId,
      target_id: "t-1",
      body: `{"eventId":"${eventId}"}`,
      status,
      attempts: status === "dead" ? 10 : 2,
      available_at: at,
      last_error: status === "sent" ? null : "http_500",
      created_at: at,
      updated_at: at,
    });
    await db
      .insertInto("webhook_deliveries")
      .values([delivery("d-1", "e-1", "pending"), delivery("d-2", "e-2", "dead"), delivery("d-3", "e-3", "sent")])
      .execute();
    await migrateToLatest(old.db);
    const rows = await old.db.selectFrom("outbox").selectAll().orderBy("event_id").execute();
    expect(rows.map((r) => [r.id, r.kind, r.event_id, r.status, r.attempts, r.last_error])).toEqual([
      [webhookOutboxId("e-1", "t-1"), "tthc_webhook", "e-1", "pending", 2, "http_500"],
      [webhookOutboxId("e-2", "t-1"), "tthc_webhook", "e-2", "dead", 10, "http_500"],
    ]);
    expect(JSON.parse(rows[0]!.payload)).toEqual({
      targetId: "t-1",
      unitId: "u-1",
      eventId: "e-1",
      body: '{"eventId":"e-1"}',
    });
    expect(await tableNames(old.db, name)).not.toContain("webhook_deliveries");
    await old.close();
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

forPostgres((_name, open) => {
  it("another client dropping its own schema meanwhile does not fail our migration check (a shared cluster, parallel tests)", async () => {
    const t = await open();
    const other = `gone_${Date.now().toString(36)}`;
    await sql.raw(`create schema ${other}; create table ${other}.x (id serial primary key)`).execute(t.db);
    const dropper = t.connectAgain();
    // A snapshot taken before the drop still lists the other schema's tables: the moment Kysely's catalog query
    // would look the schema up by name and fail.
    const seen = await t.db
      .transaction()
      .setIsolationLevel("repeatable read")
      .execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await sql.raw(`drop schema ${other} cascade`).execute(dropper.db);
        return (await trx.introspection.getTables()).map((table) => table.name);
      });
    expect(seen).toEqual(expect.arrayContaining(["dossiers", "kysely_migration"]));
    expect(seen).not.toContain("x");
    expect(await migrateToLatest(t.db)).toEqual({ applied: [] });
  });
});
