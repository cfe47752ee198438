/** /favicon.ico for every page (public pages, console, mini app on the web): a small SVG mark, cached for a day. */
import type { Express } from "express";

const SVG =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#0068ff"/>` +
  `<path d="M18 33l9 9 19-20" fill="none" stroke="#fff" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

export function favicon(app: Express): void {
  const send = (_req: unknown, res: import("express").Response) => {
    res.set({ "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" }).send(SVG);
  };
  app.get("/favicon.ico", send);
  app.get("/favicon.svg", send);
}
