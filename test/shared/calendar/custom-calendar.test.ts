import { describe, expect, it } from "@jest/globals";
import { createCalendar } from "../../../shared/calendar/calendar.js";
import type { CalendarData } from "../../../shared/calendar/calendar-data.js";
import { extendCalendarData } from "../../../shared/calendar/extend-calendar-data.js";
import { VN_CIVIL_SERVICE_CALENDAR } from "../../../shared/data/calendar-vn.js";

/** A province's own rows: a local anniversary and a local swap with its make-up Saturday. */
const PROVINCE: CalendarData = {
  id: "tinh-thu-nghiem-2026",
  name: "Lịch làm việc của tỉnh (thử nghiệm)",
  years: {
    "2026": {
      entries: [
        {
          from: "2026-03-10",
          kind: "holiday",
          reason: "Kỷ niệm ngày thành lập tỉnh",
          source: "Quyết định của UBND tỉnh (thử nghiệm)",
          evidence: "S",
        },
        {
          from: "2026-03-11",
          kind: "swapped_off",
          reason: "Nghỉ hoán đổi, làm bù vào Thứ Bảy 21/03/2026",
          source: "Quyết định của UBND tỉnh (thử nghiệm)",
          evidence: "S",
        },
        {
          from: "2026-03-21",
          kind: "makeup_working",
          reason: "Làm bù cho ngày 11/03/2026",
          source: "Quyết định của UBND tỉnh (thử nghiệm)",
          evidence: "U",
          toVerify: true,
        },
      ],
    },
  },
};

describe("a province's own calendar data", () => {
  const own = createCalendar(PROVINCE);

  it.each([
    ["2026-03-10", false],
    ["2026-03-11", false],
    ["2026-03-21", true],
    ["2026-03-12", true],
  ])("%s is working: %s", (date, working) => {
    expect(own.isWorkingDay(date)).toBe(working);
  });

  it("counts across its swap", () => {
    expect(own.addWorkingDays("2026-03-09", 1)).toBe("2026-03-12");
    expect(own.addWorkingDays("2026-03-20", 1)).toBe("2026-03-21");
  });

  it("explains its own rows and carries its id", () => {
    expect(own.id).toBe("tinh-thu-nghiem-2026");
    expect(own.explainDay("2026-03-10").text).toBe("Thứ Ba 10/03/2026 là ngày nghỉ: Kỷ niệm ngày thành lập tỉnh.");
    expect(own.explainDay("2026-03-21")).toMatchObject({
      working: true,
      toVerify: true,
      reasons: ["Làm bù cho ngày 11/03/2026"],
    });
  });

  it("replaces the whole year when used alone: Tết is then not off", () => {
    expect(own.isWorkingDay("2026-02-18")).toBe(true);
  });
});

describe("a province's rows layered over the national calendar", () => {
  const layered = createCalendar(extendCalendarData(VN_CIVIL_SERVICE_CALENDAR, PROVINCE));

  it("keeps the national days off and adds the province's", () => {
    expect(layered.isWorkingDay("2026-02-18")).toBe(false);
    expect(layered.isWorkingDay("2026-03-10")).toBe(false);
    expect(layered.isWorkingDay("2026-03-21")).toBe(true);
    expect(layered.id).toBe("vn-civil-service-2023-2027@2026-12+tinh-thu-nghiem-2026");
  });

  it("lets a later province row override a national day off", () => {
    const override: CalendarData = {
      id: "x",
      name: "Thử nghiệm",
      years: {
        "2026": {
          entries: [
            {
              from: "2026-08-31",
              kind: "makeup_working",
              reason: "Tỉnh không áp dụng hoán đổi ngày 31/08/2026",
              source: "thử nghiệm",
              evidence: "S",
            },
          ],
        },
      },
    };
    expect(
      VN_CIVIL_SERVICE_CALENDAR.years["2026"]!.entries.some((e) => e.from === "2026-08-31" && e.kind === "swapped_off"),
    ).toBe(true);
    const calendar = createCalendar(extendCalendarData(VN_CIVIL_SERVICE_CALENDAR, override));
    expect(calendar.isWorkingDay("2026-08-31")).toBe(true);
    expect(calendar.explainDay("2026-08-31").reasons).toEqual(["Tỉnh không áp dụng hoán đổi ngày 31/08/2026"]);
  });

  it("keeps the lunar-calendar holidays of a year the base does not list", () => {
    const local2030: CalendarData = {
      id: "y",
      name: "Thử nghiệm",
      years: {
        "2030": {
          entries: [
            {
              from: "2030-03-12",
              kind: "holiday",
              reason: "Kỷ niệm ngày thành lập tỉnh",
              source: "thử nghiệm",
              evidence: "S",
            },
          ],
        },
      },
    };
    const calendar = createCalendar(extendCalendarData(VN_CIVIL_SERVICE_CALENDAR, local2030));
    expect(calendar.isWorkingDay("2030-02-04")).toBe(false); // Tết Canh Tuất (lunar 1/1 = 02/02/2030)
    expect(calendar.explainDay("2030-03-12")).toMatchObject({
      working: false,
      provisional: true,
      reasons: ["Kỷ niệm ngày thành lập tỉnh"],
    });
    expect(calendar.explainDay("2030-03-13")).toMatchObject({ working: true, provisional: true });
  });
});

describe("invalid calendar data", () => {
  it("is refused at creation with the issues listed", () => {
    const bad: CalendarData = {
      id: "bad",
      name: "Sai",
      years: {
        "2026": {
          entries: [{ from: "2026-02-30", kind: "holiday", reason: "Sai ngày", source: "thử nghiệm", evidence: "S" }],
        },
      },
    };
    expect(() => createCalendar(bad)).toThrow(/invalid calendar data "bad": 2026\[0\]: invalid date 2026-02-30/);
  });
});
