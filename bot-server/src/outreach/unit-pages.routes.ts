/**
 * /don-vi: the public outreach pages of the units. Server-rendered, no script, no cookie:
 *   GET /don-vi                      the province's communes and wards, with a search that needs no JavaScript
 *   GET /don-vi/:code                the unit's page (Open Graph and Twitter tags for shared links)
 *   GET /don-vi/:code/og.png         its share card, 1200×630
 *   GET /don-vi/:code/poster.pdf|png the counter's QR poster, ?size=a5|a4|a3 (A4 by default)
 *   GET /don-vi/:code/widget         an embeddable block for the unit's website (the only path that may be framed)
 *   GET /don-vi/:code/widget.js      one script tag that places that block
 * A former unit's code (before 1/7/2025) is sent on to its successor. A unit's facts are computed once a minute at
 * most (the status line changes at the minute) without waiting for the database (office-contact-cache.ts), and each
 * page is stored gzipped for cheap phones on mobile data.
 */
import { gzipSync } from "node:zlib";
import { Router, type Request, type Response } from "express";
import type { AdminUnit } from "../../../shared/model.js";
import { searchFormerUnits } from "../../../shared/units/former-units.js";
import { WEEKDAY_NAMES_VI, vnMomentFromEpoch } from "../../../shared/time/vn-time.js";
import type { Deps } from "../deps.js";
import { resolvePublicUnit, unitPublicView, type UnitPublicView } from "../use-cases/unit-public-view.js";
import {
  notFoundHtml,
  provincePageHtml,
  unitPageHtml,
  widgetHtml,
  widgetScript,
  type UnitListItem,
} from "./unit-page-html.js";
import {
  POSTER_SIZES,
  posterData,
  posterPdf,
  posterPng,
  shareCardPng,
  type PosterSize,
  type Rendered,
} from "./render-outreach.js";
import { escapeHtml } from "../http/html-page.js";
import { createOfficeContactCache } from "./office-contact-cache.js";

const LEVELS = ["commune", "district"] as const;
const PAGE_CACHE = "public, max-age=60";
const IMAGE_CACHE = "public, max-age=86400";

interface Entry {
  minute: number;
  view: UnitPublicView;
  page?: { html: Buffer; gz: Buffer };
}

/** Headers that let any site frame the widget: it shows public facts only and sets no cookie. */
function allowFraming(res: Response): void {
  const csp = String(res.getHeader("Content-Security-Policy") ?? "").replace(
    /frame-ancestors [^;]*/,
    "frame-ancestors http: https:",
  );
  res.setHeader("Content-Security-Policy", csp || "frame-ancestors http: https:");
  res.removeHeader("X-Frame-Options");
}

function sendHtml(
  req: Request,
  res: Response,
  status: number,
  html: Buffer,
  gz: Buffer | undefined,
  cacheControl: string,
): void {
  res.status(status).setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", cacheControl);
  res.setHeader("Vary", "Accept-Encoding");
  const useGzip = gz !== undefined && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  if (useGzip) res.setHeader("Content-Encoding", "gzip");
  const body = useGzip ? gz : html;
  res.setHeader("Content-Length", body.length);
  res.end(body);
}

function sendRendered(
  req: Request,
  res: Response,
  r: Rendered,
  type: string,
  extra: Record<string, string> = {},
): void {
  res.setHeader("ETag", r.etag);
  res.setHeader("Cache-Control", IMAGE_CACHE);
  res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
  for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
  if (req.headers["if-none-match"] === r.etag) {
    res.status(304).end();
    return;
  }
  res.status(200).setHeader("Content-Type", type);
  res.setHeader("Content-Length", r.body.length);
  res.end(r.body);
}

