/**
 * An ApiClient whose code is downloaded after the first screen (main.tsx preloads it once that screen is painted)
 * or on the first call, whichever comes first. A call whose code cannot be downloaded answers like a request that
 * never reached the server (status 0, networkError), which every screen already handles as "offline".
 */
import type { ApiClient } from "./client.js";
import { networkError } from "./network-error.js";

export interface LazyApiClient {
  api: ApiClient;
  /** Starts the download (a failed one is tried again by the next call). */
  preload(): void;
}

export function lazyApiClient(load: () => Promise<ApiClient>): LazyApiClient {
  let loading: Promise<ApiClient> | undefined;
  const client = () =>
    (loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    }));
  const api = new Proxy({} as ApiClient, {
    get(_target, name) {
      // Not a thenable, nor anything but the client's methods.
      if (typeof name !== "string" || name === "then") return undefined;
      return (...args: unknown[]) =>
        client().then(
          (c) => (c[name as keyof ApiClient] as (...a: unknown[]) => Promise<unknown>)(...args),
          (err: unknown) => ({ ok: false, error: networkError(`API code not loaded: ${String(err)}`) }),
        );
    },
  });
  return { api, preload: () => void client().catch(() => undefined) };
}
