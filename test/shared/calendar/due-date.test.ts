import { describe, expect, it } from "@jest/globals";
import { createCalendar } from "../../../shared/calendar/calendar.js";
import { computeDueDate, type DueDateInput } from "../../../shared/calendar/due-date.js";
import { extendCalendarData } from "../../../shared/calendar/extend-calendar-data.js";
import { vnCalendar } from "../../../shared/calendar/vn-calendar.js";
import { VN_CIVIL_SERVICE_CALENDAR } from "../../../shared/data/calendar-vn.js";
import { clockMinutes } from "../../../shared/time/vn-time.js";

const at = (date: string, time: string, timeLimitWorkingDays: number, sameDayCutoff?: string): DueDateInput => ({
  receivedAt: { date, minutes: clockMinutes(time) },
  timeLimitWorkingDays,
  ...(sameDayCutoff ? { sameDayCutoff } : {}),
});

describe("same-working-day procedures (0 days, cutoff 15:00)", () => {
  it.each([
    ["2026-03-11", "09:00", "2026-03-11", "Wednesday morning: same day"],
    ["2026-03-11", "14:59", "2026-03-11", "one minute before the cutoff: same day"],
    ["2026-03-11", "15:00", "2026-03-11", 'at 15:00 exactly: still the same day ("đến 15 giờ")'],
    ["2026-03-11", "15:01", "2026-03-12", "15:01: next working day"],
    ["2026-03-11", "15:05", "2026-03-12", "15:05: next working day"],
    ["2026-03-13", "15:05", "2026-03-16", "Friday after the cutoff: Monday"],
    ["2026-02-13", "15:30", "2026-02-23", "Friday before Tết Bính Ngọ after the cutoff: first day after Tết"],
    ["2026-04-29", "15:05", "2026-05-04", "Wednesday before 30/4–1/5 after the cutoff: Monday 04/05"],
    ["2026-03-14", "09:00", "2026-03-16", "received on Saturday: Monday"],
    ["2025-04-26", "10:00", "2025-04-26", "make-up Saturday before the cutoff: same day"],
  ])("%s %s → %s (%s)", (date, time, due) => {
    const result = computeDueDate(at(date, time, 0, "15:00"), vnCalendar);
    expect(result.dueDate).toBe(due);
    expect(result.countedFrom).toBe(due);
  });

  it("explains the cutoff in Vietnamese", () => {
    const { explanation } = computeDueDate(at("2026-03-11", "15:05", 0, "15:00"), vnCalendar);
    expect(explanation).toBe(
      "Hồ sơ nhận Thứ Tư 11/03/2026 lúc 15:05, sau 15:00, được chuyển sang ngày làm việc tiếp theo Thứ Năm 12/03/2026; giải quyết và trả kết quả trong ngày làm việc: Thứ Năm 12/03/2026.",
    );
  });

  it("without a cutoff, a same-day procedure is due the receipt day even late", () => {
    expect(computeDueDate(at("2026-03-11", "16:30", 0), vnCalendar).dueDate).toBe("2026-03-11");
  });
});

