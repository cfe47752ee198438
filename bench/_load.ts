/**
 * The load generator of bench/api.ts, in its own process: autocannon against one URL, optionally cycling
 * GET requests through several paths (e.g. 1,000 dossier codes). Prints autocannon's result as one JSON line.
 * argv[2]: JSON { url, connections, seconds, method?, headers?, body?, paths? }.
 */
import { createRequire } from "node:module";

interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  paths?: string[];
}

type Autocannon = (opts: Record<string, unknown>, cb: (err: unknown, result: unknown) => void) => void;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const o = JSON.parse(process.argv[2] ?? "{}") as LoadOptions;
const paths = o.paths;
autocannon(
  {
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    method: o.method ?? "GET",
    headers: o.headers ?? {},
    ...(o.body ? { body: o.body } : {}),
    // Static requests are built once and cycled through by every connection (a setupRequest hook would rebuild
    // each request and make the load generator the bottleneck).
    ...(paths && paths.length > 0 ? { requests: paths.map((path) => ({ path })) } : {}),
  },
  (err, result) => {
    if (err) {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },
);
