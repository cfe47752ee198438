import { describe, expect, it } from "@jest/globals";
import { composeReply, mediaReply, welcomeReply, type ReplyContext } from "../../shared/chatbot/compose-reply.js";
import { understand } from "../../shared/chatbot/understand.js";
import { CHAT_INTENTS } from "../../shared/data/chatbot-intents.js";
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
const TUESDAY = at("2025-10-14T09:30:00+07:00");
const ask = (text: string, context: ReplyContext = TUESDAY) => composeReply(understand(text), context);

describe("composeReply: answers from the catalogue, plans and calendar in force", () => {
  it("lists the checklist with original/copy, the next scheme day and a pre-entry link", () => {
    const r = ask("xin giấy xác nhận độc thân ở xã Quảng Khê cần gì");
    expect(r.text).toContain("1. Tờ khai cấp Giấy xác nhận tình trạng hôn nhân");
    expect(r.text).toContain("– bản chính, 1 bản");
    expect(r.text).toContain("Hộ chiếu, Căn cước công dân, thẻ căn cước"); // no old ID card (CMND) after 31/12/2024
    expect(r.text).toContain("xuất trình bản chính");
    expect(r.text).toContain("Ngày không hẹn tới: Thứ Tư 15/10/2025");
    expect(r.text).toContain("đang dùng thử, chưa phải quyết định chính thức");
    expect(r.notedDemo).toBe(true);
    expect(r.buttons).toContainEqual({
      title: "Khai trước thông tin",
      url: "https://zalo.me/s/4321987650001/don-vi/24631/thu-tuc/1.004873/khai-truoc",
    });
    expect(r.unitId).toBe("24631@2025-07-01");
  });

  it("skips a holiday Wednesday when giving the next scheme day (calendar in force)", () => {
    // 30/04/2025 (Wednesday) is a public holiday: the next "Ngày không hẹn" is 07/05/2025.
    const r = ask("ngày không hẹn ở xã Quảng Khê là hôm nào", at("2025-04-29T10:00:00+07:00"));
    expect(r.text).toContain("Thứ Tư 07/05/2025");
  });

  it("answers with the 2023 Đắk Nông plan on a 2024 date (official plan, commune list)", () => {
    const r = ask("xã Quảng Khê có thủ tục nào trả trong ngày", at("2024-03-12T09:00:00+07:00"));
    expect(r.text).toContain("Ngày không viết – Ngày không hẹn tỉnh Đắk Nông (toàn tỉnh)");
    expect(r.text).toContain("Cấp Giấy xác nhận tình trạng hôn nhân (trừ trường hợp: Cần xác minh");
    expect(r.text).not.toContain("Đăng ký thành lập hộ kinh doanh"); // a district-level procedure in 2023
    expect(r.text).not.toContain("minh họa");
  });

  it("gives the legal time, today's due date and the same-day promise with the cutoff", () => {
    const r = ask("đăng ký hộ kinh doanh ở xã Quảng Khê mất mấy ngày");
    expect(r.text).toMatch(/thời hạn theo quy định \d\d ngày làm việc/);
    expect(r.text).toContain("Nếu nộp đủ hồ sơ ngay bây giờ tại xã Quảng Khê: hẹn trả ngày");
    expect(r.text).toContain("nộp đủ hồ sơ trước 15:00 thì nhận kết quả trong ngày");
    const wednesday = ask("đăng ký hộ kinh doanh ở xã Quảng Khê mất mấy ngày", at("2025-10-15T10:00:00+07:00"));
    expect(wednesday.text).toContain("hẹn trả ngày 15/10/2025 (Ngày không hẹn, trả trong ngày)");
  });

  it("never invents a fee: an unconfirmed amount is said in citizen words", () => {
    expect(ask("lệ phí xác nhận độc thân ở xã Quảng Khê").text).toContain(
      "mức lệ phí do tỉnh quy định, vui lòng hỏi Bộ phận Một cửa",
    );
    expect(ask("lệ phí xác nhận độc thân").text).toContain("mức lệ phí do tỉnh quy định, vui lòng hỏi Bộ phận Một cửa");
  });

  it("asks which unit, or which procedure, when the message does not say", () => {
    expect(ask("ngày không hẹn là thứ mấy").text).toContain("Ông/bà hỏi ở xã/phường nào?");
    const which = ask("cần giấy tờ gì");
    expect(which.text).toContain("Ông/bà hỏi thủ tục nào?");
    expect(which.text).toContain("• Đăng ký thành lập hộ kinh doanh");
  });

  it("uses the unit the conversation talked about last", () => {
    const r = composeReply(understand("ngày không hẹn là thứ mấy"), {
      ...TUESDAY,
      conversationUnitId: "24697@2025-07-01",
    });
    expect(r.text).toContain("Tại xã Nam Đà, Ngày không hẹn là Thứ Tư");
    expect(r.unitId).toBeUndefined(); // nothing new to remember
    // A 2023 commune remembered before 1/7/2025 answers through its successor today.
    const old = composeReply(understand("ngày không hẹn là thứ mấy"), {
      ...TUESDAY,
      conversationUnitId: "24640@2020-03-01",
    });
    expect(old.text).toContain("Tại xã Cư Jút");
  });

  it("hands over to officers with hours and an honest 'phone not known'", () => {
    const r = composeReply(understand("cho tôi gặp cán bộ"), { ...TUESDAY, conversationUnitId: "24631@2025-07-01" });
    expect(r.needsHuman).toBe(true);
    expect(r.text).toContain("07:00–11:30, 13:30–17:00");
    expect(r.text).toContain("điện thoại chưa cập nhật");
  });

  it("opens the web build when no Mini App id is configured", () => {
    const r = composeReply(understand("khai trước ở xã Quảng Khê thế nào"), {
      ...TUESDAY,
      links: { publicBaseUrl: "https://khonghen.test" },
    });
    expect(r.buttons).toContainEqual({ title: "Mở Zalo Mini App", url: "https://khonghen.test/m/don-vi/24631" });
  });

  it("keeps every answer within a phone's reading (1,000 characters) and Zalo's 5 buttons", () => {
    const samples = [
      "xin chào",
      "cảm ơn",
      "???",
      "ngày không hẹn là gì ở xã Quảng Khê",
      "ngày không hẹn ở xã Nam Đà là thứ mấy",
      "thủ tục nào trả trong ngày ở phường Nam Gia Nghĩa",
      "xác nhận độc thân cần gì ở xã Quảng Khê",
      "hộ kinh doanh lệ phí xã quảng khê",
      "xóa thế chấp bao lâu xã Quảng Khê",
      "hồ sơ của tôi",
      "khai trước",
      "xã Quảng Khê ở đâu",
      "góp ý",
      "gặp cán bộ",
      "làm khai sinh ở xã Quảng Khê",
    ];
    const seen = new Set<string>();
    for (const text of samples) {
      const u = understand(text);
      seen.add(u.intent);
      const r = composeReply(u, TUESDAY);
      expect(r.text.length).toBeGreaterThan(0);
      expect(r.text.length).toBeLessThanOrEqual(1000);
      expect(r.buttons.length).toBeLessThanOrEqual(5);
    }
    expect(seen).toEqual(new Set(CHAT_INTENTS));
    expect(mediaReply(TUESDAY).text).toContain("Tra cứu tình trạng hồ sơ");
    const welcome = welcomeReply(TUESDAY);
    expect(welcome.text.length).toBeLessThan(400);
    expect(welcome.buttons.map((b) => b.title)).toEqual([
      "Ngày không hẹn ở xã tôi",
      "Khai trước hồ sơ",
      "Tra cứu hồ sơ",
      "Gặp cán bộ",
    ]);
  });
});
