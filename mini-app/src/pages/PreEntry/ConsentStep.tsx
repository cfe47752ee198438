/** The personal-data notice, accepted before anything personal leaves the phone (Law 91/2025/QH15). */
import { useState } from "react";
import { Button } from "zmp-ui";
import { FieldMessage } from "../../components/FieldMessage.js";
import { LoadError, Loading } from "../../components/LoadState.js";
import { useDeps } from "../../deps.js";
import { useApi } from "../../hooks/use-api.js";

export function ConsentStep({ onAccept }: { onAccept: (version: string) => void }) {
  const { api } = useDeps();
  const notice = useApi(() => api.getConsent(), "consent");
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (notice.state === "loading") return <Loading />;
  if (notice.state === "error") return <LoadError error={notice.error} onRetry={notice.reload} />;
  const n = notice.value;
  return (
    <div className="kh-stack">
      <h1 className="kh-question">{n.title}</h1>
      <div className="kh-card kh-stack kh-consent">
        {n.text.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      <FieldMessage id="consent-error" message={error} />
      <label className={`kh-choice${checked ? " kh-choice-on" : ""}`}>
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={error ? "consent-error" : undefined}
          onChange={(e) => {
            setChecked(e.target.checked);
            setError(null);
          }}
        />
        <span>Tôi đã đọc và đồng ý để cơ quan xử lý thông tin tôi khai cho thủ tục này.</span>
      </label>
      <Button
        fullWidth
        className="kh-btn-lg"
        onClick={() => (checked ? onAccept(n.version) : setError("Bạn cần tích chọn đồng ý để tiếp tục khai trước."))}
      >
        Đồng ý và tiếp tục
      </Button>
      <p className="kh-meta">Phiên bản thông báo: {n.version}</p>
    </div>
  );
}
