/** The API client with the citizen's identity: the Zalo access token inside Zalo, else this device's token. */
import type { ZaloBridge } from "../zalo/bridge.js";
import { deviceAuth, zaloAuth } from "./auth.js";
import { createApiClient, type ApiClient } from "./client.js";

export function connectApi(apiBase: string, zalo: ZaloBridge): ApiClient {
  const unauthenticated = createApiClient({ baseUrl: apiBase, fetch: (u, i) => fetch(u, i) });
  const device = deviceAuth(zalo.storage, () => unauthenticated.registerDevice());
  const auth = zalo.capabilities.zaloIdentity ? zaloAuth(zalo, device) : device;
  return createApiClient({ baseUrl: apiBase, fetch: (u, i) => fetch(u, i), auth });
}
