/**
 * Composition root: picks the host bridge once (real Zalo inside Zalo; the deterministic fake in a
 * plain browser, or everywhere with `?fake-zalo=1`) and the API client with the matching identity.
 */
import "zmp-ui/zaui.css";
import "./styles.css";
import { createRoot } from "react-dom/client";
import { deviceAuth, zaloAuth } from "./api/auth.js";
import { createApiClient } from "./api/client.js";
import { KhongHenApp } from "./app.js";
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
const apiBase = import.meta.env.VITE_API_BASE || new URL("/api", window.location.origin).href;
const unauthenticated = createApiClient({ baseUrl: apiBase, fetch: (u, i) => fetch(u, i) });
const device = deviceAuth(zalo.storage, () => unauthenticated.registerDevice());
const auth = zalo.capabilities.zaloIdentity ? zaloAuth(zalo, device) : device;
const api = createApiClient({ baseUrl: apiBase, fetch: (u, i) => fetch(u, i), auth });
const oaId = import.meta.env.VITE_ZALO_OA_ID ?? "";

createRoot(document.getElementById("app")!).render(
  <KhongHenApp deps={{ api, zalo, oaId }} router={zalo.kind === "zalo" ? "zalo" : "web"} />,
);
