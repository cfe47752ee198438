/**
 * The QR poster (PDF or PNG, A5/A4/A3) and the share card (PNG 1200×630) of a unit, drawn by the same Typst compiler
 * and Tinos faces as the forms (bot-server/src/forms/render-pdf.ts). A PNG is the Typst SVG rasterised with resvg:
 * Typst draws every glyph as an outline, so no system font is needed. Results are kept in a small in-memory cache
 * keyed by their content, so a poster is drawn once until its unit's facts change.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import QRCode from "qrcode";
import { getCompiler, PdfRenderError } from "../forms/render-pdf.js";
import type { UnitPublicView } from "../use-cases/unit-public-view.js";
import { shortAddress } from "./unit-links.js";

export type PosterSize = "a5" | "a4" | "a3";
export const POSTER_SIZES: readonly PosterSize[] = ["a5", "a4", "a3"];

/** Pixels per millimetre of a poster PNG: 150 dpi, enough to print and to scan. */
const POSTER_PX_PER_MM = 150 / 25.4;
const PAPER_WIDTH_MM: Record<PosterSize, number> = { a5: 148, a4: 210, a3: 297 };
export const SHARE_CARD = { width: 1200, height: 630 } as const;

const templates = new Map<string, string>();
function template(name: string): string {
  let t = templates.get(name);
  if (t === undefined) {
    t = readFileSync(new URL(`../forms/templates/${name}`, import.meta.url), "utf8");
    templates.set(name, t);
  }
  return t;
}

function compile(name: string, data: unknown) {
  const c = getCompiler();
  const result = c.compile({ mainFileContent: template(name), inputs: { data: JSON.stringify(data) } });
  if (!result.result || result.hasError()) {
    const err = result.takeError();
    throw new PdfRenderError(
      `Typst compile failed (${name})${err ? `: ${JSON.stringify(c.fetchDiagnostics(err)).slice(0, 500)}` : ""}`,
    );
  }
  return { c, doc: result.result };
}

/** Typst's SVG carries browser-only styling (CSS variables, selectable text overlays) that a rasteriser ignores or misdraws. */
function rasterise(svg: string, width: number): Buffer {
  const plain = svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/<foreignObject[\s\S]*?<\/foreignObject>/g, "");
  return Buffer.from(
    new Resvg(plain, { fitTo: { mode: "width", value: width }, background: "white", font: { loadSystemFonts: false } })
      .render()
      .asPng(),
  );
}

const CACHE_LIMIT = 64;
const cache = new Map<string, Buffer>();

export interface Rendered {
  body: Buffer;
  /** Content hash: the ETag of the answer. */
  etag: string;
}

function cached(kind: string, data: unknown, draw: () => Buffer): Rendered {
  const etag = createHash("sha256").update(kind).update(JSON.stringify(data)).digest("base64url").slice(0, 27);
  let body = cache.get(etag);
  if (!body) {
    body = draw();
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(etag, body);
  }
  return { body, etag: `"${etag}"` };
}

export interface PosterData {
  title: string;
  size: PosterSize;
  office: string;
  unit: string;
  days: string;
  hours: string;
  cutoff: string;
  procedures: string[];
  qr: string;
  qrUrl: string;
  address: string;
  qrCaption: string;
  phone: string | null;
  note: string | null;
}

/** The poster's facts; null when no scheme applies at the unit (nothing to announce). */
export async function posterData(v: UnitPublicView, size: PosterSize): Promise<PosterData | null> {
  if (!v.scheme) return null;
  const url = v.links.miniApp;
  return {
    title: `Ngày không viết – Ngày không hẹn: ${v.title}`,
    size,
    office: v.office.place.replace(/,\s*UBND.*$/, "") || "Bộ phận Một cửa",
    unit: v.title,
    days: v.scheme.days,
    hours: v.scheme.hours,
    cutoff: v.scheme.cutoff,
    procedures: v.procedures.map((p) => p.name),
    qr: await QRCode.toString(url, { type: "svg", margin: 0, errorCorrectionLevel: "M" }),
    qrUrl: url,
    address: shortAddress(url),
    qrCaption: "để xem giấy tờ cần mang, khai trước thông tin và theo dõi hồ sơ của mình.",
    phone: v.office.phone,
    note: v.scheme.demoNote,
  };
}

export function posterPdf(data: PosterData): Rendered {
  return cached("poster.pdf", data, () => {
    const { c, doc } = compile("poster.typ", data);
    const pdf = c.pdf(doc, { creationTimestamp: 0 });
    c.evictCache(10);
    return pdf;
  });
}

export function posterPng(data: PosterData): Rendered {
  return cached("poster.png", data, () => {
    const { c, doc } = compile("poster.typ", data);
    const svg = c.svg(doc);
    c.evictCache(10);
    return rasterise(svg, Math.round(PAPER_WIDTH_MM[data.size] * POSTER_PX_PER_MM));
  });
}

export function shareCardData(v: UnitPublicView) {
  return {
    unit: v.title,
    parent: v.parentLine,
    days: v.scheme?.days ?? null,
    cutoff: v.scheme?.cutoff ?? null,
    hours: v.scheme?.hours ?? null,
  };
}

export function shareCardPng(v: UnitPublicView): Rendered {
  const data = shareCardData(v);
  return cached("share-card.png", data, () => {
    const { c, doc } = compile("share-card.typ", data);
    const svg = c.svg(doc);
    c.evictCache(10);
    return rasterise(svg, SHARE_CARD.width);
  });
}
