/**
 * /console/api/chatbot: the OA's area (read by every officer, set by the unit administrator to their unit or its
 * province, audited) and "Thử chatbot" (the exact citizen reply, buttons included, with what was understood).
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { listAuditFor } from "../../bot-server/src/store/audit.js";
import { readChatbotArea } from "../../bot-server/src/store/chatbot-area.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { QUANG_KHE, signedInOfficers, startConsoleServer, type ConsoleServer } from "./helpers/console-server.js";

type Client = Awaited<ReturnType<typeof signedInOfficers>>[number]["client"];
const LAM_DONG = "68@2025-07-01";

forEachDatabase((_name, open) => {
  let t: TestDatabase;
  let s: ConsoleServer;
  let admin: Client, counter: Client;
  let adminId: string;
  beforeAll(async () => {
    t = await open();
    s = await startConsoleServer(t);
    const officers = await signedInOfficers(s, [
      ["qk.quantri", "unit_admin", QUANG_KHE],
      ["qk.motcua", "counter_officer", QUANG_KHE],
    ]);
    adminId = officers[0]!.id;
    [admin, counter] = officers.map((o) => o.client) as [Client, Client];
  });
  afterAll(() => s?.close());

  it("the unit administrator sets the OA's area to the province (audited); a counter officer may not, nor a unit elsewhere", async () => {
    const before = await admin.json<{ unitId: string | null; canEdit: boolean; choices: { unitId: string }[] }>(
      "GET",
      "/console/api/chatbot/area",
    );
    expect(before.body).toMatchObject({ unitId: null, canEdit: true });
    expect(before.body.choices.map((c) => c.unitId)).toEqual([QUANG_KHE, LAM_DONG]);
    const set = await admin.json<{ unitId: string; name: string }>("PUT", "/console/api/chatbot/area", {
      unitId: LAM_DONG,
    });
    expect(set).toMatchObject({ status: 200, body: { unitId: LAM_DONG, name: "tỉnh Lâm Đồng" } });
    expect((await readChatbotArea(t.db)).unitId).toBe(LAM_DONG);
    const audit = await listAuditFor(t.db, "chatbot_setting", "chatbot_area");
    expect(audit.map((a) => [a.actorId, a.action, a.reason])).toEqual([
      [adminId, "update", `Khu vực chatbot: chưa đặt → ${LAM_DONG}`],
    ]);

    const refused = await counter.json<{ error: { code: string; message: string } }>(
      "PUT",
      "/console/api/chatbot/area",
      { unitId: QUANG_KHE },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("Chỉ quản trị đơn vị");
    const elsewhere = await admin.json<{ error: { message: string } }>("PUT", "/console/api/chatbot/area", {
      unitId: "24697@2025-07-01",
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.message).toContain("đơn vị của mình hoặc tỉnh");
    expect((await counter.json<{ name: string }>("GET", "/console/api/chatbot/area")).body.name).toBe("tỉnh Lâm Đồng");
  });

  it("'Thử chatbot' shows the citizen's reply with its buttons and the understood intent, for the unit picked", async () => {
    const units = await counter.json<{ units: { unitId: string }[]; defaultUnitId: string }>(
      "GET",
      "/console/api/chatbot/units",
    );
    expect(units.body.defaultUnitId).toBe(QUANG_KHE);
    expect(units.body.units.length).toBe(29); // the province and its 28 communes
    const province = await counter.json<{ intent: string; reply: { text: string; buttons: { title: string }[] } }>(
      "POST",
      "/console/api/chatbot/try",
      { text: "Ngày không hẹn là thứ mấy?", unitId: LAM_DONG },
    );
    expect(province.body.intent).toBe("scheme_schedule");
    expect(province.body.reply.text).toMatch(/^Ngày không hẹn tại 28 xã, phường của tỉnh Lâm Đồng/);
    const commune = await counter.json<{
      intent: string;
      understood: { procedureCode: string };
      reply: { text: string; buttons: { title: string; url?: string }[] };
    }>("POST", "/console/api/chatbot/try", { text: "xác nhận độc thân cần gì", unitId: QUANG_KHE });
    expect(commune.body.intent).toBe("procedure_checklist");
    expect(commune.body.understood.procedureCode).toBe("1.004873");
    expect(commune.body.reply.text).toContain("Tại xã Quảng Khê, thủ tục này thuộc Ngày không hẹn");
    expect(commune.body.reply.buttons.map((b) => b.title)).toContain("Xem thủ tục");
    const welcome = await counter.json<{ reply: { buttons: { title: string }[] } }>(
      "POST",
      "/console/api/chatbot/try",
      { text: "x", event: "follow", unitId: QUANG_KHE },
    );
    expect(welcome.body.reply.buttons.map((b) => b.title)).toEqual([
      "Ngày không hẹn ở xã tôi",
      "Khai trước hồ sơ",
      "Tra cứu hồ sơ",
      "Gặp cán bộ",
    ]);
    const empty = await counter.json<{ error: { fields: { message: string }[] } }>("POST", "/console/api/chatbot/try", {
      text: "  ",
      unitId: QUANG_KHE,
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields[0]!.message).toBe("Nhập câu hỏi của người dân.");
  });
});
