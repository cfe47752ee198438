/**
 * Open-loop load for bench/webhook.ts, in its own process: signed `user_send_text` events sent on a fixed schedule
 * (rate per second, spread evenly over millisecond ticks) whatever the answers, so the latency percentiles are those
 * of a steady arrival rate. autocannon's rate option releases each second's budget in one burst, which measures its
 * own queueing instead. argv[2]: JSON { url, seconds, rate, appId, oaSecretKey, texts }. Prints one JSON line.
 */
import { createHash } from "node:crypto";
import http from "node:http";

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
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const run = createHash("sha256").update(`${process.pid}${Date.now()}`).digest("hex").slice(0, 8);
const latencies: number[] = [];
let sent = 0;
let ok = 0;
let bad = 0;

function send(): void {
  sent += 1;
  const timestamp = String(Date.now());
  const body = JSON.stringify({
    app_id: o.appId, user_id_by_app: "552177279717587730", event_name: "user_send_text", timestamp,
    sender: { id: `24684588352961${String(80000 + (sent % 1000)).padStart(5, "0")}` }, recipient: { id: "388613280878808645" },
    message: { msg_id: `p${run}${sent.toString(16).padStart(11, "0")}`, text: o.texts[sent % o.texts.length] },
  });
  const mac = createHash("sha256").update(o.appId).update(body).update(timestamp).update(o.oaSecretKey).digest("hex");
  const start = process.hrtime.bigint();
  const req = http.request(
    { host: target.hostname, port: target.port, path: target.pathname, method: "POST", agent,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-zevent-signature": `mac=${mac}` } },
    (res) => {
      res.resume();
      res.on("end", () => {
        latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (res.statusCode === 200) ok += 1;
        else bad += 1;
      });
    },
  );
  req.on("error", () => (bad += 1));
  req.end(body);
}

const started = performance.now();
const total = o.rate * o.seconds;
await new Promise<void>((resolve) => {
  const tick = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * o.rate));
    while (sent < due) send();
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
const pct = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN) * 10) / 10;
process.stdout.write(`${JSON.stringify({ sent, ok, bad: bad + (sent - ok - bad), rps: ok / elapsed, p50: pct(0.5), p99: pct(0.99), max: pct(1) })}\n`);
agent.destroy();
