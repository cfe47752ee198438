import { describe, expect, it } from "@jest/globals";
import { parseCccdQr } from "../../../shared/cccd/parse-cccd-qr.js";
import { cccdQrExample, EMPTY_OLD_ID, SEVEN_FIELDS, SIX_FIELDS } from "./cccd-qr-fixtures.js";

function value(raw: string) {
  const r = parseCccdQr(raw);
  if (!r.ok) throw new Error(`expected ok, got ${r.code}`);
  return r.value;
}

describe("parseCccdQr: the synthetic examples of docs/domain/personal-data.md#cccd-qr-payload", () => {
  it("reads the 7-field payload into form fields with ISO dates", () => {
    expect(parseCccdQr(SEVEN_FIELDS)).toEqual({
      ok: true,
      value: {
        idNumber: "067085000001",
        oldIdNumber: "245000001",
        fullName: "Nguyễn Văn Thử",
        dateOfBirth: "1985-06-15",
        sex: "Nam",
        address: "Thôn 3, Xã Nam Đà, Huyện Krông Nô, Tỉnh Đắk Nông",
        issueDate: "2021-04-20",
      },
    });
  });

  it("leaves oldIdNumber out when the card's old-ID field is empty", () => {
    const v = value(EMPTY_OLD_ID);
    expect(v).toEqual({
      idNumber: "067301000002",
      fullName: "Trần Thị Mẫu",
      dateOfBirth: "2001-05-12",
      sex: "Nữ",
      address: "Tổ 2, Phường Nghĩa Tân, Thành phố Gia Nghĩa, Tỉnh Đắk Nông",
      issueDate: "2022-07-05",
    });
    expect("oldIdNumber" in v).toBe(false);
  });

  it("reads the 6-field variant without an old-ID field", () => {
    expect(value(SIX_FIELDS)).toEqual({
      idNumber: "067094000003",
      fullName: "Lê Văn Ví Dụ",
      dateOfBirth: "1994-03-03",
      sex: "Nam",
      address: "Xã Quảng Khê, Huyện Đăk Glong, Tỉnh Đắk Nông",
      issueDate: "2021-10-10",
    });
  });
});

