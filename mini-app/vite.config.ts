import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import zaloMiniApp from "zmp-vite-plugin";

// Run from the repo root (`vite build --config mini-app/vite.config.ts`): zmp-vite-plugin reads
// ./app-config.json from the process cwd and forces base "./", so the same www/ serves as a Zalo
// bundle and under the server's /m/ prefix.
export default defineConfig({
  root: "mini-app",
  base: "",
  plugins: [zaloMiniApp(), react()],
  resolve: { dedupe: ["react", "react-dom"] },
  build: { outDir: "www", emptyOutDir: true, assetsInlineLimit: 0 },
  server: { host: "localhost", port: 3001 },
});
