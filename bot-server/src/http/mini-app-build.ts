/**
 * The mini-app's web build at first start, as the console's (http/console-front-end.ts): on a fresh clone
 * `npm ci && npm start` finds no mini-app/www, builds it with Vite in a child process and serves /m/ once it is
 * there (requests meanwhile wait for it). A build older than a source file of the mini-app or shared/ is rebuilt
 * the same way. The build goes to a temporary folder renamed into place (a reader never sees half a build), under
 * a lock directory (two servers starting together build once). Compiled (production) code never builds:
 * `npm run build` did.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { NextFunction, Request, Response } from "express";
import { htmlPage } from "./html-page.js";
import { REPO_ROOT } from "../app-paths.js";
import type { Log } from "../log.js";

const SOURCES = ["mini-app/src", "mini-app/index.html", "mini-app/vite.config.ts", "app-config.json", "shared"];
const LOCK_STALE_MS = 5 * 60_000;

function newestMtime(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), st.mtimeMs);
}

export function miniAppBuildIsFresh(wwwDir: string): boolean {
  const index = statSync(join(wwwDir, "index.html"), { throwIfNoEntry: false });
  return !!index && index.mtimeMs >= Math.max(...SOURCES.map((s) => newestMtime(join(REPO_ROOT, s))));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function viteBuild(outDir: string): Promise<void> {
  const vite = join(REPO_ROOT, "node_modules", "vite", "bin", "vite.js");
  const args = [
    vite,
    "build",
    "--config",
    "mini-app/vite.config.ts",
    "--outDir",
    outDir,
    "--emptyOutDir",
    "--logLevel",
    "warn",
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`mini-app build exited with ${code}: ${err.slice(-2000)}`)),
    );
  });
}

/** Builds into a temporary folder renamed into place, under the lock; returns at once when the build is fresh. */
export async function buildMiniAppLocked(wwwDir: string): Promise<void> {
  const lock = `${wwwDir}.lock`;
  for (;;) {
    if (miniAppBuildIsFresh(wwwDir)) return;
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  const tmp = `${wwwDir}-${process.pid}-${Date.now()}`;
  try {
    if (miniAppBuildIsFresh(wwwDir)) return;
    await viteBuild(tmp);
    rmSync(wwwDir, { recursive: true, force: true });
    renameSync(tmp, wwwDir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Middleware in front of the /m/ static files: starts the build at once when the web build is missing or stale,
 * and holds /m/ requests until it is done. Without a build after a failure, /m/ says how to build by hand.
 */
export function miniAppFirstBuild(wwwDir: string, log: Log) {
  let pending: Promise<void> | undefined;
  if (!miniAppBuildIsFresh(wwwDir)) {
    const started = Date.now();
    log.info({ dir: wwwDir }, "building the mini-app for /m/ (first start: about a minute)");
    pending = buildMiniAppLocked(wwwDir).then(
      () => log.info({ ms: Date.now() - started }, "mini-app built"),
      (e: unknown) =>
        log.error({ err: { message: e instanceof Error ? e.message : String(e) } }, "mini-app build failed"),
    );
    void pending.finally(() => (pending = undefined));
  }
  return async (_req: Request, res: Response, next: NextFunction) => {
    if (pending) await pending;
    if (!existsSync(join(wwwDir, "index.html"))) {
      res
        .status(503)
        .type("html")
        .send(
          htmlPage(
            "Ứng dụng chưa được đóng gói",
            "<h1>Chưa đóng gói được ứng dụng Zalo Mini App</h1><p>Chạy <code>npm run build:mini</code> rồi tải lại trang.</p>",
          ),
        );
      return;
    }
    next();
  };
}
