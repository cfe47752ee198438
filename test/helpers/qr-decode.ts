/**
 * Decodes the QR codes in a PNG with zxing-wasm (ZXing-C++ as WebAssembly), the wasm read from node_modules so
 * nothing is fetched; and rasterises a PDF page with poppler's pdftoppm, as a phone camera would see the print.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";

let prepared: Promise<unknown> | undefined;

function prepare(): Promise<unknown> {
  if (!prepared) {
    const require = createRequire(import.meta.url);
    const bytes = readFileSync(require.resolve("zxing-wasm/reader/zxing_reader.wasm"));
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    prepared = prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  }
  return prepared;
}

/** The texts of every QR code found in a PNG. */
export async function decodeQrPng(png: Buffer): Promise<string[]> {
  await prepare();
  const results = await readBarcodes(new Uint8Array(png), { formats: ["QRCode"], tryHarder: true });
  return results.filter((r) => r.isValid).map((r) => r.text);
}

/** Page 1 of a PDF as PNG at `dpi`. */
export function pdfPageToPng(pdf: Buffer, dpi: number): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "kh-qr-"));
  try {
    writeFileSync(join(dir, "f.pdf"), pdf);
    execFileSync(
      "pdftoppm",
      ["-png", "-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", join(dir, "f.pdf"), join(dir, "page")],
      { stdio: ["ignore", "ignore", "ignore"] },
    );
    return readFileSync(join(dir, "page.png"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(1, 4).toString("latin1") !== "PNG") throw new Error("not a PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
