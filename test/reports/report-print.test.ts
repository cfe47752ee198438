/**
 * The printed report and tracking book: rendered to PDF and read back with pdftotext, as the clerk would check
 * the printout (title, unit, period, the rows, totals, place and date, the signatures).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { reportPdf, trackingBookPdf } from "../../bot-server/src/reports/report-print.js";
import { trackingBookCsv, trackingBookJson } from "../../bot-server/src/reports/tracking-book-data.js";
import { BOOK, MONTH_REPORT } from "./fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "report-print-"));
function textOf(pdf: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return execFileSync("/usr/bin/pdftotext", ["-raw", file, "-"], { encoding: "utf8" })
    .replace(/\u200b/g, "")
    .replace(/[\s\u00a0]+/g, " ");
}
const pagesOf = (pdf: Buffer, name: string) => {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return execFileSync("/usr/bin/pdfinfo", [file], { encoding: "utf8" });
};

describe("printed report", () => {
  it("reads as the report table with its signatures", () => {
    const text = textOf(
      reportPdf(MONTH_REPORT, {
        agencyTop: "Ủy ban nhân dân xã Quảng Khê",
        agency: "Bộ phận Một cửa",
        place: "Quảng Khê",
        date: "2025-11-03",
      }),
      "report.pdf",
    );
    for (const s of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "ỦY BAN NHÂN DÂN XÃ QUẢNG KHÊ",
      "BÁO CÁO KẾT QUẢ THỰC HIỆN NGÀY KHÔNG VIẾT – NGÀY KHÔNG HẸN",
      "Đơn vị: Xã Quảng Khê",
      "Kỳ báo cáo: Tháng 10/2025",
      "Số hồ sơ tiếp nhận",
      "1.234",
      "92,5",
      "3,3",
      "Tổng cộng",
      "Quảng Khê, ngày 03 tháng 11 năm 2025",
      "NGƯỜI LẬP BIỂU",
      "THỦ TRƯỞNG ĐƠN VỊ",
    ])
      expect(text).toContain(s);
    expect(
      pagesOf(reportPdf(MONTH_REPORT, { agencyTop: "", agency: "", place: "", date: "2025-11-03" }), "r2.pdf"),
    ).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });
});

describe("printed tracking book", () => {
  it("is A4 landscape with the book's columns, rows and signatures", () => {
    const pdf = trackingBookPdf(BOOK, { place: "Quảng Khê", date: "2025-11-03" });
    expect(pagesOf(pdf, "book.pdf")).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const text = textOf(pdf, "book.pdf");
    for (const s of [
      "Mẫu số 07",
      "SỔ THEO DÕI HỒ SƠ",
      "Từ ngày 01/10/2025 đến ngày 31/10/2025",
      "Mã hồ sơ",
      "Tên TTHC",
      "Cơ quan chủ trì giải quyết",
      "Ký nhận",
      "Ghi chú",
      "Nguyễn Văn Thử",
      "16/10/2025 17/10/2025",
      "Quá hạn, có văn bản xin lỗi",
      "Tổng cộng",
      "NGƯỜI LẬP SỔ",
      "THỦ TRƯỞNG ĐƠN VỊ",
    ])
      expect(text).toContain(s);
    // The dossier code wraps at its dashes in the narrow column, whole otherwise.
    expect(text).toMatch(/000\.00\.06\.H98- ?251015- ?0001/);
  });
});

describe("tracking book as data", () => {
  it("writes CSV with a BOM, the book's columns, quoted fields and no formula injection", () => {
    const csv = trackingBookCsv(BOOK);
    expect(csv.startsWith("\ufeffSTT,Mã hồ sơ,Tên TTHC,Số lượng hồ sơ (bộ),")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('"Ngày, tháng, năm - Nhận hồ sơ"');
    expect(lines[1]).toBe(
      "1,000.00.06.H98-251015-0001,Cấp Giấy xác nhận tình trạng hôn nhân,1,Nguyễn Văn Thử,Thôn 1, xã Quảng Khê – 0912345678,UBND xã Quảng Khê,2025-10-15,2025-10-15,2025-10-15,2025-10-15,2025-10-15,,".replace(
        "Thôn 1, xã Quảng Khê – 0912345678",
        '"Thôn 1, xã Quảng Khê – 0912345678"',
      ),
    );
    expect(lines[2]).toContain('"Trần Thị ""Mai"", Hoa","\'=cmd"');
  });

  it("writes JSON with the columns and the rows", () => {
    const json = trackingBookJson(BOOK) as { columns: { key: string }[]; rows: unknown[] };
    expect(json.columns.map((c) => c.key)).toContain("resultReceivedOn");
    expect(json.rows).toHaveLength(2);
  });
});
