import { describe, expect, it } from "@jest/globals";
import { procedureCatalog } from "../../../shared/procedures/catalog.js";
import { whereToSubmit } from "../../../shared/procedures/where-to-submit.js";

const quangKhe = { type: "xã" as const, name: "Quảng Khê" };
const version = (code: string, date: string) => {
  const v = procedureCatalog.versionAt(code, date);
  if (!v) throw new Error(`no ${code} on ${date}`);
  return v;
};

describe("whereToSubmit: nơi tiếp nhận and nơi giải quyết in citizen words", () => {
  it("a land security registration at a commune after 01/07/2025: submitted at the commune, decided by the land office", () => {
    const w = whereToSubmit(version("1.011441", "2026-03-18"), quangKhe);
    expect(w).toEqual({
      receivingOffice: "Trung tâm Phục vụ hành chính công xã Quảng Khê",
      decidingOffice: "Văn phòng đăng ký đất đai hoặc Chi nhánh Văn phòng đăng ký đất đai",
      sameBody: false,
      text: "Nộp hồ sơ và nhận kết quả tại Trung tâm Phục vụ hành chính công xã Quảng Khê; nơi giải quyết là Văn phòng đăng ký đất đai hoặc Chi nhánh Văn phòng đăng ký đất đai, hồ sơ được chuyển đến đó.",
    });
    expect(whereToSubmit(version("1.011443", "2026-03-18"), quangKhe).sameBody).toBe(false);
  });

  it("a marital status certificate: the commune receives and decides", () => {
    const w = whereToSubmit(version("1.004873", "2026-03-18"), quangKhe);
    expect(w.sameBody).toBe(true);
    expect(w.decidingOffice).toBe("Ủy ban nhân dân xã Quảng Khê");
    expect(w.text).toBe("Nộp hồ sơ và nhận kết quả tại Trung tâm Phục vụ hành chính công xã Quảng Khê.");
  });

  it("names the one-stop as it was called then: the 2023 district one-stop", () => {
    const w = whereToSubmit(version("1.001612", "2024-03-13"), { type: "huyện", name: "Đắk Glong" });
    expect(w.receivingOffice).toBe("Bộ phận Tiếp nhận và Trả kết quả huyện Đắk Glong");
  });

  it("without a unit, keeps the level words", () => {
    expect(whereToSubmit(version("1.011441", "2026-03-18")).receivingOffice).toBe(
      "Trung tâm Phục vụ hành chính công cấp xã",
    );
  });
});
