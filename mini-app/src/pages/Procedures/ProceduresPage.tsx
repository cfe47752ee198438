/**
 * Screen 2: every procedure the unit receives, the same-day ones first and clearly marked, so a citizen
 * sees at a glance which dossiers come back the same day on a scheme day.
 */
import { useNavigate, useParams } from "zmp-ui";
import type { ProcedureList } from "../../api/types.js";
import { ListRow } from "../../components/ListRow.js";
import { LoadError, Loading } from "../../components/LoadState.js";
import { Notice } from "../../components/Notice.js";
import { Screen } from "../../components/Screen.js";
import { useDeps } from "../../deps.js";
import { timeLimitText } from "../../format.js";
import { useApi } from "../../hooks/use-api.js";
import { paths } from "../../routes.js";

type Item = ProcedureList["items"][number];

export function splitBySameDay(items: Item[]): { sameDay: Item[]; others: Item[] } {
  return { sameDay: items.filter((i) => i.sameDayEligible), others: items.filter((i) => !i.sameDayEligible) };
}

function ProcedureRows({ items, unitCode }: { items: Item[]; unitCode: string }) {
  const navigate = useNavigate();
  return (
    <ul className="kh-list">
      {items.map((p) => (
        <ListRow
          key={p.code}
          title={p.name}
          lines={[
            <>
              {p.sameDayEligible ? (
                <span className="kh-badge kh-badge-same-day">Trả trong ngày vào Ngày không hẹn</span>
              ) : null}
              {` ${p.sector} · thời hạn ${timeLimitText(p.timeLimitWorkingDays)}`}
            </>,
          ]}
          onClick={() => navigate(paths.procedure(unitCode, p.code))}
        />
      ))}
    </ul>
  );
}

export default function ProceduresPage() {
  const { unitCode = "" } = useParams();
  const { api } = useDeps();
  const list = useApi(() => api.listProcedures(unitCode), unitCode);
  return (
    <Screen title="Thủ tục hành chính" name="procedures">
      {list.state === "loading" ? <Loading /> : null}
      {list.state === "error" ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.state === "ok"
        ? (() => {
            const { sameDay, others } = splitBySameDay(list.value.items);
            return (
              <>
                {list.value.schemeDay ? (
                  <Notice
                    tone="success"
                    title="Hôm nay là Ngày không hẹn: các thủ tục đánh dấu được trả kết quả trong ngày."
                  />
                ) : null}
                {sameDay.length > 0 ? (
                  <section className="kh-stack" aria-labelledby="same-day">
                    <h2 className="kh-h2" id="same-day">
                      Trả kết quả trong ngày (Ngày không hẹn)
                    </h2>
                    <ProcedureRows items={sameDay} unitCode={unitCode} />
                  </section>
                ) : null}
                {others.length > 0 ? (
                  <section className="kh-stack" aria-labelledby="others">
                    <h2 className="kh-h2" id="others">
                      Các thủ tục khác (có phiếu hẹn)
                    </h2>
                    <ProcedureRows items={others} unitCode={unitCode} />
                  </section>
                ) : null}
                {list.value.items.length === 0 ? (
                  <Notice title="Đơn vị này chưa có thủ tục nào trong danh mục của ứng dụng." />
                ) : null}
              </>
            );
          })()
        : null}
    </Screen>
  );
}
