/**
 * Rows of several tables written together (store/insert-together.ts): all of them, or none when one row is refused,
 * inside or outside the caller's transaction.
 */
import { beforeAll, expect, it } from "@jest/globals";
import { auditRow } from "../../bot-server/src/store/audit.js";
import { insertTogether } from "../../bot-server/src/store/insert-together.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { aDossier, anOutboxRow, aUnit } from "./rows.js";

const NOW = "2025-07-02T02:15:00.000Z";
const audit = (subjectId: string) =>
  auditRow({
    at: NOW,
    actorKind: "system",
    actorId: null,
    action: "create",
    subjectKind: "dossier",
    subjectId,
    fields: [],
    reason: "thử",
  });

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await t.db.insertInto("units").values(aUnit()).execute();
  });

  const count = async (table: "dossiers" | "outbox" | "audit_log", subject: string) =>
    table === "audit_log"
      ? (await t.db.selectFrom("audit_log").select("id").where("subject_id", "=", subject).execute()).length
      : (
          await t.db
            .selectFrom(table)
            .select("id")
            .where(table === "dossiers" ? "id" : "dossier_id", "=", subject)
            .execute()
        ).length;

  it("writes the rows of every table, a referenced row in the same write", async () => {
    const d = aDossier(aUnit().id);
    await insertTogether(t.db, [
      { table: "dossiers", rows: [d] },
      { table: "outbox", rows: [anOutboxRow(d.id), anOutboxRow(d.id)] },
      { table: "audit_log", rows: [audit(d.id)] },
    ]);
    expect([await count("dossiers", d.id), await count("outbox", d.id), await count("audit_log", d.id)]).toEqual([
      1, 2, 1,
    ]);
  });

  it("writes nothing when one row is refused", async () => {
    const d = aDossier(aUnit().id);
    // Settled by hand: the driver's error can come from another test file's realm, which toThrow() does not see.
    const outcome = await insertTogether(t.db, [
      { table: "dossiers", rows: [d] },
      { table: "audit_log", rows: [audit(d.id)] },
      {
        table: "outbox",
        rows: [anOutboxRow(d.id), { ...anOutboxRow(d.id), id: "dup" }, { ...anOutboxRow(d.id), id: "dup" }],
      },
    ]).then(
      () => "written",
      () => "refused",
    );
    expect(outcome).toBe("refused");
    expect([await count("dossiers", d.id), await count("outbox", d.id), await count("audit_log", d.id)]).toEqual([
      0, 0, 0,
    ]);
  });

  it("inside the caller's transaction, commits and rolls back with it", async () => {
    const kept = aDossier(aUnit().id);
    const dropped = aDossier(aUnit().id);
    await t.db.transaction().execute(async (trx) => {
      await insertTogether(trx, [
        { table: "dossiers", rows: [kept] },
        { table: "audit_log", rows: [audit(kept.id)] },
      ]);
    });
    await expect(
      t.db.transaction().execute(async (trx) => {
        await insertTogether(trx, [
          { table: "dossiers", rows: [dropped] },
          { table: "audit_log", rows: [audit(dropped.id)] },
        ]);
        throw new Error("cancelled");
      }),
    ).rejects.toThrow("cancelled");
    expect([await count("dossiers", kept.id), await count("audit_log", kept.id)]).toEqual([1, 1]);
    expect([await count("dossiers", dropped.id), await count("audit_log", dropped.id)]).toEqual([0, 0]);
  });

  it("skips tables without rows and does nothing without any", async () => {
    await expect(insertTogether(t.db, [{ table: "outbox", rows: [] }])).resolves.toBeUndefined();
    const d = aDossier(aUnit().id);
    await insertTogether(t.db, [
      { table: "dossiers", rows: [d] },
      { table: "outbox", rows: [] },
    ]);
    expect(await count("dossiers", d.id)).toBe(1);
  });
});
