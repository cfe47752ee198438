/**
 * "Tài khoản": the officer accounts a unit administrator (their unit) or a province administrator (every unit of the
 * province and the province's own accounts) manages: the list with roles, creating an account (its one-time password
 * is shown once, to be changed at the first sign-in), disabling and re-enabling, resetting the password, changing the
 * role. Every change asks for a reason and is audited on the server (docs/admin/accounts.md).
 */
import { cloneElement, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type {
  AccountsReply,
  AccountView,
  OneTimePasswordReply,
  AccountUnit,
} from "../../../shared/console/accounts.js";
import type { OfficerView as Officer } from "../../../shared/console/officers.js";
import { ROLE_LABELS_VI } from "../../../shared/dossier/lifecycle-labels.js";
import { PROVINCE_ROLES, USERNAME_RULE_VI, type AccountRole } from "../../../shared/officers/accounts.js";
import { api, ApiError } from "./api.js";
import { vnDayTime } from "./format.js";
import { Loading } from "./page-messages.js";

type Errors = Record<string, string>;
type Action = { kind: "role" | "reset" | "disable" | "enable"; account: AccountView };

const isProvinceRole = (role: string) => (PROVINCE_ROLES as readonly string[]).includes(role);

/** The field errors of a refusal, and its message when no field carries it. */
function errorsOf(err: unknown): { fields: Errors; message: string } {
  if (!(err instanceof ApiError)) return { fields: {}, message: "Không kết nối được máy chủ." };
  const fields = Object.fromEntries(err.fields.map((f) => [f.path, f.message]));
  return { fields, message: err.fields.length > 0 ? "" : err.message };
}

/**
 * A form's sending: the last refusal is cleared, the request sent with the button disabled, and a refusal shown as
 * its field errors (beside the fields) and its message.
 */
function useSend() {
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState("");
  const [sending, setSending] = useState(false);
  const send = async (e: React.FormEvent, request: () => Promise<void>) => {
    e.preventDefault();
    setErrors({});
    setMessage("");
    setSending(true);
    try {
      await request();
    } catch (err) {
      const refusal = errorsOf(err);
      setErrors(refusal.fields);
      setMessage(refusal.message);
    } finally {
      setSending(false);
    }
  };
  return { errors, message, sending, send };
}

export function AccountsPage({ officer }: { officer: Officer }) {
  const [data, setData] = useState<AccountsReply | null>(null);
  const [loadError, setLoadError] = useState("");
  const [action, setAction] = useState<Action | null>(null);
  const [shown, setShown] = useState<{ username: string; password: string; why: string } | null>(null);
  const [notice, setNotice] = useState("");
  const [filter, setFilter] = useState("");
  const load = useCallback(
    () =>
      api<AccountsReply>("GET", "/admin/accounts").then(
        (r) => setData(r),
        (e: Error) => setLoadError(e.message),
      ),
    [],
  );
  useEffect(() => void load(), [load]);
  const provinceWide = officer.role === "province_admin";

  const visible = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!data || !q) return data?.accounts ?? [];
    return data.accounts.filter((a) =>
      [a.username, a.displayName, a.unitName ?? "", ROLE_LABELS_VI[a.role]].some((s) => s.toLowerCase().includes(q)),
    );
  }, [data, filter]);

  if (!data) return <Loading error={loadError} />;

  const done = async (text: string, password?: { username: string; password: string; why: string }) => {
    await load();
    setAction(null);
    setNotice(text);
    setShown(password ?? null);
  };

  return (
    <div className="accounts">
      <div className="card">
        <h2>Tài khoản cán bộ</h2>
        <p className="muted">
          {provinceWide
            ? "Tài khoản của các đơn vị trong tỉnh và tài khoản cấp tỉnh."
            : `Tài khoản của ${data.units[0]?.name ?? "đơn vị"}.`}{" "}
          Mọi thay đổi đều được ghi nhật ký (ai, lúc nào, việc gì, lý do). Bạn không tự đổi vai trò hay tự khóa tài
          khoản của mình.
        </p>
        {notice && (
          <p className="ok" role="status">
            {notice}
          </p>
        )}
        {shown && <OneTimePassword {...shown} onClose={() => setShown(null)} />}
        {data.accounts.length > 8 && (
          <div className="field" style={{ maxWidth: 360 }}>
            <label htmlFor="accounts-filter">Lọc theo tên, đơn vị, vai trò</label>
            <input id="accounts-filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
        )}
        <table className="list" data-testid="accounts">
          <thead>
            <tr>
              <th>Tên đăng nhập</th>
              <th>Họ và tên</th>
              {provinceWide && <th>Đơn vị</th>}
              <th>Vai trò</th>
              <th>Trạng thái</th>
              <th>Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((a) => (
              <tr key={a.id} data-account={a.username} className={a.active ? "" : "disabled"}>
                <td>
                  <b>{a.username}</b>
                  {a.self && <span className="muted"> (bạn)</span>}
                </td>
                <td>{a.displayName}</td>
                {provinceWide && <td>{a.unitName ?? "—"}</td>}
                <td>{ROLE_LABELS_VI[a.role]}</td>
                <td>
                  {a.active ? (
                    <span className="badge same-day">Đang dùng</span>
                  ) : (
                    <span className="badge late">Đã khóa</span>
                  )}
                  {a.mustChangePassword && <div className="muted">Chưa đổi mật khẩu một lần</div>}
                  <div className="muted">Tạo ngày {vnDayTime(a.createdAt).slice(0, 10)}</div>
                </td>
                <td>
                  {a.self ? (
                    <span className="muted">—</span>
                  ) : (
                    <div className="row">
                      <button type="button" onClick={() => setAction({ kind: "role", account: a })}>
                        Đổi vai trò
                      </button>
                      <button type="button" onClick={() => setAction({ kind: "reset", account: a })}>
                        Đặt lại mật khẩu
                      </button>
                      {a.active ? (
                        <button
                          type="button"
                          className="danger"
                          onClick={() => setAction({ kind: "disable", account: a })}
                        >
                          Khóa
                        </button>
                      ) : (
                        <button type="button" onClick={() => setAction({ kind: "enable", account: a })}>
                          Mở khóa
                        </button>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {visible.length === 0 && <p className="muted">Không có tài khoản nào khớp.</p>}
      </div>
      <div>
        {action && (
          <AccountAction
            key={`${action.kind}-${action.account.id}`}
            action={action}
            roles={data.roles}
            onCancel={() => setAction(null)}
            onDone={done}
          />
        )}
        <CreateAccount
          roles={data.roles}
          units={data.units}
          onCreated={(r) =>
            done(`Đã tạo tài khoản ${r.account.username}.`, {
              username: r.account.username,
              password: r.oneTimePassword,
              why: "tạo tài khoản",
            })
          }
        />
      </div>
    </div>
  );
}

/** The one-time password, shown once: the administrator hands it over; the officer changes it at the first sign-in. */
function OneTimePassword({
  username,
  password,
  why,
  onClose,
}: {
  username: string;
  password: string;
  why: string;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="one-time-password" role="alert" tabIndex={-1} ref={ref} data-testid="one-time-password">
      <p>
        Mật khẩu dùng một lần của <b>{username}</b> ({why}):{" "}
        <code className="password" data-testid="password">
          {password}
        </code>
      </p>
      <p className="muted">
        Chỉ hiển thị lần này. Hãy trao trực tiếp cho cán bộ; cán bộ phải đổi mật khẩu khi đăng nhập lần đầu.
      </p>
      <button type="button" onClick={onClose}>
        Đã ghi lại, ẩn mật khẩu
      </button>
    </div>
  );
}

function CreateAccount({
  roles,
  units,
  onCreated,
}: {
  roles: AccountRole[];
  units: AccountUnit[];
  onCreated: (r: OneTimePasswordReply) => Promise<void>;
}) {
  const provinceUnit = units.find((u) => u.level === "province");
  const unitChoices = units.filter((u) => u.level !== "province");
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<AccountRole>(roles[0] ?? "counter_officer");
  const [unitId, setUnitId] = useState(unitChoices[0]?.id ?? "");
  const [reason, setReason] = useState("");
  const { errors, message, sending, send } = useSend();
  const provinceRole = isProvinceRole(role);
  const chosenUnit = provinceRole ? (provinceUnit?.id ?? "") : unitId;

  const submit = (e: React.FormEvent) =>
    send(e, async () => {
      const r = await api<OneTimePasswordReply>("POST", "/admin/accounts", {
        username,
        displayName,
        role,
        unitId: chosenUnit,
        ...(reason.trim() ? { reason } : {}),
      });
      setUsername("");
      setDisplayName("");
      setReason("");
      await onCreated(r);
    });
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>Tạo tài khoản</h2>
      <Field id="new-username" label="Tên đăng nhập" error={errors.username} help={USERNAME_RULE_VI}>
        <input
          id="new-username"
          autoComplete="off"
          spellCheck={false}
          placeholder="vd. quangkhe.nguyenvana"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </Field>
      <Field id="new-name" label="Họ và tên" error={errors.displayName}>
        <input id="new-name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </Field>
      <Field id="new-role" label="Vai trò" error={errors.role}>
        <select id="new-role" value={role} onChange={(e) => setRole(e.target.value as AccountRole)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS_VI[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="new-unit"
        label="Đơn vị"
        error={errors.unitId}
        help={provinceRole ? "Tài khoản cấp tỉnh thuộc tỉnh." : undefined}
      >
        {provinceRole || unitChoices.length <= 1 ? (
          <input id="new-unit" readOnly value={units.find((u) => u.id === chosenUnit)?.name ?? ""} />
        ) : (
          <select id="new-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            {unitChoices.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="new-reason" label="Lý do (không bắt buộc)" error={errors.reason}>
        <input id="new-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      <button className="primary" type="submit" disabled={sending}>
        Tạo tài khoản
      </button>
    </form>
  );
}

const ACTION_TITLE: Record<Action["kind"], string> = {
  role: "Đổi vai trò",
  reset: "Đặt lại mật khẩu",
  disable: "Khóa tài khoản",
  enable: "Mở khóa tài khoản",
};
const ACTION_HELP: Record<Action["kind"], string> = {
  role: "Vai trò mới có hiệu lực ngay ở thao tác tiếp theo của cán bộ.",
  reset:
    "Cán bộ nhận một mật khẩu dùng một lần (hiển thị một lần) và phải đổi khi đăng nhập; các phiên đang mở kết thúc.",
  disable: "Cán bộ không đăng nhập được nữa; các phiên đang mở kết thúc ngay. Hồ sơ đã xử lý vẫn giữ nguyên.",
  enable: "Cán bộ đăng nhập lại được bằng mật khẩu hiện có.",
};

function AccountAction({
  action,
  roles,
  onCancel,
  onDone,
}: {
  action: Action;
  roles: AccountRole[];
  onCancel: () => void;
  onDone: (text: string, password?: { username: string; password: string; why: string }) => Promise<void>;
}) {
  const { kind, account } = action;
  // A role goes with the account's unit: province roles for the province's accounts, unit roles otherwise.
  const fitting = roles.filter((r) => isProvinceRole(r) === isProvinceRole(account.role));
  const [role, setRole] = useState<AccountRole>(
    (fitting.find((r) => r !== account.role) ?? account.role) as AccountRole,
  );
  const [reason, setReason] = useState("");
  const { errors, message, sending, send } = useSend();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLElement>("select, input")?.focus(), []);
  const base = `/admin/accounts/${encodeURIComponent(account.id)}`;

  const submit = (e: React.FormEvent) =>
    send(e, async () => {
      if (kind === "role") {
        await api("PUT", `${base}/role`, { role, reason });
        await onDone(`Đã đổi vai trò của ${account.username} thành ${ROLE_LABELS_VI[role]}.`);
      } else if (kind === "reset") {
        const r = await api<OneTimePasswordReply>("POST", `${base}/reset-password`, { reason });
        await onDone(`Đã đặt lại mật khẩu của ${account.username}.`, {
          username: account.username,
          password: r.oneTimePassword,
          why: "đặt lại mật khẩu",
        });
      } else {
        await api("POST", `${base}/${kind}`, { reason });
        await onDone(kind === "disable" ? `Đã khóa tài khoản ${account.username}.` : `Đã mở khóa ${account.username}.`);
      }
    });
  return (
    <form
      ref={form}
      className="card"
      onSubmit={submit}
      noValidate
      aria-labelledby="account-action-title"
      data-testid="account-action"
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <h2 id="account-action-title">
        {ACTION_TITLE[kind]}: {account.username}
      </h2>
      <p className="muted">
        {account.displayName} · {ROLE_LABELS_VI[account.role]}
        {account.unitName ? ` · ${account.unitName}` : ""}
      </p>
      <p className="muted">{ACTION_HELP[kind]}</p>
      {kind === "role" && (
        <Field id="action-role" label="Vai trò mới" error={errors.role}>
          <select id="action-role" value={role} onChange={(e) => setRole(e.target.value as AccountRole)}>
            {fitting.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS_VI[r]}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="action-reason" label="Lý do" error={errors.reason}>
        <input id="action-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      <div className="row">
        <button className={kind === "disable" ? "danger" : "primary"} type="submit" disabled={sending}>
          {ACTION_TITLE[kind]}
        </button>
        <button type="button" onClick={onCancel}>
          Hủy
        </button>
      </div>
    </form>
  );
}

function Field({
  id,
  label,
  error,
  help,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  help?: string | undefined;
  children: React.ReactElement<{ "aria-invalid"?: boolean; "aria-describedby"?: string }>;
}) {
  const described = error ? `${id}-error` : help ? `${id}-help` : undefined;
  return (
    <div className={`field${error ? " invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        "aria-invalid": Boolean(error),
        ...(described ? { "aria-describedby": described } : {}),
      })}
      {help && !error && (
        <div className="help" id={`${id}-help`}>
          {help}
        </div>
      )}
      {error && (
        <div className="msg" role="alert" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}
