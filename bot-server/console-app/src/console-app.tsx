/** Sign-in gate, top navigation by role, and the pages. */
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { ROLE_LABELS_VI } from "../../../shared/dossier/lifecycle-labels.js";
import { AccountsPage } from "./accounts-page.js";
import { api, ApiError, setCsrf } from "./api.js";
import { BoardPage } from "./board-page.js";
import { ConversationsPage } from "./conversations-page.js";
import type { ConversationsReply } from "../../../shared/console/conversations.js";
import { DeadLettersPage } from "./dead-letters-page.js";
import { DossierPage } from "./dossier-page.js";
import { DataRequestsPage } from "./data-requests-page.js";
import { FeedbackPage } from "./feedback-page.js";
import { IdleGuard } from "./idle-guard.js";
import type { IdleInfo, OfficerView, SessionReply } from "../../../shared/console/officers.js";
import { IntakePage } from "./intake/intake-page.js";
import { ChatbotPage } from "./chatbot-page.js";
import { CalendarPage } from "./calendar-page.js";
import { OfficePage } from "./office-page.js";
import { ProceduresPage } from "./procedures-page.js";
import { TrainingBanner, TrainingContext, TrainingSetting, useTrainingSession } from "./training.js";
import { PlansPage } from "./plans-page.js";
import { UnitSettingsPage } from "./unit-settings-page.js";
import { VerificationPage } from "./verification-page.js";
import { WorkflowSetting } from "./workflow-setting.js";
import { ZaloLinkPage } from "./zalo-link-page.js";
import { QueuePage } from "./queue-page.js";
import { PasswordField } from "./password-field.js";
import { navigate, pathOf, useRoute, type Route } from "./router.js";

/** Loaded when first opened: the report page and its charts stay out of the first screen's bundle. */
const ReportsPage = lazy(() => import("./reports/reports-page.js"));

export type Officer = OfficerView;

const DEFAULT_IDLE: IdleInfo = { timeoutSeconds: 1800, endsAt: new Date(Date.now() + 1_800_000).toISOString() };

export function ConsoleApp() {
  const [officer, setOfficer] = useState<Officer | null | undefined>(undefined);
  const [idle, setIdle] = useState<IdleInfo>(DEFAULT_IDLE);
  const [mustChange, setMustChange] = useState(false);
  const [training, setTraining] = useState<SessionReply["training"]>(undefined);
  const signedIn = (s: SessionReply) => {
    if (s.idle) setIdle(s.idle);
    setTraining(s.training);
    setMustChange(s.mustChangePassword === true);
    setOfficer(s.officer);
  };
  useEffect(() => {
    api<SessionReply>("GET", "/session").then(
      (s) => {
        setCsrf(s.csrfToken);
        signedIn(s);
      },
      () => setOfficer(null),
    );
  }, []);
  if (officer === undefined) return <main className="muted">Đang tải…</main>;
  if (officer === null) return <Login onDone={signedIn} />;
  if (mustChange) return <FirstPassword onDone={() => setMustChange(false)} />;
  return (
    <>
      <TrainingShell initial={training}>
        <Shell officer={officer} onLogout={() => setOfficer(null)} />
      </TrainingShell>
      <IdleGuard idle={idle} username={officer.username} />
    </>
  );
}

function Login({ onDone }: { onDone: (s: SessionReply) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError("");
    try {
      const r = await api<SessionReply>("POST", "/login", { username, password });
      setCsrf(r.csrfToken);
      onDone(r);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Không kết nối được máy chủ.");
    }
  };
  return (
    <main>
      <form className="card login" onSubmit={submit}>
        <h2>Bàn làm việc Một cửa</h2>
        <div className="field">
          <label htmlFor="u">Tên đăng nhập</label>
          <input
            id="u"
            autoFocus
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <PasswordField
          id="p"
          label="Mật khẩu"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="primary" type="submit">
          Đăng nhập
        </button>
      </form>
    </main>
  );
}

