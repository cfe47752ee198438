/**
 * PDF rendering with Typst (docs/architecture.md#printed-forms: ~10 ms per form against ~110 ms for headless Chromium, no browser
 * process on the server) and the Tinos faces from @expo-google-fonts/tinos (OFL-1.1, metric-compatible with
 * Times New Roman, complete Vietnamese), embedded from memory so no system font is needed.
 * Data reaches the template only as JSON through sys.inputs, NFC-normalised, so markup in citizen input stays text.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import { keepWords, type PrintDocument } from "./print-document.js";

const FACES = [
  "400Regular/Tinos_400Regular.ttf",
  "400Regular_Italic/Tinos_400Regular_Italic.ttf",
  "700Bold/Tinos_700Bold.ttf",
  "700Bold_Italic/Tinos_700Bold_Italic.ttf",
];

let compiler: NodeCompiler | undefined;
let template: string | undefined;

function fontDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("@expo-google-fonts/tinos/package.json"));
}

function templateSource(): string {
  template ??= readFileSync(new URL("./templates/document.typ", import.meta.url), "utf8");
  return template;
}

/** The shared Typst compiler with the Tinos faces (also used by the outreach posters). */
export function getCompiler(): NodeCompiler {
  if (!compiler) {
    const dir = fontDir();
    compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: FACES.map((f) => readFileSync(join(dir, f))) }] });
  }
  return compiler;
}

/** Deep NFC normalisation: Unikey "tổ hợp" (NFD) input must print like NFC (docs/architecture.md#lessons-from-comparable-systems). */
function nfc(value: unknown): unknown {
  if (typeof value === "string") return value.normalize("NFC");
  if (Array.isArray(value)) return value.map(nfc);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfc(v)]));
  return value;
}

export class PdfRenderError extends Error {}

export function renderPdf(doc: PrintDocument): Buffer {
  const c = getCompiler();
  const header =
    doc.header.kind === "office" ? { ...doc.header, agency: keepWords(doc.header.agency.toUpperCase()) } : doc.header;
  const ready = { ...doc, header, title: keepWords(doc.title) };
  const result = c.compile({ mainFileContent: templateSource(), inputs: { data: JSON.stringify(nfc(ready)) } });
  const compiled = result.result;
  if (!compiled || result.hasError()) {
    const err = result.takeError();
    throw new PdfRenderError(
      `Typst compile failed${err ? `: ${JSON.stringify(c.fetchDiagnostics(err)).slice(0, 500)}` : ""}`,
    );
  }
  // No tag tree: poppler (pdftotext, CI) rejects the "/Suspects false" entry typst writes with it.
  const pdf = c.pdf(compiled, { creationTimestamp: 0, pdfTags: false });
  // Frees memoised layout results of earlier documents; keeps memory flat on a long-running server.
  c.evictCache(10);
  return pdf;
}
