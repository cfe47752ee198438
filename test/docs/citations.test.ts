/**
 * Comments, data sources and docs cite the repository's own docs/ pages (with an anchor) or a public source, never a
 * research note that is not in the repository ("zalo.md §4.3", "procedures.md", "context.md §5", "stack.md",
 * "style.md", "anchors.md"). Every "docs/<page>.md#<anchor>" cited anywhere must name an existing page and heading.
 */
import { describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(__dirname, "..", "..");
const SKIP = new Set(["node_modules", ".git", "dist", "coverage", "test-output", "www", "www-zalo"]);
const TEXT = /\.(ts|tsx|js|cjs|mjs|json|md|css|html|typ|ya?ml|conf|sh)$|^(Dockerfile|run)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name) || name === "package-lock.json") return [];
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return TEXT.test(name) ? [p] : [];
  });
}

/** A research note named as a file, not as a page of docs/ ("docs/zalo.md" is fine, "zalo.md" is not). */
const OUTSIDE_NOTE = /(?<![\w/.#-])(zalo|procedures|context|stack|style|anchors)\.md\b/g;
const DOCS_LINK = /(?<![\w/.-])docs\/([\w/-]+\.md)((?:#[\w-]+)?(?:, #[\w-]+)*)/g;

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");

function anchorsOf(page: string): Set<string> {
  const text = readFileSync(join(root, "docs", page), "utf8");
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1]!)));
}

describe("citations", () => {
  // This file names the notes it forbids.
  const all = files(root).filter((p) => relative(root, p) !== join("test", "docs", "citations.test.ts"));
  const own = (p: string) => relative(root, p);

  it("has files and a docs/ folder to check", () => {
    expect(all.length).toBeGreaterThan(300);
    for (const page of [
      "README.md",
      "architecture.md",
      "zalo.md",
      "glossary.md",
      "domain/scheme.md",
      "domain/procedures.md",
      "domain/units.md",
      "domain/calendar.md",
    ]) {
      expect(existsSync(join(root, "docs", page))).toBe(true);
    }
  });

  it("cites no document that is not in the repository (run: python3 recite.py <repo-root>)", () => {
    const found: string[] = [];
    for (const p of all) {
      const lines = readFileSync(p, "utf8").split("\n");
      lines.forEach((line, i) => {
        for (const m of line.matchAll(OUTSIDE_NOTE)) found.push(`${own(p)}:${i + 1}: ${m[0]}`);
        if (/shared\/reference\/|\/work\/shared\//.test(line))
          found.push(`${own(p)}:${i + 1}: outside reference folder`);
      });
    }
    expect(found).toEqual([]);
  });

  it("cites only docs/ pages and anchors that exist", () => {
    const broken: string[] = [];
    const anchors = new Map<string, Set<string>>();
    let checked = 0;
    for (const p of all) {
      for (const m of readFileSync(p, "utf8").matchAll(DOCS_LINK)) {
        checked++;
        const page = m[1]!;
        if (!existsSync(join(root, "docs", page))) {
          broken.push(`${own(p)}: docs/${page}`);
          continue;
        }
        if (!anchors.has(page)) anchors.set(page, anchorsOf(page));
        for (const a of (m[2] ?? "").split(/,\s*/).filter(Boolean)) {
          if (!anchors.get(page)!.has(a.slice(1))) broken.push(`${own(p)}: docs/${page}${a}`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it("knows a broken citation when it sees one", () => {
    expect("see zalo.md §4.3".match(OUTSIDE_NOTE)).toEqual(["zalo.md"]);
    expect("see docs/zalo.md#oa-webhook".match(OUTSIDE_NOTE)).toBeNull();
    expect(slug("Security interest registration (1.011441)")).toBe("security-interest-registration-1011441");
  });
});
