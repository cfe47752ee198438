/** `npm run bench -- NAME` runs bench/NAME.ts, which prints its figures and one `goal …` line per goal. */
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const name = process.argv[2];
const available = readdirSync(here)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.startsWith("_"))
  .map((f) => f.slice(0, -3));
if (!name || !existsSync(join(here, `${name}.ts`))) {
  console.error(`usage: npm run bench -- <${available.join("|")}>`);
  process.exit(2);
}
await import(pathToFileURL(join(here, `${name}.ts`)).href);
