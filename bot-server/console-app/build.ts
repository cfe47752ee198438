/**
 * Builds the officer console with Vite's JS API into dist/console-app when it is missing or stale, so `npm ci && npm start` serves
 * it on a fresh machine. Stale = the hash of the sources (this folder, shared/, the console's shared helpers) differs
 * from the one stamped in dist. Concurrent callers (jest workers, two servers) take a lock directory; the build goes
 * to a temporary folder renamed into place, so a reader never sees half a build.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const CONSOLE_APP_DIR = fileURLToPath(new URL(".", import.meta.url));
/** The repository root, also when this file runs compiled from dist/bot-server/console-app (`npm run build`). */
const REPO = repoRoot(CONSOLE_APP_DIR);
/** Compiled (production) code never builds: `npm run build` did, and Vite is a development dependency. */
const COMPILED = import.meta.url.endsWith(".js");
/** Under the repository's dist/, which git and eslint already ignore. */
export const CONSOLE_DIST_DIR = join(REPO, "dist", "console-app");
const STAMP = ".source-hash";
const LOCK_STALE_MS = 5 * 60_000;
const SOURCES = [CONSOLE_APP_DIR, join(REPO, "shared")];

function listFiles(path: string, out: string[]): void {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return;
  if (st.isFile()) return void out.push(path);
  for (const name of readdirSync(path)) {
    if (
      name === "dist" ||
      name === "node_modules" ||
      name.startsWith(".") ||
      name.endsWith(".lock") ||
      name.startsWith("dist-")
    )
      continue;
    listFiles(join(path, name), out);
  }
}

function repoRoot(from: string): string {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) if (existsSync(join(dir, "package.json"))) return dir;
  return join(from, "..", "..");
}

export function consoleSourceHash(): string {
  const files: string[] = [];
  for (const s of SOURCES) listFiles(s, files);
  const h = createHash("sha256");
  for (const f of files.sort()) h.update(relative(REPO, f)).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex").slice(0, 32);
}

export function consoleBuildIsFresh(): boolean {
  const stamp = join(CONSOLE_DIST_DIR, STAMP);
  return (
    existsSync(join(CONSOLE_DIST_DIR, "index.html")) &&
    existsSync(stamp) &&
    readFileSync(stamp, "utf8") === consoleSourceHash()
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Vite runs in a child process (`node --import tsx build.ts --raw <dir>`): Vite is ESM-only, which the jest CommonJS
 * transform cannot import, and the server does not keep Vite in memory after building.
 */
function buildInChild(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--raw", outDir], {
      cwd: REPO,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}: ${err.slice(-2000)}`)),
    );
  });
}

async function viteBuild(outDir: string): Promise<void> {
  const { build } = await import("vite");
  const { default: react } = await import("@vitejs/plugin-react");
  await build({
    configFile: false,
    root: CONSOLE_APP_DIR,
    base: "/console/",
    logLevel: "warn",
    plugins: [react()],
    resolve: { dedupe: ["react", "react-dom"] },
    build: { outDir, emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 1500 },
  });
}

let inFlight: Promise<void> | undefined;

/** Resolves when dist holds a build of the current sources; builds at most once per process at a time. */
export function ensureConsoleBuilt(): Promise<void> {
  if (COMPILED) {
    return existsSync(join(CONSOLE_DIST_DIR, "index.html"))
      ? Promise.resolve()
      : Promise.reject(new Error(`no console build in ${CONSOLE_DIST_DIR}: run npm run build`));
  }
  if (consoleBuildIsFresh()) return Promise.resolve();
  inFlight ??= buildLocked().finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

async function buildLocked(): Promise<void> {
  const lock = `${CONSOLE_DIST_DIR}.lock`;
  mkdirSync(dirname(CONSOLE_DIST_DIR), { recursive: true });
  for (;;) {
    if (consoleBuildIsFresh()) return;
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
  const tmp = `${CONSOLE_DIST_DIR}-${process.pid}-${Date.now()}`;
  try {
    if (consoleBuildIsFresh()) return;
    const hash = consoleSourceHash();
    await buildInChild(tmp);
    writeFileSync(join(tmp, STAMP), hash);
    rmSync(CONSOLE_DIST_DIR, { recursive: true, force: true });
    renameSync(tmp, CONSOLE_DIST_DIR);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(lock, { recursive: true, force: true });
  }
}

// `tsx bot-server/console-app/build.ts` builds once from the command line; `--raw <dir>` is the child's entry.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const raw = process.argv.indexOf("--raw");
  (raw > 0 ? viteBuild(process.argv[raw + 1]!) : ensureConsoleBuilt()).then(
    () => process.stdout.write(`console built in ${CONSOLE_DIST_DIR}\n`),
    (e: unknown) => {
      process.stderr.write(`console build failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
