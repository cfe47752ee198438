/**
 * /m/ serves the mini-app's web build (mini-app/www) when it exists, with index.html for deep links so the
 * single-page app can route them. Without a build, /m/ says so instead of a bare 404.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { Router } from "express";
import { htmlPage } from "./html-page.js";

const ASSET = /\.(js|mjs|css|map|json|png|jpe?g|gif|svg|webp|ico|woff2?|ttf|otf|wasm|txt)$/i;

export function miniAppStatic(wwwDir: string): Router {
  const router = Router();
  const index = join(wwwDir, "index.html");
  router.use(express.static(wwwDir, { index: "index.html", fallthrough: true, maxAge: "1h" }));
  router.get("/{*rest}", (req, res, next) => {
    if (existsSync(index)) {
      // Missing assets stay 404; page routes (even /thu-tuc/1.004873) fall back to the app shell.
      if (ASSET.test(req.path)) return next();
      res.set("Cache-Control", "no-cache").sendFile(index);
      return;
    }
    res
      .status(404)
      .type("html")
      .send(htmlPage("Ứng dụng chưa được cài đặt", "<h1>Ứng dụng Zalo Mini App chưa được đóng gói</h1><p>Chạy <code>npm run build:mini</code> để tạo bản web tại /m/.</p>"));
  });
  return router;
}
