/**
 * The receipt writer (store/receipts.ts): concurrent receipts share transactions and still get the numbers of the day
 * without gaps or duplicates, each dossier with its event, outbox row and audit line; a receipt that fails (a draft
 * moved by someone else, a bad row) fails alone and gives its number back; a training dossier gets no outbox row.
 */
import { beforeAll, expect, it } from "@jest/globals";
import { dossierFromRow, type DossierRecord } from "../../bot-server/src/store/dossiers.js";
import { createReceiptWriter, StaleDossierError, type Receipt } from "../../bot-server/src/store/receipts.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { aCitizen, aDossier, aPreRegistration, aUnit } from "./rows.js";

const AGENCY = "000.00.00.H00";
const NOW = "2025-07-02T02:15:00.000Z";
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** A new dossier record (or the given draft) received under `<agency>-<day>-<NNNN>`. */
function receipt(
  day: string,
  over: { agencyCode?: string; draft?: DossierRecord; training?: boolean; bad?: boolean } = {},
): Receipt {
  const agencyCode = over.agencyCode ?? AGENCY;
  const base =
    over.draft ??
    dossierFromRow({ ...aDossier(aUnit().id, { state: "draft" }), training: over.training ? 1 : 0 } as never);
  return {
    agencyCode,
    day,
    rows: (n) => {
      const dossier: DossierRecord = {
        ...base,
        code: `${agencyCode}-${day}-${String(n).padStart(4, "0")}`,
        state: "received",
        // A value the column refuses (NOT NULL), to make this receipt's rows fail.
        ...(over.bad ? { applicantName: null as unknown as string } : {}),
      };
      return {
        dossier,
        existing: over.draft !== undefined,
        event: {
          type: "receive",
          fromState: "draft",
          toState: "received",
          actorId: null,
          actorRole: "counter_officer",
          at: NOW,
          data: { code: dossier.code },
        },
        outbox: { kind: "receipt_issued", payload: { dossierCode: dossier.code }, now: NOW },
        audits: [
          {
            at: NOW,
            actorKind: "officer",
            actorId: null,
            action: over.draft ? "update" : "create",
            subjectKind: "dossier",
            subjectId: dossier.id,
            fields: ["applicantName"],
            reason: "Tiếp nhận hồ sơ",
          },
        ],
      };
    },
  };
}

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await t.db.insertInto("units").values(aUnit()).execute();
  });

  const codesOf = async (day: string) =>
    (await t.db.selectFrom("dossiers").select("code").where("code", "like", `%-${day}-%`).execute())
      .map((r) => r.code)
      .sort();
  const numbers = (n: number, day: string, agency = AGENCY) =>
    oneTo(n).map((i) => `${agency}-${day}-${String(i).padStart(4, "0")}`);

  it("200 concurrent receipts get 1..200, each dossier with its event, outbox row and audit line", async () => {
    const writer = createReceiptWriter(t.db);
    const written = await Promise.all(oneTo(200).map(() => writer.submit(receipt("250702"))));
    expect(written.map((d) => d.code).sort()).toEqual(numbers(200, "250702"));
    expect(await codesOf("250702")).toEqual(numbers(200, "250702"));
    const ids = written.map((d) => d.id);
    const events = await t.db.selectFrom("dossier_events").selectAll().where("dossier_id", "in", ids).execute();
    expect(events).toHaveLength(200);
    expect(events.every((e) => Number(e.seq) === 1 && e.type === "receive")).toBe(true);
    const outbox = await t.db.selectFrom("outbox").selectAll().where("dossier_id", "in", ids).execute();
    expect(outbox).toHaveLength(200);
    const eventOf = new Map(events.map((e) => [e.dossier_id, e.id]));
    expect(outbox.every((o) => o.event_id === eventOf.get(o.dossier_id!))).toBe(true);
    const audit = await t.db.selectFrom("audit_log").select("subject_id").where("subject_id", "in", ids).execute();
    expect(audit).toHaveLength(200);
  });

  it("two agencies in the same burst each count from 1", async () => {
    const writer = createReceiptWriter(t.db);
    const other = "000.00.01.H00";
    await Promise.all(oneTo(40).map((i) => writer.submit(receipt("250703", i % 2 ? {} : { agencyCode: other }))));
    expect(await codesOf("250703")).toEqual([...numbers(20, "250703"), ...numbers(20, "250703", other)].sort());
  });

  it("a receipt that fails in a burst fails alone and leaves no gap", async () => {
    const writer = createReceiptWriter(t.db);
    const results = await Promise.allSettled(oneTo(30).map((i) => writer.submit(receipt("250709", { bad: i === 13 }))));
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    expect(results[12]!.status).toBe("rejected");
    expect(await codesOf("250709")).toEqual(numbers(29, "250709"));
  });

  it("a saved draft is received in place, its event numbered after the draft's; a draft moved meanwhile is a conflict", async () => {
    const row = aDossier(aUnit().id, { state: "draft", code: "NHAP-THU1" });
    await t.db.insertInto("dossiers").values(row).execute();
    await t.db
      .insertInto("dossier_events")
      .values({
        id: `ev-${row.id}`,
        dossier_id: row.id,
        seq: 1,
        type: "edit_draft",
        from_state: null,
        to_state: "draft",
        actor_id: null,
        actor_role: "counter_officer",
        at: NOW,
        data: "{}",
      })
      .execute();
    const draft = dossierFromRow(
      (await t.db.selectFrom("dossiers").selectAll().where("id", "=", row.id).execute())[0]!,
    );
    const writer = createReceiptWriter(t.db);
    const [first, second] = await Promise.allSettled([
      writer.submit(receipt("250710", { draft })),
      writer.submit(receipt("250710", { draft })),
    ]);
    expect(first.status).toBe("fulfilled");
    expect(second.status === "rejected" && second.reason instanceof StaleDossierError).toBe(true);
    expect(await codesOf("250710")).toEqual(numbers(1, "250710"));
    const events = await t.db
      .selectFrom("dossier_events")
      .select(["seq", "type"])
      .where("dossier_id", "=", row.id)
      .orderBy("seq")
      .execute();
    expect(events.map((e) => [Number(e.seq), e.type])).toEqual([
      [1, "edit_draft"],
      [2, "receive"],
    ]);
  });

  it("finalises the pre-registration with the receipt", async () => {
    const citizen = aCitizen();
    await t.db.insertInto("citizens").values(citizen).execute();
    const pre = aPreRegistration(citizen.id, aUnit().id);
    await t.db.insertInto("pre_registrations").values(pre).execute();
    const r = receipt("250716");
    const id = r.rows(1).dossier.id;
    const d = await createReceiptWriter(t.db).submit({
      ...r,
      preRegistration: { id: pre.id, changes: { status: "finalised", dossierId: id, updatedAt: NOW } },
      rows: (n) => {
        const rows = r.rows(n);
        return { ...rows, dossier: { ...rows.dossier, preRegistrationId: pre.id } };
      },
    });
    const stored = await t.db.selectFrom("pre_registrations").selectAll().where("id", "=", pre.id).executeTakeFirst();
    expect(stored?.status).toBe("finalised");
    expect(stored?.dossier_id).toBe(id);
    const dossier = await t.db.selectFrom("dossiers").selectAll().where("id", "=", d.id).executeTakeFirst();
    expect(dossier?.pre_registration_id).toBe(pre.id);
  });

  it("a training dossier is written without an outbox row", async () => {
    const d = await createReceiptWriter(t.db).submit(receipt("250717", { training: true }));
    expect(await t.db.selectFrom("outbox").selectAll().where("dossier_id", "=", d.id).execute()).toEqual([]);
    expect(await t.db.selectFrom("dossier_events").selectAll().where("dossier_id", "=", d.id).execute()).toHaveLength(
      1,
    );
  });
});
