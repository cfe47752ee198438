/**
 * One router for the three places the app runs, with the same paths (routes.ts) everywhere:
 * - inside Zalo: zmp-ui's ZMPRouter, a BrowserRouter whose base zmp-ui fixes to /zapps/<appId> in a production
 *   build (zmp-ui 1.11 ZMPRouter source), so links such as https://zalo.me/s/<appId>/don-vi/24631 open a unit;
 * - on the web under the server's /m/: a BrowserRouter with base /m, so /m/don-vi/24631 can be linked, reloaded and
 *   left with the browser's back button;
 * - in unit tests: ZMPRouter's memory router.
 * zmp-ui's useNavigate and AnimationRoutes read ZMPRouter's animation context, so the web router provides the
 * same context (the ZMPRouter module exports it; it is not re-exported from the package index).
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { BrowserRouter } from "react-router-dom";
import { ZMPRouter } from "zmp-ui";
import { AnimationRouterContext } from "zmp-ui/esm/components/router/ZMPRouter.js";
import { webBase } from "./routes.js";

export type RouterKind = "zalo" | "web" | "memory";

function WebRouter({ children }: { children: ReactNode }) {
  const [animate, setAnimateState] = useState(true);
  const [direction, setDirection] = useState<"forward" | "backward">("forward");
  const positions = useRef<Record<string, number>>({});
  const setAnimate = useCallback(
    ({ animate: a = true, direction: d = "forward" }: { animate?: boolean; direction?: "forward" | "backward" }) => {
      setAnimateState(Boolean(a));
      setDirection(d === "backward" ? "backward" : "forward");
    },
    [],
  );
  const value = useMemo(
    () => ({
      animate,
      direction,
      setAnimate,
      pageScrollPosition: positions.current,
      updatePosition: (key: string, position: number) => {
        positions.current[key] = position;
      },
    }),
    [animate, direction, setAnimate],
  );
  return (
    <AnimationRouterContext.Provider value={value}>
      <BrowserRouter basename={webBase(window.location.pathname)}>{children}</BrowserRouter>
    </AnimationRouterContext.Provider>
  );
}

export function AppRouter({ kind, children }: { kind: RouterKind; children: ReactNode }) {
  if (kind === "web") return <WebRouter>{children}</WebRouter>;
  return <ZMPRouter memoryRouter={kind === "memory"}>{children}</ZMPRouter>;
}
