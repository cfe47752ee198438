/**
 * What every screen may use, chosen once in main.tsx: the host bridge (Zalo or the fake), the API
 * client, and the OA to follow. Screens never import zmp-sdk or build their own clients.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { ApiClient } from "./api/client.js";
import type { ZaloBridge } from "./zalo/bridge.js";

export interface AppDeps {
  api: ApiClient;
  zalo: ZaloBridge;
  /** Official Account id for followOA / openChat; empty when not configured. */
  oaId: string;
}

const DepsContext = createContext<AppDeps | null>(null);

export function DepsProvider({ deps, children }: { deps: AppDeps; children: ReactNode }) {
  return <DepsContext.Provider value={deps}>{children}</DepsContext.Provider>;
}

export function useDeps(): AppDeps {
  const deps = useContext(DepsContext);
  if (!deps) throw new Error("useDeps outside DepsProvider");
  return deps;
}
