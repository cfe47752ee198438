/** shared/ is the pure domain: the mini-app and the server import it, it imports neither, and no I/O. */
import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

const IMPORT = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const FORBIDDEN = [
  /^node:/,
  /^(fs|path|http|https|crypto|child_process|os|net)$/,
  /^express/,
  /^kysely/,
  /^pg$/,
  /^better-sqlite3/,
  /^bullmq/,
  /^ioredis/,
  /^axios/,
  /^zmp-/,
  /^react/,
  /bot-server\//,
  /mini-app\//,
];

describe("shared/ dependency rule", () => {
  const files = sourceFiles(join(root, "shared"));
  it("has source files to check", () => expect(files.length).toBeGreaterThan(20));
  it("imports no I/O, framework or adapter module", () => {
    const offending: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? "";
        if (FORBIDDEN.some((re) => re.test(spec))) offending.push(`${relative(root, file)} → ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
