/**
 * Open-loop load for bench/webhook.ts, in its own process: signed `user_send_text` events sent on a fixed schedule
 * (rate per second, spread evenly over millisecond ticks) whatever the answers, so the latency percentiles are those
 * of a steady arrival rate. autocannon's rate option releases each second's budget in one burst, which measures its
 * own queueing instead.
 *
 * The generator shares the machine's two cores with the server, so it does as little as it can while measuring:
 * every event is signed (as Zalo would, X-ZEvent-Signature) and written out as raw HTTP/1.1 bytes before the clock
 * starts (their timestamps stay well inside the replay window), requests go over plain keep-alive sockets (one request
 * in flight per socket, a new socket when none is free) and answers are read by their Content-Length only.
 * Latency runs from the write of a request to the last byte of its answer.
 * argv[2]: JSON { url, seconds, rate, appId, oaSecretKey, texts }. Prints one JSON line.
 */
import { createHash } from "node:crypto";
import net from "node:net";

interface PacedOptions {
  url: string;
  seconds: number;
  rate: number;
  appId: string;
  oaSecretKey: string;
  texts: string[];
}

const o = JSON.parse(process.argv[2] ?? "{}") as PacedOptions;
const target = new URL(o.url);
const run = createHash("sha256").update(`${process.pid}${Date.now()}`).digest("hex").slice(0, 8);
const total = o.rate * o.seconds;
const MAX_SOCKETS = 1024;

function signedRequest(n: number): Buffer {
  const timestamp = String(Date.now());
  const body = JSON.stringify({
    app_id: o.appId,
    user_id_by_app: "552177279717587730",
    event_name: "user_send_text",
    timestamp,
    sender: { id: `24684588352961${String(80000 + (n % 1000)).padStart(5, "0")}` },
    recipient: { id: "388613280878808645" },
    message: { msg_id: `p${run}${n.toString(16).padStart(11, "0")}`, text: o.texts[n % o.texts.length] },
  });
  const mac = createHash("sha256").update(o.appId).update(body).update(timestamp).update(o.oaSecretKey).digest("hex");
  const head =
    `POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nX-ZEvent-Signature: mac=${mac}\r\n\r\n`;
  return Buffer.from(head + body);
}

const requests = Array.from({ length: total }, (_, n) => signedRequest(n));
const latencies: number[] = [];
let sent = 0;
let ok = 0;
let bad = 0;

interface Conn {
  socket: net.Socket;
  pending: Buffer;
  startedAt: bigint;
  inFlight: boolean;
  closed: boolean;
}

const free: Conn[] = [];
const waiting: Buffer[] = [];
let open = 0;

/** One answer complete when its head and Content-Length bytes of body are in; returns the bytes it used, or 0. */
function answerLength(buf: Buffer): { length: number; status: number } | undefined {
  const end = buf.indexOf("\r\n\r\n");
  if (end < 0) return undefined;
  const head = buf.toString("latin1", 0, end);
  const status = Number(head.slice(9, 12));
  const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  const length = end + 4 + (m ? Number(m[1]) : 0);
  return buf.length >= length ? { length, status } : undefined;
}

function connect(): Conn {
  open += 1;
  const socket = net.connect({ host: target.hostname, port: Number(target.port), noDelay: true });
  const conn: Conn = { socket, pending: Buffer.alloc(0), startedAt: 0n, inFlight: false, closed: false };
  socket.on("data", (chunk: Buffer) => {
    conn.pending = conn.pending.length === 0 ? chunk : Buffer.concat([conn.pending, chunk]);
    const answer = answerLength(conn.pending);
    if (!answer) return;
    latencies.push(Number(process.hrtime.bigint() - conn.startedAt) / 1e6);
    if (answer.status === 200) ok += 1;
    else bad += 1;
    conn.inFlight = false;
    conn.pending = conn.pending.subarray(answer.length);
    const next = waiting.shift();
    if (next) write(conn, next);
    else free.push(conn);
  });
  // A socket the server closed (idle keep-alive timeout, error) is never used again; a request lost with it fails.
  socket.on("error", () => {});
  socket.on("close", () => {
    conn.closed = true;
    open -= 1;
    if (conn.inFlight) bad += 1;
  });
  return conn;
}

function write(conn: Conn, request: Buffer): void {
  conn.startedAt = process.hrtime.bigint();
  conn.inFlight = true;
  conn.socket.write(request);
}

function freeConn(): Conn | undefined {
  for (let c = free.pop(); c; c = free.pop()) if (!c.closed) return c;
  return undefined;
}

function send(request: Buffer): void {
  sent += 1;
  const conn = freeConn() ?? (open < MAX_SOCKETS ? connect() : undefined);
  if (conn) write(conn, request);
  else waiting.push(request);
}

const started = performance.now();
await new Promise<void>((resolve) => {
  const tick = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * o.rate));
    while (sent < due) send(requests[sent]!);
    if (sent >= total) {
      clearInterval(tick);
      resolve();
    }
  }, 1);
});
const deadline = Date.now() + 10_000;
while (ok + bad < sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN) * 10) / 10;
process.stdout.write(
  `${JSON.stringify({ sent, ok, bad: bad + (sent - ok - bad), rps: ok / elapsed, p50: pct(0.5), p99: pct(0.99), max: pct(1), sockets: open })}\n`,
);
for (const c of free) c.socket.destroy();
process.exit(0);
