/** @jest-environment jsdom */
import { describe, expect, it } from "@jest/globals";
import { maritalStatus2025 } from "../../shared/data/procedures/marital-status-certificate.js";
import { cccdFill, readScan } from "../../mini-app/src/form/cccd-fill.js";
import { preEntryConfig } from "../../mini-app/src/form/pre-entry-config.js";
import {
  applyMirror,
  buildSteps,
  isSkipped,
  nextStep,
  stepOfField,
  type FormData,
} from "../../mini-app/src/form/steps.js";
import { createValidator, serverFieldMessages } from "../../mini-app/src/form/validate.js";
import { SYNTHETIC_CCCD_QR } from "../../mini-app/src/zalo/fake-sdk.js";

const form = maritalStatus2025.form;
const config = preEntryConfig("1.004873");
const steps = buildSteps(form.fields, config);
const TODAY = "2026-12-02";

function askedSteps(data: FormData, scanned: string[] = []): string[] {
  const ctx = { config, data, scanned: new Set(scanned) };
  const out: string[] = [];
  for (let s = nextStep(steps, null, ctx); s; s = nextStep(steps, s.id, ctx)) out.push(s.id);
  return out;
}

describe("1.004873 as screens", () => {
  it("asks one question per screen in print order, the identity document as one screen, nothing the counter fills", () => {
    const ids = steps.map((s) => s.id);
    expect(ids[0]).toBe("recipientAgency");
    expect(ids).not.toContain("signingPlace");
    expect(ids).not.toContain("signingDate");
    const idDoc = steps.find((s) => s.id === "requesterIdType")!;
    expect(idDoc.fields.map((f) => f.id)).toEqual([
      "requesterIdType",
      "requesterIdNumber",
      "requesterIdIssuedOn",
      "requesterIdIssuer",
    ]);
    expect(ids.indexOf("requesterName")).toBeLessThan(ids.indexOf("subjectName"));
  });

  it("after a confirmed CCCD scan for oneself, asks only what the card and 'Bản thân' cannot answer", () => {
    const scan = readScan(SYNTHETIC_CCCD_QR, TODAY);
    expect(scan.ok).toBe(true);
    if (!scan.ok) return;
    const base = applyMirror(
      config,
      { relationship: "Bản thân", recipientAgency: "Ủy ban nhân dân xã Quảng Khê" },
      false,
    );
    const filled = cccdFill(form.fields, config, scan.value, true);
    const data = applyMirror(config, { ...base, ...filled }, false);
    expect(askedSteps(data, Object.keys(filled))).toEqual([
      "recipientAgency",
      "requesterIdType",
      "subjectEthnicity",
      "maritalStatus",
      "purpose",
    ]);
    expect(data.subjectName).toBe("Nguyễn Văn Thử");
    expect(data.subjectBirthDate).toBe("1985-06-15");
  });

  it("asks every question when typing by hand for someone else", () => {
    const asked = askedSteps({ relationship: "Mẹ" });
    expect(asked).toContain("subjectName");
    expect(asked).toContain("relationship");
    expect(asked).toContain("requesterName");
  });

  it("fills the requester's identity from the card, the card type from its issue date", () => {
    const scan = readScan(SYNTHETIC_CCCD_QR, TODAY);
    if (!scan.ok) throw new Error("synthetic CCCD did not parse");
    const filled = cccdFill(form.fields, config, scan.value, false);
    expect(filled).toEqual({
      requesterName: "Nguyễn Văn Thử",
      requesterBirthDate: "1985-06-15",
      requesterResidence: "Thôn 3, Xã Nam Đà, Huyện Krông Nô, Tỉnh Đắk Nông",
      requesterIdType: "Căn cước công dân",
      requesterIdNumber: "067085000001",
      requesterIdIssuedOn: "2021-04-20",
    });
    const newCard = readScan(
      "067301000002||Trần Thị Mẫu|12052001|Nữ|Tổ 2, Phường Nghĩa Tân, Thành phố Gia Nghĩa, Tỉnh Đắk Nông|05082024",
      TODAY,
    );
    if (!newCard.ok) throw new Error("synthetic card did not parse");
    expect(cccdFill(form.fields, config, newCard.value, true)).toMatchObject({
      requesterIdType: "Căn cước",
      subjectSex: "Nữ",
      subjectNationality: "Việt Nam",
    });
  });

  it("rejects a QR that is not a chip-ID card with a Vietnamese message and no trace of its content", () => {
    const r = readScan("https://example.com/khuyen-mai?ma=123", TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêềếệểễôồốộổỗơờớợởỡưừứựửữ]/);
      expect(r.error).not.toContain("example.com");
    }
  });

  it("copies the requester into the subject for 'Bản thân' and clears the copy when that changes", () => {
    const self = applyMirror(config, { relationship: "Bản thân", requesterName: "Lê Văn Ví Dụ" }, false);
    expect(self.subjectName).toBe("Lê Văn Ví Dụ");
    const other = applyMirror(config, { ...self, relationship: "Mẹ" }, true);
    expect(other.subjectName).toBeUndefined();
    expect(other.requesterName).toBe("Lê Văn Ví Dụ");
  });

  it("sends 'Sửa' on a copied field to the question that holds its source", () => {
    const data = applyMirror(config, { relationship: "Bản thân" }, false);
    expect(stepOfField(steps, "subjectName", config, data)?.id).toBe("requesterName");
    expect(stepOfField(steps, "purpose", config, data)?.id).toBe("purpose");
  });

  it("does not skip a scanned question whose answer was later erased", () => {
    const step = steps.find((s) => s.id === "requesterName")!;
    expect(isSkipped(step, { config, data: { requesterName: "A" }, scanned: new Set(["requesterName"]) })).toBe(true);
    expect(isSkipped(step, { config, data: { requesterName: "" }, scanned: new Set(["requesterName"]) })).toBe(false);
  });
});

