/**
 * When a new dated version may start (docs/admin/procedures.md#rules): never before today, never on or before a
 * later version's start; the version in force before it ends the day before. And how a province's fee reads.
 */
import { describe, expect, it } from "@jest/globals";
import { feeQuoteOf } from "../../../shared/procedures/catalog.js";
import { scheduleNewVersion } from "../../../shared/procedures/version-schedule.js";
import type { FeeEntry } from "../../../shared/data/fees.js";

const versions = [
  { id: "1.004873@2023-01-01", validFrom: "2023-01-01", validTo: "2025-06-30" },
  { id: "1.004873@2025-07-01", validFrom: "2025-07-01" },
];

describe("scheduleNewVersion", () => {
  it("closes the version in force the day before the new one", () => {
    expect(scheduleNewVersion(versions, "2025-09-01", "2025-07-16")).toEqual({
      ok: true,
      closes: { id: "1.004873@2025-07-01", validTo: "2025-08-31" },
    });
  });

  it("accepts today, and closes nothing when the version before already ended earlier", () => {
    expect(scheduleNewVersion(versions, "2025-07-16", "2025-07-16").ok).toBe(true);
    const ended = [{ id: "a@2023-01-01", validFrom: "2023-01-01", validTo: "2024-12-31" }];
    expect(scheduleNewVersion(ended, "2025-09-01", "2025-07-16")).toEqual({ ok: true, closes: null });
  });

  it("refuses a past date, in Vietnamese with dd/mm/yyyy", () => {
    const r = scheduleNewVersion(versions, "2025-07-15", "2025-07-16");
    expect(r).toMatchObject({ ok: false, reason: "past" });
    expect(!r.ok && r.message).toContain("15/07/2025");
  });

  it("refuses a start on or before a later version's start", () => {
    const later = [...versions, { id: "1.004873@2027-03-01", validFrom: "2027-03-01" }];
    for (const date of ["2026-01-01", "2027-03-01"]) {
      const r = scheduleNewVersion(later, date, "2025-07-16");
      expect(r).toMatchObject({ ok: false, reason: "overlap", otherId: "1.004873@2027-03-01" });
      expect(!r.ok && r.message).toContain("01/03/2027");
    }
  });
});

describe("feeQuoteOf", () => {
  const base: FeeEntry = {
    provinceCode: "68",
    procedureCode: "1.004873",
    validFrom: "2025-08-01",
    amountVnd: null,
    onlineAmountVnd: null,
    kind: "lệ phí",
    basis: "Thông tư 85/2019/TT-BTC",
    note: "",
    source: "x",
    evidence: "V",
    toVerify: false,
  };

  it("reads 'do HĐND tỉnh quy định' with the resolution, an amount, or 'cần kiểm tra'", () => {
    expect(feeQuoteOf({ ...base, resolution: { number: "12/2025/NQ-HĐND", date: "2025-07-10" } }).display).toBe(
      "do HĐND tỉnh quy định (Nghị quyết số 12/2025/NQ-HĐND ngày 10/07/2025 của HĐND tỉnh)",
    );
    expect(feeQuoteOf({ ...base, amountVnd: 15000 }).display).toBe("15.000 đ");
    expect(feeQuoteOf({ ...base, amountVnd: 15000, toVerify: true }).display).toBe("15.000 đ (cần kiểm tra)");
    expect(feeQuoteOf({ ...base, toVerify: true, evidence: "U" }).display).toBe("cần kiểm tra");
  });
});
