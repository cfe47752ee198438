/**
 * Where the build outputs the server serves live, the same whether this code runs from its TypeScript sources
 * (tsx) or compiled under dist/: the repository root is the nearest folder upwards holding package.json.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

export const REPO_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
/** The mini-app's web build (`npm run build:mini`), served at /m/. */
export const MINI_APP_WWW = join(REPO_ROOT, "mini-app", "www");
/** The officer console's web build (`npm run build:console`), served at /console. */
export const CONSOLE_DIST = join(REPO_ROOT, "dist", "console-app");
/** true when running the compiled JavaScript of `npm run build`: nothing is built at run time then. */
export const RUNNING_COMPILED = import.meta.url.endsWith(".js");
