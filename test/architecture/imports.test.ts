/**
 * The import rules of the layers (.dependency-cruiser.cjs, described in docs/architecture.md), run over shared/,
 * bot-server/ and mini-app/ by dependency-cruiser:
 * - shared/ imports no adapter (nothing from bot-server/ or mini-app/, no node I/O, no kysely/express/axios/bullmq/ioredis);
 * - use-cases import no route module (bot-server/src/api, bot-server/src/http, console *.routes);
 * - only bot-server/src/store imports Kysely (sql, Kysely, Transaction);
 * - the mini-app and the console app import only shared/ from outside their folder;
 * - no import cycles at run time (a cycle made only of `import type` is erased by the compiler).
 * KNOWN_VIOLATIONS lists what the code did when the rules were written. The test fails on any violation not in
 * the list AND on any listed entry that no longer occurs, so the list can only shrink; it should end empty.
 */
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

/** "rule: from → to"; a package is named by its name, a cycle by its smallest module and that module's next hop. */
const KNOWN_VIOLATIONS: string[] = [];

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string }[];
}

const packageName = (to: string) => to.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*$/, "$1");

function key(v: Violation): string {
  if (v.cycle && v.cycle.length > 0) {
    const nodes = v.cycle.map((c) => c.name);
    const i = nodes.indexOf([...nodes].sort()[0]!);
    return `${v.rule.name}: ${nodes[i]} → ${nodes[(i + 1) % nodes.length]}`;
  }
  return `${v.rule.name}: ${v.from} → ${packageName(v.to)}`;
}

describe("import rules (dependency-cruiser)", () => {
  let found: string[] = [];
  let modules = 0;

  it("cruises the source tree", () => {
    const run = spawnSync(
      process.execPath,
      [
        join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"),
        "shared",
        "bot-server",
        "mini-app",
        "--config",
        ".dependency-cruiser.cjs",
        "--output-type",
        "json",
      ],
      { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
    );
    expect(run.error).toBeUndefined();
    const report = JSON.parse(run.stdout) as { summary: { violations: Violation[]; totalCruised: number } };
    modules = report.summary.totalCruised;
    found = [...new Set(report.summary.violations.map(key))].sort();
    expect(modules).toBeGreaterThan(300);
  }, 180_000);

  it("finds no violation outside the known list", () => {
    expect(found.filter((v) => !KNOWN_VIOLATIONS.includes(v))).toEqual([]);
  });

  it("lists no known violation that is gone (remove it from KNOWN_VIOLATIONS)", () => {
    expect(KNOWN_VIOLATIONS.filter((v) => !found.includes(v))).toEqual([]);
  });
});