describe("parseCccdQr: tolerant of how scanners and apps deliver the payload", () => {
  it.each([
    ["a trailing CR/LF from a USB scanner", `${SEVEN_FIELDS}\r\n`],
    ["surrounding spaces and tabs", `  \t${SEVEN_FIELDS}  `],
    ["a leading byte-order mark", `\ufeff${SEVEN_FIELDS}`],
    ["extra trailing fields", `${SEVEN_FIELDS}|extra|123`],
    ["a trailing pipe", `${SEVEN_FIELDS}|`],
    ["spaces around every field", SEVEN_FIELDS.split("|").join(" | ")],
    ["dd/mm/yyyy dates", cccdQrExample({ dob: "15/06/1985", issue: "20/04/2021" })],
    ["d/m/yyyy dates", cccdQrExample({ dob: "15/6/1985", issue: "20/4/2021" })],
    ["dd-mm-yyyy and dd.mm.yyyy dates", cccdQrExample({ dob: "15-06-1985", issue: "20.04.2021" })],
    ["scanner labels", cccdQrExample({ id: "CCCD:067085000001", oldId: "CMND: 245000001" })],
    [
      "Vietnamese labels on every field",
      cccdQrExample({
        id: "Số CCCD: 067085000001",
        name: "Họ và tên: Nguyễn Văn Thử",
        dob: "Ngày sinh: 15061985",
        sex: "Giới tính: Nam",
        address: "Nơi thường trú: Thôn 3, Xã Nam Đà, Huyện Krông Nô, Tỉnh Đắk Nông",
        issue: "Ngày cấp: 20042021",
      }),
    ],
    ["a CR/LF inside the address", cccdQrExample({ address: "Thôn 3, Xã Nam Đà,\r\nHuyện Krông Nô, Tỉnh Đắk Nông" })],
  ])("accepts %s", (_label, raw) => {
    expect(value(raw)).toEqual(value(SEVEN_FIELDS));
  });

  it("normalises NFD text (Unikey tổ hợp) to NFC", () => {
    const v = value(SEVEN_FIELDS.normalize("NFD"));
    expect(v.fullName).toBe("Nguyễn Văn Thử");
    expect(v.fullName === v.fullName.normalize("NFC")).toBe(true);
    expect(v.address).toBe("Thôn 3, Xã Nam Đà, Huyện Krông Nô, Tỉnh Đắk Nông".normalize("NFC"));
  });

  it.each([
    ["Nữ", "Nữ"],
    ["nu", "Nữ"],
    ["NU", "Nữ"],
    ["Nu", "Nữ"],
    ["NỮ", "Nữ"],
    ["Nữ".normalize("NFD"), "Nữ"],
    ["nam", "Nam"],
    ["NAM", "Nam"],
  ])("reads sex written %j as %s", (sex, expected) => {
    expect(value(cccdQrExample({ sex })).sex).toBe(expected);
  });

  it("accepts an unknown province prefix: only 12 digits are guaranteed (Law 26/2023 Art. 12)", () => {
    expect(value(cccdQrExample({ id: "999999000123" })).idNumber).toBe("999999000123");
  });

  it("accepts a payload without an issue date", () => {
    const v = value(cccdQrExample({ issue: undefined }));
    expect(v.issueDate).toBeUndefined();
    expect(v.address).toBe("Thôn 3, Xã Nam Đà, Huyện Krông Nô, Tỉnh Đắk Nông");
  });

  it("keeps a 12-digit old number (card replacing an unchipped 12-digit CCCD)", () => {
    expect(value(cccdQrExample({ oldId: "067085000009" })).oldIdNumber).toBe("067085000009");
  });

  it("accepts an issue date on the birth date itself", () => {
    expect(value(cccdQrExample({ dob: "01012020", issue: "01012020" })).issueDate).toBe("2020-01-01");
  });

  it("accepts 29/02 in a leap year and a birth in 1900", () => {
    expect(value(cccdQrExample({ dob: "29022000" })).dateOfBirth).toBe("2000-02-29");
    expect(value(cccdQrExample({ dob: "01011900" })).dateOfBirth).toBe("1900-01-01");
  });
});

