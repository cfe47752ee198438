/**
 * The real bridge: the only module that imports zmp-sdk. The SDK is loaded on first use (it is large
 * and calls login() at import), and every call is raced against a timeout because some native calls
 * never settle outside a real Zalo client.
 */
import { browserStorage, fail, ok, searchParams } from "./bridge.js";
import type { BridgeErrorCode, BridgeResult, DeviceStorage, NetworkType, ZaloBridge, ZaloUser } from "./bridge.js";

type Sdk = typeof import("zmp-sdk/apis");

const DEFAULT_TIMEOUT_MS = 8_000;
/** Scanning waits for the user to aim the camera. */
const SCAN_TIMEOUT_MS = 120_000;

/** zmp-sdk error codes (RESPONSE_CODE, docs/zalo.md#mini-app-sdk-and-identity) → what a screen needs to know. */
const SDK_CODES: Record<number, BridgeErrorCode> = {
  [-201]: "denied",
  [-202]: "denied",
  [-2002]: "denied",
  [-2003]: "cancelled",
  [-1404]: "unsupported",
  [-1408]: "timeout",
};

/** Inside Zalo: the host page is on zdn.vn under /zapps/<APP_ID> (zmp-sdk's own isMp test), or Zalo's test envs. */
export function isInsideZalo(loc: { hostname: string; pathname: string; search: string }): boolean {
  const env = new URLSearchParams(loc.search).get("env");
  if (new URLSearchParams(loc.search).get("fake-zalo") === "1") return false;
  if (env === "TESTING" || env === "TESTING_LOCAL" || env === "DEVELOPMENT") return true;
  return loc.hostname.endsWith("zdn.vn") && loc.pathname.startsWith("/zapps");
}

export function withTimeout<T>(work: Promise<T>, ms: number, api: string): Promise<BridgeResult<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fail("timeout", `${api}: no answer after ${ms} ms`)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(ok(value));
      },
      (err: unknown) => {
        clearTimeout(timer);
        resolve(sdkFailure(err, api));
      },
    );
  });
}

function sdkFailure<T>(err: unknown, api: string): BridgeResult<T> {
  const code =
    typeof err === "object" && err !== null && "code" in err ? Number((err as { code: unknown }).code) : undefined;
  const message =
    typeof err === "object" && err !== null && "message" in err
      ? String((err as { message: unknown }).message)
      : String(err);
  const kind = (code !== undefined && SDK_CODES[code]) || "failed";
  return fail(kind, `${api}: ${message}`, Number.isFinite(code) ? code : undefined);
}

/** nativeStorage needs a recent Zalo (it throws -1404 on older clients), so fall back to localStorage per call. */
function nativeOrBrowserStorage(load: () => Sdk | undefined): DeviceStorage {
  const fallback = browserStorage();
  const attempt = <T>(native: (s: Sdk) => T, browser: () => T): T => {
    const sdk = load();
    if (!sdk) return browser();
    try {
      return native(sdk);
    } catch {
      return browser();
    }
  };
  return {
    getItem: (k) =>
      attempt(
        (s) => s.nativeStorage.getItem(k) ?? fallback.getItem(k),
        () => fallback.getItem(k),
      ),
    // Written to both: the ticket must reopen offline even if one store is evicted or unsupported.
    setItem: (k, v) => {
      fallback.setItem(k, v);
      attempt(
        (s) => s.nativeStorage.setItem(k, v),
        () => undefined,
      );
    },
    removeItem: (k) =>
      attempt(
        (s) => {
          s.nativeStorage.removeItem(k);
          fallback.removeItem(k);
        },
        () => fallback.removeItem(k),
      ),
  };
}

export function createRealZalo(options: { search: string; timeoutMs?: number }): ZaloBridge {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let loaded: Sdk | undefined;
  const sdkPromise = import("zmp-sdk/apis").then((m) => (loaded = m));
  const call = <T>(api: string, run: (sdk: Sdk) => Promise<T>, ms = timeoutMs) =>
    withTimeout(sdkPromise.then(run), ms, api);

  return {
    kind: "zalo",
    capabilities: { scan: true, notify: true, zaloIdentity: true },
    getAccessToken: async () => {
      const r = await call("getAccessToken", (s) => s.getAccessToken());
      return r.ok && !r.value ? fail("unsupported", "getAccessToken: empty token") : r;
    },
    getUserInfo: async () => {
      const r = await call("getUserInfo", (s) => s.getUserInfo({ autoRequestPermission: false }));
      if (!r.ok) return r;
      const u = r.value.userInfo;
      const user: ZaloUser = { id: u.id, name: u.name, avatar: u.avatar, idByOA: u.idByOA, followedOA: u.followedOA };
      return ok(user);
    },
    scanQRCode: async () => {
      const r = await call("scanQRCode", (s) => s.scanQRCode(), SCAN_TIMEOUT_MS);
      if (!r.ok) return r;
      return r.value.content ? ok(r.value.content) : fail("cancelled", "scanQRCode: empty content");
    },
    followOA: (id) => call("followOA", (s) => s.followOA({ id })),
    requestSendNotification: () => call("requestSendNotification", (s) => s.requestSendNotification()),
    getPhoneNumber: async () => {
      const r = await call("getPhoneNumber", (s) => s.getPhoneNumber());
      if (!r.ok) return r;
      // The deprecated `number` field is never used: the token is exchanged on the server.
      return r.value.token
        ? ok(r.value.token)
        : fail("unsupported", "getPhoneNumber: no token (old Zalo or permission not granted)");
    },
    openChat: (id, message) => call("openChat", (s) => s.openChat({ type: "oa", id, message })),
    getNetworkType: async () => {
      const r = await call("getNetworkType", (s) => s.getNetworkType());
      return r.ok ? ok(r.value.networkType as NetworkType) : r;
    },
    getLaunchParams: () => {
      const fromZalo = loaded ? safeRouteParams(loaded) : {};
      return { ...searchParams(options.search), ...fromZalo };
    },
    storage: nativeOrBrowserStorage(() => loaded),
  };
}

function safeRouteParams(sdk: Sdk): Record<string, string> {
  try {
    return sdk.getRouteParams() ?? {};
  } catch {
    return {};
  }
}
