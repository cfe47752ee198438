import { describe, expect, it } from "@jest/globals";
import { buildFormSchema, formSchemaFor, validateFormData } from "../../../shared/procedures/form-schema.js";
import type { FormDefinition } from "../../../shared/procedures/procedure-version.js";
import { formSamples } from "./form-samples.js";

const MARITAL = "1.004873@2025-07-01";
const BUSINESS = "1.001612@2025-07-01";
const LAND = "1.011441@2025-07-01";

function issuesOf(versionId: string, patch: Record<string, unknown>) {
  const result = validateFormData(versionId, { ...formSamples[versionId], ...patch });
  return result.ok ? [] : result.issues;
}

describe("form schemas built from field data", () => {
  it.each([
    [MARITAL, { subjectName: "" }, "subjectName", "Vui lòng nhập họ, chữ đệm, tên"],
    [MARITAL, { subjectName: "   " }, "subjectName", "Vui lòng nhập họ, chữ đệm, tên"],
    [MARITAL, { requesterName: undefined }, "requesterName", "Vui lòng nhập họ, chữ đệm, tên người yêu cầu"],
    [MARITAL, { subjectBirthDate: "31/02/1994" }, "subjectBirthDate", "Ngày không hợp lệ (dd/mm/yyyy)"],
    [MARITAL, { subjectBirthDate: "1994-13-01" }, "subjectBirthDate", "Ngày không hợp lệ (dd/mm/yyyy)"],
    [MARITAL, { subjectBirthDate: "ngày 3 tháng 3" }, "subjectBirthDate", "Ngày không hợp lệ (dd/mm/yyyy)"],
    [MARITAL, { subjectSex: "Khác" }, "subjectSex", "Giới tính: chọn một trong các giá trị Nam; Nữ"],
    [MARITAL, { subjectSex: null }, "subjectSex", "Vui lòng chọn giới tính"],
    [MARITAL, { requesterIdNumber: "" }, "requesterIdNumber", "Vui lòng nhập số giấy tờ tùy thân của người yêu cầu"],
    [
      BUSINESS,
      { ownerPersonalIdNumber: "06730100000" },
      "ownerPersonalIdNumber",
      "Số định danh cá nhân phải gồm 12 chữ số",
    ],
    [
      BUSINESS,
      { ownerPersonalIdNumber: "06730100000A" },
      "ownerPersonalIdNumber",
      "Số định danh cá nhân phải gồm 12 chữ số",
    ],
    [BUSINESS, { ownerEmail: "mau@" }, "ownerEmail", "Địa chỉ thư điện tử không hợp lệ"],
    [BUSINESS, { officePhone: "12345" }, "officePhone", "Số điện thoại không hợp lệ (ví dụ: 0912345678)"],
    [
      BUSINESS,
      { businessName: "Tạp hóa Mẫu" },
      "businessName",
      'Tên hộ kinh doanh phải bắt đầu bằng "HỘ KINH DOANH" và có tên riêng',
    ],
    [BUSINESS, { capitalAmount: -5 }, "capitalAmount", "Tổng số (bằng số; VNĐ): không được âm"],
    [BUSINESS, { capitalAmount: "năm mươi triệu" }, "capitalAmount", "Tổng số (bằng số; VNĐ): phải là số tiền (đồng)"],
    [BUSINESS, { workerCount: 2.5 }, "workerCount", "5.3 Tổng số lao động (dự kiến): phải là số nguyên"],
    [
      BUSINESS,
      { founderType: "Các thành viên hộ gia đình" },
      "members",
      "Vui lòng kê khai thông tin về các thành viên hộ gia đình đăng ký hộ kinh doanh",
    ],
    [BUSINESS, { businessLines: [] }, "businessLines", "Vui lòng kê khai ngành, nghề kinh doanh"],
    [
      BUSINESS,
      { businessLines: [{ name: "Bán lẻ", code: "4721" }] },
      "businessLines",
      'Đánh dấu đúng một dòng là "Ngành, nghề kinh doanh chính"',
    ],
    [
      BUSINESS,
      { businessLines: [{ name: "Bán lẻ", code: "47", isMain: true }] },
      "businessLines.0.code",
      "Mã ngành gồm 4 chữ số (ngành cấp 4 trong Hệ thống ngành kinh tế Việt Nam)",
    ],
    [BUSINESS, { officeCommune: "" }, "officeCommune", "Vui lòng nhập xã/phường/đặc khu của trụ sở"],
    [
      LAND,
      { assetTypes: ["5.2 Tài sản gắn liền với đất đã được chứng nhận quyền sở hữu"] },
      "certifiedAssets",
      "Vui lòng kê khai tài sản gắn liền với đất đã được chứng nhận quyền sở hữu",
    ],
    [LAND, { assetTypes: ["5.9 Khác"] }, "assetTypes.0", "Loại tài sản bảo đảm: giá trị không có trong danh sách"],
    [LAND, { guarantors: [] }, "guarantors", "Vui lòng kê khai bên bảo đảm"],
    [LAND, { guarantors: [{ address: "Thôn 3" }] }, "guarantors.0.name", "Vui lòng nhập tên đầy đủ của bên bảo đảm"],
    [LAND, { recipientOffice: "" }, "recipientOffice", "Vui lòng nhập tên cơ quan nhận hồ sơ (Kính gửi)"],
  ])("%s rejects %j at %s with a Vietnamese message", (versionId, patch, path, message) => {
    expect(issuesOf(versionId, patch)).toContainEqual({ path, message });
  });

  it("lists every missing required field at once (one supplement request, not several)", () => {
    const result = validateFormData(MARITAL, {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.length).toBeGreaterThanOrEqual(15);
    expect(result.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(["requesterName", "subjectName", "maritalStatus", "purpose"]),
    );
  });

  it("normalises input: NFC, spaces, capitals, dd/mm/yyyy dates, +84 phones, formatted amounts", () => {
    const nfd = "Tr\u0061\u0302\u0300n Thi\u0323 Ma\u0302\u0303u";
    const result = validateFormData(BUSINESS, {
      ...formSamples[BUSINESS],
      ownerName: `  ${nfd}  `,
      ownerBirthDate: "2/5/2001",
      officePhone: "+84 912.345.678",
      capitalAmount: "50.000.000 đ",
      businessName: "hộ kinh doanh  mẫu một",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.ownerName).toBe("TRẦN THỊ MẪU");
    expect(result.data.ownerName).toBe(String(result.data.ownerName).normalize("NFC"));
    expect(result.data.ownerBirthDate).toBe("2001-05-02");
    expect(result.data.officePhone).toBe("0912345678");
    expect(result.data.capitalAmount).toBe(50_000_000);
    expect(result.data.businessName).toBe("HỘ KINH DOANH MẪU MỘT");
  });

  it("treats empty optional fields as absent and rejects fields the form does not have", () => {
    const ok = validateFormData(MARITAL, { ...formSamples[MARITAL], signingPlace: "", signingDate: null });
    expect(ok.ok).toBe(true);
    expect(issuesOf(MARITAL, { ghiChu: "x" })).toEqual([{ path: "", message: "Trường không có trên tờ khai: ghiChu" }]);
  });

  it("accepts the household-members table when the founder is the household", () => {
    const member = {
      fullName: "Trần Văn Mẫu",
      birthDate: "01/01/1970",
      personalIdNumber: "067070000004",
      sex: "Nam",
      nationality: "Việt Nam",
      ethnicity: "Kinh",
      permanentResidence: "Tổ 2",
      currentResidence: "Tổ 2",
    };
    expect(issuesOf(BUSINESS, { founderType: "Các thành viên hộ gia đình", members: [member] })).toEqual([]);
  });

  it("answers an unknown version or a non-object without throwing", () => {
    expect(validateFormData("9.999999@2025-07-01", {})).toEqual({
      ok: false,
      issues: [{ path: "", message: "Không tìm thấy phiên bản thủ tục 9.999999@2025-07-01" }],
    });
    const r = validateFormData(MARITAL, "tờ khai");
    expect(r.ok).toBe(false);
    expect(formSchemaFor("nope")).toBeUndefined();
  });

  it("builds a schema for any form definition given as data", () => {
    const form: FormDefinition = {
      formCode: "T1",
      title: "Tờ khai thử",
      legalSource: "test",
      source: "test",
      evidence: "V",
      sections: [{ id: "a", label: "A" }],
      fields: [
        { id: "email", section: "a", label: "Thư điện tử", type: "email", required: true },
        { id: "note", section: "a", label: "Ghi chú", type: "textarea", maxLength: 5 },
      ],
    };
    const schema = buildFormSchema(form);
    expect(schema.safeParse({ email: "A@Example.VN " }).data).toEqual({ email: "a@example.vn" });
    const bad = schema.safeParse({ email: "a@b.vn", note: "dài quá" });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual(["Ghi chú: tối đa 5 ký tự"]);
  });
});
