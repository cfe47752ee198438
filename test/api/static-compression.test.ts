/**
 * The static bundles are sent gzipped to clients that accept it (cheap phones on mobile data), while the JSON API
 * and the console's JSON endpoints are sent as is (compressing small JSON costs more CPU than it saves).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { request } from "node:http";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { startTestApp, type TestApp } from "../helpers/app.js";

/** A raw GET (fetch would decode the body and hide the encoding on the wire). */
function rawGet(url: string): Promise<{ status: number; encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { "accept-encoding": "gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers["content-encoding"],
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on("error", reject)
      .end();
  });
}

const BUNDLE = `console.log(${JSON.stringify("Ngày không hẹn ".repeat(2000))});`;

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let app: TestApp;
  let www: string;

  beforeAll(async () => {
    t = await open();
    www = mkdtempSync(join(tmpdir(), "khonghen-www-"));
    mkdirSync(join(www, "assets"));
    writeFileSync(join(www, "index.html"), "<!doctype html><div id=app></div>");
    writeFileSync(join(www, "assets", "app.js"), BUNDLE);
    app = await startTestApp(t, { miniAppDir: www, env: { NODE_ENV: "test" } });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(www, { recursive: true, force: true });
  });

  it("the mini-app bundle at /m/ is gzipped, and unzips to the file", async () => {
    const r = await rawGet(`${app.url}/m/assets/app.js`);
    expect([r.status, r.encoding]).toEqual([200, "gzip"]);
    expect(r.body.length).toBeLessThan(Buffer.byteLength(BUNDLE) / 5);
    expect(gunzipSync(r.body).toString("utf8")).toBe(BUNDLE);
  });

  it("the public JSON API and the console's JSON are not compressed", async () => {
    const units = await rawGet(`${app.url}/api/units?limit=100`);
    expect(units.status).toBe(200);
    expect(units.body.length).toBeGreaterThan(1024);
    expect(units.encoding).toBeUndefined();
    expect(JSON.parse(units.body.toString("utf8")).items.length).toBeGreaterThan(10);
    const session = await rawGet(`${app.url}/console/api/session`);
    expect(session.encoding).toBeUndefined();
  });
});
