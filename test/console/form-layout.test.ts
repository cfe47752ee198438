/**
 * Every form of every procedure version, filled with long realistic values (40-character Vietnamese names, long
 * addresses, two table rows), printed as a citizen and an officer would see it: well-formed for poppler, every word
 * inside the page margins (left 30 mm, right 15 mm), no word run into another, labels in the form's order, no
 * syllable split at a line end, and no "Ngày không viết" note on the form the citizen signs.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { procedureVersions } from "../../shared/data/procedures/procedure-versions.js";
import type { ProcedureVersion } from "../../shared/procedures/procedure-version.js";
import type { AdminUnit } from "../../shared/model.js";
import { applicationDocument } from "../../bot-server/src/forms/application-form.js";
import {
  apologySlip,
  controlSlip,
  receiptSlip,
  refusalSlip,
  registerEntry,
  stopNotice,
  supplementSlip,
} from "../../bot-server/src/forms/one-stop-slips.js";
import { applicantOf } from "../../shared/dossier/applicant-fields.js";
import { renderPdf } from "../../bot-server/src/forms/render-pdf.js";
import { LONG_ADDRESS, LONG_NAME, longSample } from "./helpers/long-samples.js";
import { popplerAvailable, pdfText } from "./helpers/pdf-text.js";
import { overlappingWords, pdfWords } from "./helpers/pdf-words.js";

const MM = 72 / 25.4;
const LEFT = 30 * MM;
const RIGHT = 15 * MM;

const commune: AdminUnit = {
  id: "24631@2025-07-01",
  code: "24631",
  name: "Quảng Khê",
  type: "xã",
  level: "commune",
  validFrom: "2025-07-01",
  source: "thử nghiệm",
};
const district: AdminUnit = {
  id: "664@2020-03-01",
  code: "664",
  name: "Đắk Glong",
  type: "huyện",
  level: "district",
  validFrom: "2020-03-01",
  source: "thử nghiệm",
};
const unitOf = (v: ProcedureVersion) => (v.receivingLevels.includes("commune") ? commune : district);
const receivedAt = (v: ProcedureVersion) => `${v.validFrom}T08:10:00.000Z`;

function checkLayout(pdf: Buffer): void {
  const { words, pageWidth, stderr } = pdfWords(pdf);
  expect(stderr).toBe("");
  expect(words.length).toBeGreaterThan(20);
  const outside = words
    .filter((w) => w.xMin < LEFT - 1 || w.xMax > pageWidth - RIGHT + 1)
    .map((w) => `p${w.page} "${w.text}" ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)}`);
  expect(outside).toEqual([]);
  const overlaps = overlappingWords(words).map(([a, b]) => `p${a.page} "${a.text}" × "${b.text}"`);
  expect(overlaps).toEqual([]);
  // No syllable cut by a hyphen at a line end ("CÔ-" / "NG").
  expect(words.filter((w) => /\p{L}-$/u.test(w.text)).map((w) => w.text)).toEqual([]);
}

/** "SỬ" and "DỤNG" of the title on one line. */
function titleKeepsWords(pdf: Buffer): void {
  const { words } = pdfWords(pdf);
  for (let i = 0; i + 1 < words.length; i += 1) {
    if (words[i]!.text === "SỬ" && words[i + 1]!.text.startsWith("DỤNG"))
      expect(Math.abs(words[i]!.yMin - words[i + 1]!.yMin)).toBeLessThan(1);
  }
}

