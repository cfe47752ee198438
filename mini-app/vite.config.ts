import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import zaloMiniApp from "zmp-vite-plugin";
import { zauiCss } from "./zaui-css.js";

// Run from the repo root (`vite build --config mini-app/vite.config.ts`): zmp-vite-plugin reads
// ./app-config.json from the process cwd and forces base "./", so the same www/ serves as a Zalo
// bundle and under the server's /m/ prefix.
export default defineConfig({
  root: "mini-app",
  base: "",
  plugins: [zaloMiniApp(), zauiCss({ appDir: "mini-app/src", theme: "light" }), react()],
  resolve: { dedupe: ["react", "react-dom"] },
  // No modulepreload polyfill in the first screen's chunk: it only speeds up the later screens' chunks on browsers
  // without <link rel="modulepreload"> (Safari before 17), which still load them through their imports.
  // The manifest (www/.vite/manifest.json, not served) tells the server which chunks a deep link needs at once
  // (bot-server/src/http/mini-app-static.ts).
  build: {
    outDir: "www",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    manifest: true,
  },
  server: { host: "localhost", port: 3001 },
});
