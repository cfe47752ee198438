/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP tests read JSON bodies loosely */
/**
 * `npm start` as a real process (tsx bot-server/src/main.ts) on SQLite and on PostgreSQL: it migrates, seeds,
 * prints the demo officers' passwords once (not again at the next start), serves, and on SIGTERM finishes the
 * request in flight, closes the database and exits 0.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";
import pg from "pg";

interface Started {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  exited: Promise<number | null>;
}

function startServer(databaseUrl: string): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", "bot-server/src/main.ts"], {
    env: { ...process.env, PORT: "0", DATABASE_URL: databaseUrl, LOG_LEVEL: "info", PURGE_INTERVAL_MINUTES: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 60_000);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /"port":(\d+),[^\n]*Khong Hen listening/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), stdout: () => out, exited });
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
}

/** A POST whose body is still arriving when the server is asked to stop. */
function slowPost(
  port: number,
  path: string,
  json: unknown,
): { finish: () => void; response: Promise<{ status: number; body: string }> } {
  const req = http.request({
    port,
    path,
    method: "POST",
    headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
  });
  const text = JSON.stringify(json);
  req.write(text.slice(0, 5));
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on("response", (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
  });
  return { finish: () => req.end(text.slice(5)), response };
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function databaseUrls(): Promise<[string, string][]> {
  const dir = mkdtempSync(join(tmpdir(), "khonghen-start-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const urls: [string, string][] = [["sqlite", `sqlite:${join(dir, "khonghen.sqlite")}`]];
  const pgUrl = process.env.PG_URL;
  if (pgUrl) {
    const schema = `start_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    });
    const u = new URL(pgUrl);
    u.searchParams.set("options", `-c search_path=${schema}`);
    urls.push(["postgres", u.toString()]);
  } else if (process.env.REQUIRE_POSTGRES === "1") {
    throw new Error("PostgreSQL REQUIRED (REQUIRE_POSTGRES=1) but PG_URL is not set");
  } else {
    console.warn("npm start on PostgreSQL SKIPPED: PG_URL not set");
  }
  return urls;
}

describe("npm start", () => {
  it("migrates, seeds, serves and stops gracefully on each database", async () => {
    for (const [name, url] of await databaseUrls()) {
      const first = await startServer(url);
      const base = `http://127.0.0.1:${first.port}`;
      expect([name, first.stdout()]).toEqual([name, expect.stringContaining("quangkhe.motcua")]);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const scheme = (await (
        await fetch(`${base}/api/units/24631/scheme?at=2025-10-15T10:00:00%2B07:00`)
      ).json()) as any;
      expect(scheme.plan.id).toBe("lam-dong-2025-demo");

      const device = (await (await fetch(`${base}/api/citizens/device`, { method: "POST" })).json()) as any;
      expect(device.token).toBeDefined();
      const inFlight = slowPost(first.port, "/api/citizens/device", {});
      await new Promise((r) => setTimeout(r, 100));
      first.child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 200));
      inFlight.finish();
      expect((await inFlight.response).status).toBe(201);
      expect(await first.exited).toBe(0);
      expect(first.stdout()).toContain('"msg":"stopped"');

      const second = await startServer(url);
      expect([name, second.stdout()]).not.toEqual([name, expect.stringContaining("quangkhe.motcua")]);
      expect((await fetch(`http://127.0.0.1:${second.port}/healthz`)).status).toBe(200);
      second.child.kill("SIGINT");
      expect(await second.exited).toBe(0);
    }
  }, 180_000);
});
