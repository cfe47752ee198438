/**
 * The first start's demo accounts on SQLite and PostgreSQL: the province administrator `tinh.quantri` (unit: the
 * province of Lâm Đồng) is created and printed once with the other demo accounts and their one-time passwords, and
 * signs in with that password to the province's account administration; a second start prints nothing.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { DEMO_ACCOUNTS, DEMO_PROVINCE_ID } from "../../bot-server/src/seed.js";
import { findOfficerByUsername } from "../../bot-server/src/store/users.js";
import type { AccountsReply } from "../../shared/console/accounts.js";
import { demoPasswords } from "../e2e/helpers/counter-console.js";
import { startTestApp, type TestApp } from "../helpers/app.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { consoleClient } from "./helpers/console-server.js";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let app: TestApp;
  beforeAll(async () => {
    t = await open();
    app = await startTestApp(t, { now: "2025-07-16T09:00:00+07:00", env: { NODE_ENV: "test" } });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it("prints tinh.quantri with the other demo accounts, once", async () => {
    expect(app.printed).toHaveLength(1);
    const printed = app.printed[0]!;
    expect(printed).toMatch(/^\s+tinh\.quantri\s+\S{16}\s+\(province_admin\)$/m);
    const passwords = demoPasswords(printed);
    expect([...passwords.keys()].sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    const row = await findOfficerByUsername(t.db, "tinh.quantri");
    expect(row).toMatchObject({ role: "province_admin", unitId: DEMO_PROVINCE_ID, active: true });

    const again = await startTestApp(t, { now: "2025-07-16T09:00:00+07:00", env: { NODE_ENV: "test" } });
    expect(again.printed).toEqual([]);
    await again.close();
  });

  it("tinh.quantri signs in with the printed password and manages the province's accounts", async () => {
    const password = demoPasswords(app.printed[0]!).get("tinh.quantri")!;
    const c = await consoleClient(app.url);
    expect((await c.login("tinh.quantri", password)).status).toBe(200);
    const r = await c.json<AccountsReply>("GET", "/console/api/admin/accounts");
    expect(r.status).toBe(200);
    expect(r.body.accounts.map((a) => a.username)).toEqual(
      expect.arrayContaining(["quangkhe.quantri", "quangkhe.motcua", "tinh.theodoi", "tinh.quantri"]),
    );
    expect(r.body.accounts.find((a) => a.username === "tinh.quantri")!.self).toBe(true);
  });
});
