import { describe, expect, it } from "@jest/globals";
import { decideTrack, type TrackDecision, type TrackInput } from "../../../shared/scheme/decide-track.js";

const at = (date: string, time: string) => `${date}T${time}:00+07:00`;

function decided(input: TrackInput): TrackDecision {
  const r = decideTrack(input);
  if (!r.ok) throw new Error(`expected a decision, got ${r.code}: ${r.error}`);
  return r;
}

describe("decideTrack on the shipped data (Đắk Nông 2023 plans, Lâm Đồng demo)", () => {
  it.each([
    // unit, procedure, instant, flags, track, due date, causes
    ["24631", "1.004873", at("2024-03-13", "10:00"), [], "same-day", "2024-03-13", []],
    ["24631", "1.004873", at("2024-03-13", "14:59"), [], "same-day", "2024-03-13", []],
    ["24631", "1.004873", at("2024-03-13", "15:05"), [], "normal", "2024-03-18", ["past_cutoff"]],
    ["24631", "1.004873", at("2024-03-13", "15:00"), [], "same-day", "2024-03-13", []],
    ["24631", "1.004873", at("2024-03-13", "15:01"), [], "normal", "2024-03-18", ["past_cutoff"]],
    ["24631", "1.004873", at("2024-03-14", "10:00"), [], "normal", "2024-03-19", ["not_scheme_weekday"]],
    ["24631", "1.004873", at("2024-02-14", "10:00"), [], "normal", "2024-02-20", ["day_off"]],
    // 1/5/2024 is a holiday; Saturday 4/5/2024 is a make-up working day, so the third working day is Monday 6/5.
    ["24631", "1.004873", at("2024-05-01", "09:00"), [], "normal", "2024-05-06", ["day_off"]],
    ["24631", "1.004873", at("2024-03-13", "10:00"), ["needs_verification"], "normal", "2024-03-18", ["flag_excluded"]],
    ["24631", "1.004873", at("2024-03-13", "12:00"), [], "normal", "2024-03-18", ["outside_office_hours"]],
    ["664", "1.001612", at("2024-03-13", "10:00"), [], "same-day", "2024-03-13", []],
    ["664", "1.011441", at("2024-03-13", "09:30"), ["both_parties_sign"], "same-day", "2024-03-13", []],
    ["664", "1.011441", at("2024-03-13", "15:30"), [], "normal", "2024-03-14", ["past_cutoff"]],
    [
      "664",
      "1.011441",
      at("2024-03-13", "10:00"),
      ["asset_type_5_3_to_5_5"],
      "normal",
      "2024-03-13",
      ["flag_excluded"],
    ],
    ["664", "1.011443", at("2024-03-13", "10:00"), ["bank_consent_missing"], "normal", "2024-03-13", ["flag_excluded"]],
    ["664", "1.001612", at("2024-03-13", "10:00"), ["name_conflict"], "normal", "2024-03-18", ["flag_excluded"]],
    // Pilot (Kế hoạch 824/KH-UBND from 1/3/2023): Quảng Khê was a pilot commune, Quảng Sơn was not.
    ["24631", "1.004873", at("2023-03-15", "10:00"), [], "same-day", "2023-03-15", []],
    ["24616", "1.004873", at("2023-03-15", "10:00"), [], "normal", "2023-03-20", ["no_plan"]],
    ["24616", "1.004873", at("2023-10-18", "10:00"), [], "same-day", "2023-10-18", []],
    // Since 1/7/2025: communes receive all four procedures (demo plan).
    ["24631", "1.011441", at("2026-03-18", "10:00"), [], "normal", "2026-03-18", ["deciding_office_absent"]],
    ["664", "1.011441", at("2024-03-13", "10:00"), [], "same-day", "2024-03-13", []],
    ["24631", "1.001612", at("2026-03-18", "16:00"), [], "normal", "2026-03-23", ["past_cutoff"]],
    // Official letter 12729/VPCP-KGVX: 01–04/01/2026 off (Friday 02/01 swapped with Saturday 10/01), so a household
    // business received Wednesday 31/12/2025 at 15:10 counts from Monday 05/01 and is due Wednesday 07/01/2026.
    ["24631", "1.001612", at("2025-12-31", "15:10"), [], "normal", "2026-01-07", ["past_cutoff"]],
  ] as const)("%s %s at %s with %j → %s, due %s", (unitCode, procedureCode, when, flags, track, dueDate, causes) => {
    const d = decided({ unitCode, procedureCode, at: when, flags: [...flags] });
    expect({ track: d.track, dueDate: d.dueDate, causes: d.causes }).toEqual({ track, dueDate, causes: [...causes] });
    expect(d.reasons.length).toBeGreaterThan(0);
  });

  it("does not promise a same-day land result at a commune whose plan does not have the land office take part, and says why", () => {
    const d = decided({ unitCode: "24631", procedureCode: "1.011441", at: at("2026-03-18", "10:00") });
    expect(d.reasons).toContain(
      "Thủ tục 1.011441 do Văn phòng đăng ký đất đai hoặc Chi nhánh Văn phòng đăng ký đất đai giải quyết; kế hoạch chưa bố trí cơ quan này tham gia Ngày không hẹn tại đây nên không trả kết quả trong ngày",
    );
    expect(d.track).toBe("normal");
  });

  it("keeps 15:00 itself on the same-day track and says so", () => {
    const d = decided({ unitCode: "24631", procedureCode: "1.004873", at: at("2024-03-13", "15:00") });
    expect(d.reasons).toContain("Tiếp nhận lúc 15:00, đúng hạn 15:00");
    const late = decided({ unitCode: "24631", procedureCode: "1.004873", at: at("2024-03-13", "15:01") });
    expect(late.reasons.at(-1)).toBe("Đã quá 15:00: chuyển sang quy trình thông thường, hẹn trả ngày 18/03/2024");
  });

  it("explains a same-day decision at xã Quảng Khê in Vietnamese", () => {
    const d = decided({ unitCode: "24631", procedureCode: "1.004873", at: at("2024-03-13", "10:00") });
    expect(d.reasons).toEqual([
      "Thứ Tư 13/03/2024 là Ngày không hẹn tại xã Quảng Khê",
      "Thủ tục 1.004873 thuộc danh mục Ngày không hẹn cấp xã",
      "Tiếp nhận lúc 10:00, trước 15:00",
      "Giải quyết và trả kết quả trong ngày 13/03/2024",
    ]);
    expect(d).toMatchObject({
      unitId: "24631@2020-03-01",
      versionId: "1.004873@2023-01-01",
      planId: "dak-nong-2023-province",
      planStatus: "official",
    });
  });

  it("after 15:00 says so and gives the statutory date", () => {
    const d = decided({ unitCode: "24631", procedureCode: "1.004873", at: at("2024-03-13", "15:05"), explain: true });
    expect(d.reasons.at(-1)).toBe("Đã quá 15:00: chuyển sang quy trình thông thường, hẹn trả ngày 18/03/2024");
    expect(d.dueDateExplanation).toContain("hẹn trả kết quả Thứ Hai 18/03/2024");
  });

  it("says in plain words that a due date counted over Tết 2027 (not announced yet) is provisional", () => {
    // Wednesday 10/02/2027 falls in the expected Tết break; Friday 12/02/2027 is counted as a working day until the
    // Prime Minister's notice says whether it is swapped.
    const d = decided({ unitCode: "24631", procedureCode: "1.004873", at: at("2027-02-10", "10:00") });
    expect(d).toMatchObject({ track: "normal", dueDate: "2027-02-17", dueDateToVerify: true });
    expect(d.reasons.at(-1)).toBe("Ngày hẹn tính theo lịch nghỉ dự kiến, có thể thay đổi khi có thông báo chính thức.");
    expect(d.reasons.join(" ")).not.toMatch(/cần kiểm tra|\[U\]/);
    // An announced year says nothing of the kind.
    expect(
      decided({ unitCode: "24631", procedureCode: "1.004873", at: at("2026-03-19", "10:00") }).reasons.join(" "),
    ).not.toContain("dự kiến");
  });

  it("a Wednesday holiday (14/02/2024, Tết) is not a scheme day", () => {
    const d = decided({ unitCode: "24631", procedureCode: "1.004873", at: at("2024-02-14", "09:00") });
    expect(d.reasons[0]).toMatch(/^Thứ Tư 14\/02\/2024 là ngày nghỉ: .*Tết.*: không áp dụng Ngày không hẹn$/);
    expect(d.reasons.at(-1)).toBe("Chuyển sang quy trình thông thường, hẹn trả ngày 20/02/2024");
  });

  it("names the excluding case flag", () => {
    const d = decided({
      unitCode: "24631",
      procedureCode: "1.004873",
      at: at("2024-03-13", "10:00"),
      flags: ["needs_verification"],
    });
    expect(d.reasons).toContain(
      "Cần xác minh (đã cư trú nhiều nơi, không tra cứu được CSDL): không áp dụng Ngày không hẹn",
    );
  });

  it("resolves the same code 24631 to different units before and after 1/7/2025; afterwards the plan is the labelled demo", () => {
    const before = decided({ unitCode: "24631", procedureCode: "1.004873", at: at("2025-06-25", "09:00") });
    const after = decided({ unitCode: "24631", procedureCode: "1.004873", at: at("2025-07-02", "09:00") });
    expect([before.unitId, before.versionId, before.planId, before.planStatus]).toEqual([
      "24631@2020-03-01",
      "1.004873@2025-01-01",
      "dak-nong-2023-province",
      "official",
    ]);
    expect([after.unitId, after.versionId, after.planId, after.planStatus]).toEqual([
      "24631@2025-07-01",
      "1.004873@2025-07-01",
      "lam-dong-2025-demo",
      "demo",
    ]);
    expect(after.reasons[0]).toBe(
      "Thứ Tư 02/07/2025 là Ngày không hẹn tại xã Quảng Khê (theo cấu hình minh họa, không phải quyết định chính thức)",
    );
    expect(after.planLabel).toContain("Cấu hình minh họa");
  });

  it("reads any offset in Việt Nam time (03:00Z is 10:00 in Hà Nội)", () => {
    expect(decided({ unitCode: "24631", procedureCode: "1.004873", at: "2024-03-13T03:00:00Z" })).toMatchObject({
      track: "same-day",
      receivedTime: "10:00",
    });
    expect(decided({ unitCode: "24631", procedureCode: "1.004873", at: "2024-03-13T08:30:00.123Z" })).toMatchObject({
      track: "normal",
      receivedTime: "15:30",
    });
  });

  it.each([
    [
      { unitCode: "664", procedureCode: "1.004873", at: at("2024-03-13", "10:00") },
      "not_received_here",
      "Thủ tục 1.004873 (Cấp Giấy xác nhận tình trạng hôn nhân) không được tiếp nhận tại huyện Krông Nô (cấp huyện) vào ngày 13/03/2024; ông/bà nộp hồ sơ tại Bộ phận Tiếp nhận và Trả kết quả UBND cấp xã",
    ],
    [
      { unitCode: "67", procedureCode: "1.001612", at: at("2024-03-13", "10:00") },
      "not_received_here",
      "Thủ tục 1.001612 (Đăng ký thành lập hộ kinh doanh) không được tiếp nhận tại tỉnh Đắk Nông (cấp tỉnh) vào ngày 13/03/2024; ông/bà nộp hồ sơ tại Bộ phận Tiếp nhận và Trả kết quả cấp huyện",
    ],
    [
      { unitCode: "664", procedureCode: "1.001612", at: at("2025-07-02", "10:00") },
      "unknown_unit",
      "Không có đơn vị hành chính mã 664 vào ngày 02/07/2025",
    ],
    [
      { unitCode: "99999", procedureCode: "1.004873", at: at("2024-03-13", "10:00") },
      "unknown_unit",
      "Không có đơn vị hành chính mã 99999 vào ngày 13/03/2024",
    ],
    [
      { unitCode: "24631", procedureCode: "1.000000", at: at("2024-03-13", "10:00") },
      "unknown_procedure",
      "Không có thủ tục mã 1.000000 trong danh mục",
    ],
    [
      { unitCode: "664", procedureCode: "1.011441", at: at("2023-01-11", "10:00") },
      "procedure_not_in_force",
      "Thủ tục 1.011441 chưa có phiên bản áp dụng vào ngày 11/01/2023",
    ],
    [
      { unitCode: "24631", procedureCode: "1.004873", at: at("2024-03-13", "10:00"), flags: ["urgent"] },
      "unknown_flag",
      'Tình huống "urgent" không được định nghĩa cho thủ tục 1.004873',
    ],
    [
      { unitCode: "24631", procedureCode: "1.004873", at: "2024-03-13 10:00" },
      "invalid_time",
      'Thời điểm tiếp nhận "2024-03-13 10:00" không hợp lệ; dùng dạng 2024-03-13T10:00:00+07:00',
    ],
  ] as const)("%j → error %s", (input, code, error) => {
    expect(decideTrack({ ...input, flags: "flags" in input ? [...input.flags] : undefined })).toMatchObject({
      ok: false,
      code,
      error,
    });
  });

  it.each([
    "2024-02-30T10:00:00+07:00",
    "2024-03-13T24:00:00+07:00",
    "2024-03-13T10:60:00+07:00",
    "13/03/2024 10:00",
    "",
    "2024-03-13",
    "2024-03-13T10:00:00",
    "2024-3-13T10:00:00+07:00",
    "0001-03-13T10:00:00+07:00",
    "abcd-03-13T10:00:00+07:00",
  ])("a malformed instant %j is an error, not a track", (when) => {
    const r = decideTrack({ unitCode: "24631", procedureCode: "1.004873", at: when });
    expect(r).toMatchObject({ ok: false, code: "invalid_time" });
    if (!r.ok) expect(r.errorEn).toContain("ISO 8601");
  });

  it("answers input of the wrong shape with an error instead of throwing", () => {
    expect(decideTrack(null as never)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(
      decideTrack({ unitCode: 24631, procedureCode: "1.004873", at: at("2024-03-13", "10:00") } as never),
    ).toMatchObject({ ok: false, code: "invalid_input" });
    expect(
      decideTrack({ unitCode: "24631", procedureCode: "1.004873", at: at("2024-03-13", "10:00"), flags: "x" } as never),
    ).toMatchObject({ ok: false, code: "invalid_input" });
  });
});