describe("validation with the shared schema", () => {
  const validator = createValidator(form);

  it("gives the Vietnamese message of each field of a screen, and only of that screen", () => {
    const purpose = steps.find((s) => s.id === "purpose")!;
    const messages = validator.step({}, purpose);
    expect(Object.keys(messages)).toEqual(["purpose"]);
    expect(messages.purpose).toMatch(/^Vui lòng nhập/);
  });

  it("flags an impossible date typed in the three boxes", () => {
    const idDoc = steps.find((s) => s.id === "requesterIdType")!;
    const messages = validator.step(
      {
        requesterIdType: "Căn cước công dân",
        requesterIdNumber: "067085000001",
        requesterIdIssuedOn: "2021-02-30",
        requesterIdIssuer: "Cục Cảnh sát",
      },
      idDoc,
    );
    expect(messages).toEqual({ requesterIdIssuedOn: "Ngày không hợp lệ (dd/mm/yyyy)" });
  });

  it("lists every missing field on the check-answers screen", () => {
    const all = validator.all({ recipientAgency: "Ủy ban nhân dân xã Quảng Khê" });
    expect(all.recipientAgency).toBeUndefined();
    expect(all.requesterName).toBe("Vui lòng nhập họ, chữ đệm, tên người yêu cầu");
    expect(all.purpose).toBeDefined();
  });

  it("puts the server's field errors beside the form fields and keeps the others apart", () => {
    expect(
      serverFieldMessages([
        { path: "formData.purpose", message: "Mục đích cần ghi rõ" },
        { path: "formData.members.0.fullName", message: "Thiếu họ tên" },
        { path: "consent.version", message: "Cần đồng ý lại" },
      ]),
    ).toEqual({ purpose: "Mục đích cần ghi rõ", members: "Thiếu họ tên", "": "Cần đồng ý lại" });
  });
});
