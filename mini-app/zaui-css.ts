/**
 * zmp-ui ships one stylesheet for all of its 30-odd components (zmp-ui/zaui.css, 118 KB); the app uses five of
 * them (Button, Header, Icon, Page, the router). This build step keeps the rules of the components the app imports
 * and drops the rest, so the first screen downloads and matches 13 KB of zmp-ui's CSS instead of 118 KB, and every
 * screen keeps the rules it renders with:
 * - a `.zaui-<block>…` class belongs to the component whose getPrefixCls("<block>") builds it (zmp-ui
 *   esm/utils/class.js); the components in use are the app's imports from "zmp-ui" and "zmp-ui/esm/…", followed
 *   through zmp-ui's own relative imports (Header imports Button and Icon, AnimationRoutes imports ZMPRouter…);
 * - a selector is kept when each of its zaui classes belongs to a component in use (other selectors, such as body,
 *   :root, @keyframes and @font-face, are kept whole), unless it is for the other theme: the app's zmp-ui App has
 *   theme="light" and never switches (zmp-ui's App marks the body zaui-theme="light"), so the body[zaui-theme="dark"]
 *   rules never apply;
 * - a custom property (--zaui-…) is kept when something reads it: a kept rule, another kept property, or the app's
 *   own CSS and code (styles.css sets and reads zaui variables).
 * Used by the web build (vite.config.ts) and the Zalo build (vite.zalo.config.ts); the dev server serves the whole
 * stylesheet.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

interface Block {
  prelude: string;
  /** null for a statement that ends with ";" (@import, @charset). */
  body: string | null;
}

const GROUPING = /^@(media|supports|layer|container)\b/i;

/** End of the string literal that starts at `i` (the index of its closing quote). */
function stringEnd(text: string, i: number): number {
  const quote = text[i];
  let j = i + 1;
  while (j < text.length && text[j] !== quote) j += text[j] === "\\" ? 2 : 1;
  return j;
}

/** The top-level rules and at-rules of a stylesheet, comments dropped. */
export function cssBlocks(css: string): Block[] {
  const out: Block[] = [];
  let prelude = "";
  let i = 0;
  while (i < css.length) {
    const c = css[i]!;
    if (c === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      i = end < 0 ? css.length : end + 2;
    } else if (c === '"' || c === "'") {
      const end = stringEnd(css, i);
      prelude += css.slice(i, end + 1);
      i = end + 1;
    } else if (c === "{") {
      let depth = 1;
      let j = i + 1;
      let body = "";
      while (j < css.length && depth > 0) {
        const d = css[j]!;
        if (d === "/" && css[j + 1] === "*") {
          const end = css.indexOf("*/", j + 2);
          j = end < 0 ? css.length : end + 2;
          continue;
        }
        if (d === '"' || d === "'") {
          const end = stringEnd(css, j);
          body += css.slice(j, end + 1);
          j = end + 1;
          continue;
        }
        if (d === "{") depth++;
        else if (d === "}" && --depth === 0) break;
        body += d;
        j++;
      }
      out.push({ prelude: prelude.trim(), body });
      prelude = "";
      i = j + 1;
    } else if (c === ";" && prelude.trim().startsWith("@")) {
      out.push({ prelude: prelude.trim(), body: null });
      prelude = "";
      i++;
    } else {
      prelude += c;
      i++;
    }
  }
  return out;
}

