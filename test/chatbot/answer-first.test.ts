import { describe, expect, it } from "@jest/globals";
import { composeReply, welcomeReply, type ReplyContext } from "../../shared/chatbot/compose-reply.js";
import { INTERNAL_MARKERS, MAX_REPLY_CHARS } from "../../shared/chatbot/reply-text.js";
import { understand } from "../../shared/chatbot/understand.js";
import { vnCalendar } from "../../shared/calendar/vn-calendar.js";
import { schemePlans } from "../../shared/data/scheme-plans.js";
import { procedureCatalog } from "../../shared/procedures/catalog.js";
import { createDomain, schemeDomain } from "../../shared/scheme/decide-track.js";
import type { SchemePlan } from "../../shared/scheme/scheme-plan.js";
import { unitDirectory } from "../../shared/units/unit-directory.js";
import { labelledMessages } from "./labelled-messages.js";

const links = { miniAppId: "4321987650001", publicBaseUrl: "https://khonghen.test" };
const LAM_DONG = "68@2025-07-01";
const QUANG_KHE = "24631@2025-07-01";
/** Tuesday 14/10/2025 09:30 in Việt Nam. */
const base: ReplyContext = {
  at: "2025-10-14T09:30:00+07:00",
  units: unitDirectory,
  catalog: procedureCatalog,
  scheme: schemeDomain,
  links,
};
const province: ReplyContext = { ...base, areaUnitId: LAM_DONG };
const ask = (text: string, context: ReplyContext = province) => composeReply(understand(text), context);

/** An official plan for xã Quảng Khê alone: Thursday, intake until 14:00 (a test fixture, not a real decision). */
const thursdayAtQuangKhe: SchemePlan = {
  ...schemePlans.find((p) => p.id === "lam-dong-2025-demo")!,
  id: "quang-khe-thursday-test",
  status: "official",
  label: "Kế hoạch thử của xã Quảng Khê",
  validFrom: "2025-08-01",
  coverage: { unitIds: [QUANG_KHE] },
  weekdays: [4],
  intakeCutoff: "14:00",
};
const mixed: ReplyContext = {
  ...province,
  scheme: createDomain({
    units: unitDirectory,
    calendar: vnCalendar,
    catalog: procedureCatalog,
    plans: [...schemePlans, thursdayAtQuangKhe],
  }),
};

