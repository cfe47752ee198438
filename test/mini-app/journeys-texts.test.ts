import { describe, expect, it } from "@jest/globals";
import { timeLimitText } from "../../mini-app/src/format.js";
import { whatToBring } from "../../mini-app/src/state/ticket.js";

describe("ticket and procedure texts", () => {
  it("'Mang theo' never lists the declaration the officer prints from the pre-entry", () => {
    const docs = [
      { name: "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", always: true, kindLabel: "Bản chính", count: 1 },
      { name: "Căn cước công dân", always: true, kindLabel: "Bản chính", count: 1 },
      { name: "Trích lục ghi chú ly hôn", always: false, kindLabel: "Bản sao", count: 1 },
    ];
    expect(whatToBring({ requiredDocuments: docs } as unknown as Parameters<typeof whatToBring>[0])).toEqual([
      "Căn cước công dân (bản chính)",
    ]);
  });
  it("a 0-day time limit reads 'trong ngày', with the cutoff when known", () => {
    expect(timeLimitText(0, "15:00")).toBe("trong ngày (nhận sau 15:00 thì trả ngày làm việc tiếp theo)");
    expect(timeLimitText(0)).toBe("trong ngày");
    expect(timeLimitText(3, "15:00")).toBe("3 ngày làm việc");
  });
});
