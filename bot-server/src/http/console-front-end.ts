/**
 * The officer console's front-end at /console: files of `npm run build:console` (dist/console-app), served as they
 * are. The server never hashes sources nor loads Vite: compiled code and NODE_ENV=production only serve what
 * `npm run build` made, or a page saying how to build (a build started by a production process would take the CPU
 * its requests need). Running from the TypeScript sources otherwise (development, a fresh clone's
 * `npm ci && npm start`, tests) it runs `npm run build:console`'s script in a child process, as the mini-app is
 * built at first start (http/mini-app-build.ts): at start in development (the script itself skips an up-to-date
 * build), else on the first page asked for when there is no build; requests meanwhile wait for it.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { Router, type NextFunction, type Request, type Response } from "express";
import { CONSOLE_DIST, REPO_ROOT, RUNNING_COMPILED } from "../app-paths.js";
import type { Log } from "../log.js";
import { htmlPage } from "./html-page.js";

const BUILD_SCRIPT = join(REPO_ROOT, "bot-server", "console-app", "build.ts");

function buildInChild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", BUILD_SCRIPT], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`console build exited with ${code}: ${err.slice(-2000)}`)),
    );
  });
}

export interface ConsoleFrontEndOptions {
  /** May this process build at all (not under NODE_ENV=production); compiled code never does. */
  build?: boolean;
  /** Build (or check the build) at once; default: only when a page is asked for and there is no build. */
  buildAtStart?: boolean;
  /** Where the build is (tests); default dist/console-app. */
  dir?: string;
}

export function consoleFrontEnd(log: Log, options: ConsoleFrontEndOptions = {}): Router {
  const dir = options.dir ?? CONSOLE_DIST;
  const index = join(dir, "index.html");
  const canBuild = (options.build ?? true) && !RUNNING_COMPILED && options.dir === undefined;
  let pending: Promise<void> | undefined;
  const build = () => {
    if (pending) return pending;
    const started = Date.now();
    log.info({ dir }, "building the officer console (npm run build:console)");
    pending = buildInChild().then(
      () => log.info({ ms: Date.now() - started }, "console built"),
      (e: unknown) =>
        log.error({ err: { message: e instanceof Error ? e.message : String(e) } }, "console build failed"),
    );
    return pending;
  };
  if (canBuild && options.buildAtStart) void build();

  const router = Router();
  router.use(async (_req: Request, res: Response, next: NextFunction) => {
    if (pending) await pending;
    else if (canBuild && !existsSync(index)) await build();
    if (!existsSync(index)) {
      res
        .status(503)
        .type("html")
        .send(
          htmlPage(
            "Bàn làm việc Một cửa",
            "<h1>Giao diện cán bộ chưa được đóng gói</h1><p>Chạy <code>npm run build:console</code> rồi tải lại trang.</p>",
          ),
        );
      return;
    }
    next();
  });
  router.use(express.static(dir, { index: false, maxAge: "1h", fallthrough: true }));
  router.get("/{*rest}", (req, res, next) => {
    if (/\.[a-z0-9]{1,8}$/i.test(req.path)) return next();
    res.set("Cache-Control", "no-cache").sendFile(index);
  });
  router.get("/", (_req, res) => res.set("Cache-Control", "no-cache").sendFile(index));
  return router;
}
