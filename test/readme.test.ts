/**
 * The README is the operator's manual: every environment variable the server reads is in its table, and every
 * `npm run bench -- NAME` has a row in the benchmarks table with its latest figures (or says it was not re-measured).
 */
import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..");
/** Table cells padded for alignment (Prettier) read as one space. */
const readme = readFileSync(join(root, "README.md"), "utf8").replace(/ {2,}/g, " ");
const configSource = readFileSync(join(root, "bot-server/src/config.ts"), "utf8");
const keys = [...configSource.matchAll(/^ {4}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);

describe("README", () => {
  it("gives the two set-up commands", () => {
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm ci && npm test");
  });
  it("documents every configuration variable", () => {
    expect(keys.length).toBeGreaterThan(20);
    const missing = keys.filter((k) => !readme.includes(`| \`${k}\` |`));
    expect(missing).toEqual([]);
  });
  it("has a row with figures for every bench", () => {
    const benches = readdirSync(join(root, "bench"))
      .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.startsWith("_"))
      .map((f) => f.slice(0, -3));
    expect(benches.length).toBeGreaterThan(5);
    const rows = new Map(
      readme
        .split("\n")
        .map((l) => /^\| `([a-z-]+)` \|(.*)\|$/.exec(l))
        .filter((m) => m !== null)
        .map((m) => [m[1]!, m[2]!.split("|").map((c) => c.trim())]),
    );
    const missing = benches.filter((b) => !rows.has(b));
    expect(missing).toEqual([]);
    // What it measures, its goals, and a dated figure or an honest "not re-measured".
    const empty = benches.filter((b) => rows.get(b)!.length < 3 || rows.get(b)!.some((c) => c === ""));
    expect(empty).toEqual([]);
    const undated = benches.filter((b) => !/\d{1,2}\/\d{1,2}\/\d{4}|chưa đo lại/.test(rows.get(b)![2]!));
    expect(undated).toEqual([]);
  });
});
