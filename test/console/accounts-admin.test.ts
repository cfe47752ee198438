/**
 * Officer accounts managed from the console (/console/api/admin/accounts) on SQLite and PostgreSQL: the unit
 * administrator manages their own unit's accounts, the province administrator every unit of the province and the
 * province's own accounts; a created account signs in with its one-time password and must change it first; disabling
 * ends the sessions; a reset password is shown once; nobody changes their own role or disables themself; bad input is
 * answered in Vietnamese beside the field; every change is audited with who, when, what and why, without passwords.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { findOfficerByUsername } from "../../bot-server/src/store/users.js";
import type { AccountsReply, AccountView, OneTimePasswordReply } from "../../shared/console/accounts.js";
import { ACCOUNT_ROLES, UNIT_ROLES, USERNAME_RULE_VI } from "../../shared/officers/accounts.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import {
  at,
  consoleClient,
  createOfficer,
  NAM_DA,
  QUANG_KHE,
  signedInClient,
  startConsoleServer,
  WEDNESDAY,
  type ConsoleServer,
} from "./helpers/console-server.js";

const LAM_DONG = "68@2025-07-01";
/** The former province of Đắk Nông (until 30/6/2025): an administrator there manages none of Lâm Đồng's units. */
const DAK_NONG_FORMER = "67@2020-03-01";
const BASE = "/console/api/admin/accounts";