describe("time limits in working days", () => {
  it.each([
    ["2026-04-29", "10:00", 3, "2026-04-29", "2026-05-06", "30/4, 1/5 and the weekend are skipped"],
    ["2026-04-29", "16:30", 3, "2026-04-29", "2026-05-06", "a late receipt does not move a 3-day limit"],
    ["2026-05-02", "09:00", 3, "2026-05-04", "2026-05-07", "received Saturday: counted from Monday"],
    ["2026-02-12", "08:00", 5, "2026-02-12", "2026-02-26", "across Tết Bính Ngọ"],
    ["2025-04-25", "08:00", 1, "2025-04-25", "2025-04-26", "the make-up Saturday counts"],
    ["2024-04-29", "08:00", 2, "2024-05-02", "2024-05-04", "received on a swapped Monday"],
    ["2026-03-12", "08:00", 15, "2026-03-12", "2026-04-02", "three plain weeks"],
    [
      "2025-12-31",
      "15:10",
      3,
      "2025-12-31",
      "2026-01-07",
      "household business on Wed 31/12/2025: 01–04/01 off, Mon 05, Tue 06, Wed 07 (12729/VPCP-KGVX)",
    ],
    ["2026-01-09", "10:00", 1, "2026-01-09", "2026-01-10", "the make-up Saturday 10/01/2026 counts"],
    ["2026-08-28", "10:00", 1, "2026-08-28", "2026-09-03", "National Day 2026: 29/08–02/09 off"],
  ])("%s %s, %i days: counted from %s, due %s (%s)", (date, time, n, countedFrom, due) => {
    const result = computeDueDate(at(date, time, n, "15:00"), vnCalendar);
    expect(result).toMatchObject({ countedFrom, dueDate: due, calendarId: vnCalendar.id, provisional: false });
  });

  it("explains a receipt on a day off, with dd/mm/yyyy dates", () => {
    const { explanation } = computeDueDate(at("2026-05-02", "09:00", 3), vnCalendar);
    expect(explanation).toBe(
      "Hồ sơ nhận Thứ Bảy 02/05/2026 lúc 09:00 (ngày nghỉ) được tính là nhận vào Thứ Hai 04/05/2026; thời hạn 3 ngày làm việc tính từ ngày làm việc tiếp theo; hẹn trả kết quả Thứ Năm 07/05/2026.",
    );
  });

  it("says how many days off were skipped", () => {
    expect(computeDueDate(at("2026-04-29", "10:00", 3), vnCalendar).explanation).toContain("(không tính 4 ngày nghỉ)");
  });

  it("flags a due date that crosses a day off still to verify, in citizen words", () => {
    // Monday 27/04/2026 (compensatory for Giỗ Tổ on Sunday) is now announced: nothing to verify.
    expect(computeDueDate(at("2026-04-24", "10:00", 3), vnCalendar)).toMatchObject({
      dueDate: "2026-05-04",
      toVerify: false,
      provisional: false,
    });
    // Tết Đinh Mùi 2027 is not announced yet.
    const result = computeDueDate(at("2027-02-04", "10:00", 3), vnCalendar);
    expect(result).toMatchObject({ dueDate: "2027-02-16", toVerify: true, provisional: true });
    expect(result.explanation).toContain(
      "Ngày hẹn tính theo lịch nghỉ dự kiến, có thể thay đổi khi có thông báo chính thức.",
    );
    expect(result.explanation).not.toContain("cần kiểm tra");
  });

  it("flags a due date in a year without a notice as provisional", () => {
    const result = computeDueDate(at("2028-03-15", "10:00", 7), vnCalendar);
    expect(result).toMatchObject({ provisional: true, toVerify: true });
    expect(result.explanation).toContain("dự kiến");
  });
});

describe("the calendar is a parameter", () => {
  it("a province's day off moves the due date", () => {
    const province = createCalendar(
      extendCalendarData(VN_CIVIL_SERVICE_CALENDAR, {
        id: "tinh",
        name: "Lịch của tỉnh (thử nghiệm)",
        years: {
          "2026": {
            entries: [
              {
                from: "2026-03-12",
                kind: "holiday",
                reason: "Kỷ niệm ngày thành lập tỉnh",
                source: "thử nghiệm",
                evidence: "S",
              },
            ],
          },
        },
      }),
    );
    expect(computeDueDate(at("2026-03-11", "15:05", 0, "15:00"), province).dueDate).toBe("2026-03-13");
    expect(computeDueDate(at("2026-03-11", "15:05", 0, "15:00"), vnCalendar).dueDate).toBe("2026-03-12");
  });
});

describe("malformed input is a programmer error", () => {
  it.each<[string, DueDateInput]>([
    ["a negative limit", at("2026-03-11", "09:00", -1)],
    ["a fractional limit", at("2026-03-11", "09:00", 1.5)],
    ["an impossible date", at("2026-02-30", "09:00", 3)],
    ["minutes past midnight", { receivedAt: { date: "2026-03-11", minutes: 1440 }, timeLimitWorkingDays: 0 }],
    ["a bad cutoff", at("2026-03-11", "09:00", 0, "25:00")],
  ])("%s throws RangeError", (_, input) => {
    expect(() => computeDueDate(input, vnCalendar)).toThrow(RangeError);
  });
});
