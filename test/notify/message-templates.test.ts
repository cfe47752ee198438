/** The Vietnamese texts citizens read: filled from the dossier, dates dd/mm/yyyy, nothing left unfilled, no personal data. */
import { describe, expect, it } from "@jest/globals";
import { NOTIFY_KINDS, parseOutboxPayload } from "../../shared/notify/notification-kinds.js";
import { renderNotification, type NotificationFacts } from "../../shared/notify/render-notification.js";

const base: Omit<NotificationFacts, "kind"> = {
  track: "normal",
  dossierCode: "000.00.24.H41-251015-0007",
  procedureName: "Cấp Giấy xác nhận tình trạng hôn nhân",
  unitName: "xã Quảng Khê",
  officeHours: [
    { start: "07:00", end: "11:30" },
    { start: "13:30", end: "17:00" },
  ],
  dueDate: "2025-10-20",
  link: "https://zalo.me/s/1/ho-so/000.00.24.H41-251015-0007",
};

describe("renderNotification", () => {
  it.each(NOTIFY_KINDS)(
    "%s: every placeholder is filled, the text fits a CS message, the title fits a ZNS status",
    (kind) => {
      const r = renderNotification({
        ...base,
        kind,
        newDueDate: "2025-10-24",
        missingDocuments: ["Bản sao Giấy khai sinh"],
        dossierCodes: ["A", "B"],
        pendingCount: 2,
        approveBy: "17:00",
      });
      expect(r.text).not.toMatch(/[{}]/);
      expect(r.text.length).toBeLessThanOrEqual(2000);
      expect(r.text).toBe(r.text.normalize("NFC"));
      expect(r.title.length).toBeLessThanOrEqual(30);
      expect(r.buttonText.length).toBeGreaterThan(0);
    },
  );

  it("normal-track receipt gives the due date as Vietnamese write it", () => {
    expect(renderNotification({ ...base, kind: "receipt_issued" }).text).toBe(
      "Bộ phận Một cửa UBND xã Quảng Khê đã tiếp nhận hồ sơ 000.00.24.H41-251015-0007 (Cấp Giấy xác nhận tình trạng hôn nhân). " +
        "Ngày hẹn trả kết quả: 20/10/2025. Chúng tôi sẽ nhắn khi có kết quả.",
    );
  });

  it("same-day receipt says the result comes the same day", () => {
    expect(
      renderNotification({ ...base, kind: "receipt_issued", track: "same-day", dueDate: "2025-10-15" }).text,
    ).toContain("theo “Ngày không hẹn”: kết quả được giải quyết và trả trong ngày 15/10/2025");
  });

  it("a supplement request lists everything missing at once", () => {
    const r = renderNotification({
      ...base,
      kind: "supplement_requested",
      missingDocuments: ["Bản sao Giấy khai sinh", "Giấy tờ chứng minh nơi cư trú"],
    });
    expect(r.text).toContain("cần bổ sung: Bản sao Giấy khai sinh; Giấy tờ chứng minh nơi cư trú.");
    expect(r.text).toContain("(giờ làm việc 07:00–11:30, 13:30–17:00)");
  });

  it("the apology names the missed date and the new one", () => {
    const r = renderNotification({ ...base, kind: "late_apology", dueDate: "2025-10-20", newDueDate: "2025-10-24" });
    expect(r.text).toContain("chưa giải quyết xong đúng hẹn ngày 20/10/2025. Ngày hẹn trả kết quả mới: 24/10/2025.");
    expect(r.znsParams.ngay_hen).toBe("24/10/2025");
  });

  it("without a dossier code (refused at the counter) the procedure names the dossier", () => {
    const { dossierCode: _omit, ...noCode } = base;
    expect(renderNotification({ ...noCode, kind: "refused" }).text).toMatch(
      /^Hồ sơ “Cấp Giấy xác nhận tình trạng hôn nhân” chưa được tiếp nhận/,
    );
  });

  it("unknown office hours read “trong giờ hành chính”", () => {
    const { officeHours: _omit, ...noHours } = base;
    expect(renderNotification({ ...noHours, kind: "result_ready" }).text).toContain("(trong giờ hành chính)");
  });

  it("ZNS parameters are cut to Zalo's lengths", () => {
    const r = renderNotification({ ...base, kind: "result_ready", dossierCode: "X".repeat(40) });
    expect(r.znsParams.ma_ho_so).toHaveLength(30);
    expect(r.znsParams.trang_thai).toBe("Đã có kết quả");
    expect(r.znsParams.noi_nhan).toBe("Bộ phận Một cửa UBND xã Quảng Khê");
  });
});

describe("parseOutboxPayload", () => {
  it("keeps the valid fields of a payload, drops a malformed one and anything not in the contract, never throwing", () => {
    expect(
      parseOutboxPayload('{"dossierCode":"A-1","dueDate":"20/10/2025","track":"same-day","applicantName":"x"}'),
    ).toEqual({ dossierCode: "A-1", track: "same-day" });
    expect(parseOutboxPayload("not json")).toEqual({});
    expect(parseOutboxPayload("[1,2]")).toEqual({});
  });

  it("a code the counter withheld (null) stays withheld", () => {
    expect(parseOutboxPayload('{"dossierCode":null,"procedureName":"P"}')).toEqual({
      procedureName: "P",
      codeWithheld: true,
    });
  });
});
