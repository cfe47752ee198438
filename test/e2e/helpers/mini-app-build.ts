/**
 * The mini app's production build (mini-app/www, what the server serves at /m/): rebuilt when a source
 * is newer than the last build, so a test never runs against stale JavaScript.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const WWW = "mini-app/www";
const SOURCES = ["mini-app/src", "mini-app/index.html", "mini-app/vite.config.ts", "app-config.json", "shared"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), st.mtimeMs);
}

export function ensureMiniAppBuild(): { built: boolean } {
  const index = join(WWW, "index.html");
  const fresh = existsSync(index) && statSync(index).mtimeMs >= Math.max(...SOURCES.map(newestMtime));
  if (fresh) return { built: false };
  const r = spawnSync(
    process.execPath,
    ["node_modules/vite/bin/vite.js", "build", "--config", "mini-app/vite.config.ts", "--logLevel", "warn"],
    {
      encoding: "utf8",
    },
  );
  if (r.status !== 0) throw new Error(`mini-app build failed:\n${r.stdout}\n${r.stderr}`);
  return { built: true };
}
