/**
 * `npm run build:bot`: compiles the server and shared/ to dist/ (tsconfig.build.json) after removing the previous
 * output, then copies the files the compiled code reads beside itself (e.g. forms/templates/*.typ).
 */
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const dist = join(root, "dist");
for (const dir of ["bot-server", "shared"]) rmSync(join(dist, dir), { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const r = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (r.status !== 0) process.exit(r.status ?? 1);

function copyAssets(from: string, to: string): number {
  let n = 0;
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    if (statSync(src).isDirectory()) n += copyAssets(src, join(to, name));
    else if (!/\.tsx?$/.test(name)) {
      cpSync(src, join(to, name));
      n++;
    }
  }
  return n;
}
const copied = copyAssets(join(root, "bot-server", "src"), join(dist, "bot-server", "src"));
console.log(`server compiled to dist/ (${copied} asset file${copied === 1 ? "" : "s"} copied)`);
