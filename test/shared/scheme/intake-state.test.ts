import { describe, expect, it } from "@jest/globals";
import { decideTrack, schemeStatusAt, type SchemeStatus } from "../../../shared/scheme/decide-track.js";
import { intakeStateAt, keepSameDayDuringPause, pausedIntakeSentence } from "../../../shared/scheme/intake-state.js";

function status(at: string): SchemeStatus {
  const s = schemeStatusAt("24631", at);
  if (!s.ok) throw new Error(s.error);
  return s;
}

// xã Quảng Khê, Wednesday 13/03/2024 under the Đắk Nông 2023 plan: office 07:00–11:30, 13:30–17:00, cutoff 15:00.
describe("intake state of a scheme day", () => {
  it.each([
    ["06:30", "paused", "07:00", "before-opening"],
    ["07:00", "open", undefined, undefined],
    ["11:29", "open", undefined, undefined],
    ["11:30", "paused", "13:30", "break"],
    ["11:35", "paused", "13:30", "break"],
    ["13:30", "open", undefined, undefined],
    // "đến 15 giờ cùng ngày": 15:00 itself is still same-day intake; 15:01 is not.
    ["15:00", "open", undefined, undefined],
    ["15:01", "closed", undefined, undefined],
    ["17:30", "closed", undefined, undefined],
  ])("at %s: %s", (time, state, resumesAt, pauseKind) => {
    const s = status(`2024-03-13T${time}:00+07:00`);
    expect([s.intakeState, s.resumesAt, s.pauseKind]).toEqual([state, resumesAt, pauseKind]);
  });

  it("over the lunch break: the day's procedures stay same-day, today is still the next scheme day, and the summary says when to come", () => {
    const s = status("2024-03-13T11:35:00+07:00");
    expect(s.procedures.map((p) => [p.procedureCode, p.track, p.dueDate])).toEqual([
      ["1.004873", "same-day", "2024-03-13"],
    ]);
    expect(s.procedures[0]!.reasons).toContain(
      "Đang nghỉ trưa, tiếp nhận lại lúc 13:30 — vẫn kịp trả trong ngày nếu nộp trước 15:00",
    );
    expect(s.nextSchemeDay).toBe("2024-03-13");
    expect(s.minutesToCutoff).toBe(205);
    expect(s.summary).toBe(
      "Hôm nay là Ngày không hẹn tại xã Quảng Khê. Đang nghỉ trưa, tiếp nhận lại lúc 13:30 — vẫn kịp trả trong ngày nếu nộp trước 15:00.",
    );
  });

  it("before opening says when intake starts", () => {
    expect(status("2024-03-13T06:40:00+07:00").summary).toContain(
      "Chưa đến giờ làm việc, bắt đầu tiếp nhận lúc 07:00 — vẫn kịp trả trong ngày nếu nộp trước 15:00",
    );
  });

  it("a Thursday is not a scheme day", () => {
    expect(status("2024-03-14T10:00:00+07:00").intakeState).toBe("not-scheme-day");
  });

  it("pure: a break that starts after the cutoff leaves intake closed", () => {
    expect(
      intakeStateAt({
        isSchemeDay: true,
        intakeOpen: false,
        officeMinutes: [420, 690, 930, 1020],
        cutoffMinutes: 900,
        minutes: 700,
      }),
    ).toEqual({ state: "closed" });
    expect(pausedIntakeSentence({ resumesAt: "13:30", intakeCutoff: "15:00", pauseKind: "break" })).toBe(
      "Đang nghỉ trưa, tiếp nhận lại lúc 13:30 — vẫn kịp trả trong ngày nếu nộp trước 15:00",
    );
  });
});

describe("keeping the same-day track when receiving during a break", () => {
  const at = "2024-03-13T11:35:00+07:00";
  const decision = decideTrack({ unitCode: "24631", procedureCode: "1.004873", at });
  if (!decision.ok) throw new Error(decision.error);

  it("a dossier received at 11:35 is on the normal track unless the officer keeps it, with the reason in the decision", () => {
    expect(decision.track).toBe("normal");
    const kept = keepSameDayDuringPause(
      decision,
      { state: "paused", resumesAt: "13:30", pauseKind: "break" },
      "Công dân ở xa",
      "13/03/2024",
    );
    expect(kept).toMatchObject({ track: "same-day", dueDate: "2024-03-13", causes: [] });
    expect(kept!.reasons.at(-2)).toBe(
      "Tiếp nhận lúc 11:35, trong giờ nghỉ của Ngày không hẹn: cán bộ giữ trả trong ngày (lý do: Công dân ở xa)",
    );
    expect(kept!.reasons.at(-1)).toBe("Giải quyết và trả kết quả trong ngày 13/03/2024");
  });

  it("is refused after hours, past the cutoff or for a procedure outside the list", () => {
    const late = decideTrack({ unitCode: "24631", procedureCode: "1.004873", at: "2024-03-13T17:30:00+07:00" });
    if (!late.ok) throw new Error(late.error);
    expect(keepSameDayDuringPause(late, { state: "closed" }, "x y z", "13/03/2024")).toBeUndefined();
    const flagged = { ...decision, causes: ["outside_office_hours", "flag_excluded"] as typeof decision.causes };
    expect(
      keepSameDayDuringPause(flagged, { state: "paused", resumesAt: "13:30" }, "x y z", "13/03/2024"),
    ).toBeUndefined();
  });
});
