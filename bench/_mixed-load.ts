/**
 * Open-loop mixed load for bench/load.ts, in its own process (the scheme of bench/_webhook-paced.ts): requests sent
 * on a fixed schedule (rate per second, spread over millisecond ticks) whatever the answers, cycling through a
 * Wednesday-morning mix given as JSON. Every request is written out as raw HTTP/1.1 bytes before the clock starts
 * (webhook events signed with a fresh msg_id, as Zalo would), sent over keep-alive sockets (one request in flight
 * per socket, a new socket when none is free); latency runs from the write to the last byte of the answer, and is
 * kept per kind of request. argv[2]: JSON { url, seconds, rate, requests, zalo? }. Prints one JSON line.
 */
import { createHash } from "node:crypto";
import net from "node:net";

interface Req {
  kind: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  webhookText?: string;
}

interface Options {
  url: string;
  seconds: number;
  rate: number;
  requests: Req[];
  zalo?: { appId: string; oaSecretKey: string };
}

const o = JSON.parse(process.argv[2] ?? "{}") as Options;
const target = new URL(o.url);
const run = createHash("sha256").update(`${process.pid}${Date.now()}`).digest("hex").slice(0, 8);
const total = Math.round(o.rate * o.seconds);
const MAX_SOCKETS = 1024;

function raw(r: Req, n: number): Buffer {
  let body = r.body ?? "";
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  if (r.webhookText) {
    const timestamp = String(Date.now());
    body = JSON.stringify({
      app_id: o.zalo!.appId,
      user_id_by_app: "552177279717587730",
      event_name: "user_send_text",
      timestamp,
      sender: { id: `24684588352961${String(70000 + (n % 1000)).padStart(5, "0")}` },
      recipient: { id: "388613280878808645" },
      message: { msg_id: `m${run}${n.toString(16).padStart(11, "0")}`, text: r.webhookText },
    });
    headers["content-type"] = "application/json";
    headers["x-zevent-signature"] =
      `mac=${createHash("sha256").update(o.zalo!.appId).update(body).update(timestamp).update(o.zalo!.oaSecretKey).digest("hex")}`;
  }
  let head = `${r.method} ${r.path} HTTP/1.1\r\nHost: ${target.host}\r\n`;
  for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
  if (body) head += `Content-Length: ${Buffer.byteLength(body)}\r\n`;
  return Buffer.from(`${head}\r\n${body}`);
}

const plan = Array.from({ length: total }, (_, n) => {
  const r = o.requests[n % o.requests.length]!;
  return { kind: r.kind, bytes: raw(r, n) };
});
const byKind = new Map<string, number[]>();
let sent = 0;
let ok = 0;
let bad = 0;

interface Conn {
  socket: net.Socket;
  pending: Buffer;
  startedAt: bigint;
  kind: string;
  inFlight: boolean;
  closed: boolean;
}

const free: Conn[] = [];
const waiting: { kind: string; bytes: Buffer }[] = [];
let open = 0;

function answerLength(buf: Buffer): { length: number; status: number } | undefined {
  const end = buf.indexOf("\r\n\r\n");
  if (end < 0) return undefined;
  const head = buf.toString("latin1", 0, end);
  const status = Number(head.slice(9, 12));
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const last = buf.indexOf("\r\n0\r\n\r\n", end);
    return last < 0 ? undefined : { length: last + 7, status };
  }
  const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  const length = end + 4 + (m ? Number(m[1]) : 0);
  return buf.length >= length ? { length, status } : undefined;
}

function connect(): Conn {
  open += 1;
  const socket = net.connect({ host: target.hostname, port: Number(target.port), noDelay: true });
  const conn: Conn = { socket, pending: Buffer.alloc(0), startedAt: 0n, kind: "", inFlight: false, closed: false };
  socket.on("data", (chunk: Buffer) => {
    conn.pending = conn.pending.length === 0 ? chunk : Buffer.concat([conn.pending, chunk]);
    const answer = answerLength(conn.pending);
    if (!answer) return;
    const ms = Number(process.hrtime.bigint() - conn.startedAt) / 1e6;
    let list = byKind.get(conn.kind);
    if (!list) byKind.set(conn.kind, (list = []));
    list.push(ms);
    if (answer.status >= 200 && answer.status < 300) ok += 1;
    else bad += 1;
    conn.inFlight = false;
    conn.pending = conn.pending.subarray(answer.length);
    const next = waiting.shift();
    if (next) write(conn, next);
    else free.push(conn);
  });
  socket.on("error", () => {});
  socket.on("close", () => {
    conn.closed = true;
    open -= 1;
    if (conn.inFlight) bad += 1;
  });
  return conn;
}

function write(conn: Conn, r: { kind: string; bytes: Buffer }): void {
  conn.startedAt = process.hrtime.bigint();
  conn.kind = r.kind;
  conn.inFlight = true;
  conn.socket.write(r.bytes);
}

function freeConn(): Conn | undefined {
  for (let c = free.pop(); c; c = free.pop()) if (!c.closed) return c;
  return undefined;
}

function send(r: { kind: string; bytes: Buffer }): void {
  sent += 1;
  const conn = freeConn() ?? (open < MAX_SOCKETS ? connect() : undefined);
  if (conn) write(conn, r);
  else waiting.push(r);
}

const started = performance.now();
await new Promise<void>((resolve) => {
  const tick = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * o.rate));
    while (sent < due) send(plan[sent]!);
    if (sent >= total) {
      clearInterval(tick);
      resolve();
    }
  }, 1);
});
const deadline = Date.now() + 10_000;
while (ok + bad < sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
const elapsed = (performance.now() - started) / 1000;
const pct = (list: number[], p: number) =>
  Math.round((list[Math.min(list.length - 1, Math.floor(p * list.length))] ?? NaN) * 10) / 10;
const all = [...byKind.values()].flat().sort((a, b) => a - b);
const kinds = Object.fromEntries(
  [...byKind].map(([k, list]) => {
    list.sort((a, b) => a - b);
    return [
      k,
      {
        count: list.length,
        p50: pct(list, 0.5),
        p99: pct(list, 0.99),
        totalMs: Math.round(list.reduce((t, x) => t + x, 0)),
      },
    ];
  }),
);
process.stdout.write(
  `${JSON.stringify({ sent, ok, bad: bad + (sent - ok - bad), rps: ok / elapsed, p50: pct(all, 0.5), p99: pct(all, 0.99), kinds })}\n`,
);
for (const c of free) c.socket.destroy();
process.exit(0);