/** Splits on `separator` outside strings, parentheses and brackets. */
function splitTopLevel(text: string, separator: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = stringEnd(text, i);
    else if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === separator && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

const customName = (declaration: string) => /^(--[\w-]+)\s*:/.exec(declaration)?.[1];

function readVars(text: string, into: Set<string>): void {
  for (const m of text.matchAll(/var\(\s*(--[\w-]+)/g)) into.add(m[1]!);
}

/** Rebuilds a stylesheet, keeping the selectors `keepSelector` accepts and the declarations `keepDeclaration` does. */
function rewrite(
  css: string,
  keepSelector: (selector: string) => boolean,
  keepDeclaration: (declaration: string) => boolean,
): string {
  return cssBlocks(css)
    .map(({ prelude, body }) => {
      if (body === null) return `${prelude};`;
      if (GROUPING.test(prelude)) {
        const inner = rewrite(body, keepSelector, keepDeclaration);
        return inner ? `${prelude}{${inner}}` : "";
      }
      if (prelude.startsWith("@")) return `${prelude}{${body}}`;
      const selectors = splitTopLevel(prelude, ",").filter(keepSelector);
      const declarations = splitTopLevel(body, ";").filter(keepDeclaration);
      return selectors.length && declarations.length ? `${selectors.join(",")}{${declarations.join(";")}}` : "";
    })
    .join("\n");
}

/**
 * zaui.css without the selectors naming a zaui class of a component outside `blocks`, and without the custom
 * properties nothing reads (`alsoRead`: the app's own CSS and code).
 */
export function purgeZaui(css: string, blocks: ReadonlySet<string>, alsoRead = "", theme = "light"): string {
  const inUse = (cls: string) => {
    const name = cls.slice("zaui-".length);
    for (const b of blocks) if (name === b || name.startsWith(`${b}-`)) return true;
    return false;
  };
  const rules = rewrite(
    css,
    (selector) =>
      [...selector.matchAll(/\.(zaui-[\w-]+)/g)].every((m) => inUse(m[1]!)) &&
      [...selector.matchAll(/\[zaui-theme=["']?([\w-]+)/g)].every((m) => m[1] === theme),
    () => true,
  );
  // Readers: every declaration that is not a custom property, then the custom properties they read, to a fixpoint.
  const read = new Set<string>();
  readVars(alsoRead, read);
  const definitions = new Map<string, string[]>();
  const collect = (text: string) => {
    for (const { prelude, body } of cssBlocks(text)) {
      if (body === null || prelude.startsWith("@font-face") || prelude.startsWith("@keyframes")) continue;
      if (GROUPING.test(prelude)) collect(body);
      else
        for (const d of splitTopLevel(body, ";")) {
          const name = customName(d);
          if (name) definitions.set(name, [...(definitions.get(name) ?? []), d]);
          else readVars(d, read);
        }
    }
  };
  collect(rules);
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, values] of definitions) {
      if (!read.has(name)) continue;
      definitions.delete(name);
      const before = read.size;
      values.forEach((v) => readVars(v, read));
      if (read.size > before) grew = true;
    }
  }
  return rewrite(
    rules,
    () => true,
    (d) => {
      const name = customName(d);
      return !name || read.has(name);
    },
  );
}

function sourceFiles(dir: string, test: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p, test);
    return test.test(name) ? [p] : [];
  });
}

/** A zmp-ui module path as written in an import ("./components/button", "../router/ZMPRouter.js") to its file. */
function resolveModule(from: string, spec: string): string | undefined {
  const base = resolve(from, spec);
  for (const candidate of [base, `${base}.js`, join(base, "index.js")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * The zaui blocks (getPrefixCls arguments) of the zmp-ui components the app's sources import, and the text of the
 * zmp-ui modules involved (they may read CSS variables).
 */
export function zauiInUse(appSources: string[], zmpUiDir: string): { blocks: Set<string>; modules: string[] } {
  const esm = join(zmpUiDir, "esm");
  const index = readFileSync(join(esm, "index.js"), "utf8");
  const exported = new Map<string, string>();
  for (const m of index.matchAll(/export\s*\{([^}]*)\}\s*from\s*"(\.[^"]+)"/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()!;
      if (name) exported.set(name, m[2]!);
    }
  }
  const start: string[] = [];
  for (const file of appSources) {
    const code = readFileSync(file, "utf8");
    for (const m of code.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*["']zmp-ui["']/g)) {
      if (m[1]) continue;
      for (const part of m[2]!.split(",")) {
        const name = part
          .trim()
          .replace(/^type\s+/, "")
          .split(/\s+as\s+/)[0]!;
        const spec = exported.get(name);
        const path = spec && !part.trim().startsWith("type ") ? resolveModule(esm, spec) : undefined;
        if (path) start.push(path);
      }
    }
    for (const m of code.matchAll(/from\s*["']zmp-ui\/esm\/([^"']+)["']/g)) {
      const path = resolveModule(esm, `./${m[1]!.replace(/\.js$/, "")}`);
      if (path) start.push(path);
    }
  }
  const seen = new Set<string>();
  const blocks = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    for (const m of code.matchAll(/getPrefixCls\(\s*"([\w-]+)"/g)) blocks.add(m[1]!);
    for (const m of code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+)"/g)) {
      const next = resolveModule(dirname(file), m[1]!);
      if (next) visit(next);
    }
  };
  start.forEach(visit);
  return { blocks, modules: [...seen] };
}

/**
 * Vite/Rollup plugin: `import "zmp-ui/zaui.css"` gets the purged stylesheet in production builds. `theme` is the
 * theme the app's zmp-ui App is given (app.tsx).
 */
export function zauiCss(options: { appDir: string; theme: "light" | "dark" }) {
  return {
    name: "khonghen-zaui-css",
    enforce: "pre" as const,
    apply: "build" as const,
    transform(code: string, id: string) {
      const path = id.split("?")[0]!.replace(/\\/g, "/");
      if (!path.endsWith("/zmp-ui/zaui.css")) return null;
      const sources = sourceFiles(options.appDir, /\.(tsx?|css)$/);
      const { blocks, modules } = zauiInUse(
        sources.filter((f) => !f.endsWith(".css")),
        dirname(path),
      );
      const alsoRead = [...sources, ...modules].map((f) => readFileSync(f, "utf8")).join("\n");
      return { code: purgeZaui(code, blocks, alsoRead, options.theme), map: null };
    },
  };
}
