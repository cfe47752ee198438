/**
 * Screen 6: the citizen's pre-registrations and the dossiers they became. The last list is kept on the
 * device so the screen still shows something without a network.
 */
import { useEffect } from "react";
import { Button, useNavigate } from "zmp-ui";
import type { PreRegistrationSummary } from "../../api/types.js";
import { ListRow } from "../../components/ListRow.js";
import { LoadError, Loading } from "../../components/LoadState.js";
import { Notice } from "../../components/Notice.js";
import { Screen } from "../../components/Screen.js";
import { TrackBadge } from "../../components/TrackBadge.js";
import { useDeps } from "../../deps.js";
import { capitalize, formatDate, formatInstant } from "../../format.js";
import { useApi } from "../../hooks/use-api.js";
import { paths } from "../../routes.js";
import { loadTickets, readJson, saveTicket, writeJson } from "../../state/device-store.js";
import { ticketFrom } from "../../state/ticket.js";
import { MyFeedbackSection } from "./MyFeedback.js";

const CACHE = "mine";

function Row({ item }: { item: PreRegistrationSummary }) {
  const navigate = useNavigate();
  const d = item.dossier;
  return (
    <ListRow
      title={item.procedure.name}
      lines={[
        capitalize(item.unit.fullName),
        d ? (
          <>
            <TrackBadge track={d.track} /> Hồ sơ {d.code}: <strong>{d.stateLabel}</strong> · hẹn trả{" "}
            {formatDate(d.dueDate)}
          </>
        ) : (
          <>
            Mã khai trước <span className="kh-code-inline">{item.code}</span>: <strong>{item.statusLabel}</strong>
          </>
        ),
      ]}
      onClick={() => navigate(d ? paths.dossier(d.code) : paths.ticket(item.id))}
    />
  );
}

export default function MyDossiersPage() {
  const { api, zalo } = useDeps();
  const navigate = useNavigate();
  const list = useApi(() => api.listMyPreRegistrations(), "mine");
  const cached = readJson<{ items: PreRegistrationSummary[]; at: string }>(zalo.storage, CACHE);

  useEffect(() => {
    if (list.state !== "ok") return;
    writeJson(zalo.storage, CACHE, { items: list.value.items, at: new Date().toISOString() });
    // Keep the saved tickets' status in step with the server.
    for (const t of loadTickets(zalo.storage)) {
      const fresh = list.value.items.find((i) => i.id === t.id);
      if (fresh) saveTicket(zalo.storage, ticketFrom(fresh, { previous: t }, new Date()));
    }
  }, [list, zalo.storage]);

  const offline = list.state === "error" && list.error.status === 0;
  const items = list.state === "ok" ? list.value.items : offline ? cached?.items : undefined;

  return (
    <Screen title="Hồ sơ của tôi" name="my-dossiers">
      {list.state === "loading" ? <Loading /> : null}
      {list.state === "error" && !offline ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {offline ? (
        <Notice tone="warning" title="Không có mạng.">
          {cached ? `Danh sách cập nhật lúc ${formatInstant(cached.at)}.` : "Chưa có danh sách lưu trên máy."}
        </Notice>
      ) : null}
      {items && items.length === 0 ? <Notice title="Bạn chưa khai trước hồ sơ nào." /> : null}
      {items && items.length > 0 ? (
        <ul className="kh-list">
          {items.map((i) => (
            <Row key={i.id} item={i} />
          ))}
        </ul>
      ) : null}
      <MyFeedbackSection />
      <Button fullWidth variant="secondary" className="kh-btn-lg" onClick={() => navigate(paths.home())}>
        Tìm đơn vị, thủ tục
      </Button>
    </Screen>
  );
}
