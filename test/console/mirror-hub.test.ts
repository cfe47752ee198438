/** The citizen mirror's pairing and confirmation rules: the citizen confirms exactly what is on screen. */
import { afterEach, expect, it } from "@jest/globals";
import { createMirrorHub, type MirrorHub } from "../../bot-server/src/console/mirror-hub.js";

let hub: MirrorHub;
let now = 0;
afterEach(() => hub.close());

const fields = (value: string) => ({ title: "Cấp Giấy xác nhận tình trạng hôn nhân", fields: [{ label: "Họ, chữ đệm, tên", value }] });

it("pairs by a 6-digit code, confirms the version shown, and withdraws the confirmation on the next edit", () => {
  hub = createMirrorHub(() => now);
  const { code } = hub.pair("session-1", "Trần Thị Một Cửa");
  expect(code).toMatch(/^\d{6}$/);
  const joined = hub.join(code);
  expect(joined).toBeDefined();
  const v1 = hub.publish("session-1", fields("Nguyễn Văn Thử"))!;
  expect(hub.isConfirmed("session-1")).toBe(false);
  expect(hub.confirm(joined!.token, v1)).toBe(true);
  expect(hub.isConfirmed("session-1")).toBe(true);
  hub.publish("session-1", fields("Nguyễn Văn Thử Sửa"));
  expect(hub.isConfirmed("session-1")).toBe(false);
  // A confirmation of the previous screen does not count for the edited one.
  expect(hub.confirm(joined!.token, v1)).toBe(false);
  expect(hub.isConfirmed("session-1")).toBe(false);
});

it("refuses an unknown code, an expired pairing and another session's confirmation", () => {
  hub = createMirrorHub(() => now);
  now = 0;
  const { code } = hub.pair("session-1", "A");
  expect(hub.join("000000" === code ? "111111" : "000000")).toBeUndefined();
  now = 11 * 60_000;
  expect(hub.join(code)).toBeUndefined();
  now = 0;
  const other = hub.pair("session-2", "B");
  const token = hub.join(other.code)!.token;
  const v = hub.publish("session-1", fields("X"));
  expect(v).toBe(1);
  expect(hub.confirm(token, 1)).toBe(false);
  expect(hub.isConfirmed("session-1")).toBe(false);
});

it("a new pairing for the same session replaces the old one", () => {
  hub = createMirrorHub(() => now);
  const first = hub.pair("session-1", "A");
  const second = hub.pair("session-1", "A");
  expect(hub.join(first.code)).toBeUndefined();
  expect(hub.join(second.code)).toBeDefined();
});
