/**
 * `npm run backup -- <file>` and `npm run restore -- <file> [--force]` on the database of DATABASE_URL
 * (store/backup.ts). Restore refuses a database that already holds tables unless --force; stop the servers and
 * workers before a restore, and start them afterwards (they apply any newer migration at start).
 * Exit codes: 0 done, 1 failed, 2 wrong usage or refused.
 */
import { loadConfigOrExit } from "./config.js";
import { backupDatabase, restoreDatabase, type BackupReport } from "./store/backup.js";

const USAGE = "Cách dùng / usage: npm run backup -- <tệp/file>   |   npm run restore -- <tệp/file> [--force]\n";

function summary(r: BackupReport): string {
  return Object.entries(r.counts)
    .map(([t, n]) => `${t}: ${n}`)
    .join(", ");
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const force = rest.includes("--force");
  const file = rest.find((a) => !a.startsWith("--"));
  if ((command !== "backup" && command !== "restore") || !file) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfigOrExit();
  if (command === "backup") {
    const r = await backupDatabase(config.database, file);
    process.stdout.write(`Đã sao lưu / backed up (${r.kind}) → ${r.file}\n  ${summary(r)}\n`);
    return 0;
  }
  const r = await restoreDatabase(config.database, file, { force });
  if (!r.ok) {
    process.stderr.write(`${r.message}\n${r.messageEn}\n`);
    return 2;
  }
  process.stdout.write(`Đã khôi phục / restored (${r.kind}) ← ${r.file}\n  ${summary(r)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(
      `Sao lưu/khôi phục thất bại / backup or restore failed: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exit(1);
  },
);
