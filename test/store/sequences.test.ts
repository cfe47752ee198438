import { beforeAll, expect, it } from "@jest/globals";
import { nextDossierSequence } from "../../bot-server/src/store/sequences.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { aDossier, aUnit } from "./rows.js";

const AGENCY = "000.00.00.H00";
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

forEachDatabase((name, open) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
  });

  it("numbers start at 1 and follow each other", async () => {
    const got = [];
    for (let i = 0; i < 3; i++) got.push(await nextDossierSequence(t.db, AGENCY, "250702"));
    expect(got).toEqual([1, 2, 3]);
  });

  it("each agency and each day has its own numbering", async () => {
    expect(await nextDossierSequence(t.db, AGENCY, "250703")).toBe(1);
    expect(await nextDossierSequence(t.db, "000.00.01.H00", "250702")).toBe(1);
    expect(await nextDossierSequence(t.db, AGENCY, "250702")).toBe(4);
  });

  it("200 concurrent intakes get exactly 1..200", async () => {
    const got = await Promise.all(oneTo(200).map(() => nextDossierSequence(t.db, AGENCY, "250709")));
    expect(sorted(got)).toEqual(oneTo(200));
  });

  it(`200 intakes from two separate ${name === "postgres" ? "pools" : "connections"} get exactly 1..200`, async () => {
    const a = t.connectAgain();
    const b = t.connectAgain();
    const got = await Promise.all(oneTo(200).map((i) => nextDossierSequence((i % 2 ? a : b).db, AGENCY, "250716")));
    expect(sorted(got)).toEqual(oneTo(200));
  });

  it("200 concurrent intakes, each in its own transaction with its dossier, get exactly 1..200", async () => {
    await t.db.insertInto("units").values(aUnit()).execute();
    const got = await Promise.all(
      oneTo(200).map(() =>
        t.db.transaction().execute(async (trx) => {
          const n = await nextDossierSequence(trx, AGENCY, "250723");
          const code = `${AGENCY}-250723-${String(n).padStart(4, "0")}`;
          await trx.insertInto("dossiers").values(aDossier(aUnit().id, { code })).execute();
          return n;
        }),
      ),
    );
    expect(sorted(got)).toEqual(oneTo(200));
    const codes = await t.db
      .selectFrom("dossiers")
      .where("code", "like", `${AGENCY}-250723-%`)
      .select("code")
      .execute();
    expect(codes).toHaveLength(200);
  });

  it("a rolled-back intake gives its number back, so the next dossier leaves no gap", async () => {
    expect(await nextDossierSequence(t.db, AGENCY, "250730")).toBe(1);
    await expect(
      t.db.transaction().execute(async (trx) => {
        expect(await nextDossierSequence(trx, AGENCY, "250730")).toBe(2);
        throw new Error("intake cancelled");
      }),
    ).rejects.toThrow("intake cancelled");
    expect(await nextDossierSequence(t.db, AGENCY, "250730")).toBe(2);
  });

  it("a count reserves that many numbers at once, the last one returned, and the next call follows them", async () => {
    expect(await nextDossierSequence(t.db, AGENCY, "250806", 5)).toBe(5);
    expect(await nextDossierSequence(t.db, AGENCY, "250806", 3)).toBe(8);
    expect(await nextDossierSequence(t.db, AGENCY, "250806")).toBe(9);
  });

  it.each([0, -1, 1.5])("refuses count %p as a programming error", async (count) => {
    await expect(nextDossierSequence(t.db, AGENCY, "250807", count)).rejects.toThrow(/nextDossierSequence/);
  });

  it.each([
    ["2025-07-02", AGENCY],
    ["250732", AGENCY],
    ["251302", AGENCY],
    ["250702", " "],
  ])("refuses day %p for agency %p as a programming error", async (day, agency) => {
    await expect(nextDossierSequence(t.db, agency, day)).rejects.toThrow(/nextDossierSequence/);
  });
});
