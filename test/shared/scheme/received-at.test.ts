import { describe, expect, it } from "@jest/globals";
import { parseReceivedAt } from "../../../shared/scheme/received-at.js";
import { toVnMoment } from "../../../shared/time/vn-time.js";

describe("parseReceivedAt (hot path of decideTrack)", () => {
  it.each([
    "2024-03-13T10:00+07:00",
    "2024-03-13T10:00:59+07:00",
    "2024-03-13T23:59:59.999+07:00",
    "2024-02-29T00:00:00+07:00",
    "2000-02-29T12:00:00+07:00",
    "2099-12-31T08:00:00+07:00",
    "1970-01-01T00:00:00+07:00",
    "1900-03-01T07:00:00+07:00",
    "2024-03-13T03:00:00Z",
    "2024-03-12T20:30:00-05:00",
    "2024-03-13T17:00:00.5Z",
  ])("reads %s as toVnMoment does", (at) => {
    const m = toVnMoment(at)!;
    expect(parseReceivedAt(at)).toEqual({ date: m.date, minutes: m.minutes, weekday: m.weekday });
  });

  it("matches toVnMoment on every day of 2023–2027 at 09:17", () => {
    for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2028, 0, 1); t += 86_400_000) {
      const at = `${new Date(t).toISOString().slice(0, 10)}T09:17:00+07:00`;
      const m = toVnMoment(at)!;
      expect(parseReceivedAt(at)).toEqual({ date: m.date, minutes: m.minutes, weekday: m.weekday });
    }
  });

  it.each([
    "2023-02-29T10:00:00+07:00",
    "1900-02-29T10:00:00+07:00",
    "2024-04-31T10:00:00+07:00",
    "2024-00-10T10:00:00+07:00",
    "2024-03-13T10:00:61+07:00",
    "2024-03-13T10:00:00.+07:00",
    "2024-03-13T1O:00:00+07:00",
    "2024-03-13T10:00:00+0700",
  ])("rejects %s", (at) => {
    expect(parseReceivedAt(at)).toBeUndefined();
  });
});