describe("parseCccdQr: strict on what goes into a dossier", () => {
  it.each([
    ["empty", "", "empty", undefined],
    ["only whitespace and CR/LF", " \r\n ", "empty", undefined],
    ["only pipes", "||||||", "not_cccd", undefined],
    [
      "a URL QR",
      "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=000.00.01.H29-240115-0001",
      "not_cccd",
      undefined,
    ],
    ["a www address", "www.example.vn", "not_cccd", undefined],
    [
      "a VietQR payment string",
      "00020101021238570010A00000072701270006970436011300000000000010208QRIBFTTA53037045405100005802VN62080804Test6304ABCD",
      "not_cccd",
      undefined,
    ],
    ["plain text", "Xin chào", "not_cccd", undefined],
    ["a name where the ID should be", "Nguyễn Văn Thử|15061985|Nam|Thôn 3", "not_cccd", undefined],
    ["a very long text", `067085000001|${"a".repeat(2000)}`, "not_cccd", undefined],
    ["an 11-digit ID", cccdQrExample({ id: "06708500000" }), "invalid_id_number", "idNumber"],
    ["a 13-digit ID", cccdQrExample({ id: "0670850000011" }), "invalid_id_number", "idNumber"],
    ["a 9-digit ID alone (old CMND)", cccdQrExample({ id: "245000001", oldId: "" }), "invalid_id_number", "idNumber"],
    ["a 10-digit old ID", cccdQrExample({ oldId: "2450000011" }), "invalid_old_id_number", "oldIdNumber"],
    ["a missing name", cccdQrExample({ name: "" }), "invalid_name", "fullName"],
    ["digits in the name", cccdQrExample({ name: "Nguyễn Văn 3" }), "invalid_name", "fullName"],
    ["31/02", cccdQrExample({ dob: "31021985" }), "invalid_date", "dateOfBirth"],
    ["31/02 with slashes", cccdQrExample({ dob: "31/02/1985" }), "invalid_date", "dateOfBirth"],
    ["29/02 in a common year", cccdQrExample({ dob: "29022001" }), "invalid_date", "dateOfBirth"],
    ["month 13", cccdQrExample({ dob: "15131985" }), "invalid_date", "dateOfBirth"],
    ["a birth year before 1900", cccdQrExample({ dob: "31121899" }), "invalid_date", "dateOfBirth"],
    ["an impossible issue date", cccdQrExample({ issue: "32012021" }), "invalid_date", "issueDate"],
    [
      "an issue date before birth",
      cccdQrExample({ dob: "15061985", issue: "14061985" }),
      "issue_before_birth",
      "issueDate",
    ],
    ["an unknown sex", cccdQrExample({ sex: "Khác" }), "invalid_sex", "sex"],
    ["an English sex", cccdQrExample({ sex: "Male" }), "invalid_sex", "sex"],
    ["an empty sex", cccdQrExample({ sex: "" }), "invalid_sex", "sex"],
    ["an empty address", cccdQrExample({ address: "" }), "missing_address", "address"],
    ["no date of birth", "067085000001|245000001|Nguyễn Văn Thử", "incomplete", undefined],
    ["nothing after the date of birth", "067085000001|245000001|Nguyễn Văn Thử|15061985", "incomplete", undefined],
  ])("rejects %s", (_label, raw, code, field) => {
    const r = parseCccdQr(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.field).toBe(field);
  });

  it("rejects dates after `today` when the caller passes it", () => {
    expect(parseCccdQr(cccdQrExample({ dob: "01012030", issue: undefined }), { today: "2026-05-01" })).toMatchObject({
      ok: false,
      code: "date_in_future",
      field: "dateOfBirth",
    });
    expect(parseCccdQr(cccdQrExample({ issue: "02052026" }), { today: "2026-05-01" })).toMatchObject({
      ok: false,
      code: "date_in_future",
      field: "issueDate",
    });
    expect(parseCccdQr(cccdQrExample({ issue: "01052026" }), { today: "2026-05-01" }).ok).toBe(true);
  });

  it("does not crash on a non-string value from a JavaScript caller", () => {
    expect(parseCccdQr(undefined as unknown as string)).toMatchObject({ ok: false, code: "empty" });
    expect(parseCccdQr(12 as unknown as string)).toMatchObject({ ok: false, code: "empty" });
  });
});

describe("parseCccdQr: error messages", () => {
  const bad = [
    cccdQrExample({ id: "06708500000" }),
    cccdQrExample({ dob: "31021985" }),
    cccdQrExample({ sex: "Khác" }),
    cccdQrExample({ name: "" }),
    "https://example.vn/067085000001",
    "",
  ];

  it.each(bad)("explains the problem in Vietnamese and English, without echoing the payload (%#)", (raw) => {
    const r = parseCccdQr(raw);
    if (r.ok) throw new Error("expected a rejection");
    expect(r.error).toMatch(/[ạ-ỹđ]/i);
    expect(r.errorEn.length).toBeGreaterThan(10);
    for (const secret of ["067085000001", "06708500000", "245000001", "Nguyễn", "15061985", "Thôn 3"]) {
      expect(r.error).not.toContain(secret);
      expect(r.errorEn).not.toContain(secret);
    }
  });

  it.each([
    ["https://zalo.me/abc", /đường dẫn web/],
    ["000201010212…", /VietQR/],
    [cccdQrExample({ id: "06708500000" }), /12 chữ số/],
    [cccdQrExample({ dob: "31021985" }), /Ngày sinh/],
    [cccdQrExample({ issue: "31022021" }), /Ngày cấp/],
    [cccdQrExample({ sex: "X" }), /Nam.*Nữ/],
  ])("tells the officer which part is wrong (%#)", (raw, pattern) => {
    const r = parseCccdQr(raw);
    expect(r.ok ? "" : r.error).toMatch(pattern);
  });

  it("returns only the parsed fields, never the raw string", () => {
    const r = parseCccdQr(SEVEN_FIELDS);
    expect(JSON.stringify(r)).not.toContain("|");
  });
});
