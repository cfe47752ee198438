/**
 * A dossier's status (no personal data): timeline, due date, track; the notification offer while the citizen
 * waits; the rating and the complaint form once the result is there. The request carries the citizen's credential,
 * so their own dossier shows procedure, unit, track and missing documents; another code shows state and dates only.
 */
import { Button, useNavigate, useParams } from "zmp-ui";
import type { DossierStatus } from "../../api/types.js";
import { LoadError, Loading } from "../../components/LoadState.js";
import { Notice } from "../../components/Notice.js";
import { NotifyOptIn } from "../../components/NotifyOptIn.js";
import { PhoneOptIn } from "../../components/PhoneOptIn.js";
import { Screen } from "../../components/Screen.js";
import { TrackBadge } from "../../components/TrackBadge.js";
import { useDeps } from "../../deps.js";
import { formatDate } from "../../format.js";
import { useApi } from "../../hooks/use-api.js";
import { paths } from "../../routes.js";
import { loadLastUnit, loadTickets } from "../../state/device-store.js";
import { RatingCard } from "./RatingCard.js";
import { statusSentence, timeline } from "./timeline.js";

/** What is missing when a supplement is requested, once the public status carries it (proposed API field). */
type StatusWithMissing = DossierStatus & { missingDocuments?: string[]; receivingUnitCode?: string };

const TERMINAL = new Set(["returned", "refused", "withdrawn", "rejected"]);

export default function DossierPage() {
  const { code = "" } = useParams();
  const { api, zalo } = useDeps();
  const navigate = useNavigate();
  const status = useApi(() => api.getDossierStatus(code), code);

  if (status.state !== "ok") {
    return (
      <Screen title="Tình trạng hồ sơ" name="dossier">
        {status.state === "loading" ? (
          <Loading />
        ) : (
          <LoadError error={status.error} onRetry={status.error.status === 0 ? status.reload : undefined} />
        )}
      </Screen>
    );
  }
  const s = status.value as StatusWithMissing;
  const sentence = statusSentence(s.state, s.stateLabel);
  const unitCode =
    s.receivingUnitCode ??
    loadTickets(zalo.storage).find((t) => t.dossierCode === s.code)?.unitCode ??
    loadLastUnit(zalo.storage)?.code;
  const steps = timeline(s.state);

  return (
    <Screen title="Tình trạng hồ sơ" name="dossier">
      <h1 className="kh-title">{s.procedure?.name ?? `Hồ sơ ${s.code}`}</h1>
      <p className="kh-meta">
        Mã hồ sơ <span className="kh-code-inline">{s.code}</span>
        {s.receivingUnit ? ` · ${s.receivingUnit}` : ""}
      </p>
      <Notice tone={sentence.tone} title={s.stateLabel}>
        {sentence.text}
      </Notice>
      {s.state === "awaiting_supplement" && s.missingDocuments?.length ? (
        <div className="kh-card">
          <h2 className="kh-h2">Giấy tờ cần bổ sung</h2>
          <ul className="kh-bullets">
            {s.missingDocuments.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <ol className="kh-timeline" aria-label="Các bước giải quyết">
        {steps.map((t) => (
          <li
            key={t.key}
            className={`kh-timeline-step kh-timeline-${t.mark}`}
            aria-current={t.mark === "current" ? "step" : undefined}
          >
            <span className="kh-timeline-dot" aria-hidden="true" />
            <span>{t.label}</span>
          </li>
        ))}
      </ol>

      <div className="kh-card kh-facts">
        {s.track && (
          <p>
            <TrackBadge track={s.track} /> {s.trackLabel}
          </p>
        )}
        <p>Ngày tiếp nhận: {formatDate(s.receivedOn)}</p>
        <p>Ngày hẹn trả kết quả: {s.dueDateText}</p>
      </div>

      {s.resultReady || s.returned ? <RatingCard dossierCode={s.code} unitCode={unitCode} /> : null}
      {!s.resultReady && !TERMINAL.has(s.state) ? <NotifyOptIn lookupCode={s.code} /> : null}
      {!s.resultReady && !TERMINAL.has(s.state) ? <PhoneOptIn /> : null}

      <Button fullWidth variant="secondary" className="kh-btn-lg" onClick={status.reload}>
        Cập nhật tình trạng
      </Button>
      {unitCode ? (
        <Button
          fullWidth
          variant="tertiary"
          className="kh-btn-lg"
          onClick={() => navigate(paths.feedback(unitCode, s.code))}
        >
          Gửi phản ánh, kiến nghị
        </Button>
      ) : null}
    </Screen>
  );
}