describe("answer first: the OA's area answers when no commune is named", () => {
  it("answers the weekday, the cut-off and the list directly when the area's plans agree, and offers to narrow down", () => {
    const day = ask("Ngày không hẹn là thứ mấy?");
    expect(day.text).toMatch(/^Ngày không hẹn tại 28 xã, phường của tỉnh Lâm Đồng: Thứ Tư hằng tuần/);
    expect(day.text).toContain("nộp đủ hồ sơ trước 15:00");
    expect(day.text).toContain("Nhắn tên xã, phường");
    expect(day.text).not.toContain("Ông/bà hỏi ở xã/phường nào?");
    expect(ask("mấy giờ thì hết nhận hồ sơ trả trong ngày").text).toContain("trước 15:00");
    const list = ask("thủ tục nào được trả trong ngày ở xã mình?");
    expect(list.text).toContain("• Đăng ký thành lập hộ kinh doanh");
    expect(list.text).toContain("• Cấp Giấy xác nhận tình trạng hôn nhân");
  });

  it("says how the plans differ and asks for the commune when they do not agree", () => {
    const r = ask("Ngày không hẹn là thứ mấy?", mixed);
    expect(r.text).toContain(
      "Ngày không hẹn khác nhau giữa các xã, phường của tỉnh Lâm Đồng: 27 xã, phường: Thứ Tư, nhận hồ sơ đến 15:00; riêng xã Quảng Khê: Thứ Năm, nhận hồ sơ đến 14:00",
    );
    expect(r.text).toContain("Ông/bà nhắn tên xã, phường");
    // Named, the commune gets its own plan.
    expect(ask("ngày không hẹn ở xã Quảng Khê là thứ mấy", mixed).text).toContain(
      "Tại xã Quảng Khê, Ngày không hẹn là Thứ Năm",
    );
  });

  it("an OA of one unit answers for that unit", () => {
    const r = ask("Ngày không hẹn là thứ mấy?", { ...base, areaUnitId: QUANG_KHE });
    expect(r.text).toContain("Tại xã Quảng Khê, Ngày không hẹn là Thứ Tư");
  });

  it("leads a former unit's name to its successor and says so", () => {
    const r = ask("UBND phường Nghĩa Tân mở cửa giờ nào");
    expect(r.text.toLowerCase()).toContain("phường nghĩa tân cũ nay thuộc phường nam gia nghĩa");
    expect(r.text).toContain("Bộ phận Một cửa phường Nam Gia Nghĩa");
    expect(r.text).toContain("07:00–11:30, 13:30–17:00");
    expect(r.unitId).toBe("24615@2025-07-01");
  });

  it("answers about the day asked, starting with Có or Không, and says when it is a holiday", () => {
    const next = ask("Thứ 4 tuần sau có làm ngày không hẹn không?");
    expect(next.text).toMatch(/^Có\. Thứ Tư 22\/10\/2025 là Ngày không hẹn/);
    const thursday = ask("thứ 5 tuần này có làm ngày không hẹn ko", { ...base, conversationUnitId: QUANG_KHE });
    expect(thursday.text).toMatch(/^Không\. Thứ Năm 16\/10\/2025 không phải Ngày không hẹn tại xã Quảng Khê/);
    // 30/04/2025 is a Wednesday and a public holiday.
    const holiday = ask("Thứ 4 tuần sau có làm ngày không hẹn không?", {
      ...province,
      at: "2025-04-22T10:00:00+07:00",
      areaUnitId: "67@2020-03-01",
    });
    expect(holiday.text).toMatch(/^Không\. Thứ Tư 30\/04\/2025 là ngày nghỉ/);
    const noArea = ask("Thứ 4 tuần sau có làm ngày không hẹn không?", { ...base, at: "2025-04-22T10:00:00+07:00" });
    expect(noArea.text).toMatch(/^Không\. Thứ Tư 30\/04\/2025 là ngày nghỉ/);
  });

  it("answers 'ở đâu' with where to submit and who decides; an out-of-scope procedure names the body that receives it", () => {
    const where = ask("xác nhận độc thân nộp ở đâu, ai ký", { ...base, conversationUnitId: QUANG_KHE });
    expect(where.text).toContain("Nơi nộp hồ sơ: Trung tâm Phục vụ hành chính công xã Quảng Khê");
    expect(where.text).toContain("Cơ quan giải quyết:");
    const passport = ask("làm hộ chiếu ở đâu");
    expect(passport.text).toContain("nộp hồ sơ tại cơ quan công an");
    expect(passport.text).not.toContain("vẫn được tiếp nhận");
  });

  it("apologises for an officer's conduct, says what happens next and asks to record it as a complaint", () => {
    const r = ask("cán bộ một cửa xã Quảng Khê thái độ hách dịch, đòi tiền ngoài");
    expect(r.text).toMatch(/^Chúng tôi thành thật xin lỗi/);
    expect(r.text).toContain("đơn vị sẽ trả lời ông/bà qua Zalo này");
    expect(r.feedback).toEqual({ kind: "complaint", unitId: QUANG_KHE });
    expect(r.needsHuman).toBe(true);
    // Praise is not a complaint; a complaint worded with "không nhiệt tình" is.
    expect(ask("cán bộ xã thái độ rất tốt, nhiệt tình, cảm ơn").text).not.toContain("xin lỗi");
    expect(ask("cán bộ một cửa thái độ không nhiệt tình").feedback?.kind).toBe("complaint");
  });

  it("discloses a demo plan once per conversation", () => {
    expect(ask("Ngày không hẹn là thứ mấy?").notedDemo).toBe(true);
    const again = ask("Ngày không hẹn là thứ mấy?", { ...province, demoNoted: true });
    expect(again.notedDemo).toBeUndefined();
    expect(again.text).not.toContain("dùng thử");
  });
});

describe("replies a citizen can read, over the whole labelled message set", () => {
  const contexts: [string, ReplyContext][] = [
    ["no area", base],
    ["province OA", province],
    ["province OA, plans differ", mixed],
    ["commune remembered", { ...base, conversationUnitId: QUANG_KHE }],
    ["2024 (official plan)", { ...base, at: "2024-03-12T09:00:00+07:00", conversationUnitId: "24631@2020-03-01" }],
  ];
  for (const [label, context] of contexts) {
    it(`${label}: at most ${MAX_REPLY_CHARS} characters, no internal marker, no word cut, at most 5 buttons`, () => {
      const bad: string[] = [];
      for (const m of labelledMessages) {
        const r = composeReply(understand(m.text), context);
        if (r.text.length === 0 || r.text.length > MAX_REPLY_CHARS) bad.push(`${m.text}: ${r.text.length} characters`);
        const marker = INTERNAL_MARKERS.find((p) => p.test(r.text));
        if (marker) bad.push(`${m.text}: ${marker} in ${r.text}`);
        if (r.buttons.length > 5) bad.push(`${m.text}: ${r.buttons.length} buttons`);
        for (const b of r.buttons) if (b.title.length > 35) bad.push(`${m.text}: button ${b.title}`);
      }
      expect(bad).toEqual([]);
    });
  }

  it("the welcome is short, in citizen words, with the four quick buttons", () => {
    const w = welcomeReply(province);
    expect(w.text.length).toBeLessThan(400);
    expect(w.buttons).toEqual([
      { title: "Ngày không hẹn ở xã tôi", query: "ngày không hẹn ở xã tôi là thứ mấy" },
      { title: "Khai trước hồ sơ", url: "https://zalo.me/s/4321987650001/" },
      { title: "Tra cứu hồ sơ", url: "https://khonghen.test/tra-cuu" },
      { title: "Gặp cán bộ", query: "gặp cán bộ" },
    ]);
    // The first button's question is answered for the OA's area.
    expect(ask("ngày không hẹn ở xã tôi là thứ mấy").text).toContain("Thứ Tư hằng tuần");
  });
});
