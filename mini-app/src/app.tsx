/**
 * The app: zmp-ui App and router, with the home, unit and ticket screens in its chunk (the ticket must open offline:
 * the first screen loads this chunk as soon as it is painted, first-screen.tsx), later screens split with React.lazy.
 */
import { lazy, Suspense, useEffect, useRef, type ReactNode } from "react";
import { Navigate, useParams, useSearchParams } from "react-router-dom";
import { AnimationRoutes, App, Route, useNavigate } from "zmp-ui";
import { Loading } from "./components/LoadState.js";
import { DepsProvider, useDeps, type AppDeps } from "./deps.js";
import { GoProvider } from "./go.js";
import HomePage from "./pages/Home/HomePage.js";
import TicketPage from "./pages/Ticket/TicketPage.js";
import UnitPage from "./pages/Unit/UnitPage.js";
import { AppRouter, type RouterKind } from "./router.js";
import { paths } from "./routes.js";
import "./screens.css";

const ProceduresPage = lazy(() => import("./pages/Procedures/ProceduresPage.js"));
const ProcedurePage = lazy(() => import("./pages/Procedure/ProcedurePage.js"));
const PreEntryPage = lazy(() => import("./pages/PreEntry/PreEntryPage.js"));
const MyDossiersPage = lazy(() => import("./pages/Dossiers/MyDossiersPage.js"));
const DossierPage = lazy(() => import("./pages/Dossier/DossierPage.js"));
const FeedbackPage = lazy(() => import("./pages/Feedback/FeedbackPage.js"));
const MyDataPage = lazy(() => import("./pages/MyData/MyDataPage.js"));

const later = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

/**
 * Opens the screen a deep link asks for (`?unit=24631`, `?ticket=<id>`, `?dossier=<code>`), once at launch; or,
 * when the app takes over from the first screen, the screen the citizen chose there.
 */
function LaunchRedirect({ firstNavigation }: { firstNavigation?: string }) {
  const { zalo } = useDeps();
  const navigate = useNavigate();
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    if (firstNavigation) {
      navigate(firstNavigation);
      return;
    }
    const p = zalo.getLaunchParams();
    if (p.ticket) navigate(paths.ticket(p.ticket), { replace: true, animate: false });
    else if (p.dossier) navigate(paths.dossier(p.dossier), { replace: true, animate: false });
    else if (p.unit && /^\d{2,5}$/.test(p.unit)) navigate(paths.unit(p.unit), { replace: true, animate: false });
  }, [firstNavigation, navigate, zalo]);
  return null;
}

/** useGo() (the home screen's components, go.tsx) is zmp-ui's navigate inside the router. */
function RouterGo({ children }: { children: ReactNode }) {
  return <GoProvider value={useNavigate()}>{children}</GoProvider>;
}

/** `/thu-tuc/1.004873?don-vi=24631` (a short link to a procedure at a unit) opens the procedure's page. */
function ProcedureLink() {
  const { procedureCode = "" } = useParams();
  const [query] = useSearchParams();
  const unit = query.get("don-vi") ?? query.get("unit") ?? "";
  return <Navigate replace to={/^\d{2,5}$/.test(unit) ? paths.procedure(unit, procedureCode) : paths.home()} />;
}

export function KhongHenApp({
  deps,
  router,
  firstNavigation,
}: {
  deps: AppDeps;
  router: RouterKind;
  /** Set when the app takes over from the first screen (first-screen.tsx): where the citizen was going. */
  firstNavigation?: string;
}) {
  return (
    <DepsProvider deps={deps}>
      <App theme="light">
        <AppRouter kind={router}>
          <LaunchRedirect firstNavigation={firstNavigation} />
          <RouterGo>
            <AnimationRoutes>
              <Route path="/" element={<HomePage />} />
              <Route path="/don-vi/:unitCode" element={<UnitPage />} />
              <Route path="/don-vi/:unitCode/thu-tuc" element={later(<ProceduresPage />)} />
              <Route path="/don-vi/:unitCode/thu-tuc/:procedureCode" element={later(<ProcedurePage />)} />
              <Route path="/don-vi/:unitCode/thu-tuc/:procedureCode/khai-truoc" element={later(<PreEntryPage />)} />
              <Route path="/thu-tuc/:procedureCode" element={<ProcedureLink />} />
              <Route path="/phieu/:id" element={<TicketPage />} />
              <Route path="/ho-so-cua-toi" element={later(<MyDossiersPage />)} />
              <Route path="/ho-so/:code" element={later(<DossierPage />)} />
              <Route path="/gop-y/:unitCode" element={later(<FeedbackPage />)} />
              <Route path="/du-lieu-cua-toi" element={later(<MyDataPage />)} />
              <Route path="*" element={<Navigate replace to={paths.home()} />} />
            </AnimationRoutes>
          </RouterGo>
        </AppRouter>
      </App>
    </DepsProvider>
  );
}
