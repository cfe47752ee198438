/* eslint-disable @typescript-eslint/no-explicit-any -- page.evaluate returns loose JSON */
/**
 * The Mini App inside Zalo runs on https://h5.zdn.vn and calls this server's /api from there: a cross-origin call
 * with an identity header, so Chromium sends a preflight first. Here a page served by another local server (another
 * origin) calls the API in Debian Chromium, as the Zalo page does: with the configured origin it signs in with the
 * Zalo access token (checked against the Graph stand-in) and with a device token; from an origin not configured,
 * the browser gives the script nothing.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { openDatabase, type DatabaseHandle } from "../../bot-server/src/store/connect.js";
import { migrateToLatest } from "../../bot-server/src/store/migrate.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { startGraphStandIn, type GraphStandIn } from "../helpers/zalo-graph-stand-in.js";
import { describeWithChromium, launchChromium } from "./helpers/chromium-launch.js";

const APP_SECRET = "TEST_APP_SECRET";

async function startPageServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>Mini App</title><p>Trang thử</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describeWithChromium("CORS: the citizen API called from the Mini App's origin in Chromium", () => {
  let dir: string;
  let db: DatabaseHandle;
  let graph: GraphStandIn;
  let app: TestApp;
  let page: { server: Server; port: number };
  let browser: Browser;
  let allowedOrigin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "khonghen-cors-"));
    db = openDatabase({ kind: "sqlite", file: join(dir, "cors.sqlite") });
    await migrateToLatest(db.db);
    graph = await startGraphStandIn(APP_SECRET);
    graph.users.set("AT-zalo-user", "3368637342326461234");
    page = await startPageServer();
    allowedOrigin = `http://127.0.0.1:${page.port}`;
    app = await startTestApp(db, {
      env: {
        ZALO_APP_SECRET: APP_SECRET,
        ZALO_GRAPH_BASE: graph.baseUrl,
        CORS_ORIGINS: `https://h5.zdn.vn,${allowedOrigin}`,
      },
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await graph?.close();
    await new Promise<void>((resolve) => (page ? page.server.close(() => resolve()) : resolve()));
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the Mini App's calls in a page of `origin`: sign in with Zalo, then register a device and ask who it is. */
  async function callFrom(origin: string) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${origin}/`);
    const result = await tab.evaluate(async (api: string) => {
      const out: Record<string, unknown> = {};
      try {
        const me = await fetch(`${api}/api/citizens/me`, {
          headers: { Accept: "application/json", "X-Zalo-Access-Token": "AT-zalo-user" },
        });
        out.zalo = { status: me.status, body: await me.json() };
        const device = await fetch(`${api}/api/citizens/device`, { method: "POST" });
        const { token } = (await device.json()) as { token: string };
        const again = await fetch(`${api}/api/citizens/me`, { headers: { Authorization: `Bearer ${token}` } });
        out.device = { status: again.status, body: await again.json() };
        const opted = await fetch(`${api}/api/citizens/me/notifications`, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Zalo-Access-Token": "AT-zalo-user" },
          body: JSON.stringify({ miniAppNotifications: true, followedOA: false }),
        });
        out.optIn = opted.status;
      } catch (e) {
        out.error = String(e);
      }
      return out;
    }, app.url);
    await context.close();
    return result as any;
  }

  it("from the configured origin: Zalo sign-in, device token and a JSON POST all work", async () => {
    const r = await callFrom(allowedOrigin);
    expect(r.error).toBeUndefined();
    expect(r.zalo).toEqual({ status: 200, body: expect.objectContaining({ identity: "zalo" }) });
    expect(r.device).toEqual({ status: 200, body: expect.objectContaining({ identity: "device" }) });
    expect(r.optIn).toBe(204);
    expect(graph.calls).toBeGreaterThan(0);
  });

  it("from another origin the browser hands the script nothing", async () => {
    const callsBefore = graph.calls;
    const r = await callFrom(`http://localhost:${page.port}`);
    expect(r.error).toMatch(/Failed to fetch/);
    expect(r.zalo).toBeUndefined();
    // The preflight was refused, so the identity header never reached the server.
    expect(graph.calls).toBe(callsBefore);
  });
});
