/** Load something once per key and expose loading / value / error, with a retry. */
import { useCallback, useEffect, useState } from "react";
import type { ApiError, ApiResult } from "../api/http.js";

export type Loadable<T> = { state: "loading" } | { state: "ok"; value: T } | { state: "error"; error: ApiError };

export function useApi<T>(load: () => Promise<ApiResult<T>>, key: string): Loadable<T> & { reload: () => void } {
  const [result, setResult] = useState<Loadable<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setResult({ state: "loading" });
    void load().then((r) => {
      if (!live) return;
      setResult(r.ok ? { state: "ok", value: r.value } : { state: "error", error: r.error });
    });
    return () => {
      live = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...result, reload };
}
