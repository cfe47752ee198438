/** The domain's public API as other code and other provinces' integrators see it: shared/index.ts only. */
import { describe, expect, it } from "@jest/globals";
import { addWorkingDays, decideTrack, isWorkingDay, parseCccdQr, understand } from "../../shared/index.js";

describe("shared/index.ts public API", () => {
  it.each([
    ["2026-02-16", false], // Tết Bính Ngọ break
    ["2026-02-23", true],
    ["2025-04-26", true], // make-up Saturday
    ["2025-05-02", false], // swapped Friday
    ["2026-03-11", true],
    ["2026-03-14", false],
  ])("isWorkingDay(%s) is %s", (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it("addWorkingDays skips the 2026 Tết break", () => {
    expect(addWorkingDays("2026-02-12", 3)).toBe("2026-02-24");
  });

  it("decideTrack: Wednesday before 15:00 at a pilot commune is same-day; after 15:00 it falls back with a due date", () => {
    const before = decideTrack({ unitCode: "24631", procedureCode: "1.004873", at: "2024-03-13T10:00:00+07:00" });
    expect(before).toMatchObject({ ok: true, track: "same-day", dueDate: "2024-03-13" });
    const after = decideTrack({ unitCode: "24631", procedureCode: "1.004873", at: "2024-03-13T15:05:00+07:00" });
    expect(after.ok && after.track).toBe("normal");
    expect(after.ok && after.dueDate > "2024-03-13").toBe(true);
    expect(after.ok && after.reasons.join(" ")).toMatch(/15:00/);
  });

  it("decideTrack refuses a procedure the unit does not receive, with a Vietnamese error", () => {
    const r = decideTrack({ unitCode: "664", procedureCode: "1.004873", at: "2024-03-13T10:00:00+07:00" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.length).toBeGreaterThan(10);
  });

  it("parseCccdQr reads a synthetic 7-field payload and rejects a non-CCCD QR", () => {
    const ok = parseCccdQr(
      "067085000001|245000001|Nguyễn Văn Thử|15061985|Nam|Thôn 3, Xã Nam Đà, Huyện Krông Nô, Tỉnh Đắk Nông|20042021\r\n",
    );
    expect(ok).toEqual({
      ok: true,
      value: expect.objectContaining({
        idNumber: "067085000001",
        oldIdNumber: "245000001",
        fullName: "Nguyễn Văn Thử",
        dateOfBirth: "1985-06-15",
        sex: "Nam",
        issueDate: "2021-04-20",
      }),
    });
    expect(parseCccdQr("https://example.vn/pay?x=1").ok).toBe(false);
  });
});

describe("understand (chatbot) through the public API", () => {
  it("reads a message typed without diacritics", () => {
    expect(understand("xin giay xac nhan doc than can nhung gi")).toMatchObject({
      intent: "procedure_checklist",
      procedureCode: "1.004873",
    });
  });
});
