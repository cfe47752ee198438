import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { isForeignKeyViolation, isUniqueViolation } from "../../bot-server/src/store/errors.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { aCitizen, aDossier, aPreRegistration, aUnit, aUser, anOutboxRow } from "./rows.js";

/** Rejects with the driver's error, or fails the test when the statement succeeds. */
async function errorOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error("expected the statement to be refused");
}

describe("isUniqueViolation outside a database", () => {
  it.each([undefined, null, "UNIQUE constraint failed", new Error("boom"), { code: "23503" }])(
    "is false for %p",
    (err) => {
      expect(isUniqueViolation(err)).toBe(false);
    },
  );
});

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  const unitId = aUnit().id;
  beforeAll(async () => {
    t = await open();
    await t.db.insertInto("units").values(aUnit()).execute();
  });

  it("insert … returning gives back the stored rows", async () => {
    const citizen = await t.db
      .insertInto("citizens")
      .values(aCitizen({ zalo_user_id: "zu-returning" }))
      .returning(["id", "zalo_user_id", "oa_followed"])
      .executeTakeFirstOrThrow();
    expect(citizen).toMatchObject({ zalo_user_id: "zu-returning", oa_followed: 0 });

    const pre = await t.db
      .insertInto("pre_registrations")
      .values(aPreRegistration(citizen.id, unitId, { code: "DK0001" }))
      .returning(["code", "status", "citizen_id"])
      .executeTakeFirstOrThrow();
    expect(pre).toEqual({ code: "DK0001", status: "submitted", citizen_id: citizen.id });

    const dossier = await t.db
      .insertInto("dossiers")
      .values(aDossier(unitId, { code: "H01-250702-0001", citizen_id: citizen.id, assisted_writing: 1 }))
      .returning(["code", "assisted_writing", "track"])
      .executeTakeFirstOrThrow();
    expect(dossier).toEqual({ code: "H01-250702-0001", assisted_writing: 1, track: "same-day" });

    const catalog = await t.db
      .insertInto("catalog_documents")
      .values({
        kind: "procedure_version",
        id: "1.004873@2023",
        valid_from: "2023-01-01",
        valid_to: null,
        body: "{}",
        origin: "shipped",
        updated_at: "2025-07-01T00:00:00.000Z",
        updated_by: null,
      })
      .returning(["kind", "id"])
      .executeTakeFirstOrThrow();
    expect(catalog).toEqual({ kind: "procedure_version", id: "1.004873@2023" });
  });

  // Each row: the table, the unique columns, and two inserts that collide on them.
  const uniques: [string, string[], (db: TestDatabase) => Promise<unknown>, (db: TestDatabase) => Promise<unknown>][] =
    [
      [
        "pre_registrations",
        ["code"],
        async (d) => {
          const c = await d.db.insertInto("citizens").values(aCitizen()).returning("id").executeTakeFirstOrThrow();
          await d.db
            .insertInto("pre_registrations")
            .values(aPreRegistration(c.id, unitId, { code: "DKSAME" }))
            .execute();
        },
        async (d) => {
          const c = await d.db.insertInto("citizens").values(aCitizen()).returning("id").executeTakeFirstOrThrow();
          await d.db
            .insertInto("pre_registrations")
            .values(aPreRegistration(c.id, unitId, { code: "DKSAME" }))
            .execute();
        },
      ],
      [
        "dossiers",
        ["code"],
        (d) =>
          d.db
            .insertInto("dossiers")
            .values(aDossier(unitId, { code: "H01-250702-0777" }))
            .execute(),
        (d) =>
          d.db
            .insertInto("dossiers")
            .values(aDossier(unitId, { code: "H01-250702-0777" }))
            .execute(),
      ],
      ...(["zalo_user_id", "zalo_oa_user_id", "device_token_hash"] as const).map(
        (column) =>
          [
            "citizens",
            [column],
            (d: TestDatabase) =>
              d.db
                .insertInto("citizens")
                .values(aCitizen({ [column]: `same-${column}` }))
                .execute(),
            (d: TestDatabase) =>
              d.db
                .insertInto("citizens")
                .values(aCitizen({ [column]: `same-${column}` }))
                .execute(),
          ] as [string, string[], (db: TestDatabase) => Promise<unknown>, (db: TestDatabase) => Promise<unknown>],
      ),
      [
        "users",
        ["username"],
        (d) =>
          d.db
            .insertInto("users")
            .values(aUser({ username: "canbo.motcua" }))
            .execute(),
        (d) =>
          d.db
            .insertInto("users")
            .values(aUser({ username: "canbo.motcua" }))
            .execute(),
      ],
      [
        "deliveries",
        ["idempotency_key"],
        async (d) => {
          const dossier = await d.db
            .insertInto("dossiers")
            .values(aDossier(unitId))
            .returning("id")
            .executeTakeFirstOrThrow();
          const outbox = await d.db
            .insertInto("outbox")
            .values(anOutboxRow(dossier.id, { id: "ob-key" }))
            .returning("id")
            .executeTakeFirstOrThrow();
          await d.db.insertInto("deliveries").values(aDelivery(outbox.id)).execute();
        },
        (d) => d.db.insertInto("deliveries").values(aDelivery("ob-key")).execute(),
      ],
      [
        "dossier_events",
        ["dossier_id", "seq"],
        async (d) => {
          await d.db
            .insertInto("dossiers")
            .values(aDossier(unitId, { id: "dossier-events" }))
            .execute();
          await d.db.insertInto("dossier_events").values(anEvent("dossier-events", 1)).execute();
        },
        (d) => d.db.insertInto("dossier_events").values(anEvent("dossier-events", 1)).execute(),
      ],
      [
        "unit_successions",
        ["from_id", "to_id"],
        async (d) => {
          await d.db
            .insertInto("units")
            .values(aUnit({ id: "old@2008-01-01", valid_to: "2025-06-30" }))
            .execute();
          await d.db.insertInto("unit_successions").values(aSuccession()).execute();
        },
        (d) => d.db.insertInto("unit_successions").values(aSuccession()).execute(),
      ],
    ];

  it.each(uniques)(
    "a duplicate in %s (%s) is recognised as a unique violation of that key",
    async (table, columns, first, second) => {
      await first(t);
      const err = await errorOf(second(t));
      expect(isUniqueViolation(err)).toBe(true);
      expect(isUniqueViolation(err, { table, columns })).toBe(true);
      expect(isUniqueViolation(err, { table: "some_other_table" })).toBe(false);
      expect(isUniqueViolation(err, { table, columns: ["id"] })).toBe(false);
      expect(isForeignKeyViolation(err)).toBe(false);
    },
  );

  it("a duplicate primary key is a unique violation too", async () => {
    const err = await errorOf(t.db.insertInto("units").values(aUnit()).execute());
    expect(isUniqueViolation(err, { table: "units", columns: ["id"] })).toBe(true);
  });

  it("several citizens may have no Zalo id (NULL is not a duplicate)", async () => {
    await t.db.insertInto("citizens").values([aCitizen(), aCitizen(), aCitizen()]).execute();
    const row = await t.db
      .selectFrom("citizens")
      .where("zalo_user_id", "is", null)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(row.n).toBeGreaterThanOrEqual(3);
  });

  it.each([
    [
      "a dossier at a unit that does not exist",
      (d: TestDatabase) => d.db.insertInto("dossiers").values(aDossier("no-such-unit")).execute(),
    ],
    [
      "an event of a dossier that does not exist",
      (d: TestDatabase) => d.db.insertInto("dossier_events").values(anEvent("no-such-dossier", 1)).execute(),
    ],
    [
      "an outbox row of a dossier that does not exist",
      (d: TestDatabase) => d.db.insertInto("outbox").values(anOutboxRow("no-such-dossier")).execute(),
    ],
    [
      "a delivery of an outbox row that does not exist",
      (d: TestDatabase) => d.db.insertInto("deliveries").values(aDelivery("no-such-outbox")).execute(),
    ],
    [
      "a pre-registration of a citizen that does not exist",
      (d: TestDatabase) =>
        d.db.insertInto("pre_registrations").values(aPreRegistration("no-such-citizen", unitId)).execute(),
    ],
    [
      "a session of a user that does not exist",
      (d: TestDatabase) =>
        d.db
          .insertInto("sessions")
          .values({
            id: randomUUID(),
            user_id: "nobody",
            csrf_token: "x",
            created_at: "2025-07-02T00:00:00.000Z",
            expires_at: "2025-07-03T00:00:00.000Z",
          })
          .execute(),
    ],
  ])("%s is refused as a foreign-key violation", async (_what, insert) => {
    const err = await errorOf(insert(t));
    expect(isForeignKeyViolation(err)).toBe(true);
    expect(isUniqueViolation(err)).toBe(false);
  });

  it("a unit that dossiers refer to cannot be deleted", async () => {
    await t.db
      .insertInto("units")
      .values(aUnit({ id: "kept@2025-07-01" }))
      .execute();
    await t.db.insertInto("dossiers").values(aDossier("kept@2025-07-01")).execute();
    const err = await errorOf(t.db.deleteFrom("units").where("id", "=", "kept@2025-07-01").execute());
    expect(isForeignKeyViolation(err)).toBe(true);
  });

  it("deleting a citizen keeps their dossier and clears the link", async () => {
    const citizen = await t.db.insertInto("citizens").values(aCitizen()).returning("id").executeTakeFirstOrThrow();
    const dossier = await t.db
      .insertInto("dossiers")
      .values(aDossier(unitId, { citizen_id: citizen.id }))
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db.deleteFrom("citizens").where("id", "=", citizen.id).execute();
    const row = await t.db.selectFrom("dossiers").where("id", "=", dossier.id).select("citizen_id").executeTakeFirst();
    expect(row).toEqual({ citizen_id: null });
  });
});

function aDelivery(outboxId: string) {
  return {
    id: randomUUID(),
    outbox_id: outboxId,
    channel: "oa_cs",
    idempotency_key: `${outboxId}:oa_cs`,
    attempt: 1,
    status: "sent",
    error_code: null,
    error_message: null,
    tracking_id: null,
    at: "2025-07-02T03:00:00.000Z",
  };
}

function anEvent(dossierId: string, seq: number) {
  return {
    id: randomUUID(),
    dossier_id: dossierId,
    seq,
    type: "receive",
    from_state: null,
    to_state: "received",
    actor_id: null,
    actor_role: "counter_officer",
    at: "2025-07-02T02:15:00.000Z",
    data: "{}",
  };
}

function aSuccession() {
  return { from_id: "old@2008-01-01", to_id: aUnit().id, effective_date: "2025-07-01", legal_basis: "dữ liệu thử" };
}
