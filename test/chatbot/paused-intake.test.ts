import { describe, expect, it } from "@jest/globals";
import { composeReply, type ReplyContext } from "../../shared/chatbot/compose-reply.js";
import { understand } from "../../shared/chatbot/understand.js";
import { procedureCatalog } from "../../shared/procedures/catalog.js";
import { schemeDomain } from "../../shared/scheme/decide-track.js";
import { unitDirectory } from "../../shared/units/unit-directory.js";

const links = { miniAppId: "4321987650001", publicBaseUrl: "https://khonghen.test" };
const at = (iso: string): ReplyContext => ({
  at: iso,
  units: unitDirectory,
  catalog: procedureCatalog,
  scheme: schemeDomain,
  links,
});

describe("the chatbot over the lunch break of a scheme day", () => {
  it("says when intake resumes and that same-day still holds before 15:00, not that the day is over", () => {
    const r = composeReply(understand("ngày không hẹn ở xã Quảng Khê là hôm nào"), at("2025-10-15T11:35:00+07:00"));
    expect(r.text).toContain("Đang nghỉ trưa, tiếp nhận lại lúc 13:30 — vẫn kịp trả trong ngày nếu nộp trước 15:00");
    expect(r.text).not.toContain("đã hết giờ nhận hồ sơ");
  });
});
