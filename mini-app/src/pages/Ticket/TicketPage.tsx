/**
 * Screen 5: the ticket to show at the counter. The big code and its QR come from the device first (so it
 * opens offline); when the network is there the status is refreshed and the copy on the device updated.
 */
import { useEffect, useState } from "react";
import { Button, useNavigate, useParams } from "zmp-ui";
import type { ApiError } from "../../api/http.js";
import type { PreRegistration } from "../../api/types.js";
import { Notice } from "../../components/Notice.js";
import { NotifyOptIn } from "../../components/NotifyOptIn.js";
import { PhoneOptIn } from "../../components/PhoneOptIn.js";
import { Loading, LoadError } from "../../components/LoadState.js";
import { Screen } from "../../components/Screen.js";
import { useDeps } from "../../deps.js";
import { paths } from "../../routes.js";
import {
  findTicket,
  forgetTicket,
  loadDraft,
  saveDraft,
  saveTicket,
  type SavedTicket,
} from "../../state/device-store.js";
import { expiryText, ticketFrom } from "../../state/ticket.js";
import { QrImage } from "./QrImage.js";

export default function TicketPage() {
  const { id = "" } = useParams();
  const { api, zalo } = useDeps();
  const navigate = useNavigate();
  const [ticket, setTicket] = useState<SavedTicket | undefined>(() => findTicket(zalo.storage, id));
  const [offline, setOffline] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [record, setRecord] = useState<PreRegistration | null>(null);
  const [withdrawing, setWithdrawing] = useState<"ask" | "busy" | null>(null);
  const [withdrawError, setWithdrawError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.getPreRegistration(id).then(async (r) => {
      if (!live) return;
      if (!r.ok) {
        if (r.error.status === 0) setOffline(true);
        else setError(r.error);
        return;
      }
      setRecord(r.value);
      const previous = findTicket(zalo.storage, r.value.id);
      let qrSvg = previous?.qrSvg;
      if (!qrSvg) {
        const svg = await api.getPreRegistrationQrSvg(r.value.id);
        if (svg.ok) qrSvg = svg.value;
      }
      const next = ticketFrom(r.value, { previous, qrSvg }, new Date());
      // Only a sent pre-registration is a ticket worth keeping on the phone.
      if (r.value.status !== "draft") saveTicket(zalo.storage, next);
      if (live) setTicket(next);
    });
    return () => {
      live = false;
    };
  }, [api, id, zalo.storage]);

  if (!ticket) {
    return (
      <Screen title="Phiếu khai trước" name="ticket">
        {error ? (
          <LoadError error={error} />
        ) : offline ? (
          <Notice tone="error" title="Không có mạng và phiếu này chưa được lưu trên máy." />
        ) : (
          <Loading />
        )}
        <Button fullWidth variant="secondary" className="kh-btn-lg" onClick={() => navigate(paths.home())}>
          Về trang chủ
        </Button>
      </Screen>
    );
  }

  const received = ticket.status === "finalised";
  const closed = ticket.status === "cancelled" || ticket.status === "expired";
  const draft = ticket.status === "draft";
  const preEntry = paths.preEntry(ticket.unitCode, ticket.procedureCode);
  /** A draft started on another phone (or whose copy here was cleared) continues from the server's copy. */
  const continueDraft = () => {
    if (record && !loadDraft(zalo.storage, ticket.unitCode, ticket.procedureCode)) {
      saveDraft(zalo.storage, {
        unitCode: ticket.unitCode,
        procedureCode: ticket.procedureCode,
        versionId: record.procedure.versionId,
        serverId: record.id,
        formData: record.formData,
        position: record.consent ? "check" : "consent",
        ...(record.consent ? { consentVersion: record.consent.version } : {}),
        updatedAt: record.updatedAt,
        unsynced: false,
      });
    }
    navigate(preEntry);
  };
  /** Withdrawing a sent pre-entry before the counter finalises it erases it on the server and on this phone. */
  const withdraw = async () => {
    setWithdrawing("busy");
    setWithdrawError(null);
    const r = await api.cancelPreRegistration(ticket.id);
    if (!r.ok && r.error.code !== "pre_registration_not_found") {
      setWithdrawing("ask");
      return setWithdrawError(
        r.error.status === 0 ? "Chưa rút được bản khai (mất kết nối). Vui lòng thử lại khi có mạng." : r.error.message,
      );
    }
    forgetTicket(zalo.storage, ticket.id);
    navigate(paths.unit(ticket.unitCode), { replace: true, state: { withdrawn: ticket.code } });
  };
  return (
    <Screen title="Phiếu khai trước" name="ticket" onBack={() => navigate(paths.unit(ticket.unitCode))}>
      {offline ? <Notice tone="info" title="Đang xem bản lưu trên máy (không có mạng)." /> : null}
      {error && error.status !== 404 ? <Notice tone="warning" title={error.message} /> : null}
      {closed ? (
        <>
          <Notice
            tone="error"
            title={`Phiếu ${ticket.code}: ${(ticket.statusLabel ?? "không còn hiệu lực").toLowerCase()}.`}
          >
            Mã này không dùng được tại Bộ phận Một cửa nữa. Bạn có thể khai lại để nhận mã mới.
          </Notice>
          <Button fullWidth className="kh-btn-lg" onClick={() => navigate(preEntry)}>
            Khai lại
          </Button>
        </>
      ) : null}
      {draft ? (
        <>
          <Notice tone="warning" title={`Bản khai ${ticket.code} chưa được gửi.`}>
            Hãy kiểm tra và gửi bản khai để nhận phiếu mang đến Bộ phận Một cửa.
          </Notice>
          <Button fullWidth className="kh-btn-lg" onClick={continueDraft}>
            Tiếp tục khai
          </Button>
        </>
      ) : null}
      {!closed && !draft ? (
        <section className="kh-ticket" aria-label="Mã khai trước">
          <p className="kh-ticket-label">{received ? "Mã khai trước" : "Đưa mã này cho cán bộ Một cửa"}</p>
          <p className="kh-ticket-code" data-testid="ticket-code">
            {ticket.code}
          </p>
          {!received ? <QrImage svg={ticket.qrSvg} payload={ticket.qrPayload} /> : null}
          <p className="kh-ticket-status">{ticket.statusLabel}</p>
          {!received ? <p className="kh-meta">{expiryText(ticket)}</p> : null}
        </section>
      ) : null}

      {received && ticket.dossierCode ? (
        <Button fullWidth className="kh-btn-lg" onClick={() => navigate(paths.dossier(ticket.dossierCode!))}>
          Xem tình trạng hồ sơ {ticket.dossierCode}
        </Button>
      ) : null}

      <div className="kh-card kh-stack">
        <h2 className="kh-h2">{ticket.procedureName}</h2>
        <p>
          <strong>Nơi nộp:</strong> {ticket.where}
        </p>
        <p>
          <strong>Thời gian:</strong> {ticket.when}
        </p>
        {ticket.whatToBring.length > 0 ? (
          <>
            <p>
              <strong>Mang theo:</strong>
            </p>
            <ul className="kh-bullets">
              {ticket.whatToBring.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="kh-meta">Cán bộ sẽ in tờ khai từ thông tin bạn đã khai; bạn chỉ cần kiểm tra và ký.</p>
      </div>

      {!closed && !draft ? <NotifyOptIn lookupCode={ticket.code} /> : null}
      {!closed && !draft && !received && !offline ? (
        <section className="kh-card kh-stack" aria-labelledby="withdraw-title">
          <h2 className="kh-h2" id="withdraw-title">
            Không nộp nữa?
          </h2>
          {withdrawing ? (
            <>
              <p>Rút bản khai sẽ xóa mọi thông tin bạn đã khai. Mã {ticket.code} sẽ không dùng được nữa.</p>
              {withdrawError ? <Notice tone="error" title={withdrawError} /> : null}
              <Button
                fullWidth
                variant="secondary"
                className="kh-btn-lg"
                loading={withdrawing === "busy"}
                onClick={() => void withdraw()}
              >
                Rút và xóa bản khai
              </Button>
              <Button fullWidth variant="tertiary" className="kh-btn-lg" onClick={() => setWithdrawing(null)}>
                Giữ lại
              </Button>
            </>
          ) : (
            <Button fullWidth variant="tertiary" className="kh-btn-lg" onClick={() => setWithdrawing("ask")}>
              Rút bản khai
            </Button>
          )}
        </section>
      ) : null}
      {!closed && !draft ? <PhoneOptIn /> : null}
      <Button fullWidth variant="tertiary" className="kh-btn-lg" onClick={() => navigate(paths.myDossiers())}>
        Hồ sơ của tôi
      </Button>
    </Screen>
  );
}
