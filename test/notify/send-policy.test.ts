/** Zalo's answers mapped to what the sender does (docs/zalo.md#channel-choice, #error-codes; the shared code table), and when it tries again. */
import { describe, expect, it } from "@jest/globals";
import { sendActionFor } from "../../shared/notify/send-policy.js";
import { nextLocalTimeMs, retryDelayMs } from "../../shared/notify/send-schedule.js";
import { classifyTransport, classifyZaloCode } from "../../bot-server/src/zalo/zalo-error.js";

describe("sendActionFor", () => {
  it.each([
    [-230, "next_channel"], // no interaction in 7 days
    [-213, "next_channel"], // not a follower
    [-114, "next_channel"], // ZNS: cannot receive
    [-108, "next_channel"], // ZNS: invalid phone
    [-32, "rate_limited"],
    [-133, "night_window"],
    [-234, "night_window"],
    [-144, "next_day"],
    [-216, "retry"], // token still refused after the client's one refresh
    [-200, "retry"],
    [-131, "next_channel"], // template not approved: an administrator must act
    [-999, "next_channel"], // unknown code
  ])("Zalo error %i → %s", (code, action) => {
    expect(sendActionFor(classifyZaloCode(code).kind)).toBe(action);
  });

  it.each([
    [undefined, "retry"], // no answer: network error or timeout
    [500, "retry"],
    [503, "retry"],
    [429, "rate_limited"],
    [400, "next_channel"],
  ])("HTTP %s without a Zalo body → %s", (status, action) => {
    expect(sendActionFor(classifyTransport(status, "x").kind)).toBe(action);
  });
});

describe("when to try again", () => {
  const at = (vn: string) => Date.parse(`${vn}+07:00`);

  it.each([
    ["2025-10-15T23:00:00", "2025-10-16T06:05:00"],
    ["2025-10-15T03:00:00", "2025-10-15T06:05:00"],
    ["2025-10-15T06:05:00", "2025-10-16T06:05:00"],
    ["2025-10-15T21:59:00", "2025-10-16T06:05:00"],
  ])("blocked at night at %s (Asia/Ho_Chi_Minh) → retried at %s", (now, next) => {
    expect(new Date(nextLocalTimeMs(at(now))).toISOString()).toBe(new Date(at(next)).toISOString());
  });

  it("backoff grows exponentially, stays within [half, full] of its step and never passes the cap", () => {
    const policy = { baseMs: 1000, maxMs: 60_000 };
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(30, policy, () => 0)).toBe(30_000);
  });
});