type Client = Awaited<ReturnType<typeof signedInClient>>;
interface ErrorBody {
  error: { code: string; message: string; detail: string; fields?: { path: string; message: string }[] };
}
const fieldOf = (b: unknown, path: string) => (b as ErrorBody).error.fields?.find((f) => f.path === path)?.message;

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  let unitAdmin: Client;
  let provinceAdmin: Client;
  let ids: Record<"unitAdmin" | "provinceAdmin" | "formerProvinceAdmin" | "counter" | "namDa" | "namDaAdmin", string>;

  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t);
    s.clock.set(at(WEDNESDAY, "08:00"));
    ids = {
      unitAdmin: await createOfficer(s.deps, "qt.quangkhe", "unit_admin", QUANG_KHE),
      provinceAdmin: await createOfficer(s.deps, "qt.lamdong", "province_admin", LAM_DONG),
      formerProvinceAdmin: await createOfficer(s.deps, "qt.daknong", "province_admin", DAK_NONG_FORMER),
      counter: await createOfficer(s.deps, "mc.quangkhe", "counter_officer", QUANG_KHE),
      namDa: await createOfficer(s.deps, "mc.namda", "counter_officer", NAM_DA),
      namDaAdmin: await createOfficer(s.deps, "qt.namda", "unit_admin", NAM_DA),
    };
    unitAdmin = await signedInClient(s.baseUrl, "qt.quangkhe");
    provinceAdmin = await signedInClient(s.baseUrl, "qt.lamdong");
  }, 60_000);
  afterAll(async () => {
    await s.close();
  });

  const list = async (c: Client) => {
    const r = await c.json<AccountsReply>("GET", BASE);
    expect(r.status).toBe(200);
    return r.body;
  };
  const usernames = (accounts: AccountView[]) => accounts.map((a) => a.username);
  const create = (c: Client, body: Record<string, unknown>) => c.json<OneTimePasswordReply>("POST", BASE, body);

  describe("the list in the administrator's scope", () => {
    it("a unit administrator: their unit's accounts only, their unit and the unit roles to give", async () => {
      const r = await list(unitAdmin);
      expect(usernames(r.accounts)).toEqual(expect.arrayContaining(["qt.quangkhe", "mc.quangkhe", "quangkhe.motcua"]));
      expect(r.accounts.every((a) => a.unitId === QUANG_KHE)).toBe(true);
      expect(usernames(r.accounts)).not.toContain("mc.namda");
      expect(usernames(r.accounts)).not.toContain("tinh.quantri");
      expect(r.accounts.find((a) => a.username === "qt.quangkhe")!.self).toBe(true);
      expect(r.accounts.find((a) => a.username === "mc.quangkhe")).toMatchObject({
        role: "counter_officer",
        unitName: "xã Quảng Khê",
        active: true,
        self: false,
      });
      expect(r.units).toEqual([{ id: QUANG_KHE, name: "xã Quảng Khê", level: "commune" }]);
      expect(r.roles).toEqual([...UNIT_ROLES]);
    });

    it("a province administrator: every unit of the province and the province's own accounts", async () => {
      const r = await list(provinceAdmin);
      expect(usernames(r.accounts)).toEqual(
        expect.arrayContaining(["qt.quangkhe", "mc.quangkhe", "mc.namda", "qt.namda", "tinh.theodoi", "tinh.quantri"]),
      );
      expect(usernames(r.accounts)).not.toContain("qt.daknong");
      expect(r.units[0]).toEqual({ id: LAM_DONG, name: "tỉnh Lâm Đồng", level: "province" });
      expect(r.units.map((u) => u.id)).toEqual(expect.arrayContaining([QUANG_KHE, NAM_DA]));
      expect(r.roles).toEqual([...ACCOUNT_ROLES]);
    });

    it("the administrator of another province sees none of Lâm Đồng's accounts", async () => {
      const other = await signedInClient(s.baseUrl, "qt.daknong");
      const r = await list(other);
      expect(usernames(r.accounts)).toEqual(["qt.daknong"]);
    });

    it("other roles are refused", async () => {
      const counter = await signedInClient(s.baseUrl, "mc.quangkhe");
      const r = await counter.json<ErrorBody>("GET", BASE);
      expect(r.status).toBe(403);
      expect(r.body.error.message).toBe("Chỉ quản trị đơn vị hoặc quản trị cấp tỉnh được thay đổi thiết lập này.");
    });
  });

  describe("creating an account", () => {
    it("gives a one-time password once; the officer signs in, must change it, then works", async () => {
      const r = await create(unitAdmin, {
        username: "  MC.Moi ",
        displayName: "Nguyễn Thị Mới",
        role: "counter_officer",
        reason: "Cán bộ mới nhận công tác",
      });
      expect(r.status).toBe(201);
      expect(r.body.account).toMatchObject({
        username: "mc.moi",
        displayName: "Nguyễn Thị Mới",
        role: "counter_officer",
        unitId: QUANG_KHE,
        active: true,
        mustChangePassword: true,
      });
      expect(r.body.oneTimePassword).toMatch(/^[a-zA-Z0-9]{16}$/);

      const officer = await consoleClient(s.baseUrl);
      expect((await officer.login("mc.moi", r.body.oneTimePassword)).status).toBe(200);
      const blocked = await officer.json<ErrorBody>("GET", "/console/api/board");
      expect(blocked.body.error.code).toBe("password_change_required");
      const changed = await officer.json("POST", "/console/api/password", {
        current: r.body.oneTimePassword,
        next: "mat-khau-rieng-cua-toi",
      });
      expect(changed.status).toBe(200);
      expect((await officer.json("GET", "/console/api/board")).status).toBe(200);

      const audit = await listAuditFor(t.db, "user", r.body.account.id);
      expect(audit).toHaveLength(2);
      expect(audit[0]).toMatchObject({ actorKind: "officer", actorId: ids.unitAdmin, action: "create" });
      expect(audit[0]!.reason).toContain("Tạo tài khoản mc.moi, vai trò counter_officer, đơn vị xã Quảng Khê");
      expect(audit[0]!.reason).toContain("Lý do: Cán bộ mới nhận công tác");
      expect(JSON.stringify(audit)).not.toContain(r.body.oneTimePassword);
      expect(JSON.stringify(audit)).not.toContain("mat-khau-rieng-cua-toi");
    });

    it("a province administrator creates a province account and a unit's account", async () => {
      const viewer = await create(provinceAdmin, {
        username: "tinh.thongke",
        displayName: "Chuyên viên thống kê",
        role: "province_viewer",
        unitId: LAM_DONG,
      });
      expect(viewer.status).toBe(201);
      expect(viewer.body.account).toMatchObject({
        role: "province_viewer",
        unitId: LAM_DONG,
        unitName: "tỉnh Lâm Đồng",
      });
      const namDa = await create(provinceAdmin, {
        username: "ld.namda",
        displayName: "Lãnh đạo xã Nam Đà",
        role: "leader",
        unitId: NAM_DA,
      });
      expect(namDa.status).toBe(201);
      expect(namDa.body.account.unitId).toBe(NAM_DA);
    });

    it.each([
      ["a bad user name", { username: "Nguyễn Văn A" }, 400, "username", USERNAME_RULE_VI],
      ["a short user name", { username: "ab" }, 400, "username", USERNAME_RULE_VI],
      ["a missing name", { displayName: "  " }, 400, "displayName", "Nhập họ và tên."],
      ["an unknown role", { role: "boss" }, 400, "role", "Chọn một vai trò trong danh sách."],
      [
        "a province role from a unit administrator",
        { role: "province_admin" },
        403,
        "role",
        "Quản trị đơn vị chỉ cấp được vai trò của đơn vị (không cấp vai trò cấp tỉnh).",
      ],
      [
        "another unit from a unit administrator",
        { unitId: NAM_DA },
        403,
        "unitId",
        "Đơn vị này không thuộc phạm vi quản trị của bạn.",
      ],
    ])("refuses %s beside the field", async (_what, change, status, path, message) => {
      const r = await create(unitAdmin, {
        username: "mc.thu",
        displayName: "Cán bộ thử",
        role: "counter_officer",
        ...change,
      });
      expect(r.status).toBe(status);
      expect(fieldOf(r.body, path)).toBe(message);
      expect(await findOfficerByUsername(t.db, "mc.thu")).toBeUndefined();
    });

    it("refuses a taken user name beside the field", async () => {
      const r = await create(unitAdmin, { username: "quangkhe.motcua", displayName: "Trùng tên", role: "leader" });
      expect(r.status).toBe(409);
      expect((r.body as unknown as ErrorBody).error.code).toBe("username_taken");
      expect(fieldOf(r.body, "username")).toBe('Tên đăng nhập "quangkhe.motcua" đã có, vui lòng chọn tên khác.');
    });

    it("refuses a role that does not go with the unit, and a unit outside the province", async () => {
      const unitRoleAtProvince = await create(provinceAdmin, {
        username: "mc.tinh",
        displayName: "Sai đơn vị",
        role: "counter_officer",
        unitId: LAM_DONG,
      });
      expect(unitRoleAtProvince.status).toBe(400);
      expect(fieldOf(unitRoleAtProvince.body, "role")).toBe(
        "Vai trò này dành cho cán bộ của một xã, phường, đặc khu: chọn đơn vị của cán bộ.",
      );
      const provinceRoleAtUnit = await create(provinceAdmin, {
        username: "tinh.sai",
        displayName: "Sai đơn vị",
        role: "province_viewer",
        unitId: QUANG_KHE,
      });
      expect(fieldOf(provinceRoleAtUnit.body, "role")).toBe(
        "Vai trò cấp tỉnh chỉ dành cho tài khoản của tỉnh: chọn đơn vị là tỉnh.",
      );
      const outside = await create(provinceAdmin, {
        username: "mc.ngoai",
        displayName: "Ngoài tỉnh",
        role: "counter_officer",
        unitId: "24697@2020-03-01",
      });
      expect(outside.status).toBe(403);
      expect(fieldOf(outside.body, "unitId")).toBe("Đơn vị này không thuộc phạm vi quản trị của bạn.");
    });
  });

  describe("disabling, re-enabling, resetting the password, changing the role", () => {
    let victim: string;
    beforeAll(async () => {
      victim = await createOfficer(s.deps, "mc.khoa", "counter_officer", QUANG_KHE);
    });

    it("disabling ends the account's sessions and refuses its sign-in; re-enabling lets it in again", async () => {
      const officer = await signedInClient(s.baseUrl, "mc.khoa");
      const noReason = await unitAdmin.json("POST", `${BASE}/${victim}/disable`, {});
      expect(noReason.status).toBe(400);
      expect(fieldOf(noReason.body, "reason")).toBe("Ghi lý do thay đổi.");

      const r = await unitAdmin.json<{ account: AccountView }>("POST", `${BASE}/${victim}/disable`, {
        reason: "Nghỉ việc từ 16/7/2025",
      });
      expect(r.status).toBe(200);
      expect(r.body.account.active).toBe(false);
      expect((await officer.get("/console/api/board")).status).toBe(401);
      expect((await (await consoleClient(s.baseUrl)).login("mc.khoa")).status).toBe(401);

      const back = await unitAdmin.json<{ account: AccountView }>("POST", `${BASE}/${victim}/enable`, {
        reason: "Quay lại công tác",
      });
      expect(back.body.account.active).toBe(true);
      expect((await (await consoleClient(s.baseUrl)).login("mc.khoa")).status).toBe(200);

      const audit = await listAuditFor(t.db, "user", victim);
      expect(audit.map((a) => [a.actorId, a.action, a.fields])).toEqual([
        [ids.unitAdmin, "update", ["active"]],
        [ids.unitAdmin, "update", ["active"]],
      ]);
      expect(audit[0]!.reason).toMatch(/^Khóa tài khoản mc\.khoa, kết thúc 1 phiên đang mở\. Lý do: Nghỉ việc/);
      expect(audit[1]!.reason).toBe("Mở khóa tài khoản mc.khoa. Lý do: Quay lại công tác");
    });

    it("resetting gives a new one-time password once and ends the sessions; the old password stops working", async () => {
      const officer = await signedInClient(s.baseUrl, "mc.khoa");
      const r = await unitAdmin.json<OneTimePasswordReply>("POST", `${BASE}/${victim}/reset-password`, {
        reason: "Quên mật khẩu",
      });
      expect(r.status).toBe(200);
      expect(r.body.account.mustChangePassword).toBe(true);
      expect((await officer.get("/console/api/board")).status).toBe(401);
      expect((await (await consoleClient(s.baseUrl)).login("mc.khoa")).status).toBe(401);
      const again = await consoleClient(s.baseUrl);
      expect((await again.login("mc.khoa", r.body.oneTimePassword)).status).toBe(200);
      expect((await again.json<ErrorBody>("GET", "/console/api/board")).body.error.code).toBe(
        "password_change_required",
      );
      const audit = await listAuditFor(t.db, "user", victim);
      expect(audit.at(-1)).toMatchObject({ actorId: ids.unitAdmin, fields: ["password_hash"] });
      expect(JSON.stringify(audit)).not.toContain(r.body.oneTimePassword);
    });

    it("changes a role, audited; the new role applies to the next request", async () => {
      const r = await unitAdmin.json<{ account: AccountView }>("PUT", `${BASE}/${ids.counter}/role`, {
        role: "processing_officer",
        reason: "Phân công lại",
      });
      expect(r.status).toBe(200);
      expect(r.body.account.role).toBe("processing_officer");
      const officer = await signedInClient(s.baseUrl, "mc.quangkhe");
      const drafts = await officer.json<ErrorBody>("POST", "/console/api/intake/drafts", { procedureCode: "1.004873" });
      expect(drafts.status).toBe(403);
      expect((await listAuditFor(t.db, "user", ids.counter)).at(-1)).toMatchObject({
        actorId: ids.unitAdmin,
        fields: ["role"],
        reason: "Đổi vai trò tài khoản mc.quangkhe: counter_officer → processing_officer. Lý do: Phân công lại",
      });
      const byProvince = await provinceAdmin.json<{ account: AccountView }>("PUT", `${BASE}/${ids.counter}/role`, {
        role: "counter_officer",
        reason: "Trả lại vai trò cũ",
      });
      expect(byProvince.body.account.role).toBe("counter_officer");
    });

    it("nobody changes their own role or disables or resets themself", async () => {
      const role = await unitAdmin.json("PUT", `${BASE}/${ids.unitAdmin}/role`, { role: "leader", reason: "Thử" });
      expect(role.status).toBe(403);
      expect(fieldOf(role.body, "role")).toBe("Bạn không thể tự đổi vai trò của mình.");
      const provinceRole = await provinceAdmin.json("PUT", `${BASE}/${ids.provinceAdmin}/role`, {
        role: "province_viewer",
        reason: "Thử",
      });
      expect(fieldOf(provinceRole.body, "role")).toBe("Bạn không thể tự đổi vai trò của mình.");
      const disable = await unitAdmin.json<ErrorBody>("POST", `${BASE}/${ids.unitAdmin}/disable`, { reason: "Thử" });
      expect(disable.status).toBe(403);
      expect(disable.body.error.message).toBe("Bạn không thể tự khóa hoặc mở khóa tài khoản của mình.");
      const reset = await unitAdmin.json("POST", `${BASE}/${ids.unitAdmin}/reset-password`, { reason: "Thử" });
      expect(reset.status).toBe(403);
      expect(await findOfficerByUsername(t.db, "qt.quangkhe")).toMatchObject({ role: "unit_admin", active: true });
    });

    it("refuses a role outside the scope or not fitting the unit beside the field", async () => {
      const province = await unitAdmin.json("PUT", `${BASE}/${victim}/role`, {
        role: "province_viewer",
        reason: "Thử",
      });
      expect(province.status).toBe(403);
      expect(fieldOf(province.body, "role")).toBe(
        "Quản trị đơn vị chỉ cấp được vai trò của đơn vị (không cấp vai trò cấp tỉnh).",
      );
      const misfit = await provinceAdmin.json("PUT", `${BASE}/${victim}/role`, {
        role: "province_admin",
        reason: "Thử",
      });
      expect(misfit.status).toBe(400);
      expect(fieldOf(misfit.body, "role")).toBe(
        "Vai trò cấp tỉnh chỉ dành cho tài khoản của tỉnh: chọn đơn vị là tỉnh.",
      );
      const unknown = await provinceAdmin.json("PUT", `${BASE}/${victim}/role`, { role: "system", reason: "Thử" });
      expect(fieldOf(unknown.body, "role")).toBe("Chọn một vai trò trong danh sách.");
    });

    it("another unit's or the province's accounts read as missing to a unit administrator", async () => {
      const tinh = (await findOfficerByUsername(t.db, "tinh.quantri"))!;
      for (const [method, path, body] of [
        ["POST", `${BASE}/${ids.namDa}/disable`, { reason: "Thử" }],
        ["POST", `${BASE}/${ids.namDa}/reset-password`, { reason: "Thử" }],
        ["PUT", `${BASE}/${ids.namDa}/role`, { role: "leader", reason: "Thử" }],
        ["POST", `${BASE}/${tinh.id}/disable`, { reason: "Thử" }],
        ["POST", `${BASE}/khong-co/enable`, { reason: "Thử" }],
      ] as const) {
        const r = await unitAdmin.json<ErrorBody>(method, path, body);
        expect([path, r.status, r.body.error.code]).toEqual([path, 404, "account_not_found"]);
      }
      expect((await findOfficerByUsername(t.db, "mc.namda"))!.active).toBe(true);
      // The province administrator manages Nam Đà's account.
      const r = await provinceAdmin.json<{ account: AccountView }>("POST", `${BASE}/${ids.namDa}/disable`, {
        reason: "Chuyển công tác",
      });
      expect(r.body.account.active).toBe(false);
    });
  });
});