/** First sign-in with a one-time password from `npm run users`: choose one's own before working. */
function FirstPassword({ onDone }: { onDone: () => void }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [again, setAgain] = useState("");
  const [error, setError] = useState("");
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError("");
    if (next !== again) return setError("Hai lần nhập mật khẩu mới chưa khớp.");
    try {
      await api("POST", "/password", { current, next });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? (err.fields[0]?.message ?? err.message) : "Không kết nối được máy chủ.");
    }
  };
  return (
    <main>
      <form className="card login" onSubmit={submit}>
        <h2>Đổi mật khẩu lần đầu</h2>
        <p className="muted">
          Tài khoản đang dùng mật khẩu một lần. Hãy đặt mật khẩu của riêng mình (ít nhất 12 ký tự).
        </p>
        <PasswordField
          id="cur"
          label="Mật khẩu một lần"
          autoFocus
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
        />
        <PasswordField id="new1" label="Mật khẩu mới" autoComplete="new-password" value={next} onChange={setNext} />
        <PasswordField
          id="new2"
          label="Nhập lại mật khẩu mới"
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="primary" type="submit">
          Đổi mật khẩu
        </button>
      </form>
    </main>
  );
}

const NAV: { label: string; route: Route; roles?: Officer["role"][] }[] = [
  { label: "Hôm nay", route: { name: "board" } },
  { label: "Tiếp nhận", route: { name: "intake" }, roles: ["counter_officer", "volunteer"] },
  { label: "Đang kê khai", route: { name: "queue", queue: "drafts" }, roles: ["counter_officer", "volunteer"] },
  {
    label: "Xử lý",
    route: { name: "queue", queue: "processing" },
    roles: ["counter_officer", "processing_officer", "leader", "province_viewer", "unit_admin"],
  },
  { label: "Chờ duyệt", route: { name: "queue", queue: "approval" } },
  {
    label: "Trả kết quả",
    route: { name: "queue", queue: "results" },
    roles: ["counter_officer", "processing_officer", "leader", "province_viewer", "unit_admin"],
  },
  {
    label: "Ý kiến người dân",
    route: { name: "feedback" },
    roles: ["counter_officer", "processing_officer", "leader", "province_viewer", "unit_admin"],
  },
  {
    label: "Cần hỗ trợ",
    route: { name: "conversations" },
    roles: ["counter_officer", "processing_officer", "leader", "province_viewer", "unit_admin"],
  },
  {
    label: "Thông báo chưa gửi được",
    route: { name: "deadLetters" },
    roles: ["unit_admin", "leader", "province_viewer"],
  },
  { label: "Thông tin đơn vị", route: { name: "office" }, roles: ["unit_admin", "province_admin"] },
  { label: "Kế hoạch", route: { name: "plans" }, roles: ["province_admin", "unit_admin"] },
  { label: "Cần xác nhận", route: { name: "verification" }, roles: ["unit_admin", "province_admin"] },
  { label: "Yêu cầu sửa dữ liệu", route: { name: "dataRequests" }, roles: ["unit_admin", "province_viewer"] },
  {
    label: "Thử chatbot",
    route: { name: "chatbot" },
    roles: ["counter_officer", "processing_officer", "leader", "province_viewer", "unit_admin"],
  },
  {
    label: "Zalo của tôi",
    route: { name: "zaloLink" },
    roles: ["leader", "unit_admin", "processing_officer", "counter_officer"],
  },
  { label: "Báo cáo", route: { name: "reports" }, roles: ["leader", "unit_admin", "province_viewer"] },
  { label: "Thủ tục", route: { name: "procedures" }, roles: ["province_admin"] },
  { label: "Tài khoản", route: { name: "accounts" }, roles: ["unit_admin", "province_admin"] },
  { label: "Lịch làm việc", route: { name: "calendar" }, roles: ["province_admin"] },
];

