/**
 * "Tra cứu hồ sơ": a dossier code opens its public status; a pre-registration code opens the citizen's own ticket.
 * The code parsers load after the first paint (they are not needed to draw the home screen), before anyone can
 * press "Tra cứu", so a saved ticket's code still opens offline.
 */
import { useEffect, useState, type FormEvent } from "react";
import { Button } from "zmp-ui";
import { afterPaint } from "../../after-paint.js";
import { useCarriedState } from "../../carry.js";
import { FieldMessage } from "../../components/FieldMessage.js";
import { useDeps } from "../../deps.js";
import { useGo } from "../../go.js";
import { paths } from "../../routes.js";
import { findTicket } from "../../state/device-store.js";

const loadLookupCode = () => import("./lookup-code.js");

export function DossierLookup() {
  const { api, zalo } = useDeps();
  const navigate = useGo();
  const [text, setText] = useCarriedState("home.lookup", "");
  const [error, setError] = useCarriedState<string | null>("home.lookupError", null);
  const [busy, setBusy] = useState(false);

  useEffect(() => afterPaint(() => void loadLookupCode().catch(() => undefined)), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const lookup = await loadLookupCode().catch(() => null);
    if (!lookup) return setError("Không tải được phần tra cứu. Kiểm tra kết nối mạng rồi thử lại.");
    const target = lookup.readLookupCode(text);
    if (!target.ok) return setError(target.error);
    if (target.kind === "dossier") return navigate(paths.dossier(target.code));
    const saved = findTicket(zalo.storage, target.code);
    if (saved) return navigate(paths.ticket(saved.id));
    setBusy(true);
    const r = await api.getPreRegistration(target.code);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    navigate(paths.ticket(r.value.id));
  };

  return (
    <form className="kh-card kh-stack" onSubmit={submit} noValidate>
      <h2 className="kh-h2">Tra cứu hồ sơ</h2>
      <label className="kh-label" htmlFor="lookup-code">
        Mã hồ sơ hoặc mã khai trước
      </label>
      <input
        id="lookup-code"
        className={`kh-input${error ? " kh-input-error" : ""}`}
        autoComplete="off"
        autoCapitalize="characters"
        placeholder="Ví dụ: K7M-4X9-RN"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "lookup-code-error" : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
      />
      <FieldMessage id="lookup-code-error" message={error} />
      <Button htmlType="submit" fullWidth variant="secondary" loading={busy} className="kh-btn-lg">
        Tra cứu
      </Button>
    </form>
  );
}
