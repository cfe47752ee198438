/**
 * /m/ serves the mini-app's web build (mini-app/www) when it exists, with index.html for every page route
 * (/m/don-vi/24631, /m/thu-tuc/1.004873?don-vi=24631, /m/phieu/<code>) so links, reloads and the back button land
 * on the screen the address names. The build refers to its files relatively ("./assets/…", the base Zalo's bundle
 * needs), so the page gets a <base href> at the mount point: /m/don-vi/assets/… would not exist. Without a build,
 * /m/ says so instead of a bare 404.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import express, { Router } from "express";
import { htmlPage } from "./html-page.js";

const ASSET = /\.(js|mjs|css|map|json|png|jpe?g|gif|svg|webp|ico|woff2?|ttf|otf|wasm|txt)$/i;

/** index.html with `<base href="<mount>/">` as the first element of <head> (before any relative URL). */
export function withBaseHref(html: string, base: string): string {
  const tag = `<base href="${base.replace(/[^A-Za-z0-9/_.-]/g, "")}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${tag}`) : `${tag}${html}`;
}

export function miniAppStatic(wwwDir: string): Router {
  const router = Router();
  const index = join(wwwDir, "index.html");
  let cached: { mtimeMs: number; html: string } | null = null;
  const shell = (): string => {
    const mtimeMs = statSync(index).mtimeMs;
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(index, "utf8") };
    return cached.html;
  };
  router.use(express.static(wwwDir, { index: false, fallthrough: true, maxAge: "1h" }));
  router.get("/{*rest}", (req, res, next) => {
    if (existsSync(index)) {
      // Missing assets stay 404; page routes (even /thu-tuc/1.004873) get the app shell.
      if (ASSET.test(req.path)) return next();
      res
        .set("Cache-Control", "no-cache")
        .type("html")
        .send(withBaseHref(shell(), `${req.baseUrl}/`));
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
