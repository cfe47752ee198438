/**
 * The citizen mirror across instances: two hubs (two app processes) replaying each other's changes. With an
 * in-memory channel delivering in one order to all (as Redis pub/sub does): pairing on one, joining and
 * confirming on the other; two publishes of the same version from both sides end in the same state everywhere.
 * Then the same over a real Redis channel (console/mirror-sync.ts).
 */
import { afterEach, expect, it } from "@jest/globals";
import {
  createMirrorHub,
  type JoinResult,
  type MirrorHub,
  type MirrorOp,
  type MirrorSync,
} from "../../bot-server/src/console/mirror-hub.js";

function joined(r: JoinResult): { token: string } {
  if (!r.ok) throw new Error(`join refused: ${r.reason}`);
  return r;
}
import { createRedisMirrorSync } from "../../bot-server/src/console/mirror-sync.js";
import { createLog } from "../../bot-server/src/log.js";
import { requireRedis } from "../helpers/databases.js";

const hubs: MirrorHub[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const h of hubs.splice(0)) h.close();
  for (const c of closers.splice(0)) await c();
});

/** A channel that queues messages and delivers them, in one order, when flushed. */
function channel() {
  const queue: { from: string; op: MirrorOp }[] = [];
  const members: { origin: string; handler?: (op: MirrorOp) => void }[] = [];
  return {
    member(origin: string): MirrorSync {
      const m: { origin: string; handler?: (op: MirrorOp) => void } = { origin };
      members.push(m);
      return {
        origin,
        broadcast: (op) => void queue.push({ from: origin, op }),
        onRemote: (h) => void (m.handler = h),
      };
    },
    flush() {
      for (const { from, op } of queue.splice(0)) for (const m of members) if (m.origin !== from) m.handler?.(op);
    },
  };
}

const state = (value: string) => ({ title: "Tờ khai", fields: [{ label: "Họ, chữ đệm, tên", value }] });

it("pairs on one instance, joins and confirms on the other, and both agree", () => {
  const ch = channel();
  const a = createMirrorHub(Date.now, { sync: ch.member("a") });
  const b = createMirrorHub(Date.now, { sync: ch.member("b") });
  hubs.push(a, b);
  const { code } = a.pair("s1", "Cán bộ A");
  expect(b.join(code)).toEqual({ ok: false, reason: "not_found" }); // not replayed yet
  ch.flush();
  const { token } = joined(b.join(code));
  ch.flush();
  expect(a.status("s1")).toMatchObject({ paired: true, joined: true });
  const v = a.publish("s1", state("Nguyễn Văn Thử"))!;
  ch.flush();
  expect(b.confirm(token, v)).toBe(true);
  ch.flush();
  expect(a.isConfirmed("s1")).toBe(true);
  a.publish("s1", state("Nguyễn Văn Thử Sửa"));
  ch.flush();
  expect([a.isConfirmed("s1"), b.isConfirmed("s1")]).toEqual([false, false]);
});

it("two publishes of the same version from both instances end in one state on both", () => {
  const ch = channel();
  const a = createMirrorHub(Date.now, { sync: ch.member("a") });
  const b = createMirrorHub(Date.now, { sync: ch.member("b") });
  hubs.push(a, b);
  const { code } = a.pair("s1", "Cán bộ A");
  ch.flush();
  const { token } = joined(a.join(code));
  ch.flush();
  expect([a.publish("s1", state("từ A")), b.publish("s1", state("từ B"))]).toEqual([1, 1]);
  ch.flush();
  const onScreen = (h: MirrorHub) => {
    let text = "";
    const res = { writeHead: () => {}, write: (t: string) => void (text += t), on: () => {}, end: () => {} };
    expect(h.subscribeMirror(token, res as never)).toBe(true);
    return JSON.parse(/^data: (.+)$/m.exec(text)![1]!) as { version: number; state: { fields: { value: string }[] } };
  };
  // The larger origin id wins the tie, on both instances alike.
  expect(onScreen(a)).toMatchObject({ version: 1, state: { fields: [{ value: "từ B" }] } });
  expect(onScreen(b)).toMatchObject({ version: 1, state: { fields: [{ value: "từ B" }] } });
  expect(b.confirm(token, 1)).toBe(true);
  ch.flush();
  expect([a.isConfirmed("s1"), b.isConfirmed("s1")]).toEqual([true, true]);
});

const redisUrl = requireRedis();
(redisUrl ? it : it.skip)("replays pairing, joining and a confirmation through a real Redis channel", async () => {
  const log = createLog("silent");
  const channelName = `khonghen-test:mirror:${process.pid}:${Date.now()}`;
  const syncA = createRedisMirrorSync(redisUrl!, channelName, log);
  const syncB = createRedisMirrorSync(redisUrl!, channelName, log);
  closers.push(syncA.close, syncB.close);
  const a = createMirrorHub(Date.now, { sync: syncA });
  const b = createMirrorHub(Date.now, { sync: syncB });
  hubs.push(a, b);
  await Promise.all([syncA.ready, syncB.ready]);
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(check()).toBe(true);
  };
  const { code } = a.pair("s1", "Cán bộ A");
  await until(() => b.status("s1").paired);
  const { token } = joined(b.join(code));
  await until(() => a.status("s1").joined);
  const v = a.publish("s1", state("Nguyễn Văn Thử"))!;
  await until(() => b.status("s1").version === v);
  expect(b.confirm(token, v)).toBe(true);
  await until(() => a.isConfirmed("s1"));
});
