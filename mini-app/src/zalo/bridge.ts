/**
 * What the mini app needs from its host (Zalo or a plain browser). Every call returns a result and
 * never throws, so a refused permission or a missing native API is an ordinary outcome for a screen.
 */

export type BridgeErrorCode = "timeout" | "denied" | "cancelled" | "unsupported" | "failed";

export interface BridgeError {
  code: BridgeErrorCode;
  /** zmp-sdk's numeric code when there is one (-201 refused, -1404 not supported…). */
  sdkCode?: number;
  detail: string;
}

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export interface ZaloUser {
  id: string;
  name: string;
  avatar?: string;
  /** OA-scoped id, present when the user follows the OA or the Mini App is verified by it. */
  idByOA?: string;
  followedOA?: boolean;
}

export type NetworkType = "none" | "wifi" | "cellular" | "unknown";

/** Synchronous key–value storage on the device (nativeStorage in Zalo, localStorage elsewhere). */
export interface DeviceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface BridgeCapabilities {
  /** The host can scan a QR code with the camera. */
  scan: boolean;
  /** The host can follow the OA and opt in to notifications. */
  notify: boolean;
  /** getAccessToken gives a token the server can verify against Zalo. */
  zaloIdentity: boolean;
}

export interface ZaloBridge {
  kind: "zalo" | "fake";
  capabilities: BridgeCapabilities;
  getAccessToken(): Promise<BridgeResult<string>>;
  getUserInfo(): Promise<BridgeResult<ZaloUser>>;
  /** The raw text of the scanned code. Callers parse it and drop it at once. */
  scanQRCode(): Promise<BridgeResult<string>>;
  followOA(oaId: string): Promise<BridgeResult<void>>;
  requestSendNotification(): Promise<BridgeResult<void>>;
  /**
   * zmp-sdk getPhoneNumber(): a single-use token (about 2 minutes) that only the server can turn into the number
   * (https://mini.zalo.me/documents/api/getPhoneNumber/). Needs the permission granted in the Mini App console.
   */
  getPhoneNumber(): Promise<BridgeResult<string>>;
  openChat(oaId: string, message?: string): Promise<BridgeResult<void>>;
  getNetworkType(): Promise<BridgeResult<NetworkType>>;
  /** Query parameters the app was opened with (deep link from a QR poster or the OA chat). */
  getLaunchParams(): Record<string, string>;
  storage: DeviceStorage;
}

export const ok = <T>(value: T): BridgeResult<T> => ({ ok: true, value });
export const fail = <T>(code: BridgeErrorCode, detail: string, sdkCode?: number): BridgeResult<T> => ({
  ok: false,
  error: sdkCode === undefined ? { code, detail } : { code, detail, sdkCode },
});

/** Memory-only storage: the last resort when neither nativeStorage nor localStorage works. */
export function memoryStorage(): DeviceStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

/** localStorage when the browser allows it (private modes and some webviews throw). */
export function browserStorage(): DeviceStorage {
  try {
    const probe = "__khonghen_probe";
    globalThis.localStorage.setItem(probe, "1");
    globalThis.localStorage.removeItem(probe);
    const ls = globalThis.localStorage;
    return {
      getItem: (k) => ls.getItem(k),
      setItem: (k, v) => {
        try {
          ls.setItem(k, v);
        } catch {
          // quota exceeded: the server copy of the draft still exists
        }
      },
      removeItem: (k) => ls.removeItem(k),
    };
  } catch {
    return memoryStorage();
  }
}

export function searchParams(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  new URLSearchParams(search).forEach((v, k) => (out[k] = v));
  return out;
}
