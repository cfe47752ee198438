/**
 * Every shipped procedure version's application form renders to an A4 PDF whose text carries the official title,
 * the labels and the filled values with diacritics intact, including tables, tick-boxes and NFD input.
 */
import { describe, expect, it } from "@jest/globals";
import { procedureVersions } from "../../shared/data/procedures/procedure-versions.js";
import { applicationDocument } from "../../bot-server/src/forms/application-form.js";
import { renderPdf } from "../../bot-server/src/forms/render-pdf.js";
import { flatPdfText, popplerAvailable } from "./helpers/pdf-text.js";

const SAMPLE: Record<string, unknown> = {
  recipientAgency: "Ủy ban nhân dân xã Quảng Khê",
  recipientOffice: "Phòng Kinh tế xã Quảng Khê",
  applicantName: "NGÂN HÀNG THỬ NGHIỆM CHI NHÁNH ĐẮK NÔNG",
  ownerName: "NGUYỄN THỊ ÁNH TUYẾT",
  businessName: "HỘ KINH DOANH CÀ PHÊ ĐẮK HA",
  businessLines: [{ name: "Dịch vụ phục vụ đồ uống", code: "5630", isMain: true }],
  founderType: "Cá nhân",
  applicantRole: "Bên bảo đảm",
  guarantors: [
    {
      name: "TRẦN THỊ MẪU",
      address: "Tổ 2, phường Nam Gia Nghĩa",
      legalDocType: "Hộ chiếu",
      legalDocNumber: "C1234567",
    },
  ],
  requesterName: "Nguyễn Văn Thử".normalize("NFD"),
  purpose: "Để bổ sung hồ sơ *bold* #panic()",
};

describe("application forms", () => {
  const poppler = popplerAvailable();
  for (const version of procedureVersions) {
    it(`${version.id}: ${version.form.title}`, () => {
      const ids = new Set(version.form.fields.map((f) => f.id));
      const formData = Object.fromEntries(Object.entries(SAMPLE).filter(([k]) => ids.has(k)));
      const pdf = renderPdf(
        applicationDocument({ version, formData, place: "Quảng Khê", date: "2025-07-16", typedBy: "Trần Thị Một Cửa" }),
      );
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      if (!poppler) return;
      const text = flatPdfText(pdf);
      expect(text).toContain(version.form.title.toUpperCase());
      expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
      for (const [k, v] of Object.entries(formData)) {
        if (typeof v === "string") expect(text).toContain(v.normalize("NFC"));
        else if (k === "businessLines") expect(text).toContain("Dịch vụ phục vụ đồ uống");
        else if (k === "guarantors") expect(text).toContain("TRẦN THỊ MẪU");
      }
      // Nothing is added to an official form the citizen signs: the "Ngày không viết" note goes on the receipt.
      expect(text).not.toContain("Ngày không viết");
    });
  }
});
