/**
 * The repository is formatted by Prettier (.prettierrc.json: print width 120; .prettierignore: dependencies, build
 * output, lockfiles, generated and binary files). `npm run format` writes, `npm run format:check` checks; this test
 * runs the check under `npm test` so CI fails on an unformatted file.
 */
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

describe("Prettier", () => {
  it("uses print width 120", () => {
    expect(JSON.parse(readFileSync(join(root, ".prettierrc.json"), "utf8"))).toMatchObject({ printWidth: 120 });
  });

  it("ignores dependencies, build output, lockfiles and generated files", () => {
    const ignore = readFileSync(join(root, ".prettierignore"), "utf8").split("\n");
    for (const entry of [
      "node_modules/",
      "dist/",
      "mini-app/www/",
      "package-lock.json",
      "shared/data/units/dak-nong.ts",
    ])
      expect(ignore).toContain(entry);
  });

  it("finds every checked file formatted (run `npm run format`)", () => {
    const run = spawnSync(
      process.execPath,
      [join(root, "node_modules/prettier/bin/prettier.cjs"), "--list-different", "."],
      {
        cwd: root,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(run.error).toBeUndefined();
    expect(run.stderr).toBe("");
    const unformatted = run.stdout.split("\n").filter(Boolean);
    expect(unformatted).toEqual([]);
  }, 300_000);
});
