/** Tickets kept on this phone: they open without a network, so the citizen can show the code at the counter. */
import { useNavigate } from "zmp-ui";
import { Icon } from "../../components/icons.js";
import { useDeps } from "../../deps.js";
import { paths } from "../../routes.js";
import { loadTickets } from "../../state/device-store.js";

export function SavedTickets() {
  const { zalo } = useDeps();
  const navigate = useNavigate();
  const tickets = loadTickets(zalo.storage);
  if (tickets.length === 0) return null;
  return (
    <section className="kh-stack" aria-labelledby="saved-tickets">
      <h2 className="kh-h2" id="saved-tickets">
        Phiếu khai trước trên máy này
      </h2>
      <ul className="kh-list">
        {tickets.map((t) => (
          <li key={t.id}>
            <button type="button" className="kh-row" onClick={() => navigate(paths.ticket(t.id))}>
              <Icon name="qr" />
              <span className="kh-row-main">
                <span className="kh-row-title kh-code-inline">{t.code}</span>
                <span className="kh-row-sub">
                  {t.procedureName} · {t.unitName}
                </span>
              </span>
              <Icon name="chevronRight" />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
