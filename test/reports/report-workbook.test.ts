/**
 * The report's Excel file, opened again with exceljs as the province's clerk would open it: header, title, unit,
 * period, numbered rows with their values and formulas, the totals row and the signature block.
 */
import { describe, expect, it } from "@jest/globals";
import ExcelJS from "exceljs";
import { reportWorkbook } from "../../bot-server/src/reports/report-workbook.js";
import type { ExportableReport } from "../../bot-server/src/reports/report-sheet.js";
import { MONTH_REPORT } from "./fixtures.js";

async function open(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb.getWorksheet("Báo cáo")!;
}

/** Every non-empty cell's text, row by row, so the test reads like the sheet. */
function rowsOf(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const seen = new Set<string>();
    const cells: string[] = [];
    row.eachCell((c) => {
      const v = c.value === null || c.value === undefined ? "" : String(c.value);
      if (v !== "" && !(c.isMerged && seen.has(c.master.address))) cells.push(v);
      if (c.isMerged) seen.add(c.master.address);
    });
    out.push(cells);
  });
  return out;
}

describe("report workbook", () => {
  it("lays out header, title, unit, period, numbered rows, totals and signatures", async () => {
    const buf = await reportWorkbook(MONTH_REPORT, {
      agencyTop: "Ủy ban nhân dân xã Quảng Khê",
      agency: "Bộ phận Một cửa",
      place: "Quảng Khê",
      date: "2025-11-03",
    });
    expect(buf.subarray(0, 2).toString()).toBe("PK");
    const ws = await open(buf);
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual(["ỦY BAN NHÂN DÂN XÃ QUẢNG KHÊ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]);
    expect(rows[1]).toEqual(["BỘ PHẬN MỘT CỬA", "Độc lập - Tự do - Hạnh phúc"]);
    expect(rows[2]).toEqual(["BÁO CÁO KẾT QUẢ THỰC HIỆN NGÀY KHÔNG VIẾT – NGÀY KHÔNG HẸN"]);
    expect(rows[3]).toEqual(["Đơn vị: Xã Quảng Khê"]);
    expect(rows[4]).toEqual(["Kỳ báo cáo: Tháng 10/2025 (01/10/2025 – 31/10/2025)"]);
    expect(rows[5]).toEqual(["Thủ tục hành chính: Tất cả thủ tục"]);
    expect(rows[6]).toEqual(["STT", "Chỉ tiêu", "Đơn vị tính", "Giá trị", "Cách tính"]);
    expect(rows.slice(7, 11).map((r) => r.slice(0, 4))).toEqual([
      ["1", "Số hồ sơ tiếp nhận", "Hồ sơ", "1234"],
      ["2", "Tỷ lệ giải quyết trong ngày", "%", "92.5"],
      ["3", "Thời gian giải quyết trung bình", "Giờ làm việc", "3.25"],
      ["4", "Số văn bản xin lỗi (Mẫu 04)", "Hồ sơ", "—"],
    ]);
    expect(rows[8]![4]).toContain("× 100");
    expect(rows[11]).toEqual(["Tổng cộng", "1234", "Tổng số hồ sơ tiếp nhận trong kỳ"]);
    expect(rows[12]).toEqual(["Quảng Khê, ngày 03 tháng 11 năm 2025"]);
    expect(rows[13]).toEqual(["NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ"]);
    expect(rows[14]).toEqual(["(Ký, ghi rõ họ tên)", "(Ký, ghi rõ họ tên, đóng dấu)"]);
  });

  it("keeps numbers as numbers with a display format, prints A4 and repeats the table header", async () => {
    const ws = await open(await reportWorkbook(MONTH_REPORT, { place: "Quảng Khê", date: "2025-11-03" }));
    const valueCells = [10, 11, 12].map((r) => ws.getCell(r, 4));
    expect(valueCells.map((c) => c.value)).toEqual([1234, 92.5, 3.25]);
    expect(valueCells.map((c) => c.numFmt)).toEqual(["#,##0", "0.0", "0.0"]);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe("9:9");
  });

  it("names the procedure when the report is for one", async () => {
    const ws = await open(
      await reportWorkbook(
        { ...MONTH_REPORT, procedure: { code: "1.004873", name: "Cấp Giấy xác nhận tình trạng hôn nhân" } },
        { date: "2025-11-03" },
      ),
    );
    expect(String(ws.getCell(7, 1).value)).toBe("Thủ tục hành chính: 1.004873 – Cấp Giấy xác nhận tình trạng hôn nhân");
    expect(String(ws.getCell(16, 3).value)).toBe("ngày 03 tháng 11 năm 2025");
  });
});

describe("report workbook with groups", () => {
  it("prints group rows I, II over figures numbered on", async () => {
    const grouped: ExportableReport = {
      ...MONTH_REPORT,
      figures: MONTH_REPORT.figures.map((f, i) => ({ ...f, group: i < 2 ? "Tiếp nhận" : "Kết quả giải quyết" })),
    };
    const ws = await open(await reportWorkbook(grouped, { date: "2025-11-03" }));
    const col = (c: number) => [10, 11, 12, 13, 14, 15].map((r) => String(ws.getCell(r, c).value ?? ""));
    expect(col(1)).toEqual(["I", "1", "2", "II", "3", "4"]);
    expect(col(2)).toEqual([
      "Tiếp nhận",
      "Số hồ sơ tiếp nhận",
      "Tỷ lệ giải quyết trong ngày",
      "Kết quả giải quyết",
      "Thời gian giải quyết trung bình",
      "Số văn bản xin lỗi (Mẫu 04)",
    ]);
  });
});
