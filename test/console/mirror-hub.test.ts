/** The citizen mirror's pairing and confirmation rules: the citizen confirms exactly what is on screen. */
import { afterEach, expect, it } from "@jest/globals";
import {
  browserSummary,
  createMirrorHub,
  type JoinResult,
  type MirrorHub,
} from "../../bot-server/src/console/mirror-hub.js";

let hub: MirrorHub;
let now = 0;
afterEach(() => hub.close());

const tokenOf = (r: JoinResult) => {
  if (!r.ok) throw new Error(`join refused: ${r.reason}`);
  return r.token;
};
const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 13; SM-A146P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.71 Mobile Safari/537.36";

const fields = (value: string) => ({
  title: "Cấp Giấy xác nhận tình trạng hôn nhân",
  fields: [{ label: "Họ, chữ đệm, tên", value }],
});

it("pairs by a 6-digit code, confirms the version shown, and withdraws the confirmation on the next edit", () => {
  hub = createMirrorHub(() => now);
  const { code } = hub.pair("session-1", "Trần Thị Một Cửa");
  expect(code).toMatch(/^\d{6}$/);
  const token = tokenOf(hub.join(code));
  const v1 = hub.publish("session-1", fields("Nguyễn Văn Thử"))!;
  expect(hub.isConfirmed("session-1")).toBe(false);
  expect(hub.confirm(token, v1)).toBe(true);
  expect(hub.isConfirmed("session-1")).toBe(true);
  hub.publish("session-1", fields("Nguyễn Văn Thử Sửa"));
  expect(hub.isConfirmed("session-1")).toBe(false);
  // A confirmation of the previous screen does not count for the edited one.
  expect(hub.confirm(token, v1)).toBe(false);
  expect(hub.isConfirmed("session-1")).toBe(false);
});

it("refuses an unknown code, an expired pairing and another session's confirmation", () => {
  hub = createMirrorHub(() => now);
  now = 0;
  const { code } = hub.pair("session-1", "A");
  expect(hub.join("000000" === code ? "111111" : "000000")).toEqual({ ok: false, reason: "not_found" });
  now = 11 * 60_000;
  expect(hub.join(code)).toEqual({ ok: false, reason: "not_found" });
  now = 0;
  const other = hub.pair("session-2", "B");
  const token = tokenOf(hub.join(other.code));
  const v = hub.publish("session-1", fields("X"));
  expect(v).toBe(1);
  expect(hub.confirm(token, 1)).toBe(false);
  expect(hub.isConfirmed("session-1")).toBe(false);
});

it("a new pairing for the same session replaces the old one", () => {
  hub = createMirrorHub(() => now);
  const first = hub.pair("session-1", "A");
  const second = hub.pair("session-1", "A");
  expect(hub.join(first.code)).toEqual({ ok: false, reason: "not_found" });
  expect(hub.join(second.code).ok).toBe(true);
});

it("a code joins exactly once: a second screen is refused and the first keeps its stream and its confirmation", () => {
  hub = createMirrorHub(() => now);
  now = 0;
  const { code } = hub.pair("session-1", "A");
  const first = tokenOf(hub.join(code, ANDROID_CHROME));
  now = 60_000;
  expect(hub.join(code, "curl/8.5.0")).toEqual({ ok: false, reason: "already_joined" });
  const v = hub.publish("session-1", fields("Nguyễn Văn Thử"))!;
  expect(hub.confirm(first, v)).toBe(true);
  expect(hub.status("session-1")).toMatchObject({
    joined: true,
    confirmed: true,
    screen: { joinedAt: new Date(0).toISOString(), browser: "Chrome 126 · Android" },
  });
});

it("the officer's revocation, the end of the intake and the end of the session each end a joined pairing", async () => {
  hub = createMirrorHub(() => now, { sessionAlive: async (id) => id !== "session-3" });
  now = 0;
  const tokens = ["session-1", "session-2", "session-3"].map((id) => tokenOf(hub.join(hub.pair(id, "A").code)));
  for (const id of ["session-1", "session-2", "session-3"]) hub.publish(id, fields("X"));
  expect(hub.end("session-1", "revoked")).toBe(true);
  expect(hub.end("session-2", "intake_ended")).toBe(true);
  await hub.sweep();
  for (const [i, id] of ["session-1", "session-2", "session-3"].entries()) {
    expect(hub.status(id)).toMatchObject({ paired: false, joined: false, screen: null });
    expect(hub.confirm(tokens[i]!, 1)).toBe(false);
  }
  expect(hub.end("session-1", "revoked")).toBe(false);
});

it("a joined pairing does not expire while the session lives; an unjoined code is swept after 10 minutes", async () => {
  hub = createMirrorHub(() => now, { sessionAlive: async () => true });
  now = 0;
  const joined = tokenOf(hub.join(hub.pair("session-1", "A").code));
  hub.pair("session-2", "B");
  now = 3 * 3_600_000;
  await hub.sweep();
  expect(hub.status("session-2").paired).toBe(false);
  const v = hub.publish("session-1", fields("X"))!;
  expect(hub.confirm(joined, v)).toBe(true);
});

it("summarises the joining browser in a few words", () => {
  expect(browserSummary(ANDROID_CHROME)).toBe("Chrome 126 · Android");
  expect(browserSummary("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0")).toBe(
    "Firefox 127 · Windows",
  );
  expect(browserSummary(undefined)).toBe("Trình duyệt không rõ");
});
