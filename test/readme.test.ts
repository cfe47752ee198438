/** The README is the operator's manual: every environment variable the server reads is in its table. */
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
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
});
