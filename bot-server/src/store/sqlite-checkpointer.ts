/**
 * WAL checkpoints of a SQLite file on a worker thread. SQLite's own automatic checkpoint runs inside whichever
 * commit crosses 1,000 WAL pages and fsyncs the database there: on a slow disk that one commit, and with it the
 * whole event loop (webhook acknowledgements, the console, the API), stops for 100–700 ms every few thousand
 * writes. Here a second connection on a worker thread checkpoints every CHECKPOINT_EVERY_MS (PASSIVE: it never
 * waits for, nor blocks, the main connection's writes), so the WAL stays small and the main thread never fsyncs.
 *
 * The main connection keeps an automatic checkpoint as a safety net, at SAFETY_NET_PAGES: it only fires if the
 * worker cannot keep up or has died (and then the old behaviour, a stall, comes back instead of an unbounded WAL).
 * Durability is unchanged: WAL + synchronous=NORMAL on both connections.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type SqliteDatabase from "better-sqlite3";

export const CHECKPOINT_EVERY_MS = 250;
/** 10,000 pages of 4 kB: 40 MB of WAL. */
export const SAFETY_NET_PAGES = 10_000;

/** CommonJS run with `eval`: nothing to build or resolve at run time, under tsx, Jest or compiled code alike. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("synchronous = NORMAL");
let failures = 0;
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
    failures = 0;
  } catch (e) {
    failures += 1;
    if (failures === 1) parentPort.postMessage({ error: String(e && e.message) });
  }
}, workerData.everyMs);
parentPort.on("message", (m) => {
  if (m !== "close") return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the worker and closes its connection (before the main connection closes). */
  stop(): Promise<void>;
}

/**
 * Starts checkpointing `file` (already in WAL mode) off the main thread and raises the main connection's automatic
 * checkpoint to the safety net. `onError` hears of a checkpoint that failed or a worker that died (the safety net
 * is then lowered back to SQLite's default so the WAL stays bounded).
 */
export function startCheckpointer(
  main: SqliteDatabase.Database,
  file: string,
  onError: (message: string) => void = () => {},
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, everyMs: CHECKPOINT_EVERY_MS } });
  main.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  let stopped = false;
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  const fallBack = (message: string) => {
    if (stopped) return;
    if (main.open) main.pragma("wal_autocheckpoint = 1000");
    onError(message);
  };
  worker.on("message", (m: { error?: string }) => m.error && onError(`background checkpoint failed: ${m.error}`));
  worker.on("error", (e) => fallBack(`background checkpointer stopped: ${e.message}`));
  worker.once("exit", (code) => code !== 0 && fallBack(`background checkpointer exited with code ${code}`));
  worker.unref();
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage("close");
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise<void>((r) => (timer = setTimeout(r, 2000)))]);
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}
