/**
 * The bundle uploaded to Zalo (`npm run build:zalo`): built with Vite 5 as Zalo's template is (zmp-vite-plugin's peer
 * range is vite ^4.2 || ^5), refused without the API's absolute HTTPS URL, and laid out like the template's output
 * (github.com/Zalo-MiniApp/zaui-coffee): index.html, assets/*.module.js, and an app-config.json whose lists name the
 * built files, within Zalo's size limits (about 3 MB per file, 10 MB per version).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { zaloApiBase } from "../../mini-app/zalo-build-env.js";

const root = join(__dirname, "../..");
const outDir = join(root, "mini-app/www-zalo");
const VITE5 = "node_modules/vite5/bin/vite.js";

function buildZalo(env: Record<string, string | undefined>) {
  const clean = { ...process.env };
  delete clean.VITE_API_BASE;
  return spawnSync(process.execPath, [VITE5, "build", "--config", "mini-app/vite.zalo.config.ts"], {
    cwd: root,
    env: { ...clean, ...env },
    encoding: "utf8",
    timeout: 170_000,
  });
}

describe("VITE_API_BASE for the Zalo bundle", () => {
  it.each([
    [undefined, /Thiếu VITE_API_BASE/],
    ["/api", /không phải địa chỉ tuyệt đối/],
    ["http://motcua.example.gov.vn/api", /https:\/\/ trên một tên miền/],
    ["https://10.0.0.5/api", /https:\/\/ trên một tên miền/],
  ])("%s is refused", (value, message) => {
    const r = zaloApiBase(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it("an HTTPS URL on a domain is kept, without a trailing slash", () => {
    expect(zaloApiBase(" https://motcua.example.gov.vn/api/ ")).toEqual({
      ok: true,
      apiBase: "https://motcua.example.gov.vn/api",
    });
  });
});

describe("npm run build:zalo", () => {
  it("uses Vite 5, inside zmp-vite-plugin's peer range", () => {
    const vite5 = JSON.parse(readFileSync(join(root, "node_modules/vite5/package.json"), "utf8")) as {
      version: string;
    };
    const plugin = JSON.parse(readFileSync(join(root, "node_modules/zmp-vite-plugin/package.json"), "utf8")) as {
      peerDependencies: { vite: string };
    };
    expect(vite5.version).toMatch(/^5\./);
    expect(plugin.peerDependencies.vite).toContain("^5");
  });

  it("refuses to produce a bundle without VITE_API_BASE", () => {
    const r = buildZalo({});
    expect(r.status).not.toBe(0);
    expect(r.stderr + r.stdout).toContain("VITE_API_BASE is required for the Zalo bundle");
  });

  it("produces the template's layout with the API's absolute URL inside", () => {
    const r = buildZalo({ VITE_API_BASE: "https://motcua.example.gov.vn/api" });
    expect({ status: r.status, stderr: r.status === 0 ? "" : r.stderr.slice(-2000) }).toEqual({
      status: 0,
      stderr: "",
    });
    expect(readdirSync(outDir).sort()).toEqual(["app-config.json", "assets", "index.html"]);
    const config = JSON.parse(readFileSync(join(outDir, "app-config.json"), "utf8")) as Record<string, unknown>;
    const source = JSON.parse(readFileSync(join(root, "app-config.json"), "utf8")) as { app: unknown };
    expect(Object.keys(config).sort()).toEqual(["app", "listAsyncJS", "listCSS", "listSyncJS", "pages"]);
    expect(config.app).toEqual(source.app);
    expect(config.pages).toEqual([]);
    const listed = [
      ...(config.listCSS as string[]),
      ...(config.listSyncJS as string[]),
      ...(config.listAsyncJS as string[]),
    ];
    expect((config.listSyncJS as string[]).length).toBe(1);
    expect((config.listSyncJS as string[])[0]).toMatch(/^assets\/index\.[\w-]+\.module\.js$/);
    expect((config.listCSS as string[]).length).toBeGreaterThan(0);
    for (const file of listed) expect(existsSync(join(outDir, file))).toBe(true);
    const files = readdirSync(join(outDir, "assets")).map((f) => join(outDir, "assets", f));
    const sizes = files.map((f) => statSync(f).size);
    expect(Math.max(...sizes)).toBeLessThan(3 * 1024 * 1024);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(10 * 1024 * 1024);
    const entry = readFileSync(join(outDir, (config.listSyncJS as string[])[0]!), "utf8");
    expect(entry).toContain("https://motcua.example.gov.vn/api");
    // Relative asset paths: Zalo serves the bundle under /zapps/<app id>/.
    expect(readFileSync(join(outDir, "index.html"), "utf8")).toContain('src="./assets/');
  }, 180_000);
});