/** How many citizens wait for an officer (the nav badge), refreshed every minute and after "Đã xử lý". */
function useWaitingCount(enabled: boolean): [number, () => void] {
  const [count, setCount] = useState(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    const load = () =>
      api<ConversationsReply>("GET", "/conversations", undefined, { background: true }).then(
        (r) => alive && setCount(r.count),
        () => undefined,
      );
    void load();
    const timer = setInterval(load, 60_000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [enabled, tick]);
  return [count, () => setTick((t) => t + 1)];
}

/** The training state of the officer's unit for every screen (the banner, the synthetic citizen, the switch). */
function TrainingShell({ initial, children }: { initial: SessionReply["training"]; children: ReactNode }) {
  const value = useTrainingSession(initial);
  return <TrainingContext.Provider value={value}>{children}</TrainingContext.Provider>;
}

function Shell({ officer, onLogout }: { officer: Officer; onLogout: () => void }) {
  const route = useRoute();
  const logout = async () => {
    await api("POST", "/logout").catch(() => undefined);
    onLogout();
  };
  const here = pathOf(route);
  const nav = NAV.filter((n) => !n.roles || n.roles.includes(officer.role));
  const [waiting, refreshWaiting] = useWaitingCount(nav.some((n) => n.route.name === "conversations"));
  return (
    <>
      <header className="top">
        <strong>Một cửa</strong>
        <nav>
          {nav.map((n) => (
            <a
              key={n.label}
              href={pathOf(n.route)}
              className={pathOf(n.route) === here ? "active" : ""}
              onClick={(e) => {
                e.preventDefault();
                navigate(n.route);
              }}
            >
              {n.label}
              {n.route.name === "conversations" && waiting > 0 && (
                <>
                  {" "}
                  <span className="badge nav-count" title={`${waiting} người đang chờ cán bộ`}>
                    {waiting}
                  </span>
                </>
              )}
            </a>
          ))}
        </nav>
        <div className="who">
          {officer.displayName}
          <br />
          <span>{ROLE_LABELS_VI[officer.role]}</span> ·{" "}
          <a
            href="#"
            style={{ color: "#dbe6ff" }}
            onClick={(e) => {
              e.preventDefault();
              void logout();
            }}
          >
            Đăng xuất
          </a>
        </div>
      </header>
      <TrainingBanner />
      <main>
        {route.name === "board" && <BoardPage officer={officer} />}
        {route.name === "intake" && <IntakePage officer={officer} />}
        {route.name === "queue" && <QueuePage key={route.queue} queue={route.queue} officer={officer} />}
        {route.name === "dossier" && <DossierPage key={route.id} id={route.id} officer={officer} />}
        {route.name === "deadLetters" && <DeadLettersPage />}
        {route.name === "feedback" && <FeedbackPage officer={officer} />}
        {route.name === "conversations" && <ConversationsPage onChange={refreshWaiting} />}
        {route.name === "office" && (
          <>
            <UnitSettingsPage provinceWide={officer.role === "province_admin"} />
            {officer.role === "unit_admin" && (
              <>
                <OfficePage />
                <WorkflowSetting />
              </>
            )}
            {officer.role === "unit_admin" && officer.unitId && <TrainingSetting unitId={officer.unitId} />}
          </>
        )}
        {route.name === "plans" && <PlansPage officer={officer} />}
        {route.name === "verification" && <VerificationPage />}
        {route.name === "dataRequests" && <DataRequestsPage officer={officer} />}
        {route.name === "chatbot" && <ChatbotPage />}
        {route.name === "zaloLink" && <ZaloLinkPage />}
        {route.name === "procedures" && officer.role === "province_admin" && <ProceduresPage />}
        {route.name === "accounts" && <AccountsPage officer={officer} />}
        {route.name === "calendar" && <CalendarPage />}
        {(route.name === "reports" || route.name === "reportDossiers" || route.name === "reportReview") && (
          <Suspense fallback={<p className="muted">Đang tải trang báo cáo…</p>}>
            <ReportsPage
              view={route.name === "reports" ? "report" : route.name === "reportDossiers" ? "dossiers" : "review"}
            />
          </Suspense>
        )}
      </main>
    </>
  );
}
