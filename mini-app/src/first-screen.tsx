/**
 * The first screen without waiting for the whole app. On a cheap phone over a slow network a cold start is mostly
 * download time (`npm run bench -- mini-app`), so when the app opens on the home screen (no deep link) the home
 * screen is painted from the entry chunk alone: React, the home screen's content (HomeScreen.tsx) with zmp-ui's
 * Button, in the markup that zmp-ui's AnimationRoutes, Page and Header give it in the app. The app itself (router,
 * zmp-ui's Page and Header, the unit and ticket screens) loads right after that first paint, so the ticket opens
 * offline once the home screen is up, as before. It takes over when the citizen leaves the home screen: mounted on
 * the same home screen (what was typed, the results and the scroll position carried over), it navigates with its
 * usual page animation. A deep link (?unit=, ?ticket=, ?dossier=, /don-vi/24631…) waits for the app, as before.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { afterPaint } from "./after-paint.js";
import { CarryOut } from "./carry.js";
import { Notice } from "./components/Notice.js";
import { DepsProvider, type AppDeps } from "./deps.js";
import { GoProvider } from "./go.js";
import { HOME_TITLE, HomeBody } from "./pages/Home/HomeScreen.js";
import type { RouterKind } from "./router.js";
import { webBase } from "./routes.js";

type AppModule = typeof import("./app.js");

let loading: Promise<AppModule> | undefined;

/** The app's chunk, loaded once (a failed download is tried again on the next call). */
export function loadApp(): Promise<AppModule> {
  loading ??= import("./app.js").catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

/** Whether the app would open on its home screen: no launch parameter to follow, the router's base path itself. */
export function opensAtHome(kind: RouterKind, pathname: string, launch: Record<string, string>): boolean {
  if (launch.ticket || launch.dossier || launch.unit) return false;
  // The app's routes under the router's base: /m on the web, /zapps/<app id> inside Zalo (router.tsx).
  const rest =
    kind === "web"
      ? pathname.slice(webBase(pathname).length)
      : kind === "zalo"
        ? pathname.replace(/^\/zapps\/[^/]+/, "")
        : "?";
  return rest === "" || rest === "/";
}

/** The home screen in the markup of the app's AnimationRoutes > Page > Header (title only) > main. */
export function FirstHome({ go, notice }: { go: (to: string) => void; notice?: ReactNode }) {
  return (
    <CarryOut>
      <GoProvider value={go}>
        <div className="zaui-routes">
          <div className="zaui-routes-item">
            <div className="zaui-page kh-page">
              <div className="zaui-header kh-header">
                <span className="zaui-header-title">{HOME_TITLE}</span>
              </div>
              <main className="kh-body" data-screen="home">
                {notice}
                <HomeBody />
              </main>
            </div>
          </div>
        </div>
      </GoProvider>
    </CarryOut>
  );
}

interface Started {
  App: AppModule["KhongHenApp"];
  /** Where the citizen was going from the first screen. */
  to?: string;
  scrollTop?: number;
}

const pageElement = () => document.querySelector<HTMLElement>(".kh-page");

export function FirstScreen({ deps, router }: { deps: AppDeps; router: RouterKind }) {
  const [home] = useState(() => opensAtHome(router, window.location.pathname, deps.zalo.getLaunchParams()));
  const [started, setStarted] = useState<Started | null>(null);
  const [failed, setFailed] = useState(false);
  const leaving = useRef(false);

  useEffect(() => {
    if (!home) {
      loadApp().then(
        (m) => setStarted({ App: m.KhongHenApp }),
        () => setFailed(true),
      );
      return;
    }
    return afterPaint(() => void loadApp().catch(() => undefined));
  }, [home]);

  useLayoutEffect(() => {
    // zmp-ui's Page opens at the top; the app's home screen goes where the first screen was scrolled to.
    const page = pageElement();
    if (started?.scrollTop && page) page.scrollTop = started.scrollTop;
  }, [started]);

  if (started) return <started.App deps={deps} router={router} firstNavigation={started.to} />;
  const failure = failed ? (
    <Notice tone="error" title="Không tải được ứng dụng. Kiểm tra kết nối mạng rồi thử lại." />
  ) : null;
  if (!home) return failure;

  const go = (to: string) => {
    if (leaving.current) return;
    leaving.current = true;
    loadApp().then(
      (m) => setStarted({ App: m.KhongHenApp, to, scrollTop: pageElement()?.scrollTop ?? 0 }),
      () => {
        leaving.current = false;
        setFailed(true);
      },
    );
  };
  return (
    <DepsProvider deps={deps}>
      <FirstHome go={go} notice={failure} />
    </DepsProvider>
  );
}
