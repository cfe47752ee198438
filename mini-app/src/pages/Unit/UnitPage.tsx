/**
 * Screen 1 with a unit (deep link `?unit=<code>` from the counter's QR poster, or chosen in search):
 * today's scheme status, office hours and the procedures that are returned the same day.
 */
import { useEffect } from "react";
import { Button, useLocation, useNavigate, useParams } from "zmp-ui";
import { Icon } from "../../components/icons.js";
import { ListRow } from "../../components/ListRow.js";
import { LoadError, Loading } from "../../components/LoadState.js";
import { Notice } from "../../components/Notice.js";
import { Screen } from "../../components/Screen.js";
import { TrackBadge } from "../../components/TrackBadge.js";
import { Unconfirmed, UnconfirmedNote } from "../../components/Unconfirmed.js";
import { useDeps } from "../../deps.js";
import { capitalize, formatDate } from "../../format.js";
import { useApi } from "../../hooks/use-api.js";
import { paths } from "../../routes.js";
import { saveLastUnit } from "../../state/device-store.js";
import { SavedTickets } from "../Home/SavedTickets.js";
import { CounterWaitCard } from "./CounterWaitCard.js";
import { officeHoursText, schemeBanner } from "./scheme-text.js";

export default function UnitPage() {
  const { unitCode = "" } = useParams();
  const { api, zalo, oaId } = useDeps();
  const navigate = useNavigate();
  const withdrawn = (useLocation().state as { withdrawn?: string } | null)?.withdrawn;
  const scheme = useApi(() => api.getScheme(unitCode), unitCode);

  const unitName = scheme.state === "ok" ? scheme.value.unit.displayName : undefined;
  useEffect(() => {
    if (unitName) saveLastUnit(zalo.storage, { code: unitCode, name: unitName });
  }, [unitName, unitCode, zalo.storage]);

  if (scheme.state !== "ok") {
    return (
      <Screen title="Ngày không hẹn" back={false} name="unit">
        {scheme.state === "loading" ? <Loading /> : <LoadError error={scheme.error} onRetry={scheme.reload} />}
        <SavedTickets />
        <Button fullWidth variant="tertiary" className="kh-btn-lg" onClick={() => navigate(paths.home())}>
          Chọn đơn vị khác
        </Button>
      </Screen>
    );
  }

  const s = scheme.value;
  const banner = schemeBanner(s);
  const hours = officeHoursText(s);
  return (
    <Screen title="Ngày không hẹn" back={false} name="unit">
      {withdrawn ? <Notice tone="success" title={`Đã rút bản khai ${withdrawn} và xóa thông tin đã khai.`} /> : null}
      <h1 className="kh-title">{capitalize(s.unit.displayName)}</h1>
      <p className="kh-meta">{s.unit.fullName.slice(s.unit.displayName.length).replace(/^,\s*/, "")}</p>
      <p className="kh-lead">
        {s.weekday}, {s.dateText}
      </p>
      <Notice tone={banner.tone} title={banner.title}>
        {banner.detail}
      </Notice>
      {s.plan ? <p className="kh-meta">{s.plan.official ? `Theo: ${s.plan.title}` : s.plan.statusLabel}</p> : null}

      {s.schemeDay ? <CounterWaitCard unitCode={unitCode} /> : null}

      <div className="kh-card kh-facts">
        {hours ? (
          <p className="kh-fact">
            <Icon name="clock" />
            <span>
              Giờ tiếp nhận: {hours}
              <Unconfirmed on={s.officeHoursToVerify} />
            </span>
          </p>
        ) : null}
        {s.intakeCutoff ? (
          <p className="kh-fact">
            <Icon name="calendar" /> <span>Nhận hồ sơ trả trong ngày đến {s.intakeCutoff}</span>
          </p>
        ) : null}
        <p className="kh-fact">
          <Icon name="location" />
          <span>
            {s.office.place}
            {s.office.address ? `, ${s.office.address}` : null}
            {s.office.phone ? ` · Điện thoại: ${s.office.phone}` : null}
            <Unconfirmed on={s.office.toVerify} />
          </span>
        </p>
        <UnconfirmedNote on={s.officeHoursToVerify || s.office.toVerify} />
      </div>

      {s.procedures.length > 0 ? (
        <section className="kh-stack" aria-labelledby="same-day-list">
          <h2 className="kh-h2" id="same-day-list">
            Thủ tục trả kết quả trong ngày
          </h2>
          <ul className="kh-list">
            {s.procedures.map((p) => (
              <ListRow
                key={p.code}
                title={p.name}
                lines={[
                  <>
                    <TrackBadge track={p.track} /> Hẹn trả:{" "}
                    {p.track === "same-day" ? "trong ngày" : formatDate(p.dueDate)}
                  </>,
                ]}
                onClick={() => navigate(paths.procedure(unitCode, p.code))}
              />
            ))}
          </ul>
        </section>
      ) : null}

      <Button fullWidth className="kh-btn-lg" onClick={() => navigate(paths.procedures(unitCode))}>
        Xem tất cả thủ tục
      </Button>
      <SavedTickets />
      {oaId && zalo.kind === "zalo" ? (
        <Button
          fullWidth
          variant="secondary"
          className="kh-btn-lg"
          prefixIcon={<Icon name="chat" />}
          onClick={() => void zalo.openChat(oaId, `Tôi muốn hỏi về thủ tục tại ${s.unit.displayName}: `)}
        >
          Hỏi qua Zalo
        </Button>
      ) : null}
      <div className="kh-row-buttons">
        <Button fullWidth variant="secondary" className="kh-btn-lg" onClick={() => navigate(paths.myDossiers())}>
          Hồ sơ của tôi
        </Button>
        <Button fullWidth variant="tertiary" className="kh-btn-lg" onClick={() => navigate(paths.home())}>
          Đổi đơn vị
        </Button>
      </div>
    </Screen>
  );
}
