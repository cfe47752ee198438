/**
 * Screen 1 without a unit: search for the commune or ward (diacritics optional), the tickets kept on
 * this phone (they open offline), and a lookup by dossier code. The content of the screen, inside zmp-ui's Page in
 * the app (HomePage.tsx) or inside the same markup on the first screen (first-screen.tsx), so it imports neither
 * the router nor zmp-ui's Page: it leaves through useGo().
 */
import { useEffect } from "react";
import { Button } from "zmp-ui";
import type { UnitList, UnitSummary } from "../../api/types.js";
import { Icon } from "../../components/icons.js";
import { ListRow } from "../../components/ListRow.js";
import { Notice } from "../../components/Notice.js";
import { useCarriedState } from "../../carry.js";
import { useDeps } from "../../deps.js";
import { useGo } from "../../go.js";
import { capitalize } from "../../capitalize.js";
import { paths } from "../../routes.js";
import { loadLastUnit } from "../../state/device-store.js";
import { DossierLookup } from "./DossierLookup.js";
import { SavedTickets } from "./SavedTickets.js";

const MIN_QUERY = 2;
const DEBOUNCE_MS = 300;

export function unitContext(u: Pick<UnitSummary, "parent">): string {
  return u.parent ? u.parent.fullName : "";
}

/** "2025-06-30" → "30/06/2025". */
const formatIsoDate = (iso: string) => iso.split("-").reverse().join("/");
/** The day after a unit's last day: when its successors took over. */
function nextDay(lastDay: string | null): string {
  if (!lastDay) return "";
  const d = new Date(`${lastDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export const HOME_TITLE = "Ngày không hẹn";

export function HomeBody() {
  const { api, zalo } = useDeps();
  const navigate = useGo();
  const [query, setQuery] = useCarriedState("home.query", "");
  const [items, setItems] = useCarriedState<UnitSummary[] | null>("home.items", null);
  const [formerNames, setFormerNames] = useCarriedState<NonNullable<UnitList["formerNames"]>>("home.formerNames", []);
  const [error, setError] = useCarriedState<string | null>("home.error", null);
  const lastUnit = loadLastUnit(zalo.storage);

  useEffect(() => {
    const q = query.trim();
    if (q.length < MIN_QUERY) {
      setItems(null);
      setFormerNames([]);
      setError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void api.searchUnits(q).then((r) => {
        if (!live) return;
        if (r.ok) {
          setItems(r.value.items);
          setFormerNames(r.value.formerNames ?? []);
          setError(null);
        } else setError(r.error.message);
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  return (
    <>
      <h1 className="kh-title">Làm thủ tục hành chính không phải viết, không phải hẹn</h1>
      <p className="kh-lead">Chọn xã, phường nơi bạn sẽ nộp hồ sơ để xem ngày tiếp nhận và trả kết quả trong ngày.</p>

      {lastUnit ? (
        <Button fullWidth variant="secondary" className="kh-btn-lg" onClick={() => navigate(paths.unit(lastUnit.code))}>
          Xem {lastUnit.name} (đã chọn trước đây)
        </Button>
      ) : null}

      <label className="kh-label" htmlFor="unit-search">
        Tìm xã, phường (gõ không dấu cũng được)
      </label>
      <div className="kh-search">
        <Icon name="search" className="kh-search-icon" />
        <input
          id="unit-search"
          className="kh-input"
          type="search"
          inputMode="search"
          autoComplete="off"
          placeholder="Ví dụ: quang khe"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {error ? <Notice tone="error" title={error} /> : null}
      {items && items.length === 0 && formerNames.length === 0 ? (
        <Notice tone="info" title="Không tìm thấy đơn vị nào">
          Thử gõ tên khác, ví dụ chỉ tên xã: “quảng khê”.
        </Notice>
      ) : null}
      {items && items.length > 0 ? (
        <ul className="kh-list" aria-label="Kết quả tìm kiếm">
          {items.map((u) => (
            <ListRow
              key={u.id}
              title={capitalize(u.displayName)}
              lines={[`${unitContext(u)}${u.validTo ? ` · đến ${formatIsoDate(u.validTo)}` : ""}`]}
              onClick={() => navigate(paths.unit(u.code))}
            />
          ))}
        </ul>
      ) : null}

      {formerNames.map((lead) => (
        <section key={lead.former.id} className="kh-stack" aria-labelledby={`former-${lead.former.id}`}>
          <h2 className="kh-h2" id={`former-${lead.former.id}`}>
            {capitalize(lead.former.displayName)} cũ
          </h2>
          <p className="kh-help">
            Từ {formatIsoDate(nextDay(lead.former.validTo))} không còn {lead.former.displayName}; nay nộp hồ sơ tại{" "}
            {lead.successors.length === 1 ? "" : `một trong ${lead.successors.length} `}xã, phường sau:
          </p>
          <ul className="kh-list" aria-label={`Đơn vị nay thuộc ${lead.former.displayName} cũ`}>
            {lead.successors.map((u) => (
              <ListRow
                key={u.id}
                title={capitalize(u.displayName)}
                lines={[unitContext(u)]}
                onClick={() => navigate(paths.unit(u.code))}
              />
            ))}
          </ul>
        </section>
      ))}

      <SavedTickets />
      <DossierLookup />

      <Button fullWidth variant="tertiary" className="kh-btn-lg" onClick={() => navigate(paths.myDossiers())}>
        Hồ sơ của tôi
      </Button>
      <Button fullWidth variant="tertiary" className="kh-btn-lg" onClick={() => navigate(paths.myData())}>
        Dữ liệu của tôi
      </Button>
    </>
  );
}
