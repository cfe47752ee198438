import { describe, expect, it } from "@jest/globals";
import { composeReply, type ReplyContext } from "../../shared/chatbot/compose-reply.js";
import { understand } from "../../shared/chatbot/understand.js";
import { procedureCatalog } from "../../shared/procedures/catalog.js";
import { schemeDomain } from "../../shared/scheme/decide-track.js";
import { unitDirectory } from "../../shared/units/unit-directory.js";

const links = { miniAppId: "4321987650001", publicBaseUrl: "https://khonghen.test" };
const TUESDAY: ReplyContext = {
  at: "2025-10-14T09:30:00+07:00",
  units: unitDirectory,
  catalog: procedureCatalog,
  scheme: schemeDomain,
  links,
};

describe("the chatbot's procedure answer says where to submit and who decides", () => {
  it("a land security registration at a commune: the land office decides, and no same-day promise", () => {
    const r = composeReply(understand("đăng ký thế chấp quyền sử dụng đất cần giấy tờ gì ở xã Quảng Khê"), TUESDAY);
    expect(r.text).toContain(
      "Nộp hồ sơ và nhận kết quả tại Trung tâm Phục vụ hành chính công xã Quảng Khê; nơi giải quyết là Văn phòng đăng ký đất đai hoặc Chi nhánh Văn phòng đăng ký đất đai",
    );
    expect(r.text).toContain("không thuộc danh mục Ngày không hẹn");
  });

  it("a marital status certificate: submitted and decided at the commune", () => {
    const r = composeReply(understand("xin giấy xác nhận độc thân ở xã Quảng Khê cần gì"), TUESDAY);
    expect(r.text).toContain("Nộp hồ sơ và nhận kết quả tại Trung tâm Phục vụ hành chính công xã Quảng Khê.");
    expect(r.text).toContain("thuộc Ngày không hẹn");
  });

  it.each([
    ["đổi bằng lái xe ở đâu", "Phòng Cảnh sát giao thông Công an tỉnh"],
    ["đăng ký tạm trú cần gì", "Công an xã, phường nơi cư trú"],
  ])('an out-of-scope procedure (%s) names where to go instead of "vẫn được tiếp nhận"', (question, where) => {
    const r = composeReply(understand(question), TUESDAY);
    expect(r.text).toContain(`ông/bà nộp hồ sơ tại ${where}`);
    expect(r.text).not.toContain("vẫn được tiếp nhận");
  });
});
