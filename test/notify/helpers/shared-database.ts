/**
 * A database several processes open by URL (the fault tests' worker children): a SQLite file in a fresh temp
 * folder, or a fresh PostgreSQL database created on PG_URL's server and dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, parseDatabaseUrl, type DatabaseHandle } from "../../../bot-server/src/store/connect.js";
import { adminQuery } from "../../helpers/pg-admin.js";

export interface SharedDatabase {
  url: string;
  handle: DatabaseHandle;
  dispose(): Promise<void>;
}

export async function createSharedDatabase(kind: "sqlite" | "postgres"): Promise<SharedDatabase> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "khonghen-notify-"));
    const url = `sqlite:${join(dir, "shared.sqlite")}`;
    const handle = open(url);
    return {
      url,
      handle,
      dispose: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = process.env.PG_URL!;
  const name = `notify_fault_${process.pid}_${randomBytes(4).toString("hex")}`;
  await adminQuery(admin, `create database ${name}`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  const handle = open(url);
  return {
    url,
    handle,
    dispose: async () => {
      await handle.close();
      await adminQuery(admin, `drop database if exists ${name} with (force)`);
    },
  };
}

function open(url: string): DatabaseHandle {
  const parsed = parseDatabaseUrl(url);
  if (!parsed.ok) throw new Error(parsed.error.messageEn);
  return openDatabase(parsed.config);
}
