/**
 * What every console browser test starts with: the console front-end built, the real server over a migrated SQLite
 * file in a fresh temporary folder, its clock at a given instant, and Debian Chromium. close() removes them all.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { ensureConsoleBuilt } from "../../../bot-server/console-app/build.js";
import { openDatabase, type DatabaseHandle } from "../../../bot-server/src/store/connect.js";
import { migrateToLatest } from "../../../bot-server/src/store/migrate.js";
import { startConsoleServer, type ConsoleServer } from "../../console/helpers/console-server.js";
import { launchChromium } from "./chromium-launch.js";

export interface ConsoleE2e {
  db: DatabaseHandle;
  s: ConsoleServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startConsoleE2e(
  name: string,
  clockAt: Date,
  env: Record<string, string> = {},
): Promise<ConsoleE2e> {
  await ensureConsoleBuilt();
  const dir = mkdtempSync(join(tmpdir(), `kh-${name}-`));
  const db = openDatabase({ kind: "sqlite", file: join(dir, "e2e.sqlite") });
  await migrateToLatest(db.db);
  const s = await startConsoleServer(db, env);
  s.clock.set(clockAt);
  const browser = await launchChromium();
  return {
    db,
    s,
    browser,
    async close() {
      await browser.close();
      await s.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
