/**
 * The bundle uploaded to Zalo (`npm run build:zalo`), built the way Zalo's current template does: Vite 5 with
 * zmp-vite-plugin, whose peer range is vite ^4.2 || ^5 (github.com/Zalo-MiniApp/zaui-coffee package.json and
 * vite.config.mts). Vite 5 is the dev dependency "vite5" (npm:vite@5), used for this build only; the web build at
 * /m/ stays on vite.config.ts. JSX is compiled by Vite's own esbuild (no React plugin, whose current major needs
 * Vite 8). The plugin writes www-zalo/app-config.json with the built CSS and JS lists (zmp-vite-plugin source).
 * Run from the repository root: the plugin reads ./app-config.json from the working directory.
 */
import { loadEnv, type PluginOption, type UserConfig } from "vite5";
import zaloMiniApp from "zmp-vite-plugin";
import { zauiCss } from "./zaui-css.js";
import { zaloApiBase } from "./zalo-build-env.js";

export default ({ mode }: { mode: string }): UserConfig => {
  const env = { ...loadEnv(mode, "mini-app", "VITE_"), ...process.env };
  const api = zaloApiBase(env.VITE_API_BASE);
  if (!api.ok) throw new Error(api.message);
  return {
    root: "mini-app",
    base: "",
    // The plugin is typed against the main "vite" package; at run time it only reads the config it is given.
    plugins: [zaloMiniApp() as unknown as PluginOption, zauiCss({ appDir: "mini-app/src", theme: "light" })],
    define: { "import.meta.env.VITE_API_BASE": JSON.stringify(api.apiBase) },
    esbuild: { jsx: "automatic" },
    resolve: { dedupe: ["react", "react-dom"] },
    build: { outDir: "www-zalo", emptyOutDir: true, assetsInlineLimit: 0 },
    logLevel: "warn",
  };
};
