/**
 * Screen 1 without a unit: search for the commune or ward (diacritics optional), the tickets kept on
 * this phone (they open offline), and a lookup by dossier code.
 */
import { useEffect, useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import type { UnitSummary } from "../../api/types.js";
import { Icon } from "../../components/icons.js";
import { Notice } from "../../components/Notice.js";
import { Screen } from "../../components/Screen.js";
import { useDeps } from "../../deps.js";
import { capitalize, formatDate } from "../../format.js";
import { paths } from "../../routes.js";
import { loadLastUnit } from "../../state/device-store.js";
import { DossierLookup } from "./DossierLookup.js";
import { SavedTickets } from "./SavedTickets.js";

const MIN_QUERY = 2;
const DEBOUNCE_MS = 300;

export function unitContext(u: Pick<UnitSummary, "parent">): string {
  return u.parent ? u.parent.fullName : "";
}

export default function HomePage() {
  const { api, zalo } = useDeps();
  const navigate = useNavigate();
  const [query, setQuery] = useState("");
  const [items, setItems] = useState<UnitSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lastUnit = loadLastUnit(zalo.storage);

  useEffect(() => {
    const q = query.trim();
    if (q.length < MIN_QUERY) {
      setItems(null);
      setError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void api.searchUnits(q).then((r) => {
        if (!live) return;
        if (r.ok) {
          setItems(r.value.items);
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
    <Screen title="Ngày không hẹn" back={false} name="home">
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
      {items && items.length === 0 ? (
        <Notice tone="info" title="Không tìm thấy đơn vị nào">Thử gõ tên khác, ví dụ chỉ tên xã: “quảng khê”.</Notice>
      ) : null}
      {items && items.length > 0 ? (
        <ul className="kh-list" aria-label="Kết quả tìm kiếm">
          {items.map((u) => (
            <li key={u.id}>
              <button type="button" className="kh-row" onClick={() => navigate(paths.unit(u.code))}>
                <span className="kh-row-main">
                  <span className="kh-row-title">{capitalize(u.displayName)}</span>
                  <span className="kh-row-sub">
                    {unitContext(u)}
                    {u.validTo ? ` · đến ${formatDate(u.validTo)}` : ""}
                  </span>
                </span>
                <Icon name="chevronRight" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      <SavedTickets />
      <DossierLookup />

      <Button fullWidth variant="tertiary" className="kh-btn-lg" onClick={() => navigate(paths.myDossiers())}>
        Hồ sơ của tôi
      </Button>
      <Button fullWidth variant="tertiary" className="kh-btn-lg" onClick={() => navigate(paths.myData())}>
        Dữ liệu của tôi
      </Button>
    </Screen>
  );
}
