/**
 * `npm start` / `npm run worker` (and `npm run backup` / `restore`): one process, no child, so a signal to npm (SIGTERM, Ctrl-C) reaches the server's own
 * graceful shutdown. NODE_ENV=production runs the compiled JavaScript of `npm run build` (dist/); otherwise the
 * TypeScript sources run through tsx's loader registered in this same process (development, a fresh clone).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ENTRIES = { worker: "worker-main", backup: "backup-main", restore: "backup-main" };
const entry = ENTRIES[process.argv[2]] ?? "main";

if (process.env.NODE_ENV === "production") {
  const compiled = new URL(`../dist/bot-server/src/${entry}.js`, import.meta.url);
  if (!existsSync(fileURLToPath(compiled))) {
    process.stderr.write(
      "Chưa có bản biên dịch: chạy npm run build trước. / No compiled build: run npm run build first.\n",
    );
    process.exit(1);
  }
  process.setSourceMapsEnabled(true);
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL(`./src/${entry}.ts`, import.meta.url).href);
}
