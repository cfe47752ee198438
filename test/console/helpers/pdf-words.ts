/**
 * Word positions of a PDF through poppler's "pdftotext -bbox" (in CI), and poppler's complaints on stderr: the
 * layout tests check margins and overlaps with them.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PdfWord {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export function pdfWords(pdf: Buffer | Uint8Array): {
  words: PdfWord[];
  pageWidth: number;
  pageHeight: number;
  stderr: string;
} {
  const dir = mkdtempSync(join(tmpdir(), "kh-bbox-"));
  try {
    const file = join(dir, "f.pdf");
    writeFileSync(file, pdf);
    const r = spawnSync("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    const words: PdfWord[] = [];
    let page = 0;
    let pageWidth = 0;
    let pageHeight = 0;
    for (const line of r.stdout.split("\n")) {
      const p = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
      if (p) {
        page += 1;
        pageWidth = Number(p[1]);
        pageHeight = Number(p[2]);
        continue;
      }
      const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
      if (w)
        words.push({
          page,
          xMin: Number(w[1]),
          yMin: Number(w[2]),
          xMax: Number(w[3]),
          yMax: Number(w[4]),
          text: unescape(w[5]!).normalize("NFC"),
        });
    }
    return { words, pageWidth, pageHeight, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pairs of words whose boxes overlap by more than `tolerance` points both ways (text run into another cell). */
export function overlappingWords(words: readonly PdfWord[], tolerance = 0.5): [PdfWord, PdfWord][] {
  const out: [PdfWord, PdfWord][] = [];
  for (let i = 0; i < words.length; i += 1) {
    const a = words[i]!;
    for (let j = i + 1; j < words.length; j += 1) {
      const b = words[j]!;
      if (a.page !== b.page) continue;
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (dx > tolerance && dy > tolerance) out.push([a, b]);
    }
  }
  return out;
}
