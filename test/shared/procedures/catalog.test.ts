import { describe, expect, it } from "@jest/globals";
import { feeSchedule, type FeeEntry } from "../../../shared/data/fees.js";
import { procedureVersions } from "../../../shared/data/procedures/procedure-versions.js";
import { createCatalog, procedureCatalog } from "../../../shared/procedures/catalog.js";

describe("procedure catalog", () => {
  it.each([
    ["1.004873", "2024-03-13", "1.004873@2023-01-01"],
    ["1.004873", "2024-07-20", "1.004873@2023-01-01"],
    ["1.004873", "2024-07-21", "1.004873@2024-07-21"],
    ["1.004873", "2024-12-31", "1.004873@2024-07-21"],
    ["1.004873", "2025-06-30", "1.004873@2025-01-01"],
    ["1.004873", "2027-03-01", "1.004873@2027-03-01"],
    ["1.001612", "2023-06-30", "1.001612@2023-01-01"],
    ["1.001612", "2023-07-01", "1.001612@2023-07-01"],
    ["1.001612", "2025-12-31", "1.001612@2025-07-01"],
    ["1.004873", "2025-07-01", "1.004873@2025-07-01"],
    ["1.011441", "2023-01-15", "1.011441@2023-01-15"],
    ["1.001612", "2026-03-18", "1.001612@2026-01-01"],
  ])("versionAt(%s, %s) is %s", (code, date, id) => {
    expect(procedureCatalog.versionAt(code, date)?.id).toBe(id);
  });

  it("has no version before a procedure's first basis date, nor for unknown codes", () => {
    expect(procedureCatalog.versionAt("1.011441", "2023-01-14")).toBeUndefined();
    expect(procedureCatalog.versionAt("2.000815", "2024-03-13")).toBeUndefined();
  });

  it("finds a version by the id a dossier stores, and versions cannot be edited in place", () => {
    const v = procedureCatalog.versionById("1.011443@2023-01-15");
    expect(v?.name).toBe("Xóa đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất");
    expect(() => {
      (v as { name: string }).name = "khác";
    }).toThrow(TypeError);
    expect(() => {
      (v!.requiredDocuments as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it.each([
    ["district", "2024-03-13", ["1.001612", "1.011441", "1.011443"]],
    ["commune", "2024-03-13", ["1.004873"]],
    ["district", "2025-07-01", []],
    ["commune", "2025-07-01", ["1.001612", "1.004873", "1.011441", "1.011443"]],
    ["province", "2026-01-05", []],
  ] as const)("a %s one-stop on %s receives %j", (level, date, codes) => {
    expect(
      procedureCatalog
        .receivedAtLevel(level, date)
        .map((v) => v.code)
        .sort(),
    ).toEqual(codes);
  });

  it.each([
    ["67", "1.001612", "2024-03-13"],
    ["68", "1.004873", "2026-03-18"],
    ["68", "1.011441", "2025-07-01"],
  ])("fee in province %s for %s on %s is unknown: shown as 'cần kiểm tra', never invented", (province, code, date) => {
    const fee = procedureCatalog.feeFor(province, code, date);
    expect(fee).toMatchObject({ amountVnd: null, display: "cần kiểm tra", toVerify: true });
    expect(fee.entry?.basis).toBeTruthy();
  });

  it("has a fee row for every shipped procedure in Đắk Nông (2023) and Lâm Đồng (2025), all to verify", () => {
    for (const code of ["1.011441", "1.011443", "1.001612", "1.004873"]) {
      expect(
        [...new Set(feeSchedule.filter((f) => f.procedureCode === code).map((f) => f.provinceCode))].sort(),
      ).toEqual(["67", "68"]);
    }
    expect(feeSchedule.every((f) => f.toVerify && f.evidence === "U")).toBe(true);
  });

  it("no longer mentions the household licence fee (lệ phí môn bài) from 01/01/2026", () => {
    expect(procedureCatalog.feeFor("68", "1.001612", "2025-12-31").entry?.note).toContain("môn bài");
    expect(procedureCatalog.feeFor("68", "1.001612", "2026-01-01").entry?.note).not.toContain("môn bài");
  });

  it("answers 'cần kiểm tra' for a province without data, and shows a configured amount with its flag", () => {
    expect(procedureCatalog.feeFor("01", "1.001612", "2026-03-18")).toEqual({
      amountVnd: null,
      onlineAmountVnd: null,
      display: "cần kiểm tra",
      toVerify: true,
    });
    const row: FeeEntry = {
      ...feeSchedule[0]!,
      provinceCode: "99",
      procedureCode: "1.001612",
      amountVnd: 100_000,
      onlineAmountVnd: 0,
    };
    const catalog = createCatalog(procedureVersions, [row]);
    expect(catalog.feeFor("99", "1.001612", "2024-03-13")).toMatchObject({
      amountVnd: 100_000,
      onlineAmountVnd: 0,
      display: "100.000 đ (cần kiểm tra)",
    });
    expect(catalog.feeFor("99", "1.001612", "2025-07-01").display).toBe("cần kiểm tra");
  });
});
