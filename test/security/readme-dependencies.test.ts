/** The README's security section lists every production dependency at the version installed from the lock file. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";

const root = join(__dirname, "..", "..");
/** Table cells padded for alignment (Prettier) read as one space. */
const readme = readFileSync(join(root, "README.md"), "utf8").replace(/ {2,}/g, " ");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };

describe("README security section", () => {
  it("lists each production dependency with its installed version", () => {
    const rows = Object.keys(pkg.dependencies).map((name) => {
      const installed = (
        JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }
      ).version;
      return `| \`${name}\` | ${installed} |`;
    });
    expect(rows.filter((r) => !readme.includes(r))).toEqual([]);
  });
  it("says how a deployer runs the audit", () => {
    expect(readme).toContain("npm audit --omit=dev");
  });
});
