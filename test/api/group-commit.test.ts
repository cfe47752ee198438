/**
 * Group commit of new pre-registrations: concurrent creates share transactions, every one is stored with its
 * audit entry, and a failing row fails only its own request.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { CONSENT_NOTICE } from "../../shared/api/consent.js";
import { createGroupCommit } from "../../bot-server/src/store/group-commit.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { startTestApp, type TestApp } from "../helpers/app.js";

describe("createGroupCommit", () => {
  it("commits a burst of writes in one batch", async () => {
    const batches: number[][] = [];
    const gc = createGroupCommit<number>(async (items) => void batches.push(items));
    await Promise.all(Array.from({ length: 50 }, (_, i) => gc.write(i)));
    expect(batches).toEqual([Array.from({ length: 50 }, (_, i) => i)]);
  });

  it("when a batch fails, each write is retried alone and only the bad one fails", async () => {
    const committed: number[] = [];
    const gc = createGroupCommit<number>(async (items) => {
      if (items.includes(13)) throw new Error("bad row 13");
      committed.push(...items);
    });
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => gc.write(i)));
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
    expect((results[13] as PromiseRejectedResult).reason).toEqual(new Error("bad row 13"));
    expect(committed.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i).filter((i) => i !== 13));
    await gc.drain();
  });

  it("a write alone is committed without waiting for company", async () => {
    const gc = createGroupCommit<string>(async () => {});
    await expect(gc.write("alone")).resolves.toBeUndefined();
  });
});

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    t = await open();
    app = await startTestApp(t, { now: "2025-10-15T09:00:00+07:00" });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("200 concurrent creates are all stored, each with its audit entry", async () => {
    const { token } = (await (await app.request("/api/citizens/device", { method: "POST" })).json()) as {
      token: string;
    };
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        app.request("/api/pre-registrations", {
          method: "POST",
          headers: { authorization: `Bearer ${token}` },
          json: {
            unitCode: "24631",
            procedureCode: "1.004873",
            formData: { purpose: `Mục đích ${i}` },
            consent: { accepted: true, version: CONSENT_NOTICE.version },
          },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(200).fill(201));
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(200);
    const stored = await t.db.selectFrom("pre_registrations").select("id").execute();
    expect(stored).toHaveLength(200);
    const audits = await t.db
      .selectFrom("audit_log")
      .select(["subject_id", "action"])
      .where("action", "=", "create")
      .execute();
    expect(new Set(audits.map((a) => a.subject_id))).toEqual(new Set(ids));
  });
});
