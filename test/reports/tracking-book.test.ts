/**
 * The Sổ theo dõi hồ sơ downloaded from the console on SQLite and PostgreSQL: which dossiers a unit's book holds
 * (its own, those of the communes merged into it, not its neighbour's; Việt Nam days at the period's edges), the
 * dates of the steps from the dossier events, the note of a late dossier with its apology, who may download it,
 * the Excel file opened again, and the audit of the personal data it prints.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import ExcelJS from "exceljs";
import { appendDossierEvent } from "../../bot-server/src/store/dossiers.js";
import {
  NAM_DA,
  QUANG_KHE,
  signedInOfficers,
  startConsoleServer,
  type ConsoleServer,
} from "../console/helpers/console-server.js";
import { forEachDatabase, type TestDatabase } from "../helpers/databases.js";
import { insertDossier } from "../helpers/dossier-rows.js";

/** Đắk Plao, a commune of Đắk Glong district merged into Quảng Khê on 1/7/2025. */
const DAK_PLAO = "24634@2020-03-01";
const DAK_GLONG = "661@2020-03-01";
const q = (unitId: string, from: string, to: string, extra = "") =>
  `unitId=${encodeURIComponent(unitId)}&from=${from}&to=${to}${extra}`;

forEachDatabase((name, open) => {
  describe(`tracking book downloads (${name})`, () => {
    let t: TestDatabase;
    let s: ConsoleServer;
    let clients: Awaited<ReturnType<typeof signedInOfficers>>;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      t = await open();
      s = await startConsoleServer(t);
      const event = async (dossierId: string, type: string, at: string, data: Record<string, unknown> = {}) =>
        appendDossierEvent(s.deps.db, {
          dossierId,
          type,
          fromState: null,
          toState: type,
          actorId: null,
          actorRole: null,
          at,
          data,
        });
      ids.done = await insertDossier(s.deps.db, {
        code: "000.00.06.H98-251015-0001",
        state: "returned",
        receivingUnitId: QUANG_KHE,
        receivedAt: "2025-10-15T02:00:00.000Z",
        dueDate: "2025-10-15",
      });
      await event(ids.done, "receive", "2025-10-15T02:00:00.000Z");
      await event(ids.done, "start_processing", "2025-10-15T02:30:00.000Z");
      await event(ids.done, "mark_result_ready", "2025-10-15T06:00:00.000Z");
      await event(ids.done, "return_result", "2025-10-16T01:00:00.000Z");
      // 23:30 on 31/10 in Việt Nam is in October's book; 00:10 on 1/11 is not, though both are 31/10 in UTC.
      ids.late = await insertDossier(s.deps.db, {
        code: "000.00.06.H98-251031-0002",
        state: "processing",
        track: "normal",
        receivingUnitId: QUANG_KHE,
        receivedAt: "2025-10-31T16:30:00.000Z",
        dueDate: "2025-11-03",
      });
      await event(ids.late, "extend_due_date", "2025-11-03T03:00:00.000Z", {
        previousDueDate: "2025-11-03",
        newDueDate: "2025-11-05",
      });
      ids.november = await insertDossier(s.deps.db, {
        code: "000.00.06.H98-251101-0003",
        receivingUnitId: QUANG_KHE,
        receivedAt: "2025-10-31T17:10:00.000Z",
      });
      ids.dakPlao = await insertDossier(s.deps.db, {
        code: "000.00.06.H98-250610-0004",
        receivingUnitId: DAK_PLAO,
        receivedAt: "2025-06-10T02:00:00.000Z",
        procedureVersionId: "1.004873@2025-01-01",
        dueDate: "2025-06-10",
      });
      ids.namDa = await insertDossier(s.deps.db, {
        code: "000.00.06.H98-251015-0005",
        receivingUnitId: NAM_DA,
        receivedAt: "2025-10-15T02:00:00.000Z",
      });
      clients = await signedInOfficers(s, [
        ["tb-leader", "leader", QUANG_KHE],
        ["tb-admin-nd", "unit_admin", NAM_DA],
        ["tb-province", "province_viewer", null],
        ["tb-counter", "counter_officer", QUANG_KHE],
      ]);
    }, 60_000);

    afterAll(async () => {
      await s?.close();
      await t?.close();
    });

    const book = async (client: number, query: string) => {
      const res = await clients[client]!.client.get(`/console/api/report-exports/book/json?${query}`);
      return {
        status: res.status,
        body: (await res.json()) as {
          rows: Record<string, unknown>[];
          unitName: string;
          formCode: string;
          error?: { message: string };
        },
      };
    };

    it("holds the unit's dossiers of the month in Việt Nam days, with the step dates and the apology noted", async () => {
      const { status, body } = await book(0, q(QUANG_KHE, "2025-10-01", "2025-10-31"));
      expect(status).toBe(200);
      expect(body.unitName).toBe("xã Quảng Khê");
      expect(body.formCode).toBe("Mẫu số 07");
      expect(body.rows.map((r) => [r.stt, r.code])).toEqual([
        [1, "000.00.06.H98-251015-0001"],
        [2, "000.00.06.H98-251031-0002"],
      ]);
      expect(body.rows[0]).toMatchObject({
        applicantName: "Nguyễn Văn Thử",
        receivedOn: "2025-10-15",
        dueOn: "2025-10-15",
        sentToDecidingOn: "2025-10-15",
        resultReceivedOn: "2025-10-15",
        returnedOn: "2025-10-16",
        note: "",
      });
      expect(body.rows[1]).toMatchObject({
        receivedOn: "2025-10-31",
        sentToDecidingOn: null,
        returnedOn: null,
        note: "Quá hạn, có văn bản xin lỗi (Mẫu 04)",
      });
    });

    it("counts the communes merged into the unit, and a district's communes before 1/7/2025", async () => {
      const own = await book(0, q(QUANG_KHE, "2025-06-01", "2025-06-30"));
      expect(own.body.rows.map((r) => r.code)).toEqual(["000.00.06.H98-250610-0004"]);
      expect(own.body.formCode).toBe("Mẫu số 06");
      const district = await book(2, q(DAK_GLONG, "2025-06-01", "2025-06-30"));
      expect(district.body.rows.map((r) => r.code)).toEqual(["000.00.06.H98-250610-0004"]);
      const province = await book(2, "from=2025-10-15&to=2025-10-15");
      expect(province.body.rows.map((r) => r.code).sort()).toEqual([
        "000.00.06.H98-251015-0001",
        "000.00.06.H98-251015-0005",
      ]);
    });

    it("refuses another unit's book, and roles that do not report", async () => {
      const other = await book(1, q(QUANG_KHE, "2025-10-01", "2025-10-31"));
      expect(other.status).toBe(403);
      expect(other.body.error?.message).toBe("Bạn chỉ được tải báo cáo của đơn vị mình.");
      expect((await book(3, q(QUANG_KHE, "2025-10-01", "2025-10-31"))).status).toBe(403);
    });

    it("explains a bad period in Vietnamese", async () => {
      const res = await clients[0]!.client.get(
        `/console/api/report-exports/book/xlsx?${q(QUANG_KHE, "2025-10-31", "2025-10-01")}`,
      );
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { fields: { message: string }[] } };
      expect(body.error.fields[0]!.message).toContain("Ngày bắt đầu phải trước ngày kết thúc");
    });

    it("downloads the Excel book, which opens with the header, rows and total", async () => {
      const res = await clients[0]!.client.get(
        `/console/api/report-exports/book/xlsx?${q(QUANG_KHE, "2025-10-01", "2025-10-31")}`,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toContain(
        "so-theo-doi-ho-so-xa-quang-khe-2025-10-01-2025-10-31.xlsx",
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
      const ws = wb.getWorksheet("Sổ theo dõi hồ sơ")!;
      const texts: string[] = [];
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.value !== null && c.value !== "" && (!c.isMerged || c.master === c)) texts.push(String(c.value));
        }),
      );
      for (const s of [
        "Mẫu số 07",
        "SỔ THEO DÕI HỒ SƠ",
        "Ngày, tháng, năm",
        "Nhận hồ sơ",
        "000.00.06.H98-251015-0001",
        "16/10/2025",
        "Tổng cộng",
        "NGƯỜI LẬP SỔ",
        "THỦ TRƯỞNG ĐƠN VỊ",
      ]) {
        expect(texts).toContain(s);
      }
    });

    it("records who downloaded the applicants' data, per dossier", async () => {
      const rows = await s.deps.db
        .selectFrom("audit_log")
        .select(["subject_id", "action", "actor_id"])
        .where("reason", "=", "Tải Sổ theo dõi hồ sơ")
        .execute();
      expect(
        rows.filter((r) => r.subject_id === ids.done && r.actor_id === clients[0]!.id && r.action === "export").length,
      ).toBeGreaterThan(0);
      expect(rows.some((r) => r.subject_id === ids.namDa && r.actor_id === clients[0]!.id)).toBe(false);
    });
  });
});
