/**
 * A SQLite file's WAL is checkpointed on a worker thread (bot-server/src/store/sqlite-checkpointer.ts), so no commit
 * of the main thread waits for a checkpoint's fsync. These tests check what an operator would see: the WAL stays
 * small through thousands of commits, every row is there after a restart, and a checkpointer that cannot run hands
 * the job back to SQLite rather than letting the WAL grow.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { afterAll, describe, expect, it } from "@jest/globals";
import { sql } from "kysely";
import { openDatabase } from "../../bot-server/src/store/connect.js";
import {
  CHECKPOINT_EVERY_MS,
  SAFETY_NET_PAGES,
  startCheckpointer,
} from "../../bot-server/src/store/sqlite-checkpointer.js";

const PAGE = 4096;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("background WAL checkpoints of a SQLite file", () => {
  const dir = mkdtempSync(join(tmpdir(), "khonghen-checkpoint-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps the WAL small through thousands of commits, and loses none of them", async () => {
    const file = join(dir, "busy.sqlite");
    const handle = openDatabase({ kind: "sqlite", file });
    const rounds = 8;
    const perRound = 300;
    try {
      await sql`create table events (id text primary key, body text not null)`.execute(handle.db);
      const autocheckpoint = await sql
        .raw<{ wal_autocheckpoint: number }>("pragma wal_autocheckpoint")
        .execute(handle.db);
      expect(autocheckpoint.rows[0]!.wal_autocheckpoint).toBe(SAFETY_NET_PAGES);
      // One commit per row, as the webhook's dedupe does, with the pauses of real traffic between bursts.
      for (let r = 0; r < rounds; r += 1) {
        for (let i = 0; i < perRound; i += 1) {
          await handle.db
            .insertInto("events" as never)
            .values({ id: `ev-${r}-${i}`, body: "x".repeat(600) } as never)
            .execute();
        }
        await sleep(CHECKPOINT_EVERY_MS * 2);
      }
      // 2,400 commits of a 600-byte row wrote well over 2,400 WAL frames; with no checkpoint before the safety net
      // the file would hold them all. Checkpointed in the background, it never grows past a few bursts.
      const walPages = statSync(`${file}-wal`).size / PAGE;
      expect(walPages).toBeLessThan(1000);
    } finally {
      await handle.close();
    }
    const reopened = new SqliteDatabase(file, { readonly: true });
    expect((reopened.prepare("select count(*) as n from events").get() as { n: number }).n).toBe(rounds * perRound);
    reopened.close();
  });

  it("hands checkpoints back to SQLite, and says so, when the worker cannot open the file", async () => {
    const file = join(dir, "main.sqlite");
    const main = new SqliteDatabase(file);
    main.pragma("journal_mode = WAL");
    const warnings: string[] = [];
    const checkpointer = startCheckpointer(main, join(dir, "missing", "other.sqlite"), (m) => warnings.push(m));
    try {
      for (let i = 0; i < 100 && warnings.length === 0; i += 1) await sleep(20);
      expect(warnings.join(" ")).toMatch(/background checkpointer (stopped|exited)/);
      expect(main.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    } finally {
      await checkpointer.stop();
      main.close();
    }
  });
});
