import { describe, expect, it } from "@jest/globals";
import { schemeStatusAt, type SchemeStatus } from "../../../shared/scheme/decide-track.js";

function status(unitCode: string, at: string): SchemeStatus {
  const s = schemeStatusAt(unitCode, at);
  if (!s.ok) throw new Error(`expected a status, got ${s.code}: ${s.error}`);
  return s;
}

describe("schemeStatusAt (public API)", () => {
  it("on a scheme Wednesday morning: open, minutes left to 15:00, the plan, and the track of each procedure", () => {
    const s = status("24631", "2024-03-13T10:00:00+07:00");
    expect(s).toMatchObject({
      unitName: "xã Quảng Khê",
      isSchemeDay: true,
      intakeOpen: true,
      openNow: true,
      minutesToCutoff: 300,
      intakeCutoff: "15:00",
      nextSchemeDay: "2024-03-13",
      plan: { id: "dak-nong-2023-province", status: "official", toVerify: true },
    });
    expect(s.officeHours).toEqual([
      { start: "07:00", end: "11:30" },
      { start: "13:30", end: "17:00" },
    ]);
    expect(s.procedures.map((p) => [p.procedureCode, p.sameDayEligible, p.track])).toEqual([
      ["1.004873", true, "same-day"],
    ]);
    expect(s.summary).toBe(
      "Hôm nay là Ngày không hẹn tại xã Quảng Khê: nhận hồ sơ trả trong ngày đến 15:00 (còn 5 giờ).",
    );
  });

  it("counts the time left in hours and minutes, and keeps intake open at 15:00 itself", () => {
    expect(status("24631", "2024-03-13T14:15:00+07:00").summary).toBe(
      "Hôm nay là Ngày không hẹn tại xã Quảng Khê: nhận hồ sơ trả trong ngày đến 15:00 (còn 45 phút).",
    );
    expect(status("24631", "2024-03-13T13:40:00+07:00").summary).toContain("(còn 1 giờ 20 phút)");
    const atCutoff = status("24631", "2024-03-13T15:00:00+07:00");
    expect(atCutoff).toMatchObject({ intakeOpen: true, minutesToCutoff: 0 });
    expect(atCutoff.procedures[0]).toMatchObject({ track: "same-day", dueDate: "2024-03-13" });
    expect(status("24631", "2024-03-13T15:01:00+07:00")).toMatchObject({ intakeOpen: false });
  });

  it("after the cutoff: intake closed, next scheme day is next Wednesday", () => {
    const s = status("24631", "2024-03-13T15:30:00+07:00");
    expect(s).toMatchObject({
      isSchemeDay: true,
      intakeOpen: false,
      minutesToCutoff: 0,
      openNow: true,
      nextSchemeDay: "2024-03-20",
    });
    expect(s.procedures[0]).toMatchObject({ track: "normal", dueDate: "2024-03-18" });
  });

  it("skips a holiday Wednesday when announcing the next scheme day (14/02/2024, Tết)", () => {
    const s = status("664", "2024-02-08T09:00:00+07:00");
    expect(s).toMatchObject({
      workingDay: false,
      isSchemeDay: false,
      openNow: false,
      nextSchemeDay: "2024-02-21",
      nextSchemeDayText: "Thứ Tư 21/02/2024",
    });
    expect(s.procedures.map((p) => p.procedureCode).sort()).toEqual(["1.001612", "1.011441", "1.011443"]);
  });

  it("follows the code across 1/7/2025: the next scheme day of 24631 after the last Đắk Nông Wednesday is under the demo plan", () => {
    const s = status("24631", "2025-06-26T09:00:00+07:00");
    expect(s).toMatchObject({ unitId: "24631@2020-03-01", nextSchemeDay: "2025-07-02" });
    const after = status("24631", "2025-07-02T09:00:00+07:00");
    expect(after.plan).toMatchObject({
      id: "lam-dong-2025-demo",
      status: "demo",
      statusLabel: "Cấu hình minh họa, không phải quyết định chính thức",
    });
    expect(after.procedures.map((p) => p.procedureCode).sort()).toEqual([
      "1.001612",
      "1.004873",
      "1.011441",
      "1.011443",
    ]);
    // The demo plan does not have the land registration office take part at the commune: no same-day land result.
    const sameDay = Object.fromEntries(after.procedures.map((p) => [p.procedureCode, p.sameDayEligible]));
    expect(sameDay).toEqual({ "1.001612": true, "1.004873": true, "1.011441": false, "1.011443": false });
  });

  it("at a commune without a plan yet (before the province-wide roll-out) says so and when it starts", () => {
    const s = status("24616", "2023-03-15T09:00:00+07:00");
    expect(s.plan).toBeUndefined();
    expect(s).toMatchObject({ isSchemeDay: false, intakeOpen: false, openNow: null, nextSchemeDay: "2023-10-18" });
    expect(s.summary).toBe(
      "Xã Quảng Sơn không áp dụng Ngày không hẹn vào ngày 15/03/2023; Ngày không hẹn tiếp theo: Thứ Tư 18/10/2023.",
    );
    expect(s.procedures[0]).toMatchObject({ procedureCode: "1.004873", sameDayEligible: false, track: "normal" });
  });

  it.each([
    ["24631", "hôm nay", "invalid_time"],
    ["00000", "2024-03-13T10:00:00+07:00", "unknown_unit"],
  ])("%s at %s → error %s", (unitCode, at, code) => {
    expect(schemeStatusAt(unitCode, at)).toMatchObject({ ok: false, code });
  });
});
