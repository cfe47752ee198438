/**
 * The build step that trims zmp-ui's stylesheet (mini-app/zaui-css.ts): the rules of the zmp-ui components the app
 * imports stay, with the variables they read; the other components' rules and the dark theme go. The screens are
 * checked in the browser tests and the screenshots; this checks the rule itself.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { purgeZaui, zauiCss, zauiInUse } from "../../mini-app/zaui-css.js";

const root = join(__dirname, "../..");
const zmpUi = join(root, "node_modules/zmp-ui");
const zauiPath = join(zmpUi, "zaui.css");

describe("zmp-ui components in use", () => {
  it("are the app's imports, followed through zmp-ui's own imports", () => {
    const dir = mkdtempSync(join(tmpdir(), "khonghen-zaui-"));
    try {
      const page = join(dir, "page.tsx");
      writeFileSync(page, `import { Button, useNavigate } from "zmp-ui";\nimport type { Sheet } from "zmp-ui";\n`);
      expect([...zauiInUse([page], zmpUi).blocks].sort()).toEqual(["btn"]);
      writeFileSync(page, `import { Header, Input as Field } from "zmp-ui";\n`);
      // Header brings its back Button and Icon; Input its own sub-blocks.
      const blocks = zauiInUse([page], zmpUi).blocks;
      for (const b of ["header", "btn", "icon", "input"]) expect(blocks).toContain(b);
      expect(blocks).not.toContain("sheet");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("purgeZaui", () => {
  const css = `
    :root { --zaui-light-a: #fff; --zaui-light-b: var(--zaui-light-c); --zaui-light-c: #000; --zaui-light-unused: 1px; --kh-read: 2px; }
    body { margin: 0; }
    .zaui-btn, .zaui-avatar { color: var(--zaui-light-a); }
    .zaui-btn-secondary .zaui-btn-container { background: var(--zaui-light-b); }
    .zaui-sheet .zaui-btn { display: none; }
    body[zaui-theme="dark"] .zaui-btn { color: red; }
    @media (min-width: 1px) { .zaui-avatar { width: 1px; } .zaui-btn-small { width: 2px; } }
    @keyframes spin { to { transform: rotate(1turn); } }
  `;
  const out = purgeZaui(css, new Set(["btn"]), "a { width: var(--kh-read); }");

  it("keeps the components in use, their variables and what names no zaui class", () => {
    expect(out).toContain(".zaui-btn{color: var(--zaui-light-a)}");
    expect(out).toContain(".zaui-btn-secondary .zaui-btn-container{background: var(--zaui-light-b)}");
    expect(out).toContain("--zaui-light-a: #fff");
    expect(out).toContain("--zaui-light-b: var(--zaui-light-c)");
    expect(out).toContain("--zaui-light-c: #000");
    expect(out).toContain("--kh-read: 2px");
    expect(out).toContain("body{margin: 0}");
    expect(out).toContain("@media (min-width: 1px){.zaui-btn-small{width: 2px}}");
    expect(out).toContain("@keyframes spin");
  });

  it("drops other components, the dark theme and unread variables", () => {
    expect(out).not.toContain("zaui-avatar");
    expect(out).not.toContain("zaui-sheet");
    expect(out).not.toContain("dark");
    expect(out).not.toContain("--zaui-light-unused");
  });

  it("leaves the app's zmp-ui stylesheet with the app's five components, a ninth of its size", () => {
    const plugin = zauiCss({ appDir: join(root, "mini-app/src"), theme: "light" });
    const full = readFileSync(zauiPath, "utf8");
    const trimmed = plugin.transform(full, zauiPath)!.code;
    const blocks = new Set([...trimmed.matchAll(/\.zaui-([a-z]+)/g)].map((m) => m[1]));
    expect([...blocks].sort()).toEqual(["btn", "header", "icon", "page", "routes"]);
    expect(trimmed.length).toBeLessThan(full.length / 8);
    // styles.css reads the safe-area insets zaui.css defines.
    expect(trimmed).toContain("--zaui-safe-area-inset-top");
  });
});
