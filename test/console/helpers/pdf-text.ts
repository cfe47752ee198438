/**
 * Text of a PDF through poppler's pdftotext (Debian poppler-utils; CI installs it), and one page as PNG through
 * pdftoppm for looking at. Without poppler the PDF suites are skipped with a warning, or fail when
 * REQUIRE_CHROMIUM=1 / CI=true (the same switch as the browser suites).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function has(bin: string): boolean {
  try {
    execFileSync(bin, ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

let warned = false;

/** True when pdftotext is available; false (with a loud warning) when it may be skipped; throws when required. */
export function popplerAvailable(): boolean {
  if (has("pdftotext")) return true;
  if (process.env.REQUIRE_CHROMIUM === "1" || process.env.CI === "true")
    throw new Error("pdftotext (poppler-utils) REQUIRED but not installed");
  if (!warned) console.warn("PDF text checks SKIPPED: pdftotext (poppler-utils) is not installed");
  warned = true;
  return false;
}

export function pdfText(pdf: Buffer | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "kh-pdf-"));
  try {
    const file = join(dir, "f.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).normalize("NFC");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whitespace-collapsed text, so assertions do not depend on line breaks. */
export function flatPdfText(pdf: Buffer | Uint8Array): string {
  return pdfText(pdf).replace(/\s+/g, " ");
}

export function pdfPageCount(pdf: Buffer | Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString("latin1")
      .match(/\/Type\s*\/Page[^s]/g) ?? []
  ).length;
}

/** Writes page 1 as PNG (for a person to look at), returns the PNG path. */
export function pdfFirstPagePng(pdf: Buffer | Uint8Array, outPrefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), "kh-pdf-"));
  const file = join(dir, "f.pdf");
  writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", file, outPrefix]);
  rmSync(dir, { recursive: true, force: true });
  return `${outPrefix}.png`;
}
