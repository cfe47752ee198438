/**
 * Who the citizen is, as the server sees it: inside Zalo, the Zalo access token (the server verifies it);
 * elsewhere, an anonymous device token the server issued once and the device keeps.
 */
import type { ZaloBridge } from "../zalo/bridge.js";
import type { ApiResult } from "./http.js";

export const DEVICE_TOKEN_KEY = "khonghen.deviceToken";

export interface Auth {
  headers(): Promise<ApiResult<Record<string, string>>>;
  /** The server refused the credentials: forget them so the next call gets fresh ones. */
  reset(): void;
}

type RegisterDevice = () => Promise<ApiResult<{ token: string }>>;

export function deviceAuth(storage: ZaloBridge["storage"], register: RegisterDevice): Auth {
  let pending: Promise<ApiResult<string>> | undefined;
  const token = async (): Promise<ApiResult<string>> => {
    const saved = storage.getItem(DEVICE_TOKEN_KEY);
    if (saved) return { ok: true, value: saved };
    pending ??= register().then((r) => {
      pending = undefined;
      if (r.ok) storage.setItem(DEVICE_TOKEN_KEY, r.value.token);
      return r.ok ? { ok: true as const, value: r.value.token } : r;
    });
    return pending;
  };
  return {
    headers: async () => {
      const t = await token();
      return t.ok ? { ok: true, value: { Authorization: `Bearer ${t.value}` } } : t;
    },
    reset: () => storage.removeItem(DEVICE_TOKEN_KEY),
  };
}

/** Zalo identity, falling back to a device token when the Zalo client gives no token (old versions, web preview). */
export function zaloAuth(bridge: ZaloBridge, fallback: Auth): Auth {
  let useFallback = false;
  return {
    headers: async () => {
      if (!useFallback) {
        const t = await bridge.getAccessToken();
        if (t.ok) return { ok: true, value: { "X-Zalo-Access-Token": t.value } };
        useFallback = true;
      }
      return fallback.headers();
    },
    reset: () => fallback.reset(),
  };
}