export function unitPagesRouter(deps: Deps): Router {
  const router = Router();
  const entries = new Map<string, Entry>();
  const contacts = createOfficeContactCache(deps.db, () => deps.clock.now().getTime());

  async function entryFor(unit: AdminUnit): Promise<Entry> {
    const now = deps.clock.now().getTime();
    const minute = Math.floor(now / 60_000);
    const hit = entries.get(unit.id);
    if (hit && hit.minute === minute) return hit;
    const held = contacts.get(unit.id);
    const contact = held instanceof Promise ? await held : held;
    const entry: Entry = { minute, view: unitPublicView(deps, unit, now, contact) };
    entries.set(unit.id, entry);
    return entry;
  }

  /** The unit for a request, or an answer already sent (redirect or 404). */
  async function unitOr(req: Request, res: Response, suffix: string): Promise<Entry | undefined> {
    const code = String(req.params.unitCode ?? "");
    const today = vnMomentFromEpoch(deps.clock.now().getTime()).date;
    const found = resolvePublicUnit(deps, code, today);
    if (found && "unit" in found) return entryFor(found.unit);
    if (found) {
      const query = req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
      res.redirect(301, `/don-vi/${encodeURIComponent(found.redirectTo)}${suffix}${query}`);
      return undefined;
    }
    const html = Buffer.from(notFoundHtml(code));
    sendHtml(req, res, 404, html, undefined, "no-store");
    return undefined;
  }

  router.get("/", (req, res) => {
    const units = deps.domain.units;
    const today = vnMomentFromEpoch(deps.clock.now().getTime()).date;
    const query = typeof req.query.q === "string" ? req.query.q.normalize("NFC").trim().slice(0, 80) : "";
    const describe = (u: AdminUnit, formerly: string | null): UnitListItem => {
      const plan = deps.domain.scheme.planAt(u.id, today);
      const title = units.displayName(u);
      return {
        code: u.code,
        title: title.charAt(0).toUpperCase() + title.slice(1),
        formerly,
        schemeLine: plan
          ? `Ngày không hẹn: ${plan.weekdays.map((d) => WEEKDAY_NAMES_VI[d]).join(", ")}, nhận hồ sơ trả trong ngày đến ${plan.intakeCutoff}`
          : "Chưa áp dụng Ngày không hẹn",
      };
    };
    let items: UnitListItem[];
    if (query === "") {
      items = units.units
        .filter((u) => (LEVELS as readonly string[]).includes(u.level) && units.isInForce(u, today))
        .sort((a, b) => a.name.localeCompare(b.name, "vi"))
        .map((u) => describe(u, null));
    } else {
      const seen = new Set<string>();
      items = [];
      for (const hit of units.search(query, { date: today, levels: LEVELS, limit: 50 })) {
        seen.add(hit.unit.id);
        items.push(describe(hit.unit, null));
      }
      // A former name (before a merger) leads to the unit that took it over.
      for (const hit of units.search(query, { levels: LEVELS, limit: 50 })) {
        if (units.isInForce(hit.unit, today)) continue;
        for (const next of units.successorsAt(hit.unit.id, today)) {
          if (seen.has(next.id) || !(LEVELS as readonly string[]).includes(next.level)) continue;
          seen.add(next.id);
          items.push(describe(next, `trước đây: ${units.displayName(hit.unit)}`));
        }
      }
      // A former province ("Đắk Nông") leads to every commune now covering its area.
      for (const lead of searchFormerUnits(units, query, today)) {
        if (lead.former.level !== "province") continue;
        for (const next of lead.successors) {
          if (seen.has(next.id)) continue;
          seen.add(next.id);
          items.push(describe(next, `thuộc ${units.displayName(lead.former)} cũ`));
        }
      }
    }
    const provinces = units.units.filter((u) => u.level === "province" && units.isInForce(u, today));
    const heading = `Ngày không hẹn tại các xã, phường${provinces.length === 1 && provinces[0] ? ` ${units.displayName(provinces[0])}` : ""}`;
    const pageUrl = `${deps.config.PUBLIC_BASE_URL}/don-vi${query ? `?q=${encodeURIComponent(query)}` : ""}`;
    const html = Buffer.from(provincePageHtml({ heading, query, items, pageUrl }));
    sendHtml(req, res, 200, html, html.length > 1024 ? gzipSync(html) : undefined, PAGE_CACHE);
  });

  router.get("/:unitCode", async (req, res) => {
    const entry = await unitOr(req, res, "");
    if (!entry) return;
    if (!entry.page) {
      const html = Buffer.from(
        unitPageHtml(entry.view, `${deps.config.PUBLIC_BASE_URL}/don-vi/${encodeURIComponent(entry.view.code)}/og.png`),
      );
      entry.page = { html, gz: gzipSync(html) };
    }
    sendHtml(req, res, 200, entry.page.html, entry.page.gz, PAGE_CACHE);
  });

  router.get("/:unitCode/og.png", async (req, res) => {
    const entry = await unitOr(req, res, "/og.png");
    if (!entry) return;
    sendRendered(req, res, shareCardPng(entry.view), "image/png");
  });

  for (const ext of ["pdf", "png"] as const) {
    router.get(`/:unitCode/poster.${ext}`, async (req, res) => {
      const size = (typeof req.query.size === "string" ? req.query.size.toLowerCase() : "a4") as PosterSize;
      if (!POSTER_SIZES.includes(size)) {
        const html = Buffer.from(
          `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Khổ giấy không hợp lệ</title><p>Khổ giấy “${escapeHtml(String(req.query.size))}” không có. Chọn size=a5, a4 hoặc a3. / Unknown size: use a5, a4 or a3.</p></html>`,
        );
        sendHtml(req, res, 400, html, undefined, "no-store");
        return;
      }
      const entry = await unitOr(req, res, `/poster.${ext}`);
      if (!entry) return;
      const data = await posterData(entry.view, size);
      if (!data) {
        const html = Buffer.from(
          `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Chưa có áp phích</title><p>${escapeHtml(entry.view.title)} chưa áp dụng Ngày không hẹn nên chưa có áp phích.</p></html>`,
        );
        sendHtml(req, res, 404, html, undefined, "no-store");
        return;
      }
      const file = `ngay-khong-hen-${entry.view.code}-${size}.${ext}`;
      if (ext === "pdf")
        sendRendered(req, res, posterPdf(data), "application/pdf", {
          "Content-Disposition": `inline; filename="${file}"`,
        });
      else
        sendRendered(req, res, posterPng(data), "image/png", { "Content-Disposition": `inline; filename="${file}"` });
    });
  }

  router.get("/:unitCode/widget", async (req, res) => {
    const entry = await unitOr(req, res, "/widget");
    if (!entry) return;
    allowFraming(res);
    const html = Buffer.from(widgetHtml(entry.view));
    sendHtml(req, res, 200, html, undefined, PAGE_CACHE);
  });

  router.get("/:unitCode/widget.js", async (req, res) => {
    const entry = await unitOr(req, res, "/widget.js");
    if (!entry) return;
    const frame = `${deps.config.PUBLIC_BASE_URL}/don-vi/${encodeURIComponent(entry.view.code)}/widget`;
    res.setHeader("Content-Type", "text/javascript; charset=utf-8");
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    res.end(widgetScript(frame, `Ngày không hẹn tại ${entry.view.displayName}`));
  });

  return router;
}
