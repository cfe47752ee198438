/**
 * Composition root: picks the host bridge once (real Zalo inside Zalo; the deterministic fake in a
 * plain browser, or everywhere with `?fake-zalo=1`) and the API client with the matching identity, then paints the
 * first screen, which loads the app (first-screen.tsx).
 */
import "zmp-ui/zaui.css";
import "./styles.css";
import { createRoot } from "react-dom/client";
import { lazyApiClient } from "./api/lazy-client.js";
import { afterPaint } from "./after-paint.js";
import { FirstScreen, loadApp, opensAtHome } from "./first-screen.js";
import type { ZaloBridge } from "./zalo/bridge.js";
import { createFakeZalo, SYNTHETIC_CCCD_QR } from "./zalo/fake-sdk.js";
import { createRealZalo, isInsideZalo } from "./zalo/sdk.js";

function chooseBridge(): ZaloBridge {
  const loc = window.location;
  if (isInsideZalo(loc)) return createRealZalo({ search: loc.search });
  const params = new URLSearchParams(loc.search);
  if (params.get("fake-zalo") !== "1") {
    // A plain browser: no camera scanner through Zalo, no OA notifications.
    return createFakeZalo({ search: loc.search, scanPayload: null, notify: false });
  }
  const fake = createFakeZalo({
    search: loc.search,
    scanPayload: params.get("fake-scan") ?? SYNTHETIC_CCCD_QR,
    // A Zalo identity for tests whose server checks tokens with a local Graph stand-in.
    accessToken: params.get("fake-zalo-token") ?? undefined,
  });
  // Tests drive the fake from outside (what the next scan returns, whether permission is granted).
  (window as unknown as { __fakeZalo: typeof fake }).__fakeZalo = fake;
  return fake;
}

const zalo = chooseBridge();
const router = zalo.kind === "zalo" ? "zalo" : "web";
const apiBase = import.meta.env.VITE_API_BASE || new URL("/api", window.location.origin).href;
// The HTTP client is not needed to draw the home screen: its code follows right after (api/lazy-client.ts).
const { api, preload } = lazyApiClient(() => import("./api/connect.js").then((m) => m.connectApi(apiBase, zalo)));
if (opensAtHome(router, window.location.pathname, zalo.getLaunchParams())) afterPaint(preload);
else {
  // A deep link's screen needs the app and the client at once: their downloads start before the first render.
  void loadApp().catch(() => undefined);
  preload();
}
const oaId = import.meta.env.VITE_ZALO_OA_ID ?? "";

createRoot(document.getElementById("app")!).render(<FirstScreen deps={{ api, zalo, oaId }} router={router} />);
