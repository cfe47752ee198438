import { beforeAll, expect, it } from "@jest/globals";
import { isUniqueViolation } from "../../bot-server/src/store/errors.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { aDossier, aUnit, anOutboxRow } from "./rows.js";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  const unitId = aUnit().id;
  beforeAll(async () => {
    t = await open();
    await t.db.insertInto("units").values(aUnit()).execute();
  });

  async function countRows(dossierId: string) {
    const dossiers = await t.db.selectFrom("dossiers").where("id", "=", dossierId).select("id").execute();
    const outbox = await t.db.selectFrom("outbox").where("dossier_id", "=", dossierId).select("id").execute();
    return { dossiers: dossiers.length, outbox: outbox.length };
  }

  it("a committed intake stores the dossier and its notification together", async () => {
    const dossier = aDossier(unitId);
    await t.db.transaction().execute(async (trx) => {
      await trx.insertInto("dossiers").values(dossier).execute();
      await trx.insertInto("outbox").values(anOutboxRow(dossier.id)).execute();
    });
    expect(await countRows(dossier.id)).toEqual({ dossiers: 1, outbox: 1 });
  });

  it("an intake that fails after both inserts leaves neither the dossier nor its notification", async () => {
    const dossier = aDossier(unitId);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.insertInto("dossiers").values(dossier).execute();
        await trx.insertInto("outbox").values(anOutboxRow(dossier.id)).execute();
        throw new Error("printer jammed before commit");
      }),
    ).rejects.toThrow("printer jammed before commit");
    expect(await countRows(dossier.id)).toEqual({ dossiers: 0, outbox: 0 });
  });

  it("an outbox insert refused by the database rolls back the dossier written before it", async () => {
    const taken = anOutboxRow(aDossier(unitId).id, { dossier_id: null });
    await t.db.insertInto("outbox").values(taken).execute();
    const dossier = aDossier(unitId);
    const err = await t.db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto("dossiers").values(dossier).execute();
        await trx
          .insertInto("outbox")
          .values(anOutboxRow(dossier.id, { id: taken.id }))
          .execute();
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(err, { table: "outbox", columns: ["id"] })).toBe(true);
    expect(await countRows(dossier.id)).toEqual({ dossiers: 0, outbox: 0 });
  });
});
