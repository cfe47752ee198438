/**
 * The load generator of bench/webhook.ts, in its own process: autocannon POSTing Zalo `user_send_text` events,
 * each with a fresh msg_id, the current timestamp and a valid X-ZEvent-Signature (signed here, as Zalo would),
 * spread over 1,000 OA users and realistic questions. argv[2]: JSON { url, connections, seconds, rate?, appId,
 * oaSecretKey, texts }. Prints autocannon's result as one JSON line.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";

interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  /** Requests per second over all connections (autocannon overallRate); none = as fast as the server answers. */
  rate?: number;
  appId: string;
  oaSecretKey: string;
  texts: string[];
}

type Autocannon = (opts: Record<string, unknown>, cb: (err: unknown, result: unknown) => void) => void;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;
const o = JSON.parse(process.argv[2] ?? "{}") as LoadOptions;
const run = createHash("sha256")
  .update(String(process.pid) + Date.now())
  .digest("hex")
  .slice(0, 8);
let n = 0;

function signedEvent(): { body: string; signature: string } {
  n += 1;
  const timestamp = String(Date.now());
  const body = JSON.stringify({
    app_id: o.appId,
    user_id_by_app: "552177279717587730",
    event_name: "user_send_text",
    timestamp,
    sender: { id: `24684588352961${String(90000 + (n % 1000)).padStart(5, "0")}` },
    recipient: { id: "388613280878808645" },
    message: { msg_id: `${run}${n.toString(16).padStart(11, "0")}`, text: o.texts[n % o.texts.length] },
  });
  const mac = createHash("sha256").update(o.appId).update(body).update(timestamp).update(o.oaSecretKey).digest("hex");
  return { body, signature: `mac=${mac}` };
}

autocannon(
  {
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    ...(o.rate ? { overallRate: o.rate } : {}),
    requests: [
      {
        method: "POST",
        setupRequest: (req: Record<string, unknown>) => {
          const e = signedEvent();
          return {
            ...req,
            method: "POST",
            body: e.body,
            headers: { "content-type": "application/json", "x-zevent-signature": e.signature },
          };
        },
      },
    ],
  },
  (err, result) => {
    if (err) {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },
);
