/**
 * /m/ serves the mini-app's web build (mini-app/www) when it exists, with index.html for every page route
 * (/m/don-vi/24631, /m/thu-tuc/1.004873?don-vi=24631, /m/phieu/<code>) so links, reloads and the back button land
 * on the screen the address names. The build refers to its files relatively ("./assets/…", the base Zalo's bundle
 * needs), so the page gets a <base href> at the mount point: /m/don-vi/assets/… would not exist. Without a build,
 * /m/ says so instead of a bare 404.
 * The build paints the home screen from its entry chunk and loads the rest of the app after it (mini-app/src/
 * first-screen.tsx). A deep link (/m/don-vi/24631, /m/?unit=24631…) needs that rest at once: its page names those
 * chunks as modulepreload (from Vite's manifest, www/.vite/manifest.json), so they download alongside the entry
 * instead of after it.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import express, { Router } from "express";
import { htmlPage } from "./html-page.js";

const ASSET = /\.(js|mjs|css|map|json|png|jpe?g|gif|svg|webp|ico|woff2?|ttf|otf|wasm|txt)$/i;

/** index.html with `<base href="<mount>/">` as the first element of <head> (before any relative URL), then `more`. */
export function withBaseHref(html: string, base: string, more = ""): string {
  const tag = `<base href="${base.replace(/[^A-Za-z0-9/_.-]/g, "")}">${more}`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${tag}`) : `${tag}${html}`;
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

/** The modules the app loads after the first screen (src/app.tsx, the API client), in Vite's manifest. */
const AFTER_FIRST_SCREEN = ["src/app.tsx", "src/api/connect.ts"];

/** <link> tags for the app's chunks (with their imports and CSS, the entry itself excepted) named in the manifest. */
export function deepLinkPreloads(manifest: Record<string, ManifestChunk>): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || chunk.isEntry || scripts.has(chunk.file)) return;
    scripts.add(chunk.file);
    chunk.css?.forEach((f) => styles.add(f));
    chunk.imports?.forEach(visit);
  };
  AFTER_FIRST_SCREEN.forEach(visit);
  const safe = (f: string) => f.replace(/[^A-Za-z0-9/_.-]/g, "");
  return [
    ...[...scripts].map((f) => `<link rel="modulepreload" crossorigin href="./${safe(f)}">`),
    ...[...styles].map((f) => `<link rel="preload" as="style" crossorigin href="./${safe(f)}">`),
  ].join("");
}

/** Whether a page request opens the app on its home screen (the rule of mini-app/src/first-screen.tsx). */
function opensAtHome(path: string, query: Record<string, unknown>): boolean {
  return path === "/" && !query.unit && !query.ticket && !query.dossier;
}

export function miniAppStatic(wwwDir: string): Router {
  const router = Router();
  const index = join(wwwDir, "index.html");
  const manifestFile = join(wwwDir, ".vite", "manifest.json");
  let cached: { mtimeMs: number; html: string; preloads: string } | null = null;
  const shell = (): { html: string; preloads: string } => {
    const mtimeMs = statSync(index).mtimeMs;
    if (cached?.mtimeMs !== mtimeMs) {
      let preloads = "";
      try {
        preloads = deepLinkPreloads(JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, ManifestChunk>);
      } catch {
        // A build without a manifest: deep links still work, their chunks load after the entry.
      }
      cached = { mtimeMs, html: readFileSync(index, "utf8"), preloads };
    }
    return cached;
  };
  router.use(express.static(wwwDir, { index: false, fallthrough: true, maxAge: "1h" }));
  router.get("/{*rest}", (req, res, next) => {
    if (existsSync(index)) {
      // Missing assets stay 404; page routes (even /thu-tuc/1.004873) get the app shell.
      if (ASSET.test(req.path)) return next();
      const { html, preloads } = shell();
      res
        .set("Cache-Control", "no-cache")
        .type("html")
        .send(withBaseHref(html, `${req.baseUrl}/`, opensAtHome(req.path, req.query) ? "" : preloads));
      return;
    }
    res
      .status(404)
      .type("html")
      .send(
        htmlPage(
          "Ứng dụng chưa được cài đặt",
          "<h1>Ứng dụng Zalo Mini App chưa được đóng gói</h1><p>Chạy <code>npm run build:mini</code> để tạo bản web tại /m/.</p>",
        ),
      );
  });
  return router;
}