/** The numbered item headings ("4. Phí") of a PDF with their font id and weight, through poppler's pdftohtml -xml. */
function numberedHeadings(pdf: Buffer): { text: string; font: string; bold: boolean }[] {
  const dir = mkdtempSync(join(tmpdir(), "kh-xml-"));
  try {
    writeFileSync(join(dir, "f.pdf"), pdf);
    const xml = spawnSync("pdftohtml", ["-xml", "-i", "-stdout", join(dir, "f.pdf")], { encoding: "utf8" }).stdout;
    return [...xml.matchAll(/<text [^>]*font="(\d+)">(<b>)?(\d\. [^<]*)/g)].map((m) => ({
      text: m[3]!,
      font: m[1]!,
      bold: m[2] !== undefined,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("printed forms with long values", () => {
  if (!popplerAvailable()) return;
  for (const version of procedureVersions) {
    it(`${version.id}: application form`, () => {
      const pdf = renderPdf(
        applicationDocument({
          version,
          formData: longSample(version),
          place: "Quảng Khê",
          date: version.validFrom,
          typedBy: "Trần Thị Một Cửa",
        }),
      );
      checkLayout(pdf);
      titleKeepsWords(pdf);
      const text = pdfText(pdf).replace(/\s+/g, " ");
      expect(text).not.toContain("Ngày không viết");
      // Section headings in the form's order.
      let from = 0;
      for (const s of version.form.sections.filter(
        (x) => x.id !== "header" && x.heading !== false && /^\d/.test(x.label),
      )) {
        const at = text.indexOf(s.label, from);
        expect(`${s.label} @${at}`).not.toBe(`${s.label} @-1`);
        from = at;
      }
    });

    it(`${version.id}: Mẫu 01–04, Mẫu 05 (2025), the control slip and the register entry`, () => {
      const applicant = {
        name: LONG_NAME,
        idNumber: "067301000002",
        address: LONG_ADDRESS,
        phone: "0912345678",
        email: "nguyen.thi.thanh.huong.lan@example.vn",
      };
      const base = {
        code: "000.00.06.H98-260318-0001",
        version,
        unit: unitOf(version),
        applicant,
        officerName: "Trần Thị Một Cửa",
        printedAt: receivedAt(version),
        receivedAt: receivedAt(version),
      };
      const documents = version.requiredDocuments.map((d) => ({
        id: d.id,
        name: d.name,
        kind: d.kind,
        count: d.count,
        received: true,
      }));
      const receipt = renderPdf(
        receiptSlip({
          ...base,
          documents,
          dueDate: version.validFrom,
          track: "normal",
          fee: "",
          assistedNote:
            "Ngày không viết: nội dung tờ khai do công chức Trần Thị Một Cửa nhập theo lời khai của người yêu cầu.",
        }),
      );
      checkLayout(receipt);
      const r = pdfText(receipt).replace(/\s+/g, " ");
      expect(r).toContain(`Địa chỉ: ${LONG_ADDRESS}`);
      expect(r).toContain("Ngày không viết: nội dung tờ khai do công chức Trần Thị Một Cửa");
      if (version.validFrom >= "2025-07-01") {
        expect(r).not.toContain("Thời gian giải quyết hồ sơ theo quy định");
        expect(r).toContain("6. Phí, lệ phí (nếu có)");
      } else {
        expect(r).toContain("3. Thời gian giải quyết hồ sơ theo quy định là");
      }
      if (!version.competentBody.sameBodyAsReceiving) expect(r).toContain("nơi giải quyết: Văn phòng đăng ký đất đai");

      const supplement = renderPdf(
        supplementSlip({
          ...base,
          reason: "Giấy tờ chứng minh việc ly hôn là bản chụp, chưa có bản chính để đối chiếu",
          lookupUrl: "https://dichvucong.lamdong.gov.vn/tra-cuu-ho-so",
          officerPhone: "0263 3544 123",
          missing: version.requiredDocuments.map((d) => ({
            name: d.name,
            note: d.condition,
            original: 1,
            certifiedCopy: 1,
            photocopy: 0,
          })),
        }),
      );
      checkLayout(supplement);
      const sp = pdfText(supplement).replace(/\s+/g, " ");
      expect(sp).toContain("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
      expect(sp).toContain(version.requiredDocuments.at(-1)!.name.split(" ").slice(0, 4).join(" "));

      const refusal = renderPdf(
        refusalSlip({
          ...base,
          reasons: [
            "Hồ sơ thuộc thẩm quyền giải quyết của Văn phòng đăng ký đất đai tỉnh Lâm Đồng, không thuộc thẩm quyền của Ủy ban nhân dân xã",
            "Người yêu cầu không xuất trình được giấy tờ tùy thân còn giá trị sử dụng",
          ],
        }),
      );
      checkLayout(refusal);
      expect(pdfText(refusal).replace(/\s+/g, " ")).toContain(
        "không xuất trình được giấy tờ tùy thân còn giá trị sử dụng",
      );

      const apology = renderPdf(
        apologySlip({
          ...base,
          originalDueDate: version.validFrom,
          newDueDate: version.validFrom,
          reason: "Cần xác minh thêm tại nơi cư trú trước đây của người yêu cầu",
          signerName: "",
        }),
      );
      checkLayout(apology);
      const a = pdfText(apology).replace(/\s+/g, " ");
      expect(a).not.toContain("THỦ TRƯỞNG CƠ QUAN");
      // "Nơi nhận" names the one-stop as the unit calls it, never a generic "Bộ phận Một cửa" for a Trung tâm PVHCC.
      expect(a).toContain(
        version.validFrom >= "2025-07-01"
          ? "- Trung tâm Phục vụ hành chính công xã Quảng Khê;"
          : "- Bộ phận Tiếp nhận và Trả kết quả",
      );
      if (version.validFrom >= "2025-07-01") expect(a).not.toContain("Bộ phận Một cửa");
      if (version.competentBody.sameBodyAsReceiving) expect(a).toContain("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH");
      else expect(a).toContain("VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI");

      const when = (h: string) => `${version.validFrom}T0${h}:00:00.000Z`;
      const control = renderPdf(
        controlSlip({
          ...base,
          dueDate: version.validFrom,
          steps: [
            {
              from: LONG_NAME,
              to: "Trung tâm Phục vụ hành chính công xã Quảng Khê",
              at: when("1"),
              note: "Tiếp nhận hồ sơ",
            },
            {
              from: "Trung tâm Phục vụ hành chính công xã Quảng Khê",
              to: "Văn phòng đăng ký đất đai hoặc Chi nhánh Văn phòng đăng ký đất đai",
              at: when("2"),
              note: "Chuyển giải quyết",
            },
          ],
        }),
      );
      checkLayout(control);
      const c = pdfText(control).replace(/\s+/g, " ");
      expect(c).toContain(version.validFrom >= "2025-07-01" ? "Mẫu số 06" : "Mẫu số 05");
      expect(c).toContain("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
      expect(c).toContain("Đúng hạn");

      if (version.validFrom >= "2025-07-01") {
        const stop = renderPdf(
          stopNotice({
            ...base,
            stoppedAt: receivedAt(version),
            reason:
              "Người yêu cầu đề nghị rút hồ sơ để bổ sung giấy tờ chứng minh việc ly hôn tại Tòa án nhân dân khu vực",
          }),
        );
        checkLayout(stop);
        titleKeepsWords(stop);
        const st = pdfText(stop).replace(/\s+/g, " ");
        expect(st).toContain("Mẫu số 05");
        expect(st).toContain("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
        expect(st).toContain(`Kính gửi: Ông/Bà ${LONG_NAME}`);
        expect(st.indexOf("Mã hồ sơ")).toBeLessThan(st.indexOf("Lý do"));
        expect(st).toContain("NGƯỜI TIẾP NHẬN HỒ SƠ");
      }

      const register = renderPdf(
        registerEntry({
          ...base,
          dueDate: version.validFrom,
          sentToDeciding: version.validFrom,
          resultReceived: null,
          returned: null,
        }),
      );
      checkLayout(register);
      const g = pdfText(register).replace(/\s+/g, " ");
      expect(g).toContain(version.validFrom >= "2025-07-01" ? "Mẫu số 07" : "Mẫu số 06");
      expect(g).toContain("SỔ THEO DÕI HỒ SƠ");
      expect(g.indexOf("Nhận hồ sơ:")).toBeLessThan(g.indexOf("Hẹn trả kết quả:"));
    });
  }

  it("the 2025 household-business form prints its address labels and the members' signature column", () => {
    const v = procedureVersions.find((x) => x.id === "1.001612@2026-01-01")!;
    const text = pdfText(
      renderPdf(applicationDocument({ version: v, formData: longSample(v), place: "Quảng Khê", date: "2026-03-18" })),
    ).replace(/\s+/g, " ");
    for (const label of ["Nơi thường trú:", "Nơi ở hiện tại:", "5.1 Địa chỉ nhận thông báo thuế", "Chữ ký"])
      expect(text).toContain(label);
    expect(text).not.toContain("Thông tin chủ hộ kinh doanh");
    expect(text).not.toContain("Phương pháp khoán");
    expect(text.indexOf("Nơi thường trú:")).toBeLessThan(text.indexOf("Nơi ở hiện tại:"));
  });

  it.each(["1.011441@2023-01-15", "1.011441@2025-07-01", "1.011443@2023-01-15", "1.011443@2025-07-01"])(
    "%s (Mẫu 01a/03a): every numbered heading, 4 and 5 included, in the same bold face and size as 1–3",
    (id) => {
      const v = procedureVersions.find((x) => x.id === id)!;
      const headings = numberedHeadings(
        renderPdf(applicationDocument({ version: v, formData: longSample(v), place: "Quảng Khê", date: v.validFrom })),
      );
      expect(headings.map((h) => h.text.slice(0, 2))).toEqual(expect.arrayContaining(["1.", "2.", "3.", "4.", "5."]));
      expect(headings.filter((h) => !h.bold)).toEqual([]);
      expect(new Set(headings.map((h) => h.font)).size).toBe(1);
    },
  );

  it("Mẫu 01 of a 2026 household business shows the applicant's address taken from the form (head office when the owner's address is not asked)", () => {
    const v = procedureVersions.find((x) => x.id === "1.001612@2026-01-01")!;
    const formData: Record<string, unknown> = {
      ...longSample(v),
      ownerPermanentStreet: "",
      ownerPermanentCommune: "",
      ownerPermanentProvince: "",
      ownerCurrentStreet: "",
      ownerCurrentCommune: "",
      ownerCurrentProvince: "",
      officeStreet: "Số 12 đường Lê Duẩn, tổ dân phố 3",
      officeCommune: "Phường Nam Gia Nghĩa",
      officeProvince: "Tỉnh Lâm Đồng",
    };
    const applicant = applicantOf(
      v.form.fields.map((f) => f.id),
      formData,
    );
    const receipt = renderPdf(
      receiptSlip({
        code: "000.00.06.H98-260318-0001",
        version: v,
        unit: commune,
        applicant,
        officerName: "Trần Thị Một Cửa",
        printedAt: receivedAt(v),
        receivedAt: receivedAt(v),
        documents: [],
        dueDate: "2026-01-07",
        track: "normal",
        fee: "",
      }),
    );
    expect(pdfText(receipt).replace(/\s+/g, " ")).toContain(
      "Địa chỉ: Số 12 đường Lê Duẩn, tổ dân phố 3, Phường Nam Gia Nghĩa, Tỉnh Lâm Đồng",
    );
  });

  it('the 2023 household-business form keeps the "Hộ chiếu" tick box on the line of its label', () => {
    const v = procedureVersions.find((x) => x.id === "1.001612@2023-07-01")!;
    const { words } = pdfWords(
      renderPdf(applicationDocument({ version: v, formData: longSample(v), place: "Gia Nghĩa", date: "2024-03-13" })),
    );
    const i = words.findIndex((w, k) => w.text === "Hộ" && words[k + 1]?.text === "chiếu");
    expect(i).toBeGreaterThan(0);
    // The box is drawn, not text: the word before "Hộ" on the same line ends left of it, within a box's width.
    expect(Math.abs(words[i]!.yMin - words[i + 1]!.yMin)).toBeLessThan(1);
  });
});
